"""Tests of the world gazetteer (atlas.world, atlas.world_names, atlas.translit, atlas.organisations)."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.errors import DataError
from atlas.gazetteer import Entity, Gazetteer, load_gazetteer
from atlas.organisations import load_organisations
from atlas.pipeline import place_index
from atlas.project import Project
from atlas.recognise import recognise
from atlas.translit import russian_to_french
from atlas.world import compass_variants, relevant
from atlas.world_names import apply_overrides, load_overrides

ROOT = Path(__file__).resolve().parents[1]
PROJECT = Project.at(ROOT)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(PROJECT.places)


@pytest.fixture(scope="module")
def index(gaz):
    return place_index(PROJECT, gaz)


def ids(text: str, index) -> list[str]:
    return [m.entity_id for m in recognise(text, index)]


@pytest.mark.parametrize(("russian", "french"), [
    ("Новокуйбышевск", "Novokouïbychevsk"), ("Челябинск", "Tcheliabinsk"), ("Елец", "Ielets"),
    ("Сасово", "Sassovo"), ("Глубокое", "Gloubokoïe"), ("Жлобин", "Jlobine"), ("Смолевичи", "Smolevitchi"),
    ("Нижний Новгород", "Nijni Novgorod"), ("Щучин", "Chtchoutchine"), ("Ош", "Och"),
])
def test_french_transliteration(russian, french):
    assert russian_to_french(russian) == french


def test_compass_variants():
    assert compass_variants("Mashonaland occidental") == ["Mashonaland-Ouest"]
    assert compass_variants("Mashonaland central") == []


def test_every_country_and_first_level_region(gaz):
    import pycountry

    assert {c.alpha_2 for c in pycountry.countries} <= {e.id for e in gaz.of_kind("pays")}
    first_level = {s.code for s in pycountry.subdivisions if s.parent_code is None}
    assert first_level <= {e.id for e in gaz.of_kind("region")}
    assert gaz["KE"].name_fr == "Kenya" and gaz["KG"].name_fr == "Kirghizistan"
    assert gaz["VN-SG"].name_fr == "Hô Chi Minh-Ville" and gaz["MN-1"].name_fr == "Oulan-Bator"


def test_towns_with_region_country_and_french_name(gaz):
    towns = {e.name_fr: e for e in gaz.of_kind("ville") if e.source == "world"}
    assert len(towns) > 30000
    assert towns["Tcholpon-Ata"].parent == "KG-Y"
    assert towns["Novokouïbychevsk"].parent == "RU-SAM"
    assert towns["Hurghada"].country == "EG"


def test_a_town_that_is_a_city_region_is_that_region(gaz):
    """Belgrade, Achgabat, Hanoï are first-level units: no second entity for the town."""
    for region in ("RS-00", "TM-S", "VN-HN"):
        name = gaz[region].name_fr
        assert not [e.id for e in gaz.of_kind("ville") if e.country == gaz[region].country and e.name_fr == name]


def test_all_belarusian_districts(gaz, index):
    districts = [e for e in gaz.of_kind("district") if e.country == "BY" and e.id.startswith("district-")]
    assert len(districts) >= 100  # 118 minus those curated in cities.yaml under the same name
    assert ids("le district de Smolevitchi et le district de Poukhovitchi", index) == [
        "district-smolevitchi", "district-poukhovitchi"]
    assert gaz["district-poukhovitchi"].parent == "BY-MI"


def test_overrides_check_codes_countries_duplicates(tmp_path):
    gaz = Gazetteer({"KG-GO": Entity("KG-GO", "region", "Osh Shaary", "", "", (), "KG", "KG", None, None, "KG-GO"),
                     "KG-O": Entity("KG-O", "region", "Och", "", "", (), "KG", "KG", None, None, "KG-O")})
    path = tmp_path / "world_names.yaml"
    for text, problem in [("- {id: KG-ZZ, name_fr: X}\n", r"world_names\.yaml:1: unknown ISO code 'KG-ZZ'"),
                          ("- {geonameid: 1, name_fr: X}\n", r":1: town 1 has no valid 'country'"),
                          ("- {id: KG-GO}\n- {id: KG-GO}\n", r":2: duplicate row for KG-GO"),
                          ("- {id: KG-GO, name_fr: Och}\n", r":1: name_fr 'Och' of KG-GO is already the name of KG-O")]:
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DataError, match=problem):
            apply_overrides(gaz, load_overrides(path, gaz), ("pays", "region"), path)


def test_organisations_file_is_checked(tmp_path):
    path = tmp_path / "organisations.yaml"
    path.write_text("- {id: cei, name_fr: CEI}\n- {id: cei, name_fr: Autre}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"organisations\.yaml:2: duplicate organisation id 'cei'"):
        load_organisations(path)
    path.write_text("- {id: Bad Id, name_fr: X}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r":1: id 'Bad Id' is not a lowercase ascii slug"):
        load_organisations(path)


def test_figures_attach_to_organisations(gaz):
    from atlas import facts
    from atlas.corpus import load_corpus

    loaded = facts.load_facts(facts.read_fact_files(PROJECT.fact_folders), facts.load_schema(PROJECT.schema),
                              load_corpus(PROJECT.corpus), [e.id for e in gaz])
    on_orgs = [f for f in loaded.figures if gaz[f.subject].kind == "organisation"
               or (f.counterpart and gaz[f.counterpart].kind == "organisation")]
    assert {f.subject for f in on_orgs} >= {"cei", "ueea"} and len(on_orgs) == 9


def test_site_keeps_only_named_world_places(gaz):
    mentions = {("d", "p-1"): [type("M", (), {"entity_id": "tcholpon-ata-kg"})()]}
    empty = type("F", (), {"partnerships": (), "figures": ()})()
    kept = relevant(gaz, mentions, empty)
    assert "tcholpon-ata-kg" in kept and "KG-Y" in kept and "KG" in kept
    assert "hurghada-eg" not in kept
    assert len(kept) < 2000 < len(gaz)
