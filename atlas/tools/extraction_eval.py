"""Extraction quality: the automatic candidates against the curated facts of the same corpus.

`python -m atlas.tools.extraction_eval [-v]` prints precision and recall (`make eval` too);
`-v` lists every candidate (ok/FP) and every curated fact not found (FN).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from atlas.extract import figure_key, pair_of
from atlas.facts import Facts, Figure, Partnership
from atlas.pipeline import prepare
from atlas.project import ROOT, Project


def _scores(gold: set, found: set) -> dict[str, float | int]:
    hits = len(gold & found)
    return {"precision": round(hits / len(found), 3) if found else 0.0,
            "recall": round(hits / len(gold), 3) if gold else 0.0,
            "matched": hits, "candidates": len(found), "curated": len(gold)}


def evaluate_extraction(curated: Facts, candidates: Facts) -> dict[str, dict[str, float | int]]:
    """Precision and recall of the candidates against the curated facts of the same corpus.

    Facts are compared as sets of keys, wherever in the corpus they are cited (a twinning listed
    in two paragraphs is one fact):
      * "pair+relation": unordered pair of parties and relation (the year is not compared);
      * "pair": unordered pair of parties only (is the link found at all?);
      * figures: unordered (subject, counterpart), indicator, measure and value; also restricted
        to the trade figures the rules aim at (turnover, exports, imports; not multiplying factors).
    """
    def keys(ps: Iterable[Partnership], with_relation: bool) -> set:
        return {(pair_of(p), p.relation) if with_relation else pair_of(p) for p in ps}

    return {
        "partenariats (paire+relation)": _scores(keys(curated.partnerships, True), keys(candidates.partnerships, True)),
        "partenariats (paire)": _scores(keys(curated.partnerships, False), keys(candidates.partnerships, False)),
        # the year where it can be compared: candidates whose pair and relation a curated fact states
        "partenariats (année, si datée)": _scores(
            {(pair_of(p), p.relation, p.year) for p in curated.partnerships if p.year},
            {(pair_of(p), p.relation, p.year) for p in candidates.partnerships
             if (pair_of(p), p.relation) in keys(curated.partnerships, True)}),
        "chiffres": _scores({figure_key(f) for f in curated.figures}, {figure_key(f) for f in candidates.figures}),
        "chiffres (commerce, en M ou %)": _scores({figure_key(f) for f in curated.figures if _trade(f)},
                                                  {figure_key(f) for f in candidates.figures if _trade(f)}),
    }


def _trade(f: Figure) -> bool:
    """The figures the rules aim at: trade amounts in millions and growth in per cent."""
    return f.indicator in ("chiffre_affaires", "exportations", "importations") and f.unit != "facteur"


def evaluate_project(project: Project) -> tuple[Facts, Facts, dict[str, dict[str, float | int]]]:
    """The project's curated facts, its candidates, and their scores."""
    stages = prepare(project)
    return stages.curated, stages.candidates, evaluate_extraction(stages.curated, stages.candidates)


def main(argv: Sequence[str]) -> int:
    curated, candidates, scores = evaluate_project(Project.at(ROOT))
    for name, s in scores.items():
        print(f"{name:32} précision {s['precision']:.3f}  rappel {s['recall']:.3f}  "
              f"({s['matched']} trouvés / {s['candidates']} candidats / {s['curated']} vérifiés)")
    if "-v" in argv:
        gold = {(pair_of(p), p.relation) for p in curated.partnerships}
        for p in sorted(candidates.partnerships, key=lambda p: p.id):
            mark = "ok " if (pair_of(p), p.relation) in gold else "FP "
            print(mark, p.source.paragraph, p.id, p.status, "|", p.source.quote)
        found = {(pair_of(p), p.relation) for p in candidates.partnerships}
        for p in sorted(curated.partnerships, key=lambda p: p.id):
            if (pair_of(p), p.relation) not in found:
                print("FN ", p.source.paragraph, p.id, "|", p.source.quote)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
