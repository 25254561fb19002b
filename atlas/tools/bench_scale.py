"""`make bench` part two: the whole build and search at ×N the corpus. Prints figures, asserts nothing.

For each scale N, a temporary project gets the real inputs plus N-1 copies of every corpus
document (new file names and metadata entries, uncurated, so their automatic facts are
published like a new document's), then:

- cold build (no cache), warm build (unchanged inputs, stages from build/cache) and bare
  `mkdocs build` of the same generated pages, wall-clock seconds, and the per-stage times;
- one-document incremental: one more document (a copy with one changed line) after the warm build;
- the site's size, the search index's size and the page weights by kind;
- search in headless Chromium from file://: what a region page downloads before search is
  opened, seconds to the first answer after opening search, milliseconds per keystroke.

Targets (issue 15) are printed beside the figures, to be read, never asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from atlas.build import clean_generated, data_epoch, run
from atlas.errors import DataError
from atlas.pipeline import Timings
from atlas.project import ROOT, Project
from atlas.publish import build_site
from atlas.tools.search_timing import SearchTiming, time_search

INPUTS = ("corpus", "data", "geo", "docs", "mkdocs.yml")
KINDS = ("articles", "pays", "regions", "villes")
MB = 1024 * 1024
#: The page and the typing the browser timing uses: a place name, then narrowing letters.
SEARCH_PAGE, SEARCH_QUERY, SEARCH_MORE = "regions/by-hr.html", "Mo", "gilev"


@dataclass
class ScaleRun:
    scale: int
    corpus_bytes: int = 0
    cold: float = 0.0
    warm: float = 0.0
    bare: float = 0.0
    incremental: float = 0.0
    cold_stages: dict[str, float] = field(default_factory=dict)
    warm_stages: dict[str, float] = field(default_factory=dict)
    incremental_stages: dict[str, float] = field(default_factory=dict)
    site_bytes: int = 0
    index_bytes: int = 0
    weights: dict[str, list[int]] = field(default_factory=dict)
    largest: tuple[str, int] = ("", 0)
    search: SearchTiming | None = None
    zensical: float = 0.0
    zensical_search: SearchTiming | None = None
    zensical_error: str = ""


def copy_project(target: Path) -> Path:
    """The project's inputs (not its outputs) in `target`, without generated pages."""
    for name in INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    clean_generated(Project.at(target))
    return target


def add_copies(corpus: Path, scale: int) -> None:
    """N-1 copies of every document, each with its own metadata entry (so no warning)."""
    meta_path = corpus / "metadata.yaml"
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    originals = list(meta["documents"])
    for k in range(2, scale + 1):
        for entry in originals:
            source = corpus / entry["file"]
            name = f"{source.stem}-x{k:02d}.txt"
            shutil.copy2(source, corpus / name)
            meta["documents"].append({**entry, "file": name, "title": f"{entry['title']} (copie {k})",
                                      "curated": False, "sha256": entry["sha256"]})
    meta_path.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")


def add_one_document(corpus: Path) -> None:
    """One new document: a copy of the first one with one changed line, and its metadata entry."""
    meta_path = corpus / "metadata.yaml"
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    first = meta["documents"][0]
    text = (corpus / first["file"]).read_text(encoding="utf-8") + "\nUn paragraphe ajouté pour la mesure.\n"
    name = "zz_nouveau.txt"
    (corpus / name).write_text(text, encoding="utf-8")
    meta["documents"].append({**first, "file": name, "title": "Document ajouté", "curated": False,
                              "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()})
    meta_path.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")


def timed(func, *args, **kwargs) -> tuple[float, Timings]:
    began = time.perf_counter()
    result = func(*args, **kwargs)
    return time.perf_counter() - began, result


def tree_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def measure(scale: int, browser=None, zensical: bool = False, search_only: bool = False) -> ScaleRun:
    """One scale's figures; `search_only` builds once (cached) and times search alone."""
    out = ScaleRun(scale)
    work = Path(tempfile.mkdtemp(prefix=f"atlas-scale{scale}-"))
    try:
        root = copy_project(work / "project")
        add_copies(root / "corpus", scale)
        out.corpus_bytes = sum(p.stat().st_size for p in (root / "corpus").glob("*.txt"))
        project = Project.at(root)
        site = project.site
        if search_only:
            out.warm, warm = timed(run, project, site)
            out.warm_stages = warm.stages
        else:
            out.cold, cold = timed(run, project, site, use_cache=False)
            run(project, site)  # fills build/cache
            out.warm, warm = timed(run, project, site)
            out.cold_stages, out.warm_stages = cold.stages, warm.stages
            began = time.perf_counter()
            build_site(project.mkdocs, work / "bare", data_epoch(root))
            out.bare = time.perf_counter() - began
        out.site_bytes = tree_size(site)
        index = site / "search" / "search_index.js"
        out.index_bytes = index.stat().st_size if index.exists() else 0
        for kind in KINDS:
            out.weights[kind] = [p.stat().st_size for p in (site / kind).glob("*.html") if p.name != "index.html"]
        pages = [p for p in site.rglob("*.html") if "cartes" not in p.parts]
        biggest = max(pages, key=lambda p: p.stat().st_size)
        out.largest = (biggest.relative_to(site).as_posix(), biggest.stat().st_size)
        if browser is not None:
            context = browser.new_context()
            try:
                out.search = time_search(context.new_page(), site, SEARCH_PAGE, SEARCH_QUERY, SEARCH_MORE)
            finally:
                context.close()
        if zensical:
            from atlas.tools.zensical import build as build_zensical

            began = time.perf_counter()
            try:
                build_zensical(root, root / "site-zensical", data_epoch(root))
            except DataError as err:  # a figure too: Zensical refuses some sizes
                out.zensical_error = str(err).strip().splitlines()[-1]
            out.zensical = time.perf_counter() - began
            if browser is not None and not out.zensical_error:
                context = browser.new_context()
                try:
                    out.zensical_search = time_search(context.new_page(), root / "site-zensical", SEARCH_PAGE,
                                                      SEARCH_QUERY, SEARCH_MORE)
                finally:
                    context.close()
        if not search_only:
            add_one_document(root / "corpus")
            out.incremental, incremental = timed(run, project, site)
            out.incremental_stages = incremental.stages
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def mb(n: float) -> str:
    return f"{n / MB:.1f} MB"


def report(runs: list[ScaleRun]) -> list[str]:
    lines = ["# whole build at ×N the corpus (wall-clock seconds, one run each)",
             "", "| corpus | text | cold build | warm build | bare `mkdocs build` | cold ÷ bare | warm ÷ bare "
             "| + one document | site | search index |", "|---|---|---|---|---|---|---|---|---|---|"]
    for r in (r for r in runs if r.bare):
        lines.append(f"| ×{r.scale} | {mb(r.corpus_bytes)} | {r.cold:.1f} s | {r.warm:.1f} s | {r.bare:.1f} s "
                     f"| {r.cold / r.bare:.2f} | {r.warm / r.bare:.2f} | {r.incremental:.1f} s "
                     f"| {mb(r.site_bytes)} | {mb(r.index_bytes)} |")
    lines += [f"×{r.scale} (search only): {mb(r.corpus_bytes)} of text, one build {r.warm:.1f} s, "
              f"site {mb(r.site_bytes)}, search index {mb(r.index_bytes)}" for r in runs if not r.bare]
    lines += ["", "targets: cold ÷ bare ≤ 1.30 and warm ÷ bare ≤ 1.10 at ×1 and ×20; "
              "+ one document ≤ warm + 2 s", ""]
    for r in (r for r in runs if r.bare):
        stages = ", ".join(f"{k} {v:.2f}/{r.warm_stages.get(k, 0):.2f}/{r.incremental_stages.get(k, 0):.2f}"
                           for k, v in r.cold_stages.items())
        lines.append(f"×{r.scale} stages (s, cold/warm/+one document): {stages}")
        rates = ", ".join(f"{stage} {r.corpus_bytes / MB / max(r.cold_stages.get(stage, 0), 1e-9):.1f} MB/s"
                          for stage in ("corpus", "recognise", "extract"))
        lines.append(f"×{r.scale} text per second, cold: {rates} (target ≥ 5 for corpus and extract)")
    lines += ["", "# page weights (HTML only; maps and shared assets apart)"]
    for r in runs:
        parts = [f"{kind} n={len(w)} median {statistics.median(w) / 1024:.0f} KB max {max(w) / 1024:.0f} KB"
                 for kind, w in r.weights.items() if w]
        lines.append(f"×{r.scale}: " + "; ".join(parts) + f"; largest page {r.largest[0]} {r.largest[1] / 1024:.0f} KB")
    searched = [r for r in runs if r.search]
    if searched:
        lines += ["", f"# search from file:// (Chromium, {SEARCH_PAGE}, type {SEARCH_QUERY!r} then "
                      f"{SEARCH_MORE!r} letter by letter; targets: first answer ≤ 1 s, keystroke ≤ 300 ms, "
                      "page ≤ 1 MB without the index)"]
        lines += [f"×{r.scale} MkDocs Material: {r.search.line()}" for r in searched]
        lines += [f"×{r.scale} Zensical (build {r.zensical:.1f} s): {r.zensical_search.line()}"
                  for r in searched if r.zensical_search]
        lines += [f"×{r.scale} Zensical: build failed: {r.zensical_error}" for r in runs if r.zensical_error]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, action="append", help="corpus copies (repeatable; default 1 and 20)")
    parser.add_argument("--no-browser", action="store_true", help="skip the search timings")
    parser.add_argument("--no-zensical", action="store_true", help="skip the Zensical build and its search")
    parser.add_argument("--search-only", action="store_true", help="one build per scale, then search timings only")
    args = parser.parse_args(argv)
    zensical = False
    if not args.no_zensical:
        from atlas.tools.zensical import DEFAULT_BINARY

        zensical = DEFAULT_BINARY.exists()
    scales = args.scale or [1, 20]
    warnings.simplefilter("ignore")
    runs = []
    if args.no_browser:
        runs = [measure(n, zensical=zensical, search_only=args.search_only) for n in scales]
    else:
        from playwright.sync_api import sync_playwright

        from atlas.tools.search_eval import BLOCKED_NETWORK, CHROMIUM

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=BLOCKED_NETWORK)
            try:
                for n in scales:
                    runs.append(measure(n, browser, zensical, args.search_only))
                    print(f"×{n} measured", file=sys.stderr)
            finally:
                browser.close()
    print("\n".join(report(runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
