"""Extraction on texts the atlas has never seen: the eval-dev texts against their answer keys.

`python -m atlas.tools.dev_extraction_eval [DIR] [-v]` (part of `make eval`) runs the pipeline as a
maintainer would after copying the texts of DIR (default ../shared/eval-dev/) into an empty
corpus folder, then scores the automatic candidates against the `<doc>.expected.yaml` keys:

  * partnership pairs found: distinct (document, Belarusian party, foreign party) of the key
    that some candidate of that document links, on a line of the same sentence (±1 line);
  * dated links with the right year: key links with a year that a candidate of the same pair
    and line states with that year;
  * published automatic links that are right: candidates whose pair is a key link of the same
    sentence (±1 line); also with relation and year;
  * figures with the right value, subject and unit (same sentence ±1 line).

The keys only measure: nothing here feeds the extraction rules. The texts are copied to a
temporary folder and never published.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from atlas.facts import Facts, Figure, Partnership
from atlas.gazetteer import Gazetteer
from atlas.pipeline import prepare
from atlas.project import ROOT, Project
from atlas.readers import read_yaml

DEV_DIR = ROOT.parent / "shared" / "eval-dev"

#: the keys' English relation and status names → the schema's (for the stricter scores only)
RELATIONS = {"agreement": "accord", "twinning": "jumelage", "memorandum": "memorandum",
             "roadmap": "feuille_de_route", "action_plan": "plan_action", "working_group": "groupe_travail",
             "friendly_relations": "relations_amicales", "business_council": "conseil_affaires",
             "chambers_agreement": "accord_chambres", "declaration_of_intent": "autre", "other": "autre"}
MONEY = {"USD": "millions_usd", "EUR": "millions_eur", "RUB": "millions_rub"}


def _letters(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in text if c.isalpha())


@dataclass
class LineMap:
    """Raw lines of a document with a letters-only view, to place a quote on its lines."""

    letters: str
    line_of: list[int]
    sentence_ends: list[int]

    @classmethod
    def of(cls, text: str) -> LineMap:
        letters, line_of, ends = [], [], []
        for number, line in enumerate(text.split("\n"), start=1):
            for char in unicodedata.normalize("NFD", line.lower()):
                if char.isalpha():
                    letters.append(char)
                    line_of.append(number)
                elif char in ".!?" and letters:
                    ends.append(len(letters))
        return cls("".join(letters), line_of, ends)

    def lines(self, quote: str, first: int, last: int) -> tuple[int, int]:
        """First and last line of the sentence(s) holding `quote` within lines first..last."""
        q = _letters(quote)
        lo = next((i for i, n in enumerate(self.line_of) if n >= first), 0)
        pos = self.letters.find(q, lo)
        if not q or pos < 0 or self.line_of[pos] > last + 1:
            return first, last
        start = max([e for e in self.sentence_ends if e <= pos], default=0)
        end = min([e for e in self.sentence_ends if e >= pos + len(q)], default=len(self.letters))
        return self.line_of[start], self.line_of[max(start, end - 1)]


def _fold(name: str) -> str:
    return _letters(re.sub(r"\((?:ville|région)\)", "", name))


class KeyPlaces:
    """Does a gazetteer place stand for a key's party (an ISO code or a French name)?"""

    def __init__(self, key: dict[str, Any], gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.names: dict[str, set[str]] = {}
        for place in key.get("places") or []:
            ident = place.get("iso") or place["fr"]
            names = {_fold(place["fr"]), *(_fold(f) for f in place.get("forms") or [])}
            self.names.setdefault(ident, set()).update(names)

    def matches(self, party: str, entity_id: str) -> bool:
        if entity_id not in self.gazetteer:
            return False
        entity = self.gazetteer[entity_id]
        if party in (entity.iso, entity.id):
            return True
        own = {_fold(n) for n in (entity.name_fr, entity.name_en, *entity.aliases)}
        if entity.kind in ("ville", "district"):
            # a key city ("Jodino") or a city that is a first-level unit ("Och (ville)", KG-GO)
            return bool(own & self.names.get(party, {_fold(party)})) and not (
                "-" in party and len(party) <= 3)
        return False


def _lines_ok(span: tuple[int, int], line: int) -> bool:
    return span[0] - 1 <= line <= span[1] + 1


@dataclass
class DocScore:
    pairs: set = None  # type: ignore[assignment]
    pairs_found: set = None  # type: ignore[assignment]
    dated: int = 0
    dated_right: int = 0
    published: int = 0
    published_right: int = 0
    published_exact: int = 0
    figures: int = 0
    figures_right: int = 0
    figure_candidates: int = 0
    figure_candidates_right: int = 0


def score_document(key: dict[str, Any], facts: Facts, spans: dict[str, tuple[int, int]],
                   gazetteer: Gazetteer, misses: list[str]) -> DocScore:
    places = KeyPlaces(key, gazetteer)
    score = DocScore(set(), set())
    links = key.get("partnerships") or []

    def same(link: dict, p: Partnership) -> bool:
        return ((places.matches(link["by"], p.by) and places.matches(link["partner"], p.partner))
                or (places.matches(link["by"], p.partner) and places.matches(link["partner"], p.by)))

    for link in links:
        pair = (link["by"], link["partner"])
        score.pairs.add(pair)
        near = [p for p in facts.partnerships if same(link, p) and _lines_ok(spans[p.id], link["line"])]
        if near:
            score.pairs_found.add(pair)
        if link.get("year") is not None:
            score.dated += 1
            if any(p.year == link["year"] for p in near):
                score.dated_right += 1
        if not near or (link.get("year") is not None and not any(p.year == link["year"] for p in near)):
            got = ", ".join(f"{p.relation}/{p.year}" for p in near) or "-"
            misses.append(f"  link  l.{link['line']:<3} {link['by']} – {link['partner']} {link['relation']} "
                          f"{link.get('year')}  got: {got}  | {link['quote']}")
    for p in facts.partnerships:
        score.published += 1
        right = [k for k in links if same(k, p) and _lines_ok(spans[p.id], k["line"])]
        if right:
            score.published_right += 1
        if any(RELATIONS[k["relation"]] == p.relation and k.get("year") == p.year for k in right):
            score.published_exact += 1
        if not right:
            misses.append(f"  FP    l.{spans[p.id][0]}-{spans[p.id][1]} {p.by} – {p.partner} {p.relation} {p.year}"
                          f"  | {p.source.quote[:110]}")
    for fig in key.get("figures") or []:
        score.figures += 1
        hits = [f for f in facts.figures if _figure_ok(fig, f, places) and _lines_ok(spans[f.id], fig["line"])]
        if hits:
            score.figures_right += 1
        else:
            misses.append(f"  fig   l.{fig['line']:<3} {fig['subject']} {fig['measure']} {fig['value']} "
                          f"{fig['unit']}  | {fig['quote']}")
    for f in facts.figures:
        score.figure_candidates += 1
        if any(_figure_ok(k, f, places) and _lines_ok(spans[f.id], k["line"]) for k in key.get("figures") or []):
            score.figure_candidates_right += 1
    return score


def _figure_ok(key: dict[str, Any], f: Figure, places: KeyPlaces) -> bool:
    """Right value, unit and subject (a pair "AA-BB" is two countries; other parts join with " / ")."""
    if not _value_ok(key, f):
        return False
    subject = key["subject"]
    parts = subject.split(" / ") if " / " in subject else (
        subject.split("-") if re.fullmatch(r"[A-Z]{2}-[A-Z]{2}", subject) else [subject])
    ours = [x for x in (f.subject, f.counterpart) if x]
    return len(parts) == len(ours) and all(any(places.matches(part, o) for o in ours) for part in parts)


def _value_ok(key: dict[str, Any], f: Figure) -> bool:
    unit, value = key["unit"], float(key["value"])
    if unit in MONEY:
        return f.unit == MONEY[unit] and abs(f.value * 1e6 - value) < 0.5
    if unit == "percent":
        return f.unit == "pct" and abs(f.value - value) < 0.05
    if unit == "ratio":
        return f.unit == "facteur" and abs(f.value - value) < 0.05
    return f.unit not in ("pct", "facteur", *MONEY.values()) and abs(f.value - value) < 0.5


def run_dev(dev_dir: Path, root: Path = ROOT) -> tuple[dict[str, DocScore], list[str]]:
    """Copy the dev texts into a temporary corpus, run the data stages, score each document."""
    texts = sorted(dev_dir.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for path in texts:
            shutil.copy(path, corpus / path.name)
        project = replace(Project.at(root), corpus=corpus, cache=Path(tmp) / "cache", review=Path(tmp) / "review",
                          fact_folders=tuple((t, Path(tmp) / t) for t, _ in Project.at(root).fact_folders))
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stages = prepare(project)
    scores: dict[str, DocScore] = {}
    misses: list[str] = []
    for path in texts:
        doc = path.stem
        key = read_yaml(path.with_name(f"{doc}.expected.yaml"))
        facts = Facts(tuple(p for p in stages.published.partnerships if p.source.document == doc),
                      tuple(f for f in stages.published.figures if f.source.document == doc))
        lines = LineMap.of(path.read_text(encoding="utf-8"))
        paragraphs = {p.id: p for p in stages.corpus.document(doc).paragraphs()}
        spans = {fact.id: lines.lines(fact.source.quote, paragraphs[fact.source.paragraph].line_start,
                                      paragraphs[fact.source.paragraph].line_end)
                 for fact in (*facts.partnerships, *facts.figures)}
        misses.append(f"{doc}")
        scores[doc] = score_document(key, facts, spans, stages.gazetteer, misses)
    return scores, misses


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f} % ({a}/{b})" if b else "   - (0/0)"


def table(scores: dict[str, DocScore]) -> list[str]:
    total = DocScore(set(), set())
    for doc, s in scores.items():
        total.pairs |= {(doc, *p) for p in s.pairs}
        total.pairs_found |= {(doc, *p) for p in s.pairs_found}
        for name in ("dated", "dated_right", "published", "published_right", "published_exact", "figures",
                     "figures_right", "figure_candidates", "figure_candidates_right"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
    rows = [("partnership pairs found", len(total.pairs_found), len(total.pairs), "≥ 85 %"),
            ("dated links carrying the right year", total.dated_right, total.dated, "≥ 80 %"),
            ("published automatic links that are right", total.published_right, total.published, "≥ 90 %"),
            ("  … with the right relation and year", total.published_exact, total.published, ""),
            ("figures with right value, subject and unit", total.figures_right, total.figures, "≥ 70 %"),
            ("  published automatic figures that are right", total.figure_candidates_right,
             total.figure_candidates, "")]
    return [f"{label:46} {_pct(a, b):22} {target}" for label, a, b, target in rows]


def main(argv: Sequence[str]) -> int:
    args = [a for a in argv if not a.startswith("-")]
    dev_dir = Path(args[0]) if args else DEV_DIR
    if not dev_dir.is_dir():
        print(f"unavailable: {dev_dir} not found")
        return 0
    scores, misses = run_dev(dev_dir)
    print("\n".join(table(scores)))
    if "-v" in argv:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
