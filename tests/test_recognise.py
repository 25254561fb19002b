"""Recognition stage: one test per disambiguation rule (real corpus sentences)."""

from __future__ import annotations

import dataclasses

import pytest

from atlas.errors import DataError
from atlas.gazetteer import load_gazetteer
from atlas.pipeline import place_index
from atlas.project import ROOT, Project
from atlas.recognise import fold_for_matching, load_organisation_words, recognise


@pytest.fixture(scope="module")
def index():
    project = Project.at(ROOT)
    return place_index(project, load_gazetteer(project.places))


def found(text: str, index) -> list[tuple[str, str]]:
    return [(m.entity_id, m.text) for m in recognise(text, index)]


def ids(text: str, index) -> list[str]:
    return [m.entity_id for m in recognise(text, index)]


def test_spans_are_spans_of_the_original_text(index):
    text = "les entreprises de la région de Minsk et de l'Oudmourtie, à Moscou"
    for m in recognise(text, index):
        assert text[m.start:m.end] == m.text
    assert fold_for_matching("Région d’Aktobe") == "region d'aktobe" and len(fold_for_matching("Œuvre")) == len("Œuvre")


# rule 1: construction words
@pytest.mark.parametrize("text, expected", [
    ("la région de Brest dans ce contexte", [("BY-BR", "région de Brest")]),
    ("des marchandises de l'oblast de Gomel sont", [("BY-HO", "oblast de Gomel")]),
    ("On peut également citer la région de Moscou, dont", [("RU-MOS", "région de Moscou")]),
    ("le territoire de Stavropol, la région de Karachaevo- Cherkessia",
     [("RU-STA", "territoire de Stavropol"), ("RU-KC", "région de Karachaevo- Cherkessia")]),
    ("et le district autonome des Nenets développent", [("RU-NEN", "district autonome des Nenets")]),
    ("dans le Land autrichien du Vorarlberg, qui", [("AT-8", "Land autrichien du Vorarlberg")]),
    ("de l'akimat de la région de Karaganda.", [("KZ-35", "région de Karaganda")]),
    ("avec la province chinoise du Jiangsu", [("CN-JS", "province chinoise du Jiangsu")]),
    ("le comité exécutif régional de Gomel.", [("BY-HO", "régional de Gomel")]),
    ("le comité exécutif de la ville de Minsk a signé", [("BY-HM", "ville de Minsk")]),
])
def test_construction_word_decides(text, expected, index):
    assert found(text, index) == expected


def test_minsk_city_region_and_capital_descriptions(index):
    text = ("les entreprises de la région de Minsk a augmenté. Dans ce cas, les exportations de la "
            "région de la capitale biélorusse ont augmenté, et la capitale biélorusse aussi, à Minsk.")
    assert ids(text, index) == ["BY-MI", "BY-MI", "BY-HM", "BY-HM"]
    assert ids("Le rôle des partenaires russes est également élevé pour la région métropolitaine "
               "biélorusse.", index) == ["BY-MI"]


def test_moscow_city_oblast_and_minsk_district(index):
    assert ids("une délégation du district de Jiading était déjà à Minsk, où elle a discuté avec "
               "les dirigeants du district de Moscou de la capitale biélorusse", index) == [
        "shanghai-jiading", "BY-HM", "minsk-district-de-moscou"]
    assert ids("52 villes des deux pays - Moscou, Kaluga", index)[0] == "RU-MOW"


def test_bare_name_is_the_city(index):
    assert ids("Depuis 2006, Kovrov et Brest sont jumelées.", index) == ["kovrov", "brest"]
    assert ids("une délégation biélorusse représentative a visité Vladimir, les parties", index) == [
        "vladimir"]


def test_region_word_before_a_city_only_name_gives_its_region(index):
    assert ids("la région de Novossibirsk de devenir", index) == ["RU-NVS"]


# rule 2: lists after plural construction words
def test_plural_list_inherits_and_repeated_name_is_bare(index):
    text = ("Les cinq premiers destinataires des marchandises de l'oblast de Gomel sont les oblasts "
            "de Moscou, Moscou, Saint-Pétersbourg, Briansk et Smolensk.")
    assert ids(text, index) == ["BY-HO", "RU-MOS", "RU-MOW", "RU-SPE", "RU-BRY", "RU-SMO"]
    assert ids("avec les régions de Moguilev, Grodno et Brest, ce qui", index) == [
        "BY-MA", "BY-HR", "BY-BR"]
    assert ids("les régions de Penza, d'Astrakhan, de Belgorod", index) == ["RU-PNZ", "RU-AST", "RU-BEL"]
    assert ids("après les territoires de Krasnoïarsk et d'Altaï.", index) == ["RU-KYA", "RU-ALT"]
    assert ids("les districts de Smorgon (136%), Grodno (123%) et Svisloch (123%)", index) == [
        "district-de-smorgon", "district-de-grodno", "district-de-svislotch"]


def test_city_list_after_villes(index):
    assert ids("l'accord de jumelage entre les villes de Vladimir et de Bobruisk a été adopté",
               index) == ["vladimir", "bobruisk"]


# rule 3b: a bare name after its region was named
def test_bare_name_after_its_region_is_the_region(index):
    text = ("Quant à la région de Pskov, elle voit les perspectives. En témoigne le fait que "
            "30 entreprises ont permis aux entreprises de Pskov de fournir")
    assert ids(text, index) == ["RU-PSK", "RU-PSK"]
    assert ids("la région de Vladimir ... la construction du quartier biélorusse à Vladimir",
               index) == ["RU-VLA", "vladimir"]


# rule 4: two capitals in state talk stand for their states; a capital alone, or two capitals
# twinned as cities, stay the cities (real corpus lines, 000_ lines 1180 and 1231)
def test_capitals_standing_for_their_states(index):
    assert ids("la coopération bilatérale entre Minsk et Téhéran", index) == ["BY", "IR"]
    assert ids("Également en 2015, Minsk et Islamabad ont créé le mécanisme institutionnel", index) == ["BY", "PK"]
    assert ids("Un accord de jumelage entre Minsk et Harare est à l'étude", index) == ["BY-HM", "ZW-HA"]
    assert ids("la délégation de Minsk s'est rendue à Téhéran", index) == ["BY-HM", "teheran"]
    assert ids("les villes de Minsk et Douchanbé ont signé un accord", index) == ["BY-HM", "TJ-DU"]


# rule 5: persons
@pytest.mark.parametrize("text", ["le président Vladimir Poutine a déclaré",
                                  "selon Vladimir Karanik, ministre"])
def test_first_name_is_not_a_place(text, index):
    assert ids(text, index) == []


# rule 6: organisations
@pytest.mark.parametrize("text", [
    "Il s'agit notamment de l'usine de tracteurs de Minsk, de Mogilevliftmash",
    "l'usine électromécanique de Kovrov et de l'usine de moteurs de Minsk",
    "Minsk Tractor Works et la société indienne Erisha Agritech",
    "12 sont des résidents de la zone franche de Gomel-Raton.",
    "JSC Gomselmash et JSC AgromashHolding KZ",
    "doyenne de la faculté de philologie de l'Université d'État de Brest",
    "les produits à base de lait entier de la MKK Rogachyov",
    "des usines de transformation de la viande de Kalinkovichi et de Zhlobin",
    "200 tracteurs BELARUS d'ici la fin de 2021",
])
def test_names_inside_organisations_are_not_places(text, index):
    assert ids(text, index) == []


def test_company_from_a_place_is_a_place(index):
    assert ids("Il s'agit notamment de l'entreprise Betal de Vladimir, qui produit", index) == ["vladimir"]


def test_country_in_generic_region_phrase(index):
    assert found("de partenariats avec cette région de la Russie ont été", index) == [("RU", "Russie")]


# rule 7 and 8: demonyms and common words
def test_demonyms_and_common_words_are_not_places(index):
    assert ids("les entreprises biélorusses, russes, kazakhes et chinoises ; la partie brestoise", index) == []
    assert ids("en octobre, seul l'approvisionnement en eau compte", index) == []


def test_accents_case_hyphens_elisions(index):
    assert ids("REGION DE MOGUILEV et region de grodno", index) == ["BY-MA", "BY-HR"]
    assert ids("la Republique de Kabardino Balkarie et l'Oudmourtie et d'Aktobe", index) == [
        "RU-KB", "RU-UD", "KZ-15"]


def test_organisation_words_are_checked(tmp_path):
    path = tmp_path / "organisations.yaml"
    path.write_text("industrial_heads: [usine]\ninstitution_heads: []\ncompany_after: [Tractor Works]\n"
                    "company_before: []\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"organisations\.yaml: 'company_after' must be a list of single words"):
        load_organisation_words(path)


def test_without_organisation_words_a_factory_name_is_a_place(index):
    """Rule 6 comes from data/words/organisations.yaml alone: no words, no organisation rule."""
    text = "l'usine de tracteurs de Minsk"
    assert ids(text, index) == []
    bare = dataclasses.replace(index, organisation_words=None)
    assert ids(text, bare) == ["BY-HM"]
