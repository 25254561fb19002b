"""Curator tool: re-anchor the curated facts' paragraph ids from their quotes.

`python -m atlas.tools.reanchor_facts [FILE...]` (default: every fact file). Paragraph ids
depend on the cleaning rules; after a rule change this points each fact at the paragraph that
now holds its quote.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from atlas.corpus import Corpus, load_corpus, normalise_space
from atlas.facts import read_entries
from atlas.project import ROOT, Project


def fix_paragraphs(path: Path, corpus: Corpus) -> int:
    """Rewrite the `paragraph:` of each entry to the paragraph that holds its quote.

    Paragraph ids depend on the cleaning rules; when a rule changes, this re-anchors the facts
    (the quote is the ground truth). Works line by line so that comments and layout stay.
    """
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    changed = 0
    for line, entry in read_entries(path, text):
        quote = normalise_space(str(entry.get("quote", "")))
        hits = [p.id for p in corpus.document(entry["document"]).paragraphs() if quote in normalise_space(p.text)]
        if len(hits) != 1 or hits[0] == entry.get("paragraph"):
            if not hits:
                print(f"{path}:{line}: quote not found: {quote!r}", file=sys.stderr)
            continue
        for index in range(line - 1, len(lines)):
            if re.match(r"^\s*-?\s*paragraph:", lines[index]):
                lines[index] = re.sub(r"paragraph:.*$", f"paragraph: {hits[0]}", lines[index])
                changed += 1
                break
    path.write_text("\n".join(lines), encoding="utf-8")
    return changed


def main(argv: list[str]) -> int:
    project = Project.at(ROOT)
    corpus = load_corpus(project.corpus)
    files = [Path(name) for name in argv] or [p for _, folder in project.fact_folders
                                              for p in sorted(folder.glob("*.yaml"))]
    for path in files:
        print(path, fix_paragraphs(path, corpus), "paragraph ids updated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
