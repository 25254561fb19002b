"""Years of links and figures (atlas.extract_dates), on sentences of the seed corpus (000)."""

from __future__ import annotations

from atlas.extract_dates import article_year, link_year, period_of, sentence_year, years_in
from atlas.extract_partnerships import sentence_status
from atlas.extract_text import sentences

# corpus/000, lines 75-76 (opening of the "Forum des régions" article)
FORUM = ("Le huitième Forum des régions de Biélorussie et de Russie, qui s'est tenu fin juin - début "
         "juillet 2021, s'est concentré sur cinq sections thématiques.")
# corpus/000, line 1374-1375
OMAN = ("Le Bélarus et Oman ont signé l'accord sur sa création dès 2010, mais la première réunion du "
        "conseil d'affaires n'a eu lieu qu'en août 2015 à Minsk.")
# corpus/000, lines 984-986 (Zhodino - Gulistan)
ZHODINO = ("Le mémorandum sur la coopération entre les villes de Zhodino et de Gulistan, signé en novembre "
           "2021, devrait également contribuer à étendre la coopération entre les deux régions.")


def test_periods_comparisons_and_glued_footnotes_are_not_dates():
    assert years_in("un plan d'action - pour 2021-2023 - visant à mettre en œuvre l'accord") == []
    assert years_in("a diminué de 6,7 % par rapport à 201920 \" ") == []
    assert [y for _, y in years_in("C'était en octobre 201944 . Elle a signé")] == [2019]
    assert sentence_year(OMAN, 0, len(OMAN)) is None  # two dates: the sentence alone cannot say


def test_the_year_nearest_the_trigger_dates_the_link():
    trigger = OMAN.index("l'accord")
    assert link_year(OMAN, 0, len(OMAN), trigger, "signe", None, sentences(OMAN)) == 2010


def test_a_renewal_is_dated_by_the_renewal_not_the_old_signing():
    text = "Avec la région voisine, l'oblast a renouvelé l'accord de coopération conclu en 2014."
    assert link_year(text, 0, len(text), text.index("l'accord"), "renouvele", 2024, sentences(text)) == 2024
    assert link_year(text, 0, len(text), text.index("l'accord"), "signe", 2024, sentences(text)) == 2014


def test_planned_links_have_no_year():
    text = "La région prévoit de signer en 2022 un accord de coopération."
    assert link_year(text, 0, len(text), text.index("accord"), "prevu", 2021, sentences(text)) is None


def test_event_year_only_for_an_article_about_an_event():
    assert article_year([FORUM]) == 2021
    assert article_year(["En janvier 2021, la République du Bélarus et la République populaire de Chine ont "
                         "conclu un accord au plus haut niveau."]) is None


def test_a_count_of_agreements_is_not_dated_by_the_event():
    text = "on note qu'elle \"a conclu et met en œuvre 26 accords de coopération avec des régions russes\""
    assert link_year(text, 0, len(text), text.index("accords"), "signe", 2021, sentences(text)) is None


def test_a_signed_participle_next_to_the_document_outweighs_a_later_devrait():
    assert sentence_status(ZHODINO, ZHODINO.index("mémorandum")) == "signe"
    assert sentence_status(ZHODINO) == "prevu"


def test_period_of_a_figure():
    assert period_of("le programme pour 2021-2025 vise", 0, 33) == ("2021", "2025")
    assert period_of("en 2021 les exportations ont atteint", 0, 36) == ("2021", "2021")


def test_the_next_sentence_can_date_the_link():
    text = ("La réunion du groupe de travail s'est tenue en mars dernier. Le groupe, créé en 2019, a "
            "constaté une hausse des échanges.")
    spans = sentences(text)
    lo, hi = spans[0]
    assert link_year(text, lo, hi, text.index("groupe"), "signe", None, spans) == 2019
