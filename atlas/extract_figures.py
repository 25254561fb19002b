"""Automatic figures: what a number measures, its value and unit, its period, and whose it is.

See `extract_figures` for the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from atlas.extract_dates import period_of, unsplit_with_offsets
from atlas.extract_text import (
    AUTO,
    HOME_ADJECTIVE,
    SPACE,
    MentionLike,
    ParagraphLike,
    Party,
    Trigger,
    make_quote,
    sentence_parties,
    sentences,
    source_of,
)
from atlas.facts import Figure
from atlas.gazetteer import Gazetteer

# What an amount measures: the nearest of these words before it in its sentence.
_INDICATORS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (ind, re.compile(pat, re.IGNORECASE)) for ind, pat in (
        ("chiffre_affaires", r"\bchiffres?" + SPACE + r"d'affaires\b|\béchanges\b|\bcommerce\b|\bvolume"
         + SPACE + r"des" + SPACE + r"échanges\b"),
        ("exportations", r"\bexportations?\b|\bfournitures\b|\blivraisons\b"),
        ("importations", r"\bimportations?\b"),
        ("investissements", r"\binvestissements?\b|\binvesti\w*\b"),
        ("valeur_contrats", r"\bcontrats?\b"),
        ("autre", r"\bcrédits?\b"),
    )
)
_QUALIFIERS = {"près de": "pres_de", "pres de": "pres_de", "presque": "pres_de", "plus de": "plus_de",
               "environ": "environ", "moins de": "moins_de", "au moins": "au_moins", "dépass": "plus_de",
               "plus que": "plus_de"}
_QUAL = r"(?P<qual>près de|plus de|environ|moins de|au moins)?\s*"
_NUMBER = r"(?P<num>\d{1,3}(?:[\s\u00a0]\d{3})*(?:,\d+)?|\d+(?:,\d+)?)"
_AMOUNT = re.compile(_QUAL + _NUMBER + r"\s*(?P<scale>millions?|milliards?|mds?)\s+(?:de\s+)?"
                     r"(?P<cur>dollars|d'euros|euros|de roubles|roubles)", re.IGNORECASE)
_GROWTH = re.compile(r"(?P<verb>augment\w*|diminu\w*|baiss\w*|croissance|hausse|progress\w*|recul\w*)[^.;%]{0,40}?"
                     r"\bde\s+" + _QUAL + _NUMBER + r"\s*(?:%|pour\s+cent)", re.IGNORECASE)
# "a augmenté d'un tiers", "a reculé de moitié": a fraction in words, as a percentage
_FRACTIONS = {"tiers": 33.3, "quart": 25.0, "moitié": 50.0, "cinquième": 20.0}
_FRACTION = re.compile(r"(?P<verb>augment\w*|diminu\w*|baiss\w*|progress\w*|recul\w*|cr[uû]\w*)\s+(?:de\s+)?"
                       r"(?:d'un|d’un|de)\s+(?P<frac>tiers|quart|moitié|cinquième)\b", re.IGNORECASE)
# "a doublé", "ont presque triplé", "multipliées par une fois et demie", "multiplié par 2,5"
_FACTORS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "quintupl": 5.0}
_RATIO = re.compile(r"(?P<qual>plus que |presque |près de |environ )?(?P<verb>doublé|triplé|quadruplé|quintuplé)\b"
                    r"|multipli\w*\s+par\s+(?P<by>une fois et demie|deux|trois|quatre|cinq|\d+(?:,\d+)?)"
                    r"|(?P<half>une fois et demie) de plus", re.IGNORECASE)
_WORDS = {"une fois et demie": 1.5, "deux": 2.0, "trois": 3.0, "quatre": 4.0, "cinq": 5.0}
# "plus de 60 documents", "27 accords et programmes", "14 documents ont été signés"
_COUNT = re.compile(_QUAL + r"(?P<num>\d{1,4})\s+(?:accords|documents|mémorandums|conventions|traités)\b",
                    re.IGNORECASE)
_BOTH_COUNTRIES = re.compile(r"\b(?:(?:les|des|aux) deux pays|entre nos pays|bilatéra\w*)\b", re.IGNORECASE)
_DOWN = re.compile(r"diminu|baiss|recul", re.IGNORECASE)
_UNITS = {"dollars": "millions_usd", "euros": "millions_eur", "d'euros": "millions_eur", "roubles": "millions_rub",
          "de roubles": "millions_rub"}


def parse_number(text: str) -> float:
    """French number: "2,2" → 2.2, "1 250,5" → 1250.5 (thin/normal spaces group thousands)."""
    return float(re.sub(r"[\s\u00a0]", "", text).replace(",", "."))


def _qualifier(match: re.Match[str], text: str) -> str | None:
    qual = match.groupdict().get("qual")
    if qual:
        return _QUALIFIERS.get(qual.strip().lower())
    before = text[max(0, match.start() - 14):match.start()].lower()
    return next((q for word, q in _QUALIFIERS.items() if word in before), None)


@dataclass(frozen=True)
class Number:
    """A figure's number as read in the sentence, before its subject is known."""

    start: int
    end: int
    indicator: str
    measure: str
    value: float
    unit: str
    qualifier: str | None


def extract_figures(paragraph: ParagraphLike, mentions: Sequence[MentionLike],
                    gazetteer: Gazetteer, article_pair: tuple[str, str | None] | None = None,
                    national: bool = True) -> list[Figure]:
    """Candidate figures of one paragraph.

    * Amounts in millions/milliards of a currency (value in millions: "1,2 milliard" → 1200),
      measured by the nearest indicator word before them (turnover, exports, imports,
      investment, contracts, credit); growth "de 23,4 %" (negative when it falls), "d'un tiers"
      (33.3 %); factors "doublé" (2), "une fois et demie" (1.5); counts of agreements or
      documents. Growth and factors with no indicator in their sentence ("il a augmenté de 27 %")
      take the previous figure's.
    * "près de/plus de/environ/presque/dépassent" give the qualifier.
    * Subject: the Belarusian place of the sentence (the most specific), counterpart the foreign
      one; a side the sentence does not name comes from the previous sentence ("Elle", "entre
      elles"), then from the article's title ("Biélorussie - Serbie") when the paragraph names
      no region or town, or the sentence says "les deux pays".
    * Period: a span "2019-2021" or the year of the sentence.
    """
    text = paragraph.text
    out: dict[str, Figure] = {}
    last_pair = article_pair if national else None
    last_indicator: str | None = None
    for lo, hi in sentences(text):
        parties = sentence_parties(text, mentions, gazetteer, lo, hi)
        home = (gazetteer.home, None) if HOME_ADJECTIVE.search(text, lo, hi) else None
        pair = _figure_pair(parties, gazetteer, last_pair or home)
        if pair is None and article_pair and _BOTH_COUNTRIES.search(text, lo, hi):
            pair = article_pair
        pair = pair or last_pair
        last_pair = pair
        numbers = list(_numbers(text, lo, hi, last_indicator))
        if numbers:
            last_indicator = next((n.indicator for n in reversed(numbers) if n.measure == "niveau"
                                   or n.indicator != "autre"), last_indicator)
        if pair is None:
            continue
        period = period_of(text, lo, hi)
        foreign = [p for p in parties if not p.by]
        for number in numbers:
            fig = _figure(paragraph, number, _nearest_counterpart(text, lo, pair, foreign, number.start), period)
            out.setdefault(fig.id, fig)
    return list(out.values())


def _nearest_counterpart(text: str, lo: int, pair: tuple[str, str | None], foreign: list[Party],
                         at: int) -> tuple[str, str | None]:
    """"avec la région de Tula … 145,6 millions, tandis que le commerce avec la Tchouvachie a augmenté
    d'un tiers": after a contrast ("tandis que", "alors que", ";"), a number goes with the foreign
    place named in its own clause."""
    clause = max((m.end() for m in _CONTRAST.finditer(text, lo, at)), default=None)
    if clause is None or pair[1] is None:
        return pair
    own = [p for p in foreign if clause <= p.start < at]
    return (pair[0], own[-1].entity_id) if own else pair


_CONTRAST = re.compile(r"\btandis que\b|\balors que\b|;", re.IGNORECASE)


def _figure_pair(parties: list[Party], gazetteer: Gazetteer,
                 previous: tuple[str, str | None] | None) -> tuple[str, str | None] | None:
    by = [p for p in parties if p.by]
    foreign = [p for p in parties if not p.by]
    if not by and not foreign:
        return None
    if not by:
        return (previous[0], foreign[0].entity_id) if previous else None
    subject = max(by, key=lambda p: _RANK.get(gazetteer[p.entity_id].kind, 0)).entity_id
    counterpart = foreign[0].entity_id if foreign else None
    return subject, counterpart


_RANK = {"pays": 0, "region": 1, "ville": 2, "district": 3}


def _numbers(text: str, lo: int, hi: int, carried: str | None) -> Iterable[Number]:
    """Every figure of text[lo:hi], read with its hyphen-split words rejoined ("aug-menté d'un
    tiers"); offsets are the original text's."""
    joined, where = unsplit_with_offsets(text[lo:hi])
    for n in _joined_numbers(joined, 0, len(joined), carried):
        end = where[n.end - 1] + 1 if n.end > 0 else where[0]
        yield Number(lo + where[n.start], lo + end, n.indicator, n.measure, n.value, n.unit, n.qualifier)


def _joined_numbers(text: str, lo: int, hi: int, carried: str | None) -> Iterable[Number]:
    """Every figure of text[lo:hi] with what it measures (None skipped: an amount of nothing)."""
    for m in _AMOUNT.finditer(text, lo, hi):
        indicator = _indicator_before(text, lo, m.start())
        if indicator is None:
            continue
        value = parse_number(m.group("num")) * (1000 if m.group("scale").lower().startswith(("milliard", "md")) else 1)
        yield Number(m.start(), m.end(), indicator, "niveau", value, _UNITS[m.group("cur").lower()],
                     _qualifier(m, text))
    for m in _GROWTH.finditer(text, lo, hi):
        value = parse_number(m.group("num"))
        yield from _growth(text, lo, m, -value if _DOWN.match(m.group("verb")) else value, "pct", carried)
    for m in _FRACTION.finditer(text, lo, hi):
        value = _FRACTIONS[m.group("frac").lower()]
        yield from _growth(text, lo, m, -value if _DOWN.match(m.group("verb")) else value, "pct", carried)
    for m in _RATIO.finditer(text, lo, hi):
        if m.group("verb"):
            value = next(v for k, v in _FACTORS.items() if m.group("verb").lower().startswith(k))
        else:
            word = (m.group("by") or m.group("half")).lower()
            value = _WORDS.get(word) or parse_number(word)
        yield from _growth(text, lo, m, value, "facteur", carried)
    for m in _COUNT.finditer(text, lo, hi):
        yield Number(m.start(), m.end(), "nombre_accords", "niveau", float(m.group("num")), "accords",
                     _qualifier(m, text))


def _growth(text: str, lo: int, match: re.Match[str], value: float, unit: str,
            carried: str | None) -> Iterable[Number]:
    indicator = _indicator_before(text, lo, match.start()) or carried
    if indicator is not None:
        yield Number(match.start(), match.end(), indicator, "croissance", value, unit, _qualifier(match, text))


def _figure(paragraph: ParagraphLike, n: Number, pair: tuple[str, str | None],
            period: tuple[str, str] | None) -> Figure:
    text = paragraph.text
    quote = make_quote(text, n.start, n.end, Trigger(n.indicator, n.start, n.end))
    subject, counterpart = pair
    fid = f"auto--{subject.lower()}--{(counterpart or 'x').lower()}--{n.indicator}--{n.measure}--{n.value:g}"
    start, end = period or (None, None)
    return Figure(fid, subject, counterpart, n.indicator, n.measure, round(n.value, 3), n.unit, n.qualifier,
                  start, end, source_of(paragraph, quote), None, AUTO)


def _indicator_before(text: str, lo: int, pos: int) -> str | None:
    best: tuple[int, str] | None = None
    for indicator, pattern in _INDICATORS:
        for m in pattern.finditer(text, lo, pos):
            if best is None or m.start() > best[0]:
                best = (m.start(), indicator)
    return best[1] if best else None
