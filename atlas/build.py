"""The whole pipeline, stage after stage: `python -m atlas.build` (what `make site` runs).

read the corpus → recognise places → load and check facts → build pages → draw maps → publish.
Each stage is a function of plain data; this module only wires them and does the file I/O.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from atlas.corpus import Corpus, load_corpus
from atlas.errors import DataError
from atlas.pages.articles import article_pages
from atlas.publish import GENERATED, build_site, write_generated

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Timings:
    """Seconds spent in each stage, printed by the build and by `make bench`."""

    stages: dict[str, float] = field(default_factory=dict)

    def run(self, name: str, func, *args, **kwargs):
        start = time.perf_counter()
        result = func(*args, **kwargs)
        self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start
        return result


def data_epoch(root: Path) -> int:
    """Date of the data version: the last commit's time, so two builds of one commit are identical."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
        ).stdout.strip()
        return int(out) if out else 0
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 0


def generate(root: Path, timings: Timings) -> dict[str, str | bytes]:
    """Every generated file of docs/, as a docs-relative path → content mapping."""
    corpus: Corpus = timings.run("corpus", load_corpus, root / "corpus")
    pages: dict[str, str | bytes] = {}
    pages.update(timings.run("pages", article_pages, corpus))
    pages["index.md"] = _home(corpus)
    return pages


def _home(corpus: Corpus) -> str:
    articles = sum(len(d.articles) for d in corpus.documents)
    return (
        "---\ntitle: Accueil\n---\n\n# Atlas de la coopération du Bélarus\n\n"
        f"Cet atlas rassemble ce que disent {len(corpus.documents)} documents sources "
        f"({articles} articles) sur la coopération internationale et interrégionale du Bélarus.\n\n"
        "- [Lire les articles](articles/index.md)\n- [Méthodologie](methodologie.md)\n"
    )


def run(root: Path, site_dir: Path, skip_mkdocs: bool = False) -> Timings:
    timings = Timings()
    files = generate(root, timings)
    timings.run("write", write_generated, root / "docs", files)
    if not skip_mkdocs:
        timings.run("mkdocs", build_site, root, site_dir, data_epoch(root))
    return timings


def clean_generated(root: Path) -> None:
    write_generated(root / "docs", {})
    for owned in GENERATED:
        target = root / "docs" / owned
        if target.is_dir() and not any(target.rglob("*.*")):
            import shutil

            shutil.rmtree(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    parser.add_argument("--site-dir", type=Path, help="output folder (default: ROOT/site)")
    parser.add_argument("--pages-only", action="store_true", help="generate docs/ but skip mkdocs")
    parser.add_argument("--clean-generated", action="store_true", help="remove generated pages and exit")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.clean_generated:
        clean_generated(root)
        return 0
    site_dir = args.site_dir or root / "site"
    warnings.simplefilter("default")
    warnings.formatwarning = lambda message, *a, **k: f"warning: {message}\n"
    try:
        timings = run(root, site_dir, skip_mkdocs=args.pages_only)
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        print("build stopped; the previous site is unchanged.", file=sys.stderr)
        return 1
    total = sum(timings.stages.values())
    stages = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in timings.stages.items())
    print(f"built {site_dir} in {total:.1f}s ({stages})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
