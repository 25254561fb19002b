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

#: The gold set (annotated by the author of the rules, who tuned them on it) and a held-out set
#: (annotated later by someone else, before looking at the recogniser's output).
RECOGNITION_SETS = (("gold (tuned on)", "recognition_gold.yaml"), ("held-out", "recognition_heldout.yaml"))


def recognition(root: Path) -> list[str]:
    from atlas import recognise
    from atlas.corpus import load_corpus
    from atlas.gazetteer import load_gazetteer

    corpus = load_corpus(root / "corpus")
    index = recognise.build_index(load_gazetteer(root))
    out = []
    for label, name in RECOGNITION_SETS:
        path = root / "tests" / "data" / name
        if not path.exists():
            out.append(f"{label}: unavailable, no file {path.relative_to(root)}")
            continue
        try:
            result = recognise.evaluate(path, corpus, index)
        except (ValueError, KeyError, TypeError) as err:  # GoldError is a ValueError
            out.append(f"{label}: unavailable, {path.relative_to(root)} cannot be scored: {err}")
            continue
        out.append(f"{label}: precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
                   f"({result['tp']} correct / {result['predicted']} predicted / {result['gold']} annotated "
                   f"mentions, {result['paragraphs']} paragraphs)")
    return out


def dev_places(root: Path) -> list[str]:
    """Places of ../shared/eval-dev/*.expected.yaml recognised with the right entity (atlas.deveval)."""
    from atlas import deveval, recognise
    from atlas.gazetteer import load_gazetteer

    gazetteer = load_gazetteer(root)
    return deveval.report(deveval.evaluate_dev(deveval.EVAL_DEV, recognise.build_index(gazetteer), gazetteer))


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
    parts = (("recognition", recognition), ("eval-dev places", dev_places), ("extraction", extraction),
             ("search", search))
    for title, part in parts:
        print(f"# {title}")
        print("\n".join(part(root)), flush=True)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
