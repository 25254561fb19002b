"""The whole pipeline, stage after stage: `python -m atlas.build` (what `make site` runs).

read the corpus → recognise places → load and check facts (`atlas.pipeline.prepare`) → draw
maps → build pages → export data → publish. Each stage is a function of plain data; this module
only wires them and does the file I/O. Every entry point (make site/serve/bench/eval/report, the
tests) goes through `run`, `generate` or `pipeline.prepare`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import warnings
from datetime import UTC, datetime
from pathlib import Path

from atlas import citation, data_formats, exports, facts, world
from atlas.background import Background
from atlas.cache import StageCache
from atlas.errors import DataError
from atlas.facts import Facts
from atlas.pages.articles import article_pages
from atlas.pages.chronology import chronology_page
from atlas.pages.context import SiteData
from atlas.pages.data_page import data_page
from atlas.pages.explorer import explorer_files
from atlas.pages.french import load_grammar
from atlas.pages.linking import facts_afterword, linked_renderer
from atlas.pages.organisations import organisations_index
from atlas.pages.overview import countries_index, home_page, overview_page, regions_index
from atlas.pages.places import place_pages
from atlas.pages.redirects import legacy_redirects
from atlas.pages.retired import retired_redirects
from atlas.pipeline import Stages, Timings, prepare
from atlas.project import ROOT, Project
from atlas.publish import GENERATED, build_site, write_generated
from atlas.readers import GEO_MISSING, read_json, read_yaml
from atlas.site_urls import OVERVIEW_MAP, page_path
from atlas.vocabulary import vocabulary_from_schema


def data_epoch(root: Path) -> int:
    """Date of the data version: the last commit's time, so two builds of one commit are identical."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
        ).stdout.strip()
        return int(out) if out else 0
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 0


def _checked_regions_export(regions_path: Path, countries_path: Path, world_path: Path) -> str:
    """The geometry files must be valid JSON; the regions one is also published as open data."""
    read_json(countries_path, GEO_MISSING)
    read_json(world_path, GEO_MISSING)
    return exports.regions_geojson(read_json(regions_path, GEO_MISSING))


def generate(project: Project, timings: Timings, epoch: int, cache: StageCache | None = None,
             background: Background | None = None) -> dict[str, str | bytes]:
    """Every generated file of docs/, as a docs-relative path → content mapping.

    The data stages come from `pipeline.prepare`; the slow pure stages (gazetteer, recognition,
    extraction, maps) go through `cache`, keyed by their declared inputs.
    """
    # imported here: folium is slow to import, and a build stopped by bad data never draws maps
    from atlas.maps.stage import draw_maps, map_block, start_base

    cache = cache or StageCache(None)
    site_url = citation.read_site_url(project.mkdocs)
    background = background or Background()
    # the maps' base layer depends only on the geometry and the home country: it is simplified on
    # the other core while the data stages run (if the cache does not hold it)
    home = vocabulary_from_schema(facts.load_schema(project.schema), project.schema).home
    start_base(background, cache, project.places.regions_geojson, project.countries_geojson,
               project.world_geojson, home)
    stages = prepare(project, cache, timings)
    corpus, mentions, schema, words, published = (
        stages.corpus, stages.mentions, stages.schema, stages.words, stages.published)
    # the site is the size of what the corpus says: only the world places it names, facts involve,
    # and their parents reach pages, maps and exports
    gazetteer = world.relevant(stages.gazetteer, mentions, stages.curated, stages.candidates)
    citation.check_fact_anchors(published)
    tables = data_formats.export_tables(schema, exports.COLUMNS)
    regions_path, countries_path = project.places.regions_geojson, project.countries_geojson
    regions_export = cache.get("export-regions", project.inputs("export-regions"),
                               lambda: _checked_regions_export(regions_path, countries_path, project.world_geojson))
    maps, map_ids = timings.run("maps", draw_maps, published, gazetteer, words, regions_path, countries_path,
                                cache, world_path=project.world_geojson, background=background)
    version = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d") if epoch else "non datée"
    grammar = load_grammar(read_yaml(project.country_grammar), project.country_grammar)
    data = SiteData(corpus, gazetteer, published, mentions, version, words, maps=map_ids, grammar=grammar)
    files: dict[str, str | bytes] = dict(maps)
    blocks = {eid: map_block(mid, gazetteer[eid].name_fr, page_path(gazetteer[eid]))
              for eid, mid in map_ids.items() if eid in data.paged}
    files.update(timings.run("pages", place_pages, data, blocks))
    files.update(timings.run("pages", article_pages, corpus, linked_renderer(data), facts_afterword(data)))
    overview_text = "La page de la carte d'ensemble et la chronologie donnent son contenu sous forme de texte."
    files["index.md"] = home_page(data, map_block(map_ids[OVERVIEW_MAP], "vue d'ensemble", "index.md", overview_text))
    files["carte.md"] = overview_page(
        data, map_block(map_ids[OVERVIEW_MAP], "vue d'ensemble", "carte.md",
                        "La liste ci-dessous donne le contenu de la carte.", height="640px"))
    files["regions/index.md"] = regions_index(data)
    files["pays/index.md"] = countries_index(data)
    files["organisations/index.md"] = organisations_index(data)
    files["chronologie.md"] = chronology_page(data)
    files["donnees.md"] = data_page(tables, schema, words, review_counts(stages))
    rows = exports.table_rows(data, published)
    files.update(explorer_files(data, tables, rows))
    files.update(timings.run("exports", exports.exports, data, rows, regions_export, tables, epoch, site_url,
                             schema["data_licence"]))
    files = citation.with_citations(files, site_url, version)
    files.update(legacy_redirects(data))
    files.update(retired_redirects(project.retired_pages, data))
    return files


def review_counts(stages: Stages) -> list[tuple[str, int, int]]:
    """Per document: its title, its candidates reviewed and those still pending (data/review/)."""
    if stages.review is None:
        return []

    def count(facts: Facts, doc: str) -> int:
        return sum(1 for f in (*facts.partnerships, *facts.figures) if f.source.document == doc)

    return [(d.title, count(stages.review.verified, d.id) + len(stages.review.rejected_by(d.id)),
             count(stages.review.pending, d.id)) for d in stages.corpus.documents]


def run(project: Project, site_dir: Path | None = None, skip_mkdocs: bool = False,
        use_cache: bool = True) -> Timings:
    """The whole build: generate docs/, then let MkDocs build `site_dir` (default: project's site/)."""
    timings = Timings()
    epoch = data_epoch(project.root)
    cache = StageCache(project.cache if use_cache else None)
    with Background() as background:
        files = generate(project, timings, epoch, cache, background)
    timings.run("write", write_generated, project.docs, files)
    if not skip_mkdocs:
        timings.run("mkdocs", build_site, project.mkdocs, site_dir or project.site, epoch)
    cache.prune()
    return timings


def clean_generated(project: Project) -> None:
    import shutil

    write_generated(project.docs, {})
    for owned in GENERATED:
        target = project.docs / owned
        if target.is_dir():
            shutil.rmtree(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    parser.add_argument("--site-dir", type=Path, help="output folder (default: ROOT/site)")
    parser.add_argument("--pages-only", action="store_true", help="generate docs/ but skip mkdocs")
    parser.add_argument("--clean-generated", action="store_true", help="remove generated pages and exit")
    parser.add_argument("--no-cache", action="store_true", help="recompute every stage (ignore build/cache)")
    args = parser.parse_args(argv)
    project = Project.at(args.root.resolve())
    if args.clean_generated:
        clean_generated(project)
        return 0
    site_dir = args.site_dir or project.site
    warnings.simplefilter("default")
    warnings.formatwarning = lambda message, *a, **k: f"warning: {message}\n"
    try:
        timings = run(project, site_dir, skip_mkdocs=args.pages_only, use_cache=not args.no_cache)
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
