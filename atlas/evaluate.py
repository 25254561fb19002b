"""`make eval`: the quality figures of the pipeline in one place, each from its own stage.

  * recognition precision/recall against the hand-annotated gold paragraphs
    (tests/data/recognition_gold.yaml, `atlas.recognise.evaluate`);
  * extraction precision/recall of automatic partnerships and figures against the curated
    facts (`atlas.extract`);
  * search hit rate: does every spelling of a place find its page (`atlas.search_eval`, needs
    Chromium and a built site; the site is built first if missing).

A part whose input or module is not there yet says so and the others still run: the figures
are for people reading them, not a gate (the tests are the gate).
"""

from __future__ import annotations

import sys
from pathlib import Path

from atlas.build import ROOT


def recognition(root: Path) -> list[str]:
    from atlas import recognise
    from atlas.corpus import load_corpus
    from atlas.gazetteer import load_gazetteer

    gold = root / "tests" / "data" / "recognition_gold.yaml"
    if not gold.exists():
        return [f"unavailable: no gold file {gold.relative_to(root)} yet"]
    if not hasattr(recognise, "evaluate"):
        return ["unavailable: atlas.recognise has no evaluate() yet"]
    try:
        result = recognise.evaluate(gold, load_corpus(root / "corpus"), recognise.build_index(load_gazetteer(root)))
    except (ValueError, KeyError, TypeError) as err:  # GoldError is a ValueError; a half-written file
        return [f"unavailable: {gold.relative_to(root)} cannot be scored: {err}"]
    return [f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
            f"({result['tp']} correct / {result['predicted']} predicted / {result['gold']} gold mentions, "
            f"{result['paragraphs']} paragraphs, {len(result['errors'])} with errors)"]


def extraction(root: Path) -> list[str]:
    try:
        from atlas.extract import evaluate_project
    except ImportError as err:
        return [f"unavailable: atlas.extract is not ready ({err})"]
    _, _, scores = evaluate_project(root)
    return [f"{name:32} precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
            f"({s['matched']} matched / {s['candidates']} candidates / {s['curated']} curated)"
            for name, s in scores.items()]


def search(root: Path) -> list[str]:
    from atlas import search_eval

    if not Path(search_eval.CHROMIUM).exists():
        return [f"unavailable: {search_eval.CHROMIUM} missing (`make chromium`)"]
    site = root / "site"
    if not (site / "search" / "search_index.js").exists() or not (site / "donnees" / "entites.csv").exists():
        from atlas.build import run

        print("(no built site: building it first)", flush=True)
        run(root, site)
    with search_eval.browser_page() as page:
        result = search_eval.evaluate_search(page, site)
    return search_eval.report(result).splitlines()


def main(root: Path = ROOT) -> int:
    for title, part in (("recognition", recognition), ("extraction", extraction), ("search", search)):
        print(f"# {title}")
        print("\n".join(part(root)), flush=True)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
