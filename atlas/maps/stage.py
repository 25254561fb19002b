"""The maps stage as the build sees it: plain data in, {docs path: content} out.

It adapts the gazetteer and the facts to the map specs' plain inputs, renders every map, and
returns the shared assets (Leaflet, the base layer script) as files to publish with the site.
"""

from __future__ import annotations

import json
from pathlib import Path

import xstatic.pkg.leaflet as xs_leaflet
from shapely.geometry import shape

from atlas.cache import StageCache
from atlas.facts import Facts
from atlas.gazetteer import Gazetteer
from atlas.maps.assets import BASE_PREFIX, LEAFLET_FILES, STATIC, base_ids, build_base
from atlas.maps.build import build_all_specs
from atlas.maps.embed import iframe_html
from atlas.maps.model import MapSpec
from atlas.vocabulary import Vocabulary

ASSET_FILES = ("atlas-map.js", "atlas-map.css")
OVERVIEW = "apercu"


def country_points(countries_geojson: dict) -> dict[str, tuple[float, float]]:
    """A label point inside each country (countries have no label point of their own)."""
    out = {}
    for feature in countries_geojson["features"]:
        point = shape(feature["geometry"]).representative_point()
        out[feature["properties"]["id"]] = (round(point.y, 4), round(point.x, 4))
    return out


def map_entities(gazetteer: Gazetteer, points: dict[str, tuple[float, float]]) -> dict[str, dict]:
    """Gazetteer entities in the maps' plain form: name, kind, coordinates, region, page URL."""
    out = {}
    for e in gazetteer:
        lat, lon = (e.lat, e.lon) if e.lat is not None else points.get(e.id, (None, None))
        region = e.parent if e.kind in ("ville", "district") else None
        while region and region in gazetteer and gazetteer[region].kind in ("ville", "district"):
            region = gazetteer[region].parent
        out[e.id] = {"name_fr": e.name_fr, "kind": e.kind, "lat": lat, "lon": lon, "country": e.country,
                     "region": region}
    return out


def records(facts: Facts) -> list[dict]:
    return [{"by_id": p.by, "partner_id": p.partner, "relation": p.relation, "year": p.year, "status": p.status}
            for p in facts.partnerships]


def _render(spec: MapSpec) -> str:
    from atlas.maps.render import render_map  # folium is slow to import: only on a cache miss

    return render_map(spec)


def _base_script(regions_path: Path, countries_path: Path, world_path: Path) -> tuple[str, set[str]]:
    """The shared base layer as a script setting a variable (a fetched .geojson fails under file://)."""
    base = build_base(regions_path, countries_path, world_geojson=world_path)
    return BASE_PREFIX + json.dumps(base, ensure_ascii=False, separators=(",", ":")) + ";\n", base_ids(base)


def draw_maps(
    facts: Facts, gazetteer: Gazetteer, words: Vocabulary, regions_path: Path, countries_path: Path,
    cache: StageCache | None = None,
) -> tuple[dict[str, str | bytes], dict[str, str]]:
    """Every map file and shared asset (docs-relative path → content), and each entity's map id.

    The base layer and each map are cached by their inputs (the geometry files, the map's spec),
    so editing one fact redraws only the maps it appears on.
    """
    cache = cache or StageCache(None)
    world_path = regions_path.with_name("world.geojson")
    base_js, ids = cache.get("maps-base", [regions_path, countries_path, world_path],
                             lambda: _base_script(regions_path, countries_path, world_path))
    points = cache.get("maps-points", [countries_path],
                       lambda: country_points(json.loads(countries_path.read_text(encoding="utf-8"))))
    entities = map_entities(gazetteer, points)
    rows = records(facts)
    specs = cache.get("map-specs", [rows, entities, sorted(ids)], lambda: build_all_specs(rows, entities, ids))
    files: dict[str, str | bytes] = {"assets/geo/base.js": base_js}
    for rel in LEAFLET_FILES:
        files[f"assets/leaflet/{rel}"] = (Path(xs_leaflet.BASE_DIR) / rel).read_bytes()
    for name in ASSET_FILES:
        files[f"assets/atlas-map/{name}"] = (STATIC / name).read_bytes()
    map_ids: dict[str, str] = {}
    for spec in specs:
        files[f"cartes/{spec.map_id}.html"] = cache.get("map", [repr(spec)], lambda spec=spec: _render(spec))
        if spec.map_id == OVERVIEW:
            map_ids[OVERVIEW] = spec.map_id
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
