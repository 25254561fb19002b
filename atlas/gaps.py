"""Capitalised names that recognition left unread, for `make report`: what the gazetteer may lack.

A curator adding documents wants to see, for any corpus, the proper names no mention covers:
"Garlyk", "Belgorkhimprom", "Tcholpon-Ata" before the world gazetteer knew it. A capitalised word
(or a run of them: "Grodno Azot") counts unless a mention covers it, it is one word starting a
sentence or written in lowercase elsewhere in the paragraph ("Cependant", "Cette"), an elision
("L'un", "C'est") or a French function word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from atlas.ambiguity import LowercaseVocabulary, Rules
from atlas.place_index import canonical
from atlas.place_index import fold_for_matching as fold
from atlas.recognise import Mention

NAME_RE = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*(?:[ -][A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*)*")
ROMAN_RE = re.compile(r"^[IVXLC]+$")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;«\"]\s*|\n\s*)$")
ELISION_RE = re.compile(r"^(?:[LDCJNSM]|Qu|Jusqu|Lorsqu|Puisqu)['’]")


def unrecognised_names(text: str, mentions: Sequence[Mention], rules: Rules) -> list[str]:
    """Capitalised names of *text* that no mention overlaps."""
    vocabulary = LowercaseVocabulary(fold(text), text)
    covered = [(m.start, m.end) for m in mentions]
    out = []
    for m in NAME_RE.finditer(text):
        name = m.group().strip("-’'")
        start, end = m.start(), m.start() + len(name)
        if any(a < end and start < b for a, b in covered) or len(name) < 3 or ROMAN_RE.match(name):
            continue
        key = canonical(name)
        if " " not in key and (key in rules.function or key in vocabulary or SENTENCE_START_RE.search(text, 0, start)):
            continue  # one word starting a sentence ("Cependant", "Rappelons") is no name to report
        if ELISION_RE.match(name):
            continue
        out.append(name)
    return out


def report_lines(paragraphs: Iterable[tuple[str, Sequence[Mention]]], rules: Rules, limit: int = 300) -> list[str]:
    """Most frequent unrecognised capitalised names of the paragraphs, with their counts."""
    counts: Counter[str] = Counter()
    for text, mentions in paragraphs:
        counts.update(unrecognised_names(text, mentions, rules))
    lines = [f"# Capitalised names not recognised ({len(counts)} distinct; count, name)"]
    lines += [f"{n:4d}  {name}" for name, n in counts.most_common(limit)]
    return lines
