"""`make review`: write the review queue, one file per corpus document, keeping every decision.

`python -m atlas.tools.review_queue` runs the data stages, then (re)writes
`data/review/<document>.yaml` with the candidates no curated fact confirms (see `atlas.review`
for the decisions). Decisions already taken are carried over; a decision whose candidate is gone
is kept under `orphans:` and reported. A bad decision stops with `file:line` and writes nothing.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

from atlas import review
from atlas.errors import DataError
from atlas.extract import unconfirmed
from atlas.pipeline import prepare
from atlas.project import ROOT, Project
from atlas.site_urls import paragraph_url


def write_queue(project: Project) -> list[str]:
    """Rewrite every document's review file; returns one summary line per document, then notes."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stages = prepare(project)  # checks every decision already taken
    queue = unconfirmed(stages.curated, stages.candidates)
    project.review.mkdir(parents=True, exist_ok=True)
    lines, notes = [], [str(w.message) for w in caught if "review" in str(w.message)]
    outputs: dict[Path, str] = {}
    index = stages.corpus.paragraph_index()
    for doc in stages.corpus.documents:
        path = project.review / f"{doc.id}.yaml"
        previous = review.read_review(path) if path.exists() else None
        facts = [f for f in (*queue.partnerships, *queue.figures) if f.source.document == doc.id]
        links = {pid: paragraph_url(article, pid) for (d, pid), (article, _) in index.items() if d == doc.id}
        text, doc_notes = review.render_review(doc.id, doc.file, doc.sha256, facts, previous, links)
        outputs[path] = text
        notes += doc_notes
        written = review.read_review(path, text)
        pending = sum(1 for e in written.entries if not e.get("decision"))
        lines.append(f"{path.relative_to(project.root)}: {len(written.entries)} candidates, {pending} pending, "
                     f"{len(written.orphans)} orphan decisions")
    for path, text in outputs.items():  # all checked before any is written
        path.write_text(text, encoding="utf-8")
    return lines + notes


def main(root: Path = ROOT) -> int:
    try:
        print("\n".join(write_queue(Project.at(root))))
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        print("review files unchanged.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
