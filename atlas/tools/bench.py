"""`make bench`: where build time goes and what readers download. Prints figures, asserts nothing.

Timings vary with the machine, so no test depends on them; the budgets printed beside the
figures (build ≤ 1.3 × bare mkdocs, region page ≤ 150 KB median / 400 KB max with its map,
overview map ≤ 1.5 MB) are the targets the team agreed on, checked by eye here.
The site is built into a temporary folder, so `site/` is left as it was.
"""

from __future__ import annotations

import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from atlas.build import data_epoch, run
from atlas.project import ROOT, Project
from atlas.publish import build_site
from atlas.tools.recognition_eval import throughput

KINDS = ("articles", "pays", "regions", "villes", "organisations")
MAP_SRC_RE = re.compile(r'<iframe class="atlas-carte" src="(?:\.\./)*(cartes/[^"]+\.html)"')
KB = 1024


def kb(n: float) -> str:
    return f"{n / KB:.1f} KB"


def tree_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def pages_of(site: Path, kind: str) -> list[Path]:
    """Content pages of one folder (its index.html is a listing, not a page of that kind)."""
    return sorted(p for p in (site / kind).glob("*.html") if p.name != "index.html")


def spread(label: str, sizes: Iterable[int], budget: str = "") -> str:
    values = list(sizes)
    if not values:
        return f"{label}: none"
    return (f"{label}: n={len(values)} median {kb(statistics.median(values))} max {kb(max(values))}"
            + (f"  (budget {budget})" if budget else ""))


def own_weight(site: Path, page: Path) -> int:
    """What one page alone costs a reader: its HTML, its map file and its own CSV, without the
    assets every page shares (theme, Leaflet, base.js), which the browser caches once."""
    html = page.read_text(encoding="utf-8")
    total = len(html.encode("utf-8"))
    for src in set(MAP_SRC_RE.findall(html)):
        total += (site / src).stat().st_size
    csv = site / "donnees" / "pages" / f"{page.stem}.csv"
    return total + (csv.stat().st_size if csv.exists() else 0)


def map_lines(site: Path) -> list[str]:
    from atlas.maps import load_base_js, map_stats

    base_js = site / "assets" / "geo" / "base.js"
    base = load_base_js(base_js) if base_js.exists() else None
    stats = {p.name: map_stats(p.read_text(encoding="utf-8"), base) for p in sorted((site / "cartes").glob("*.html"))}
    overview = site / "cartes" / "apercu.html"
    out = [spread("region pages, own weight (HTML + map + CSV)",
                  [own_weight(site, p) for p in pages_of(site, "regions")], "≤150 KB median, ≤400 KB max")]
    if overview.exists():
        out.append(f"overview map cartes/apercu.html: {kb(overview.stat().st_size)}  (budget ≤1536 KB)")
    if stats:
        name, worst = max(stats.items(), key=lambda kv: kv[1]["vertices"])
        out.append(f"maps: {len(stats)}, max vertices {worst['vertices']} ({name}; own {worst['own_vertices']})"
                   f"  (budget ≤50000)")
    if base_js.exists():
        out.append(f"shared base.js: {kb(base_js.stat().st_size)}")
    return out


def recognition_lines(project: Project) -> list[str]:
    from atlas.corpus import load_corpus
    from atlas.gazetteer import load_gazetteer
    from atlas.pipeline import place_index
    from atlas.world import load_cost

    corpus = load_corpus(project.corpus)
    cost = load_cost(lambda: load_gazetteer(project.places))
    gazetteer = cost.pop("value")
    index_cost = load_cost(lambda: place_index(project, gazetteer))
    index = index_cost.pop("value")
    texts = [p.text for a in corpus.articles() for p in a.paragraphs]
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(cost["kinds"].items()))
    out = [f"gazetteer: {len(gazetteer)} entities ({kinds}); load {cost['seconds']:.2f}s, "
           f"memory +{cost['peak_mb']:.0f} MB",
           f"recognition index: {len(index.entries)} names; build {index_cost['seconds']:.2f}s, "
           f"memory +{index_cost['peak_mb']:.0f} MB"]
    for repeat in (10, 100):
        chars = sum(map(len, texts)) * repeat
        rate = throughput(texts, index, repeat)
        out.append(f"recognition, corpus x{repeat} ({chars / 1e6:.1f} M chars): {rate / 1e6:.2f} M chars/s "
                   f"({chars / rate:.2f} s)  (target ≥2 MB/s with the world gazetteer)")
    return out


def bench(root: Path = ROOT) -> list[str]:
    project = Project.at(root)
    work = Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    try:
        site = work / "site"
        cold = run(project, site, use_cache=False)
        run(project, site)  # fills build/cache if it was empty
        warm = run(project, site)
        began = time.perf_counter()
        build_site(project.mkdocs, work / "bare", data_epoch(root))
        bare = time.perf_counter() - began
        out = ["# build (cold: every stage computed; warm: unchanged inputs, stages read from build/cache)"]
        out += [f"stage {name}: cold {cold.stages[name]:.2f}s, warm {warm.stages.get(name, 0.0):.2f}s"
                for name in cold.stages]
        cold_total, warm_total = sum(cold.stages.values()), sum(warm.stages.values())
        out += [f"whole build: cold {cold_total:.2f}s, warm {warm_total:.2f}s",
                f"mkdocs build alone (pages already generated): {bare:.2f}s",
                f"ratio: {warm_total / bare:.2f}  (warm rebuild; target ≤1.30)",
                f"ratio cold: {cold_total / bare:.2f}  (first build or --no-cache)", "", "# site"]
        html = [p for p in site.rglob("*.html") if "cartes" not in p.parts]
        out += [f"pages: {len(html)} HTML ({', '.join(f'{k} {len(pages_of(site, k))}' for k in KINDS)}), "
                f"maps: {len(list((site / 'cartes').glob('*.html')))}",
                f"total site size: {kb(tree_size(site))}"]
        out += [spread(f"page weight {kind} (HTML)", [p.stat().st_size for p in pages_of(site, kind)])
                for kind in KINDS]
        for name in ("search_index.json", "search_index.js"):
            index = site / "search" / name
            if index.exists():
                out.append(f"search index {name}: {kb(index.stat().st_size)}")
        out += ["", "# maps"] + map_lines(site)
        out += ["", "# geo/"] + [f"{p.relative_to(root)}: {kb(p.stat().st_size)}"
                                 for p in sorted((root / "geo").glob("*")) if p.is_file()]
        out += ["", "# recognition"] + recognition_lines(project)
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    print("\n".join(bench()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
