"""`make report`: for curators, what the recognition stage missed or never used.

Every capitalised name no mention covers comes first (atlas.gaps: what the gazetteer may lack).
Names after a construction word ("région de X") that no mention covers are gazetteer gaps;
aliases never seen in the corpus and places never mentioned are candidates for clean-up.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence

from atlas.ambiguity import Rules, load_rules
from atlas.corpus import Corpus
from atlas.gaps import report_lines
from atlas.gazetteer import Entity, Gazetteer
from atlas.pipeline import prepare
from atlas.project import ROOT, Project
from atlas.recognise import Mention, canonical

UNRECOGNISED_RE = re.compile(
    r"\b(?:régions?|oblasts?|provinces?|kra[iï]s?|territoires?|districts?|villes?|Républiques?"
    r"|république|Land|akimat de la région|municipalités?|villages?)"
    r"(?:\s+[a-zéèêàç]+)?\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[\s-][A-ZÀ-ÖØ-Þ][\w'’-]+)*)")


def find_unrecognised(text: str, mentions: Sequence[Mention]) -> list[str]:
    """Capitalised names after a construction word that no mention covers (gazetteer gaps)."""
    covered = [(m.start, m.end) for m in mentions]
    out = []
    for m in UNRECOGNISED_RE.finditer(text):
        s, e = m.span("name")
        if not any(a < e and s < b for a, b in covered):
            out.append(m.group("name"))
    return out


def report(corpus: Corpus, found: dict[tuple[str, str], list[Mention]], gazetteer: Gazetteer,
           rules: Rules | None = None) -> str:
    """Text report for curators: unrecognised place-like names, unused aliases, unmentioned places."""
    gaps: Counter[str] = Counter()
    used_entities: Counter[str] = Counter()
    paragraphs = corpus.paragraph_index()
    for key, (_, para) in paragraphs.items():
        mentions = found.get(key, [])
        gaps.update(find_unrecognised(para.text, mentions))
        for m in mentions:
            used_entities[m.entity_id] += 1
    lines = report_lines(((para.text, found.get(key, [])) for key, (_, para) in paragraphs.items()), rules) \
        if rules else []
    lines += ["", "# Names after a construction word that were not recognised (count, name)"]
    lines += [f"{n:4d}  {name}" for name, n in gaps.most_common()]
    lines.append("\n# Entities mentioned (count, id)")
    lines += [f"{n:4d}  {eid}" for eid, n in sorted(used_entities.items(), key=lambda x: (-x[1], x[0]))]
    never = [e.id for e in gazetteer if e.source != "world"
             and e.id not in used_entities and (e.kind != "region" or _curated(e))]
    lines.append(f"\n# Curated entities never mentioned ({len(never)}; regions only when curated)")
    lines += [f"      {eid}" for eid in sorted(never)]
    unused = _unused_aliases(gazetteer, used_entities, found, corpus)
    lines.append(f"\n# Aliases never used in the corpus, of mentioned entities ({len(unused)})")
    lines += [f"      {eid}: {alias}" for eid, alias in unused]
    return "\n".join(lines)


def _curated(entity: Entity) -> bool:
    """A region with a French curated name (not just Natural Earth data)."""
    return entity.name_fr.lower().startswith(("région", "province", "kraï", "république", "land"))


def _unused_aliases(gazetteer: Gazetteer, used: Counter[str],
                    found: dict[tuple[str, str], list[Mention]], corpus: Corpus) -> list[tuple[str, str]]:
    """(entity, alias) pairs whose spelling never appears in the text of a mention of that entity."""
    seen: dict[str, set[str]] = {}
    index = corpus.paragraph_index()
    for key, mentions in found.items():
        text = index[key][1].text
        for m in mentions:
            seen.setdefault(m.entity_id, set()).add(canonical(text[m.start:m.end]))
    out = []
    for eid in sorted(used):
        for alias in gazetteer.entities[eid].aliases:
            key = canonical(alias)
            if not any(key in s or s in key for s in seen.get(eid, ())):
                out.append((eid, alias))
    return out


def main() -> int:
    project = Project.at(ROOT)
    stages = prepare(project)
    print(report(stages.corpus, stages.mentions, stages.gazetteer, load_rules(project.ambiguity_words)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
