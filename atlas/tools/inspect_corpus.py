"""Curator tool: where is a quote, and how was a document cut into articles and paragraphs?

`python -m atlas.tools.inspect_corpus locate DOC QUOTE` prints the paragraph id holding a quote;
`... dump DOC` prints every article and paragraph with its source lines and footnotes.
"""

from __future__ import annotations

import sys

from atlas.corpus import load_corpus, locate
from atlas.project import ROOT, Project


def main(argv: list[str]) -> int:
    corpus = load_corpus(Project.at(ROOT).corpus)
    if argv[:1] == ["locate"] and len(argv) == 3:
        try:
            paragraph = locate(corpus, argv[1], argv[2])
        except LookupError as err:
            print(err, file=sys.stderr)
            return 1
        print(paragraph.id, f"(lines {paragraph.line_start}-{paragraph.line_end})")
        return 0
    if argv[:1] == ["dump"] and len(argv) == 2:
        for article in corpus.document(argv[1]).articles:
            print(f"== {article.id} [{article.line_start}-{article.line_end}] {article.title}")
            for p in article.paragraphs:
                notes = ",".join(str(n.number) for n in p.footnotes)
                print(f"{p.id} [{p.line_start}-{p.line_end}]{' H' if p.heading else ''} {{{notes}}} {p.text}")
        return 0
    print("usage: python -m atlas.tools.inspect_corpus locate DOC QUOTE | dump DOC", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
