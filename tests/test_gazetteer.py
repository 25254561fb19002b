"""Tests of atlas.gazetteer: the committed gazetteer loads, and bad data fails clearly."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from atlas.errors import DataError
from atlas.gazetteer import load_gazetteer
from atlas.project import Project

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(Project.at(ROOT).places)


def test_counts_and_kinds(gaz):
    assert len(gaz.of_kind("pays")) >= 60
    assert len(gaz.of_kind("region")) > 300
    assert len(gaz.of_kind("ville")) > 80
    assert gaz["minsk-district-de-moscou"].kind == "district"


def test_conventions(gaz):
    assert gaz["BY-HM"].name_fr == "Minsk (ville)"
    assert gaz["KZ-35"].iso == "KZ-35" and "KZ-KAR" in gaz["KZ-35"].aliases
    assert gaz["RU-MOW"].name_fr == "Moscou (ville)"
    assert gaz["jodino"].parent == "BY-MI"
    assert {"Zhodino", "Zhodzina"} <= set(gaz["jodino"].aliases)
    assert "KBR" in gaz["RU-KB"].aliases
    assert gaz["UA-43"].country == "UA"


def test_every_city_in_its_parent_polygon(gaz):
    data = json.loads((ROOT / "geo" / "regions.geojson").read_text(encoding="utf-8"))
    geoms = {f["properties"]["id"]: shape(f["geometry"]) for f in data["features"]}
    off = [e.id for e in gaz if e.kind in ("ville", "district") and e.source != "world"
           and not geoms[e.parent].buffer(0.1).contains(Point(e.lon, e.lat))]
    assert off == []


def test_world_towns_mostly_in_their_region_polygon(gaz):
    """World towns get their region from the GeoNames admin1 -> ISO table (geo/admin1.json); where
    the atlas has the region's polygon, nearly every town lies in it (border towns aside)."""
    data = json.loads((ROOT / "geo" / "regions.geojson").read_text(encoding="utf-8"))
    geoms = {f["properties"]["id"]: shape(f["geometry"]).buffer(0.1) for f in data["features"]}
    towns = [e for e in gaz if e.source == "world" and e.kind == "ville" and e.parent in geoms]
    off = [e.id for e in towns if not geoms[e.parent].contains(Point(e.lon, e.lat))]
    assert len(towns) > 5000
    assert len(off) / len(towns) < 0.02, off[:20]


@pytest.mark.parametrize("spelling", [
    "Moguilev", "Mogilev", "Voronej", "Voronezh", "Novossibirsk", "Kostanai", "Kostanay",
    "Primorsky Krai", "Primorskiy Krai", "Kraï Primorski", "Primorye", "Oudmourtie", "KBR",
    "Bobruisk", "Zhodino", "Zhodzina", "Kovrov", "Ukhta", "Changchun", "Semey", "Khujand",
    "Vladimir", "Jiading", "Biélorussie", "Bélarus", "RPC", "Empire céleste",
    "Fédération de Russie", "République d'Afrique du Sud", "RSA", "Sughd", "Mazandaran",
])
def test_corpus_spellings_known(gaz, spelling):
    assert any(spelling in gaz.names(e.id) for e in gaz), spelling


def test_known_aliases_occur_in_corpus(gaz):
    """Sanity: a good share of curated city aliases are really in the corpus text."""
    text = " ".join(p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt"))
    text = re.sub(r"\s+", " ", text)
    cities = [c for c in gaz.of_kind("ville") if c.source != "world"]
    found = [c.id for c in cities if any(a in text for a in c.aliases)]
    assert len(found) >= 0.9 * len(cities)


def _copy_project(tmp_path: Path) -> Path:
    for sub in ("data/places", "geo"):
        shutil.copytree(ROOT / sub, tmp_path / sub)
    return tmp_path


def test_unknown_parent_is_data_error(tmp_path):
    root = _copy_project(tmp_path)
    path = root / "data/places/cities.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("parent: BY-MA", "parent: BY-XX",
                                                              1), encoding="utf-8")
    with pytest.raises(DataError, match=r"cities\.yaml:\d+: .*unknown parent region 'BY-XX'"):
        load_gazetteer(Project.at(root).places)


def test_duplicate_id_is_data_error(tmp_path):
    root = _copy_project(tmp_path)
    path = root / "data/places/cities.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: kovrov", "id: vladimir"),
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"cities\.yaml:\d+: duplicate id '?vladimir'?"):
        load_gazetteer(Project.at(root).places)


def test_region_without_geometry_is_data_error(tmp_path):
    root = _copy_project(tmp_path)
    path = root / "data/places/regions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "KZ-10:\n  name_fr: région d'Abaï\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"regions\.yaml:\d+: region KZ-10 has no geometry"):
        load_gazetteer(Project.at(root).places)


def test_unknown_region_id_and_bad_slug(tmp_path):
    root = _copy_project(tmp_path)
    path = root / "data/places/regions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "BY-ZZ:\n  name_fr: nulle part\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match="unknown region id 'BY-ZZ'"):
        load_gazetteer(Project.at(root).places)
    shutil.copy(ROOT / "data/places/regions.yaml", path)
    cities = root / "data/places/cities.yaml"
    cities.write_text(cities.read_text(encoding="utf-8").replace("id: kovrov", "id: Kovrov"),
                      encoding="utf-8")
    with pytest.raises(DataError, match="not a lowercase ascii slug"):
        load_gazetteer(Project.at(root).places)


def test_unknown_field_and_bad_yaml(tmp_path):
    root = _copy_project(tmp_path)
    path = root / "data/places/countries.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  regions: true", "  regoins: true",
                                                              1), encoding="utf-8")
    with pytest.raises(DataError, match=r"countries\.yaml:\d+: unknown field"):
        load_gazetteer(Project.at(root).places)
    path.write_text("- id: [BY\n", encoding="utf-8")
    with pytest.raises(DataError, match="malformed YAML"):
        load_gazetteer(Project.at(root).places)


# --- the place hierarchy (asked by pages, maps and the chronology) ---------------------------

def test_ancestors_region_and_country(gaz):
    bobruisk = next(e for e in gaz.of_kind("ville") if e.name_fr == "Bobrouïsk")
    assert gaz.ancestors(bobruisk.id) == ["BY-MA", "BY"]
    assert gaz.region_of(bobruisk.id) == "BY-MA" and gaz.country_of(bobruisk.id) == "BY"
    assert gaz.ancestors("BY-MA") == ["BY"] and gaz.region_of("BY-MA") == "BY-MA"
    assert gaz.ancestors("KZ") == [] and gaz.region_of("KZ") is None and gaz.country_of("KZ") == "KZ"


def test_district_counts_for_its_region(gaz):
    for district in gaz.of_kind("district"):
        region = gaz.region_of(district.id)
        assert region and gaz[region].kind == "region" and gaz.country_of(district.id) == gaz[region].country


def test_home_is_given_not_guessed(gaz):
    from dataclasses import replace

    home = replace(gaz, home="BY")
    assert home.is_home("BY-MA") and not home.is_home("KZ-35")
    assert not gaz.is_home("BY-MA"), "a gazetteer without a home country has no home"
