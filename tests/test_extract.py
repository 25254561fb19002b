"""Automatic extraction: each rule on real corpus sentences, a new document, merge, quality floor."""

from __future__ import annotations

from dataclasses import replace

import pytest

from atlas import recognise
from atlas.corpus import Paragraph, load_corpus, normalise_space
from atlas.extract import (
    AUTO,
    extract_all,
    extract_figures,
    extract_partnerships,
    merge_automatic,
    parse_number,
)
from atlas.facts import Facts
from atlas.pipeline import place_index, prepare
from atlas.project import ROOT, Project
from atlas.tools.extraction_eval import evaluate_project


@pytest.fixture(scope="module")
def gazetteer():
    """The project's gazetteer as the build has it (with its home country, from the schema)."""
    return prepare(Project.at(ROOT)).gazetteer


@pytest.fixture(scope="module")
def index(gazetteer):
    return place_index(Project.at(ROOT), gazetteer)


@pytest.fixture(scope="module")
def project():
    """(curated, candidates, scores) on the project's own corpus."""
    return evaluate_project(Project.at(ROOT))


def links(text: str, gazetteer, index) -> set[tuple[str, str, str, int | None]]:
    paragraph = Paragraph("p-1", "test", text, 1, 1)
    found = extract_partnerships(paragraph, recognise.recognise(text, index), gazetteer)
    for p in found:
        assert normalise_space(p.source.quote) in normalise_space(text)
        assert len(p.source.quote.split()) >= 2 and p.origin == AUTO
    return {(p.by, p.partner, p.relation, p.year) for p in found}


# --- partnerships, one rule at a time (sentences copied from 000_dde7657066dac0dc) -----------


def test_twinning_of_two_cities_with_year(gazetteer, index):
    text = "Depuis 2006, Kovrov et Brest sont jumelées."
    assert links(text, gazetteer, index) == {("brest", "kovrov", "jumelage", 2006)}


def test_twinning_agreement_entre_x_et_y(gazetteer, index):
    text = ("En 1998, l'accord de jumelage entre les villes de Vladimir et de Bobruisk a été adopté. Pour la "
            "dernière fois, \"elles ont développé des relations de partenariat mutuellement bénéfiques\".")
    assert links(text, gazetteer, index) == {("bobruisk", "vladimir", "jumelage", 1998)}


def test_cooperation_agreement_signed_in_year(gazetteer, index):
    text = "L'accord de coopération entre la région de Minsk et le Land de Carinthie a été signé en 2008."
    assert links(text, gazetteer, index) == {("BY-MI", "AT-2", "accord", 2008)}


def test_accord_and_twinning_in_one_sentence_go_to_their_own_pair(gazetteer, index):
    text = ("Notez qu'aujourd'hui, c'est interaction est particulièrement intéressante dans le cadre de l'accord "
            "de coopération entre la région de Minsk et la Carinthie, ainsi que dans le cadre des relations de "
            "jumelage entre le district d'octobre de Minsk et la ville de Linz.")
    found = links(text, gazetteer, index)
    assert ("BY-MI", "AT-2", "accord", None) in found
    assert ("minsk-district-d-octobre", "linz", "jumelage", None) in found
    assert ("BY-MI", "AT-2", "jumelage", None) not in found


def test_list_with_years_after_a_jumelage_sentence(gazetteer, index):
    text = ("Chaque région biélorusse et Minsk sont déjà jumelées ou en partenariat avec deux ou plusieurs "
            "régions chinoises. Par exemple, la région de Brest est la province de Hubei (depuis 1994), Qinghai "
            "(2015), Anhui (2016) ; la région de Vitebsk est la province de Shandong (2004), Heilongjiang (2005).")
    assert links(text, gazetteer, index) >= {
        ("BY-BR", "CN-HB", "accord", 1994), ("BY-BR", "CN-QH", "accord", 2015), ("BY-BR", "CN-AH", "accord", 2016),
        ("BY-VI", "CN-SD", "accord", 2004), ("BY-VI", "CN-HL", "accord", 2005)}
    assert not any(by == "BY-BR" and partner in ("CN-SD", "CN-HL") for by, partner, _, _ in
                   links(text, gazetteer, index))


def test_region_dash_avec_region(gazetteer, index):
    text = ("Les régions de Gomel et Vitebsk ont un accord de coopération avec la région du Kazakhstan du Nord, "
            "la région de Brest - avec la région du Kazakhstan de l'Est.")
    assert links(text, gazetteer, index) == {
        ("BY-HO", "KZ-59", "accord", None), ("BY-VI", "KZ-59", "accord", None), ("BY-BR", "KZ-63", "accord", None)}


def test_couples_of_cities(gazetteer, index):
    text = ("Ces partenariats entre les régions des deux pays sont complétés par des documents sur la coopération "
            "entre des villes telles que Minsk et Nur-Sultan, Brest et Semey, Bobruisk et Ust-Kamenogorsk, "
            "Mogilev et Shymkent.")
    assert links(text, gazetteer, index) >= {
        ("BY-HM", "KZ-71", "accord", None), ("brest", "semei", "accord", None),
        ("bobruisk", "oust-kamenogorsk", "accord", None), ("moguilev", "chymkent", "accord", None)}


def test_memorandum_between_cities(gazetteer, index):
    text = ("Le mémorandum sur la coopération entre les villes de Zhodino et de Gulistan, signé en novembre 2021, "
            "devrait également contribuer à étendre la coopération entre les deux régions.")
    assert links(text, gazetteer, index) == {("jodino", "goulistan", "memorandum", 2021)}


def test_friendly_relations(gazetteer, index):
    text = ("Il convient de rappeler que la région de Moguilev a signé un accord sur l'établissement de relations "
            "amicales avec la province du Henan en 2004.")
    assert links(text, gazetteer, index) == {("BY-MA", "CN-HA", "relations_amicales", 2004)}


def test_business_council_and_programme_of_measures(gazetteer, index):
    text = ("En juin 2021 S'est tenue la cinquième réunion du Conseil de coopération commerciale de la "
            "République du Bélarus et de la région de Novossibirsk, au cours de laquelle ont été examinés les "
            "résultats du Programme de mesures pour le développement de l'interaction entre les parties pour "
            "2019-2021.")
    assert links(text, gazetteer, index) == {("BY", "RU-NVS", "conseil_affaires", 2021),
                                             ("BY", "RU-NVS", "plan_action", 2021)}


def test_working_group(gazetteer, index):
    text = ("Ce point a notamment été discuté lors de la même réunion de juin 2021 du groupe de travail sur la "
            "coopération entre la Biélorussie et la Kalmoukie, où le BUTB a montré qu'il était prêt.")
    assert links(text, gazetteer, index) == {("BY", "RU-KL", "groupe_travail", 2021)}


def test_road_map_with_adjective_pair(gazetteer, index):
    text = ("En mai 2021 s'est tenue la 16e session de la commission intergouvernementale de coopération "
            "commerciale et économique Biélorussie-Kazakhstan, à l'issue de laquelle les parties ont adopté une "
            "\"feuille de route\" ou un programme de mesures pour 2021-2022.")
    assert ("BY", "KZ", "feuille_de_route", 2021) in links(text, gazetteer, index)


def test_joint_working_group_named_by_adjectives(gazetteer, index):
    text = ("Lors de la première réunion du groupe de travail biélorusse-turc sur l'agriculture, qui s'est tenue "
            "en août 2021, le Bélarus a déclaré être prêt à augmenter encore les livraisons.")
    assert ("BY", "TR", "groupe_travail", 2021) in links(text, gazetteer, index)


def test_the_parties_refer_to_the_pair_named_before(gazetteer, index):
    text = ("Un autre exemple de régions partenaires est la région de Mogilev et la province de Mpumalanga, l'un "
            "des plus puissants dans le pays en termes industriels. Les deux parties ont signé un mémorandum de "
            "coopération en décembre 2016.")
    assert ("BY-MA", "ZA-MP", "memorandum", 2016) in links(text, gazetteer, index)


def test_no_trigger_no_partnership(gazetteer, index):
    text = ("La région de Gomel développe également avec succès la direction russe des relations économiques "
            "extérieures, dont le chiffre d'affaires commercial avec la Russie a augmenté.")
    assert links(text, gazetteer, index) == set()


def test_a_region_never_signs_with_a_whole_country(gazetteer, index):
    text = "La région de Grodno travaille avec 74 régions de Russie, et a signé des accords de coopération."
    assert links(text, gazetteer, index) == set()


# --- figures -----------------------------------------------------------------------------------


def figures(text: str, gazetteer, index) -> set[tuple]:
    paragraph = Paragraph("p-1", "test", text, 1, 1)
    found = extract_figures(paragraph, recognise.recognise(text, index), gazetteer)
    for f in found:
        assert normalise_space(f.source.quote) in normalise_space(text) and f.origin == AUTO
    return {(f.subject, f.counterpart, f.indicator, f.measure, f.value, f.unit, f.qualifier) for f in found}


def test_french_numbers():
    assert parse_number("2,2") == 2.2
    assert parse_number("1 250,5") == 1250.5


def test_turnover_in_milliards_with_qualifier(gazetteer, index):
    text = ("En témoignent les résultats de 2020, où le chiffre d'affaires commercial entre le Bélarus et la Chine "
            "a dépassé 4,5 milliards de dollars, et où les exportations bélarussiennes ont augmenté de près de 10 %.")
    assert figures(text, gazetteer, index) == {
        ("BY", "CN", "chiffre_affaires", "niveau", 4500.0, "millions_usd", "plus_de"),
        ("BY", "CN", "exportations", "croissance", 10.0, "pct", "pres_de")}


def test_turnover_level_and_growth(gazetteer, index):
    text = ("Tout d'abord, pour cinq mois de 2021, le chiffre d'affaires commercial avec la Russie des entreprises "
            "de la région de Minsk a augmenté immédiatement de 30 pour cent, s'élevant à plus de 2,2 milliards de "
            "dollars.")
    assert figures(text, gazetteer, index) == {
        ("BY-MI", "RU", "chiffre_affaires", "croissance", 30.0, "pct", None),
        ("BY-MI", "RU", "chiffre_affaires", "niveau", 2200.0, "millions_usd", "plus_de")}


def test_decrease_is_negative(gazetteer, index):
    text = ("Le chiffre d'affaires commercial entre la Biélorussie et l'Iran s'est élevé à 24,7 millions de "
            "dollars en 2020 et a diminué de 6,7 % par rapport à 2019.")
    found = figures(text, gazetteer, index)
    assert ("BY", "IR", "chiffre_affaires", "niveau", 24.7, "millions_usd", None) in found
    assert ("BY", "IR", "chiffre_affaires", "croissance", -6.7, "pct", None) in found


# --- a new document, the corpus, merge, quality ------------------------------------------------


def test_a_new_document_yields_candidates_with_no_code_change(tmp_path, gazetteer, index):
    (tmp_path / "900_nouveau.txt").write_text(
        " Biélorussie - Russie :\nNouveaux accords\n\n"
        "La région de Vitebsk et la région de Pskov ont signé un accord de coopération en 2023. Le chiffre "
        "d'affaires commercial entre la région de Vitebsk et la région de Pskov s'est élevé à 120 millions de "
        "dollars.\n", encoding="utf-8")
    with pytest.warns(UserWarning):
        corpus = load_corpus(tmp_path)
    facts = extract_all(corpus, recognise.recognise_corpus(corpus, index), gazetteer)
    assert [(p.by, p.partner, p.relation, p.year, p.status, p.id) for p in facts.partnerships] == [
        ("BY-VI", "RU-PSK", "accord", 2023, "signe", "auto--by-vi--ru-psk--accord--2023")]
    assert [(f.subject, f.counterpart, f.indicator, f.value) for f in facts.figures] == [
        ("BY-VI", "RU-PSK", "chiffre_affaires", 120.0)]


def test_every_candidate_quotes_its_paragraph(project):
    from atlas.corpus import load_corpus as load

    paragraphs = {(d.id, p.id): p.text for d in load(ROOT / "corpus").documents for p in d.paragraphs()}
    _, candidates, _ = project
    for fact in candidates.partnerships + candidates.figures:
        text = paragraphs[(fact.source.document, fact.source.paragraph)]
        assert normalise_space(fact.source.quote) in normalise_space(text), fact.id
        assert len(fact.source.quote.split()) >= 2
    assert len({p.id for p in candidates.partnerships}) == len(candidates.partnerships)


def test_merge_keeps_curated_and_drops_confirmed_candidates(project):
    curated, candidates, _ = project
    merged = merge_automatic(curated, candidates)
    assert merged.partnerships[:len(curated.partnerships)] == curated.partnerships
    assert merged.figures[:len(curated.figures)] == curated.figures
    ids = {p.id for p in merged.partnerships}
    assert "auto--brest--kovrov--jumelage--2006" in {p.id for p in candidates.partnerships}
    assert "auto--brest--kovrov--jumelage--2006" not in ids  # curated brest–kovrov twinning confirms it
    extra = merged.partnerships[len(curated.partnerships):]
    assert extra and all(p.origin == AUTO for p in extra)
    assert all(p.origin == "verifie" for p in curated.partnerships)


def test_merge_keeps_a_candidate_with_another_year(project):
    curated, candidates, _ = project
    kovrov = next(p for p in candidates.partnerships if p.id == "auto--brest--kovrov--jumelage--2006")
    other = replace(kovrov, id="auto--brest--kovrov--jumelage--2019", year=2019)
    merged = merge_automatic(curated, Facts((kovrov, other), ()))
    assert [p.id for p in merged.partnerships[len(curated.partnerships):]] == [other.id]


def test_quality_stays_above_the_measured_floor(project):
    """Measured on the project corpus: pair+relation P 0.818 R 0.674-0.703 (the curated files were being
    edited); pair P 0.903 R 0.762-0.800; trade figures P 0.811 R 0.276. The floors sit a little below."""
    _, _, scores = project
    assert scores["partenariats (paire+relation)"]["precision"] >= 0.78
    assert scores["partenariats (paire+relation)"]["recall"] >= 0.64
    assert scores["partenariats (paire)"]["precision"] >= 0.87
    assert scores["partenariats (paire)"]["recall"] >= 0.73
    assert scores["chiffres (commerce, en M ou %)"]["precision"] >= 0.75
    assert scores["chiffres (commerce, en M ou %)"]["recall"] >= 0.25


# --- figures in words, factors and counts (sentences of 000_dde7657066dac0dc) --------------------


def test_growth_by_a_fraction_in_words(gazetteer, index):
    text = ("Il suffit de dire que de janvier à août 2021, le chiffre d'affaires des marchandises entre le "
            "Bélarus et la Russie a augmenté de moitié pour atteindre 375 millions de dollars.")
    assert figures(text, gazetteer, index) == {
        ("BY", "RU", "chiffre_affaires", "croissance", 50.0, "pct", None),
        ("BY", "RU", "chiffre_affaires", "niveau", 375.0, "millions_usd", None)}


def test_factors_in_words_and_digits(gazetteer, index):
    text = ("Un détail typique : les exportations de la région de Moguilev vers plus de 20 pays de l'Union "
            "européenne ont été multipliées par 1,7 et se sont élevées à 221 millions de dollars. Les livraisons "
            "à la Chine ont également doublé.")
    found = figures(text, gazetteer, index)
    assert ("BY-MA", "ue", "exportations", "croissance", 1.7, "facteur", None) in found  # EU: an organisation
    assert ("BY-MA", "CN", "exportations", "croissance", 2.0, "facteur", None) in found


def test_almost_tripled_carries_its_qualifier(gazetteer, index):
    text = ("Par exemple, si en 2020 le volume des échanges mutuels entre la Biélorussie et le Tadjikistan a été "
            "\"presque triplé et a dépassé 111 millions de dollars\".")
    found = figures(text, gazetteer, index)
    assert ("BY", "TJ", "chiffre_affaires", "croissance", 3.0, "facteur", "pres_de") in found
    assert ("BY", "TJ", "chiffre_affaires", "niveau", 111.0, "millions_usd", "plus_de") in found


def test_growth_without_indicator_takes_the_previous_figures(gazetteer, index):
    text = ("Les exportations biélorusses vers l'Autriche ont atteint 26,3 millions de dollars. Elles ont "
            "augmenté d'un quart.")
    assert ("BY", "AT", "exportations", "croissance", 25.0, "pct", None) in figures(text, gazetteer, index)


def test_a_count_of_agreements_is_a_figure_units_are_not(gazetteer, index):
    text = ("La région de Minsk a signé plus de 80 accords avec les régions de Chine et livré 60 tracteurs.")
    assert figures(text, gazetteer, index) == {("BY-MI", "CN", "nombre_accords", "niveau", 80.0, "accords",
                                                "plus_de")}


def test_a_year_inside_the_relative_clause_holding_the_link_dates_it(gazetteer, index):
    # corpus/000, lines 1541-1544
    text = ("La province chinoise du Jiangsu, qui a signé en 2015 un accord pour établir des relations de "
            "jumelage avec la région de Moguilev, a été la première région de Chine avec laquelle les habitants "
            "de Moguilev ont organisé en juillet 2020 un échange de contacts et de coopération.")
    assert ("BY-MA", "CN-JS", "jumelage", 2015) in links(text, gazetteer, index)


def test_a_relative_clause_after_the_link_does_not_date_it(gazetteer, index):
    # the seed's Russian-regions wording (000, p-30) with a "dont" clause about something else
    text = ("La région de Gomel a signé un accord de coopération avec la région de Vladimir, dont les "
            "entreprises travaillent depuis 2016 avec celles de Mozyr.")
    assert ("BY-HO", "RU-VLA", "accord", 2016) not in links(text, gazetteer, index)


# --- wordings the seed corpus does not use (sentences written for the rule, in its style) ------


def test_compound_home_adjective_names_both_countries(gazetteer, index):
    text = "Le Conseil d'affaires biélorusso-kazakh s'est réuni à Minsk en 2021."
    assert ("BY", "KZ", "conseil_affaires", 2021) in links(text, gazetteer, index)


def test_friendly_contacts_and_a_dated_cooperation_programme(gazetteer, index):
    text = ("La ville de Grodno entretient des contacts amicaux avec la ville de Kovrov. La région de Brest a "
            "signé un programme de coopération pour 2021-2023 avec la région de Pavlodar.")
    found = links(text, gazetteer, index)
    assert ("grodno", "kovrov", "relations_amicales", None) in found
    assert ("BY-BR", "KZ-55", "plan_action", None) in found


def test_a_pronoun_subject_takes_the_previous_belarusian_party(gazetteer, index):
    text = ("La région de Moguilev a signé un accord avec la région de Tver en 2021. Elle a en outre signé un "
            "mémorandum avec la région de Koursk.")
    assert ("BY-MA", "RU-KRS", "memorandum", None) in links(text, gazetteer, index)


def test_a_number_after_tandis_que_goes_with_its_own_clause(gazetteer, index):
    # the seed's wording for regional trade (000, p-20) with a contrast, and a hyphen-split verb
    text = ("Le chiffre d'affaires de la région de Moguilev avec la région de Smolensk s'est élevé à 145,6 millions "
            "de dollars en 2021, tandis que le commerce avec la région de Briansk a aug-menté d'un tiers.")
    found = figures(text, gazetteer, index)
    assert ("BY-MA", "RU-SMO", "chiffre_affaires", "niveau", 145.6, "millions_usd", None) in found
    assert ("BY-MA", "RU-BRY", "chiffre_affaires", "croissance", 33.3, "pct", None) in found


def test_coordinated_clauses_state_separate_links(gazetteer, index):
    # written for the rule in the seed's style: two subjects, two instruments, one sentence
    text = ("La région de Gomel a signé en 2021 un mémorandum avec la région de Smolensk, et la région de Brest "
            "envisage un accord avec la région de Pskov.")
    found = links(text, gazetteer, index)
    assert ("BY-HO", "RU-SMO", "memorandum", 2021) in found and ("BY-BR", "RU-PSK", "accord", None) in found
    assert not {("BY-HO", "RU-PSK"), ("BY-BR", "RU-SMO")} & {(b, p) for b, p, _, _ in found}
