"""Files shared by every map: base polygons (base.js), Leaflet, atlas-map.js/css.

Why base.js and not a .geojson: fetch()/XHR of a local file fails under
file://, whereas a <script src> that assigns a global works everywhere; and
the polygons are downloaded once for the whole site instead of once per map.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from xstatic.pkg import leaflet as xs_leaflet

from atlas.readers import GEO_MISSING, read_json
from atlas.site_urls import asset_path

STATIC = Path(__file__).with_name("static")
BASE_VAR = "ATLAS_BASE"
BASE_PREFIX = f"window.{BASE_VAR} = "
#: Docs-relative names under assets/ that every map file loads.
BASE_JS, LEAFLET_JS, LEAFLET_CSS = "geo/base.js", "leaflet/leaflet.js", "leaflet/leaflet.css"
ATLAS_JS, ATLAS_CSS = "atlas-map/atlas-map.js", "atlas-map/atlas-map.css"
ATLAS_FILES = ("atlas-map.js", "atlas-map.css")
LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                 "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png")


def _round_coords(obj, decimals: int):
    """Round nested coordinate lists (GeoJSON) to `decimals`."""
    if isinstance(obj, (int, float)):
        return round(float(obj), decimals)
    return [_round_coords(x, decimals) for x in obj]


def _drop_specks(geom, min_area: float):
    """Remove tiny islands (keep the largest part): they cost vertices, not meaning."""
    if isinstance(geom, MultiPolygon):
        parts = sorted(geom.geoms, key=lambda p: p.area, reverse=True)
        kept = [parts[0], *[p for p in parts[1:] if p.area >= min_area]]
        return MultiPolygon(kept) if len(kept) > 1 else kept[0]
    return geom


def simplify_feature(feature: dict, tolerance: float, decimals: int, min_area: float,
                     keep: tuple[str, ...]) -> dict | None:
    """A light copy of a feature: simplified geometry, only the `keep` properties."""
    geom = feature.get("geometry")
    if not geom:
        return None
    shp = _drop_specks(shape(geom).simplify(tolerance, preserve_topology=True), min_area)
    if shp.is_empty or not isinstance(shp, (Polygon, MultiPolygon)):
        return None
    props = {k: feature["properties"][k] for k in keep if feature["properties"].get(k) is not None}
    g = mapping(shp)
    return {"type": "Feature", "properties": props,
            "geometry": {"type": g["type"], "coordinates": _round_coords(g["coordinates"], decimals)}}


def _tolerance_of(feature: dict, tolerance: float, fine: dict[str, float]) -> float:
    """Simplification tolerance of a feature: finer for the countries in `fine`."""
    props = feature["properties"]
    country = str(props.get("country") or str(props.get("id", "")).split("-", 1)[0])
    return fine.get(country, tolerance)


def _light_collection(path: Path, tolerance: float, decimals: int, keep: tuple[str, ...],
                      fine: dict[str, float] | None = None) -> dict:
    """Read a GeoJSON file and return its simplified, sorted FeatureCollection."""
    src = read_json(Path(path), GEO_MISSING)
    tols = [_tolerance_of(f, tolerance, fine or {}) for f in src["features"]]
    feats = [f for f in (simplify_feature(f, t, decimals, t * t * 4, keep)
                         for f, t in zip(src["features"], tols, strict=True)) if f]
    for f in feats:
        if "country" in keep and "country" not in f["properties"]:
            f["properties"]["country"] = str(f["properties"]["id"]).split("-", 1)[0]
    feats.sort(key=lambda f: str(f["properties"]["id"]))
    return {"type": "FeatureCollection", "features": feats}


def count_vertices(features: Iterable[dict]) -> int:
    """Number of coordinate pairs in GeoJSON polygon features."""
    def walk(c) -> int:
        return 1 if c and isinstance(c[0], (int, float)) else sum(walk(x) for x in c)
    return sum(walk(f["geometry"]["coordinates"]) for f in features)


def build_base(regions_geojson: Path, countries_geojson: Path, home: str, region_tolerance: float = 0.04,
               country_tolerance: float = 0.06, decimals: int = 2, home_tolerance: float = 0.01,
               world_geojson: Path | None = None) -> dict:
    """The shared base layer: {"countries": FC, "regions": FC, "world": FC}, simplified.

    Defaults (degrees; 0.01° ≈ 1 km) keep every map under 50,000 drawn
    vertices; the home country's regions stay finer because their maps zoom in on them.
    `world` (already light, see scripts/make_geo.py) is the backdrop of the other countries.
    """
    keep = ("id", "name_fr")
    fine = {home: home_tolerance}
    base = {
        "countries": _light_collection(countries_geojson, country_tolerance, decimals, keep, fine),
        "regions": _light_collection(regions_geojson, region_tolerance, decimals, (*keep, "country"), fine),
    }
    if world_geojson is not None:
        world = read_json(Path(world_geojson), GEO_MISSING)
        base["world"] = {"type": "FeatureCollection", "features": world["features"]}
    return base


def base_script(base: dict) -> str:
    """The base layer as a script setting a variable (a fetched .geojson fails under file://)."""
    return BASE_PREFIX + json.dumps(base, ensure_ascii=False, separators=(",", ":")) + ";\n"


def read_base_script(text: str) -> dict:
    """The base layer back from its script (bench and tests read the built one)."""
    return json.loads(text.strip().removeprefix(BASE_PREFIX).removesuffix(";"))


def load_base_js(path: Path) -> dict:
    return read_base_script(Path(path).read_text(encoding="utf-8"))


def base_ids(base: dict) -> set[str]:
    """Ids having a polygon in the base layer (to choose polygon vs point)."""
    return {f["properties"]["id"] for k in ("countries", "regions") for f in base[k]["features"]}


def shared_files() -> dict[str, bytes]:
    """Leaflet (from xstatic-leaflet) and atlas-map.js/css: docs-relative path → bytes."""
    files = {asset_path(f"leaflet/{rel}"): (Path(xs_leaflet.BASE_DIR) / rel).read_bytes() for rel in LEAFLET_FILES}
    files.update({asset_path(f"atlas-map/{name}"): (STATIC / name).read_bytes() for name in ATLAS_FILES})
    return files
