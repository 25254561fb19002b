"""Measure place recognition on the development documents of ``../shared/eval-dev/``.

Measurement code only: it reads each ``*.expected.yaml`` answer key to SCORE the recogniser;
no rule, alias or word list of the atlas is derived from the keys (the keys' texts are never
copied into the corpus or published).

A key place counts as found when some mention of the document resolves to the right entity:
the same ISO code for a country or a region, or, for a city/district (keyed by French name and
country), a ``ville``/``district`` entity of that country one of whose names is the key's name
or one of its forms. A ``not_places`` entry is hit when a mention overlaps its quote and the
mention is not an ordinary place of the key (its text is named by the entry's explanation, or
it is no form of a key place at all).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from atlas.corpus import parse_document
from atlas.gazetteer import Gazetteer
from atlas.place_index import PlaceIndex, _split_alias, canonical
from atlas.project import ROOT
from atlas.recognise import Mention, recognise

EVAL_DEV = ROOT.parent / "shared" / "eval-dev"


@dataclass
class DocScore:
    """Places found / keyed in one document, the misses, and the not_places hit."""

    document: str
    found: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)
    not_place_hits: list[str] = field(default_factory=list)


def _mentions(doc_id: str, text: str, index: PlaceIndex) -> list[tuple[str, Mention]]:
    """(paragraph text, mention) for every mention of the parsed document."""
    out = []
    for article in parse_document(doc_id, text):
        for para in article.paragraphs:
            out.extend((para.text, m) for m in recognise(para.text, index))
    return out


def _is_right(place: dict, entity_id: str, gazetteer: Gazetteer) -> bool:
    if place["kind"] in ("country", "region"):
        return entity_id == place["iso"]
    entity = gazetteer.entities.get(entity_id)
    if entity is None or entity.kind not in ("ville", "district") or entity.country != place["country"]:
        return False
    wanted = {canonical(n) for n in (place["fr"], *place.get("forms", []))}
    # "district de Gloubokoïe" is keyed by its core name
    return any(canonical(n) in wanted or _split_alias(n)[1] in wanted for n in gazetteer.names(entity_id))


def _not_place_hits(key: dict, mentions: list[tuple[str, Mention]], gazetteer: Gazetteer) -> list[str]:
    forms = {canonical(f) for p in key.get("places") or [] for f in p.get("forms", [])}
    hits = []
    for entry in key.get("not_places") or []:
        quote, why = entry["quote"], canonical(entry.get("why", ""))
        for text, m in mentions:
            if gazetteer.entities[m.entity_id].kind == "organisation":
                continue  # an organisation's own name is no place mention
            pos = text.find(quote)
            if pos < 0 or not (pos < m.end and m.start < pos + len(quote)):
                continue
            surface = canonical(m.text)
            core = surface.split(" ", 2)[-1] if " de " in surface else surface
            if core not in forms or re.search(rf"\b{re.escape(core)}\b", why):
                hits.append(f"{m.text!r} -> {m.entity_id} in {quote!r}")
    return hits


def score_document(key_path: Path, index: PlaceIndex, gazetteer: Gazetteer) -> DocScore:
    """Score one development document against its key."""
    key = yaml.safe_load(key_path.read_text(encoding="utf-8"))
    text = (key_path.parent / key["document"]).read_text(encoding="utf-8")
    mentions = _mentions(key["document"], text, index)
    result = DocScore(key["document"])
    for place in key.get("places") or []:
        result.total += 1
        if any(_is_right(place, m.entity_id, gazetteer) for _, m in mentions):
            result.found += 1
        else:
            code = place.get("iso") or place.get("country")
            result.misses.append(f"{place['kind']} {code} {place['fr']}")
    result.not_place_hits = _not_place_hits(key, mentions, gazetteer)
    return result


def evaluate_dev(folder: Path, index: PlaceIndex, gazetteer: Gazetteer) -> list[DocScore]:
    """Scores of every key of *folder* (empty when the folder is absent)."""
    return [score_document(p, index, gazetteer) for p in sorted(folder.glob("*.expected.yaml"))]


def report(scores: list[DocScore], verbose: bool = False) -> list[str]:
    """Printable lines: per document, then the total."""
    if not scores:
        return [f"unavailable: no *.expected.yaml in {EVAL_DEV}"]
    lines = []
    for s in scores:
        lines.append(f"{s.document:40} {s.found:3d}/{s.total:<3d} places, {len(s.not_place_hits)} not_places hit")
        if verbose:
            lines += [f"    missed {m}" for m in s.misses] + [f"    NOT PLACE {h}" for h in s.not_place_hits]
    found, total = sum(s.found for s in scores), sum(s.total for s in scores)
    hits = sum(len(s.not_place_hits) for s in scores)
    lines.append(f"eval-dev places recognised with the right entity: {found}/{total} "
                 f"({100 * found / total:.0f} %), not_places hit: {hits}")
    return lines


def main(argv: list[str]) -> int:
    """``python -m atlas.tools.dev_eval [-v] [FOLDER]``."""
    from atlas.gazetteer import load_gazetteer
    from atlas.pipeline import place_index
    from atlas.project import Project

    args = [a for a in argv if not a.startswith("-")]
    folder = Path(args[0]) if args else EVAL_DEV
    project = Project.at(ROOT)
    gazetteer = load_gazetteer(project.places)
    print("\n".join(report(evaluate_dev(folder, place_index(project, gazetteer), gazetteer), "-v" in argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
