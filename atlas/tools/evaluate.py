"""`make eval`: the quality figures of the pipeline in one place, each from its own stage.

  * recognition precision/recall against the hand-annotated gold paragraphs
    and the held-out set (tests/data/, `atlas.tools.recognition_eval`);
  * extraction precision/recall of automatic partnerships and figures against the curated
    facts (`atlas.tools.extraction_eval`);
  * places of the development texts (../shared/eval-dev/, answer keys read only to measure)
    recognised with the right entity (`atlas.tools.dev_eval`);
  * extraction on texts never seen: the eval-dev texts against their answer keys
    (`atlas.tools.dev_extraction_eval`);
  * search hit rate: does every spelling of a place find its page (`atlas.tools.search_eval`, needs
    Chromium and a built site; the site is built first if missing).

A part whose input or module is not there yet says so and the others still run: the figures
are for people reading them, not a gate (the tests are the gate).
"""

from __future__ import annotations

import sys
from pathlib import Path

from atlas.project import ROOT, Project


def recognition(project: Project) -> list[str]:
    from atlas.tools import recognition_eval

    corpus, index = recognition_eval.project_index(project)
    return [recognition_eval.summary(label, path, corpus, index) for label, path in recognition_eval.RECOGNITION_SETS]


def dev_places(project: Project) -> list[str]:
    """Places of ../shared/eval-dev/*.expected.yaml recognised with the right entity (tools.dev_eval)."""
    from atlas.pipeline import place_index
    from atlas.tools import dev_eval
    from atlas.world import load_places

    gazetteer = load_places(project.places)
    return dev_eval.report(dev_eval.evaluate_dev(dev_eval.EVAL_DEV, place_index(project, gazetteer), gazetteer))


def extraction(project: Project) -> list[str]:
    from atlas.tools.extraction_eval import evaluate_project

    _, _, scores = evaluate_project(project)
    return [f"{name:32} precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
            f"({s['matched']} matched / {s['candidates']} candidates / {s['curated']} curated)"
            for name, s in scores.items()]


def dev_texts(project: Project) -> list[str]:
    from atlas.tools import dev_extraction_eval as dev

    if not dev.DEV_DIR.is_dir():
        return [f"unavailable: {dev.DEV_DIR} not found"]
    scores, _ = dev.run_dev(dev.DEV_DIR, project.root)
    return dev.table(scores)


def search(project: Project) -> list[str]:
    from atlas.tools import search_eval

    if not Path(search_eval.CHROMIUM).exists():
        return [f"unavailable: {search_eval.CHROMIUM} missing (`make chromium`)"]
    site = project.site
    if not (site / "search" / "search_index.js").exists() or not (site / "donnees" / "entites.csv").exists():
        from atlas.build import run

        print("(no built site: building it first)", flush=True)
        run(project)
    with search_eval.browser_page() as page:
        result = search_eval.evaluate_search(page, site)
    return search_eval.report(result).splitlines()


def main(root: Path = ROOT) -> int:
    project = Project.at(root)
    parts = (("recognition", recognition), ("eval-dev places", dev_places),
             ("extraction (seed corpus: automatic vs curated)", extraction),
             ("extraction on unseen texts (../shared/eval-dev, `python -m atlas.tools.dev_extraction_eval -v`)",
              dev_texts), ("search", search))
    for title, part in parts:
        print(f"# {title}")
        print("\n".join(part(project)), flush=True)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
