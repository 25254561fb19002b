"""The maps stage as the build sees it: plain data in, {docs path: content} out.

It hands the gazetteer, the facts and the vocabulary to the map specs, renders every map, and
returns the shared assets (Leaflet, the base layer script) as files to publish with the site.
"""

from __future__ import annotations

from pathlib import Path

from shapely.geometry import shape

from atlas.background import Background
from atlas.cache import StageCache
from atlas.facts import Facts
from atlas.gazetteer import Gazetteer
from atlas.maps.assets import BASE_JS, base_ids, base_script, build_base, shared_files
from atlas.maps.embed import iframe_html
from atlas.maps.fill import Filler
from atlas.maps.specs import Places, build_all_specs
from atlas.readers import GEO_MISSING, read_json
from atlas.site_urls import OVERVIEW_MAP, asset_path, map_path
from atlas.vocabulary import Vocabulary


def country_points(countries_geojson: dict) -> dict[str, tuple[float, float]]:
    """A label point inside each country (countries have no label point of their own)."""
    out = {}
    for feature in countries_geojson["features"]:
        point = shape(feature["geometry"]).representative_point()
        out[feature["properties"]["id"]] = (round(point.y, 4), round(point.x, 4))
    return out




def _base(regions_path: Path, countries_path: Path, world_path: Path | None, home: str) -> tuple[str, set[str]]:
    base = build_base(regions_path, countries_path, home, world_geojson=world_path)
    return base_script(base), base_ids(base)


def base_inputs(regions_path: Path, countries_path: Path, world_path: Path | None, home: str) -> list:
    """What the base layer depends on (its cache key)."""
    return [regions_path, countries_path, *([world_path] if world_path else []), home]


def start_base(background: Background, cache: StageCache, regions_path: Path, countries_path: Path,
               world_path: Path | None, home: str) -> None:
    """Start simplifying the base layer in the background if the cache does not hold it."""
    if not cache.has("maps-base", base_inputs(regions_path, countries_path, world_path, home)):
        background.start("maps-base", _base, regions_path, countries_path, world_path, home)


def draw_maps(
    facts: Facts, gazetteer: Gazetteer, words: Vocabulary, regions_path: Path, countries_path: Path,
    cache: StageCache | None = None, world_path: Path | None = None, background: Background | None = None,
) -> tuple[dict[str, str | bytes], dict[str, str]]:
    """Every map file and shared asset (docs-relative path → content), and each place's map id
    (the overview's under OVERVIEW_MAP).

    The base layer and each map are cached by their inputs (the geometry files, the map's spec),
    so editing one fact redraws only the maps it appears on.
    """
    cache = cache or StageCache(None)
    background = background or Background()
    inputs = base_inputs(regions_path, countries_path, world_path, gazetteer.home)
    base_js, ids = cache.get("maps-base", inputs, lambda: background.take(
        "maps-base", lambda: _base(regions_path, countries_path, world_path, gazetteer.home)))
    points = cache.get("maps-points", [countries_path],
                       lambda: country_points(read_json(countries_path, GEO_MISSING)))
    places = Places(gazetteer, points, frozenset(ids))
    key = [facts.partnerships, sorted(gazetteer.entities.items()), gazetteer.home, words, points, sorted(ids)]
    specs = cache.get("map-specs", key, lambda: build_all_specs(facts.partnerships, places, words))
    files: dict[str, str | bytes] = {asset_path(BASE_JS): base_js, **shared_files()}
    map_ids: dict[str, str] = {}
    filler = Filler()  # folium (slow to import) only on a cache miss
    for spec in specs:
        files[map_path(spec.map_id)] = cache.get("map", [repr(spec)], lambda spec=spec: filler.render(spec))
        if spec.map_id == OVERVIEW_MAP:
            map_ids[OVERVIEW_MAP] = spec.map_id
            continue
        for focus in spec.focus_ids:
            map_ids.setdefault(focus, spec.map_id)
    return files, map_ids


def map_block(map_id: str, title: str, page: str, text_equivalent: str | None = None,
              height: str = "480px") -> str:
    """The map embedded in a page, with a pointer to its text equivalent."""
    return (iframe_html(map_id, title, page, height)
            + f'\n\n<p class="atlas-source">{text_equivalent or TEXT_EQUIVALENT}</p>')


TEXT_EQUIVALENT = "Le tableau des partenaires ci-dessous donne le contenu de la carte sous forme de texte."
