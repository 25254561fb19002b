"""The whole pipeline, stage after stage: `python -m atlas.build` (what `make site` runs).

read the corpus → recognise places → load and check facts → build pages → draw maps → publish.
Each stage is a function of plain data; this module only wires them and does the file I/O.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from atlas import citation, data_formats, exports, extract, facts, recognise
from atlas.cache import StageCache
from atlas.corpus import Corpus, load_corpus, parse_document
from atlas.errors import DataError
from atlas.gazetteer import load_gazetteer
from atlas.pages.articles import article_pages
from atlas.pages.chronology import chronology_page
from atlas.pages.context import SiteData
from atlas.pages.data_page import data_page
from atlas.pages.explorer import explorer_files
from atlas.pages.linking import facts_afterword, linked_renderer
from atlas.pages.overview import countries_index, home_page, overview_page, regions_index
from atlas.pages.places import place_pages
from atlas.pages.redirects import legacy_redirects
from atlas.publish import GENERATED, build_site, write_generated
from atlas.recognise import Mention
from atlas.site_urls import OVERVIEW_MAP, page_path
from atlas.vocabulary import vocabulary_from_schema

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Timings:
    """Seconds spent in each stage, printed by the build and by `make bench`."""

    stages: dict[str, float] = field(default_factory=dict)

    def run(self, name, func, *args, **kwargs):
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


def find_mentions(corpus: Corpus, index) -> dict[tuple[str, str], list[Mention]]:
    out = {}
    for article in corpus.articles():
        for paragraph in article.paragraphs:
            found = recognise.recognise(paragraph.text, index)
            if found:
                out[(article.document, paragraph.id)] = found
    return out


def read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(path, "file missing (regenerate with `make geo`)") from None
    except ValueError as err:
        raise DataError(path, f"not valid JSON: {err}", getattr(err, "lineno", None)) from None


def _checked_regions_export(regions_path: Path, countries_path: Path) -> str:
    """The geometry files must be valid JSON; the regions one is also published as open data."""
    read_json(countries_path)
    read_json(regions_path.with_name("world.geojson"))
    return exports.regions_geojson(read_json(regions_path))


def generate(root: Path, timings: Timings, epoch: int, cache: StageCache | None = None) -> dict[str, str | bytes]:
    """Every generated file of docs/, as a docs-relative path → content mapping.

    The slow pure stages (gazetteer, recognition, extraction, maps) go through `cache`, keyed by
    their inputs; facts are validated at every build.
    """
    # imported here: folium is slow to import, and a build stopped by bad data never draws maps
    from atlas.maps.stage import draw_maps, map_block

    cache = cache or StageCache(None)
    site_url = citation.read_site_url(root / "mkdocs.yml")

    def parse(doc_id: str, text: str, title: str | None) -> list:
        return cache.get("parse", [doc_id, text, title or ""], lambda: parse_document(doc_id, text, title))

    corpus = timings.run("corpus", load_corpus, root / "corpus", parse)
    schema = facts.load_schema(root / "data" / "schema.yaml")
    words = vocabulary_from_schema(schema, root / "data" / "schema.yaml")
    place_files = [*sorted((root / "data" / "places").glob("*.yaml")), root / "geo" / "regions.geojson"]
    gazetteer = timings.run("gazetteer", cache.get, "gazetteer", place_files, lambda: load_gazetteer(root))
    gazetteer = replace(gazetteer, home=words.home)
    text_key = [*place_files, *((d.id, d.sha256) for d in corpus.documents)]
    mentions = timings.run("recognise", cache.get, "mentions", text_key,
                           lambda: find_mentions(corpus, recognise.build_index(gazetteer)))
    curated = timings.run("facts", facts.load_facts, facts.read_fact_files(root / "data"), schema, corpus,
                          [e.id for e in gazetteer])
    candidates = timings.run("extract", cache.get, "extract", text_key,
                             lambda: extract.extract_all(corpus, mentions, gazetteer))
    reviewed = {d.id for d in corpus.documents if d.curated}
    published = extract.merge_automatic(curated, extract.uncurated_only(candidates, reviewed))
    citation.check_fact_anchors(published)
    tables = data_formats.export_tables(schema, exports.COLUMNS)
    regions_path, countries_path = root / "geo" / "regions.geojson", root / "geo" / "countries.geojson"
    geometry = [regions_path, countries_path, root / "geo" / "world.geojson"]
    regions_export = cache.get("export-regions", geometry,
                               lambda: _checked_regions_export(regions_path, countries_path))
    maps, map_ids = timings.run("maps", draw_maps, published, gazetteer, words, regions_path, countries_path,
                                cache, world_path=root / "geo" / "world.geojson")
    version = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d") if epoch else "non datée"
    data = SiteData(corpus, gazetteer, published, mentions, version, words, maps=map_ids)
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
    files["chronologie.md"] = chronology_page(data)
    files["donnees.md"] = data_page(tables, schema)
    rows = exports.table_rows(data, published)
    files.update(explorer_files(data, tables, rows))
    files.update(timings.run("exports", exports.exports, data, rows, regions_export, tables, epoch, site_url,
                             schema["data_licence"]))
    files = citation.with_citations(files, site_url, version)
    files.update(legacy_redirects(data))
    return files


CACHE = Path("build") / "cache"


def run(root: Path, site_dir: Path, skip_mkdocs: bool = False, use_cache: bool = True) -> Timings:
    timings = Timings()
    epoch = data_epoch(root)
    cache = StageCache(root / CACHE if use_cache else None)
    files = generate(root, timings, epoch, cache)
    timings.run("write", write_generated, root / "docs", files)
    if not skip_mkdocs:
        timings.run("mkdocs", build_site, root, site_dir, epoch)
    cache.prune()
    return timings


def clean_generated(root: Path) -> None:
    import shutil

    write_generated(root / "docs", {})
    for owned in GENERATED:
        target = root / "docs" / owned
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
    root = args.root.resolve()
    if args.clean_generated:
        clean_generated(root)
        return 0
    site_dir = args.site_dir or root / "site"
    warnings.simplefilter("default")
    warnings.formatwarning = lambda message, *a, **k: f"warning: {message}\n"
    try:
        timings = run(root, site_dir, skip_mkdocs=args.pages_only, use_cache=not args.no_cache)
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
