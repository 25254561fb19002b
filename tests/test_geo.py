"""Tests of the Natural Earth fixes (atlas.geo) and of the committed geo/*.geojson."""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
import pytest
import shapely
from shapely.geometry import box, shape

from atlas import geo
from atlas.errors import DataError

ROOT = Path(__file__).resolve().parents[1]


def feat(code: str, geom=None, **props):
    """A synthetic NE feature."""
    base = {"iso_3166_2": code, "iso_a2": code.split("-")[0], "adm1_code": f"ADM-{code}"}
    base.update(props)
    return {"properties": base, "geometry": geom if geom is not None else box(0, 0, 1, 1)}


# --- unit tests on synthetic features -------------------------------------------------
def test_drop_placeholders_keeps_recoded():
    feats = [feat("RU-X01~"), feat("TJ-X01~", adm1_code="TJK-368"), feat("RU-VLA")]
    kept = geo.drop_placeholders(feats, {"TJK-368": "TJ-RA"})
    assert [f["properties"]["iso_3166_2"] for f in kept] == ["TJ-X01~", "RU-VLA"]


def test_apply_recode_by_adm1_code_and_legacy_alias():
    feats = [feat("KZ-ALA", adm1_code="KAZ-3207"), feat("KZ-ALA", adm1_code="KAZ-4829"),
             feat("KZ-KAR", adm1_code="KAZ-3203"), feat("BY-BR")]
    out = geo.apply_recode(feats, {"KAZ-3207": "KZ-19", "KAZ-4829": "KZ-75",
                                   "KAZ-3203": "KZ-35"})
    assert [geo.code_of(f) for f in out] == ["KZ-19", "KZ-75", "KZ-35", "BY-BR"]
    assert out[2]["properties"]["legacy_codes"] == ["KZ-KAR"]
    assert out[3]["properties"]["legacy_codes"] == []
    assert feats[0]["properties"].get("id") is None  # input untouched


def test_fix_moscow_gives_city_code_to_small_polygon():
    oblast = feat("RU-MOW", box(0, 0, 10, 10), name="Moskovskaya")
    city = feat("RU-MOS", box(4, 4, 5, 5), name="Moskva")
    out = {geo.code_of(f): f["properties"]["name"] for f in geo.fix_moscow([oblast, city])}
    assert out == {"RU-MOW": "Moskva", "RU-MOS": "Moskovskaya"}
    again = geo.fix_moscow(geo.fix_moscow([oblast, city]))  # idempotent
    assert {geo.code_of(f): f["properties"]["name"] for f in again} == out


FIXES = geo.load_fixes(ROOT / "data" / "places" / "ne_fixes.yaml")


def test_fixes_restore_altai_krai_names():
    out = geo.apply_fixes([feat("RU-ALT", name_ru="Республика Алтай", wikidataid="Q5971"),
                           feat("RU-AL", name_ru="Республика Алтай", wikidataid="Q5971")], FIXES)
    assert out[0]["properties"]["name_ru"] == "Алтайский край"
    assert out[0]["properties"]["wikidataid"] == "Q5942"
    assert out[1]["properties"]["wikidataid"] == "Q5971"


def test_fix_crimea_assigns_ukraine():
    out = geo.fix_crimea([feat("UA-43", iso_a2="RU"), feat("UA-40", iso_a2="RU"),
                          feat("RU-KDA")])
    assert [f["properties"]["iso_a2"] for f in out] == ["UA", "UA", "RU"]


def test_keep_countries_catches_crimea_filed_under_ru():
    feats = [feat("UA-43", iso_a2="RU"), feat("PL-MZ"), feat("DE-BY")]
    assert [geo.code_of(f) for f in geo.keep_countries(feats, ["UA", "PL"])] == ["UA-43", "PL-MZ"]


def test_fixes_untangle_minsk_types_and_names():
    out = geo.apply_fixes([feat("BY-HM", name="Minsk", type_en="Region"),
                           feat("BY-MI", name="Minsk", type_en="Municipality")], FIXES)
    props = {geo.code_of(f): f["properties"] for f in out}
    assert props["BY-HM"]["type_en"] == "City" and props["BY-MI"]["type_en"] == "Region"
    assert props["BY-HM"]["name_fr"] != props["BY-MI"]["name_fr"]


def test_dissolve_merges_and_keeps_primary_names():
    a = feat("PK-KP", box(0, 0, 2, 2), name="K.P.")
    b = feat("PK-TA", box(2, 0, 3, 2), name="F.A.T.A.")
    regions = geo.dissolve(geo.apply_recode([a, b], {"ADM-PK-TA": "PK-KP"}))
    assert len(regions) == 1
    reg = regions[0]
    assert reg.id == "PK-KP" and reg.props["name"] == "K.P."
    assert reg.geometry.area == pytest.approx(6)
    assert reg.legacy_codes == ["PK-TA"] and "F.A.T.A." in reg.ne_names


def test_check_unique_and_codes():
    regions = geo.dissolve([feat("BY-BR"), feat("BY-HR")])
    geo.check_unique(regions)
    with pytest.raises(ValueError):
        geo.check_unique(regions + regions[:1])
    with pytest.raises(ValueError, match="KZ-KAR"):
        geo.check_codes([feat("KZ-KAR")], {"KZ-35"})


def test_simplify_coverage_keeps_shared_border():
    left = shapely.Polygon([(0, 0), (1, 0), (1.001, 0.5), (1, 1), (0, 1)])
    right = shapely.Polygon([(1, 0), (2, 0), (2, 1), (1, 1), (1.001, 0.5)])
    a, b = geo.simplify_coverage([left, right], 0.01)
    assert a.is_valid and b.is_valid
    assert a.intersection(b).area == pytest.approx(0, abs=1e-12)
    assert a.union(b).area == pytest.approx(2, abs=1e-3)


def test_round_geometry_snaps_and_stays_valid():
    geom = geo.round_geometry(box(0.00012, 0.00012, 1.00049, 1.00049), 1e-3)
    assert geom.is_valid and geom.bounds == (0.0, 0.0, 1.0, 1.0)


# --- the committed files ----------------------------------------------------------------
@pytest.fixture(scope="module")
def regions():
    data = json.loads((ROOT / "geo" / "regions.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["id"]: f for f in data["features"]}


def test_committed_ids_unique_current_and_no_placeholder(regions):
    data = json.loads((ROOT / "geo" / "regions.geojson").read_text(encoding="utf-8"))
    ids = [f["properties"]["id"] for f in data["features"]]
    assert len(ids) == len(set(ids))
    known = {s.code for s in pycountry.subdivisions}
    assert set(ids) <= known
    assert not any("X0" in i or "~" in i for i in ids)
    assert "metadata" in data and "public domain" in data["metadata"]["licence"]


def test_committed_fixes(regions):
    assert shape(regions["RU-MOW"]["geometry"]).area < 0.5 < shape(
        regions["RU-MOS"]["geometry"]).area
    assert {"KZ-35", "KZ-39", "KZ-75", "KZ-19"} <= set(regions)
    assert "KZ-KAR" in regions["KZ-35"]["properties"]["legacy_codes"]
    assert regions["UA-43"]["properties"]["country"] == "UA"
    assert regions["UA-40"]["properties"]["country"] == "UA"
    assert regions["BY-HM"]["properties"]["name_fr"] == "Minsk (ville)"
    assert regions["BY-MI"]["properties"]["name_fr"] == "région de Minsk"
    assert regions["BY-HO"]["properties"]["name_fr"] == "région de Gomel"
    assert regions["BY-HR"]["properties"]["name_fr"] == "région de Grodno"
    assert regions["RU-ALT"]["properties"]["wikidata"] == "Q5942"
    assert regions["IR-23"]["properties"]["name_en"] == "Tehran"
    assert regions["IR-30"]["properties"]["name_en"] == "Alborz"


def test_committed_geometry_valid_and_label_inside(regions):
    for rid, f in regions.items():
        geom = shape(f["geometry"])
        assert geom.is_valid and not geom.is_empty, rid
        point = shapely.Point(f["properties"]["lon"], f["properties"]["lat"])
        assert geom.buffer(0.1).contains(point), rid


def test_countries_layer():
    data = json.loads((ROOT / "geo" / "countries.geojson").read_text(encoding="utf-8"))
    ids = {f["properties"]["id"] for f in data["features"]}
    assert {"BY", "RU", "UA", "PL", "LT", "LV", "KZ", "CN"} <= ids
    assert all(shape(f["geometry"]).is_valid for f in data["features"])


def test_world_backdrop_covers_the_other_countries_only():
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    world = json.loads((root / "geo" / "world.geojson").read_text(encoding="utf-8"))
    detailed = json.loads((root / "geo" / "countries.geojson").read_text(encoding="utf-8"))
    ids = {f["properties"]["id"] for f in world["features"]}
    assert {"DE", "FR", "EG", "IN", "US"} <= ids
    assert not ids & {f["properties"]["id"] for f in detailed["features"]}, "detailed countries drawn twice"
    assert "AQ" not in ids


def test_fixes_refuse_a_property_ne_does_not_have(tmp_path):
    path = tmp_path / "ne_fixes.yaml"
    path.write_text("RU-ALT:\n  population: 2\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"RU-ALT: cannot set population"):
        geo.load_fixes(path)
