"""Automatic extraction: candidate partnerships and figures from any paragraph, with no curation.

Documents added to `corpus/` later have no curated facts; this stage reads them with French
rules over the places that `atlas.recognise` found, so that a new document yields facts with no
code change. Its output is *candidates* (origin "automatique"): `merge_automatic` drops those a
curated fact already confirms, and the site shows the rest as unverified.

How a partnership is found (per sentence of a paragraph)
  * A *trigger* names the relation: "accord (de coopération)", "ont signé", "jumel…", "villes
    jumelles", "mémorandum", "feuille de route", "plan d'action"/"programme de mesures",
    "groupe de travail", "conseil d'affaires", "relations amicales", "chambre de commerce…".
    Every relation comes from the `relation` enum of data/schema.yaml.
  * Parties are the recognised places of the sentence, split in Belarusian ones (the country BY
    or any place whose country is BY) and foreign ones. A hyphenated adjective pair such as
    "biélorusse-pakistanais" stands for the two countries when the sentence names no place of
    that side.
  * Pairing, in order: (1) a Belarusian and a foreign place joined by "et" ("Brest et Semey",
    "entre la région de Minsk et la Carinthie") are a couple; (2) a place followed by "- avec"
    or "est" heads a list of the other side ("la région de Brest - avec la région du Kazakhstan
    de l'Est", "la région de Brest est la province de Hubei (depuis 1994), Qinghai (2015)");
    (3) any other foreign place goes with the nearest Belarusian place (or list of places) before
    it, else after it. A Belarusian city paired with a foreign region stands for its own region
    (the usual level of such agreements: "Gomel - les régions autonomes de …").
  * Year: a year in brackets right after the foreign place ("Qinghai (2015)"), else the only year
    of the sentence outside a period ("pour 2021-2023" is a plan's span, not a signature date),
    else none. Status: "prevu"/"projet"/"renouvele" from the verbs, else "signe".
  * Quote: the shortest exact substring of the paragraph holding the trigger and the places
    (a window around the trigger when that would be too long).

The rules live in `extract_text` (sentences, parties, years, quotes), `extract_partnerships`
and `extract_figures`; this module runs them over the corpus and merges the candidates with
the curated facts. Evaluation lives with the other tools (`atlas.tools.extraction_eval`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from atlas.extract_dates import article_year
from atlas.extract_figures import extract_figures, parse_number
from atlas.extract_partnerships import extract_partnerships
from atlas.extract_text import AUTO, MentionLike, title_pair
from atlas.facts import Facts, Figure, Partnership
from atlas.gazetteer import Gazetteer

__all__ = ["AUTO", "extract_all", "extract_figures", "extract_partnerships", "merge_automatic", "parse_number",
           "unconfirmed", "uncurated_only"]


class CorpusLike(Protocol):
    def articles(self) -> list: ...


def extract_all(corpus: CorpusLike, mentions: Mapping[tuple[str, str], Sequence[MentionLike]],
                gazetteer: Gazetteer) -> Facts:
    """Candidates of every paragraph; one candidate per id (its first citation wins)."""
    partnerships: dict[str, Partnership] = {}
    figures: dict[str, Figure] = {}
    for article in corpus.articles():
        event_year = article_year([p.text for p in article.paragraphs if not getattr(p, "heading", False)])
        countries = title_pair(article.title, gazetteer)
        for paragraph in article.paragraphs:
            found = mentions.get((article.document, paragraph.id), [])
            if not found and countries is None:
                continue
            for p in extract_partnerships(paragraph, found, gazetteer, event_year):
                partnerships.setdefault(p.id, p)
            # the title's countries, unless the paragraph is about regions or towns
            national = all(gazetteer[m.entity_id].kind == "pays" for m in found if m.entity_id in gazetteer)
            for f in extract_figures(paragraph, found, gazetteer, countries, national):
                figures.setdefault(f.id, f)
    return Facts(tuple(partnerships.values()), tuple(figures.values()))


def pair_of(p: Partnership) -> frozenset[str]:
    return frozenset((p.by, p.partner))


def confirms(curated: Partnership, candidate: Partnership) -> bool:
    """A curated fact confirms a candidate: same unordered pair, same relation, compatible year.

    Years are compatible when either is unknown or they are equal: "accord (2017)" and
    "accord (2021)" between Grodno and Oukhta are two agreements, so the candidate stays.
    """
    return (pair_of(curated) == pair_of(candidate) and curated.relation == candidate.relation
            and (curated.year is None or candidate.year is None or curated.year == candidate.year))


def uncurated_only(candidates: Facts, curated_documents: set[str]) -> Facts:
    """Candidates from documents nobody has curated yet: in a curated document, every fact was
    recorded by hand, so a candidate left unconfirmed there is one the curator rejected."""
    return Facts(tuple(p for p in candidates.partnerships if p.source.document not in curated_documents),
                 tuple(f for f in candidates.figures if f.source.document not in curated_documents))


def unconfirmed(curated: Facts, candidates: Facts) -> Facts:
    """The candidates no curated fact confirms (origin "automatique"): the review queue."""
    by_pair: dict[frozenset[str], list[Partnership]] = {}
    for fact in curated.partnerships:
        by_pair.setdefault(pair_of(fact), []).append(fact)
    taken = {p.id for p in curated.partnerships}
    extra = []
    for cand in candidates.partnerships:
        if cand.id in taken or any(confirms(c, cand) for c in by_pair.get(pair_of(cand), [])):
            continue
        extra.append(replace(cand, origin=AUTO))
        taken.add(cand.id)
    figure_ids = {f.id for f in curated.figures}
    curated_figs = {figure_key(f) for f in curated.figures}
    new_figures = [replace(f, origin=AUTO) for f in candidates.figures
                   if f.id not in figure_ids and figure_key(f) not in curated_figs]
    return Facts(tuple(sorted(extra, key=lambda p: p.id)), tuple(sorted(new_figures, key=lambda f: f.id)))


def merge_automatic(curated: Facts, candidates: Facts) -> Facts:
    """Curated facts, plus the candidates no curated fact confirms (origin "automatique")."""
    extra = unconfirmed(curated, candidates)
    return Facts(curated.partnerships + extra.partnerships, curated.figures + extra.figures)


def figure_key(f: Figure) -> tuple:
    return (frozenset(x for x in (f.subject, f.counterpart) if x), f.indicator, f.measure, round(f.value, 3))
