"""Ambiguity rules of the world-sized gazetteer (atlas.ambiguity), each on a real or typical line.

Real lines come from the seed corpus (000_, line numbers given); the others are short sentences
of the kinds the rules are about, written for the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.gaps import unrecognised_names
from atlas.gazetteer import load_gazetteer
from atlas.pipeline import place_index
from atlas.project import Project
from atlas.recognise import recognise

ROOT = Path(__file__).resolve().parents[1]
PROJECT = Project.at(ROOT)


@pytest.fixture(scope="module")
def index():
    return place_index(PROJECT, load_gazetteer(PROJECT.places))


def ids(text: str, index) -> list[str]:
    return [m.entity_id for m in recognise(text, index)]


def test_organisation_name_holds_its_place_name(index):
    assert ids("le Bélarus est partenaire de dialogue de l'Organisation de coopération de Shanghai",
               index) == ["BY", "ocs"]


def test_union_state_is_an_organisation(index):
    # 000_ line 129: "l'État de l'Union" is not a region named Union
    assert ids("le développement de l'État de l'Union", index) == ["etat-de-l-union"]


def test_common_word_towns_are_words(index):
    # 000_ p-80 / p-119: "Un", "Union", "Commerce", "Cela" start sentences; towns of those names exist
    assert ids("Un accord a été signé. Cela montre que le Commerce progresse.", index) == []


def test_namesake_goes_to_the_country_the_paragraph_names(index):
    assert ids("La Serbie et le Bélarus : Belgrade accueille le forum.", index) == ["RS", "BY", "RS-00"]
    assert ids("Novomoskovsk (région de Toula) et Orcha sont jumelées.", index)[0] == "novomoskovsk-ru"


def test_small_foreign_town_needs_its_country_in_the_paragraph(index):
    assert "tcholpon-ata-kg" not in ids("Une conférence à Tcholpon-Ata.", index)
    assert "tcholpon-ata-kg" in ids("Au Kirghizistan, une conférence à Tcholpon-Ata.", index)


def test_natural_features_are_not_regions(index):
    assert ids("la ville de Hurghada, sur la mer Rouge", index) == ["hurghada-eg"]
    assert "KG-Y" not in ids("Au Kirghizistan, sur les rives du lac Issyk-Koul", index)


def test_title_or_initials_make_a_person(index):
    assert "VN-SG" not in ids("au Vietnam, patrie du président Hô Chi Minh", index)
    # 000_ line 521: "l'université A.S. Pushkin de Brest"
    assert "pouchkine-ru" not in ids("l'université A.S. Pushkin de Brest", index)


def test_company_names(index):
    assert "asia-ph" not in ids("la coentreprise MAZ-Asia", index)
    # 000_ line 626: 'la SAO "Molochny Mir"'
    assert "mir-by" not in ids('la SAO "Molochny Mir", la SAO "Grodno Meat Factory"', index)
    # 000_ p-24: the free zone "Gomel-Raton" (Raton is also a small US town)
    assert ids("la zone franche de Gomel-Raton.", index) == []


def test_tractor_brand_stays_a_brand(index):
    assert "BY" not in ids("L'usine de tracteurs de Minsk y assemble des tracteurs BELARUS", index)


def test_region_word_picks_the_oblast_not_the_city_region(index):
    assert ids("avec la région d'Osh, tandis que Gomel est jumelée avec Och", index) == ["KG-O", "gomel", "KG-GO"]


def test_name_cut_by_a_line_break_hyphen(index):
    assert ids("la région de Tche-liabinsk et la région d'Iva-novo", index) == ["RU-CHE", "RU-IVA"]


def test_footnote_number_glued_to_a_name(index):
    assert ids("une déclaration d'intention avec l'État de Kaduna87.", index) == ["NG-KD"]


def test_report_lists_unrecognised_capitalised_names(index):
    text = "Les usines Belgorkhimprom et Grodno Azot travaillent à Garlyk. Cependant, Minsk reste."
    names = unrecognised_names(text, recognise(text, index), index.rules)
    assert "Belgorkhimprom" in names and "Garlyk" in names
    assert "Cependant" not in names and "Les" not in names and "Minsk" not in names
