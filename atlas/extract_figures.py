"""Automatic figures: amounts in millions/milliards and growth in per cent, with their indicator.

See `extract_figures` for the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from atlas.extract_dates import sentence_year
from atlas.extract_text import (
    AUTO,
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

_INDICATORS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (ind, re.compile(pat, re.IGNORECASE)) for ind, pat in (
        ("chiffre_affaires", r"\bchiffres?" + SPACE + r"d'affaires\b|\béchanges" + SPACE + r"commerciaux\b|\bcommerce"
         + SPACE + r"bilatéral\b"),
        ("exportations", r"\bexportations?\b|\bfournitures\b|\blivraisons\b"),
        ("importations", r"\bimportations?\b"),
        ("investissements", r"\binvestissements\b"),
    )
)
_QUALIFIERS = {"près de": "pres_de", "pres de": "pres_de", "plus de": "plus_de", "environ": "environ",
               "moins de": "moins_de", "au moins": "au_moins", "dépassé": "plus_de", "dépassant": "plus_de"}
_QUAL = r"(?P<qual>près de|plus de|environ|moins de|au moins)?\s*"
_NUMBER = r"(?P<num>\d{1,3}(?:[\s\u00a0]\d{3})*(?:,\d+)?|\d+(?:,\d+)?)"
_AMOUNT = re.compile(_QUAL + _NUMBER + r"\s*(?P<scale>millions?|milliards?|mds?)\s+(?:de\s+)?"
                     r"(?P<cur>dollars|d'euros|euros|de roubles|roubles)", re.IGNORECASE)
_GROWTH = re.compile(r"(?P<verb>augment\w*|diminu\w*|baiss\w*|croissance|hausse|progress\w*|recul\w*)[^.;%]{0,40}?"
                     r"\bde\s+" + _QUAL + _NUMBER + r"\s*(?:%|pour\s+cent)", re.IGNORECASE)
_DOWN = re.compile(r"diminu|baiss|recul", re.IGNORECASE)
_UNITS = {"dollars": "millions_usd", "euros": "millions_eur", "d'euros": "millions_eur", "roubles": "millions_rub",
          "de roubles": "millions_rub"}


def parse_number(text: str) -> float:
    """French number: "2,2" → 2.2, "1 250,5" → 1250.5 (thin/normal spaces group thousands)."""
    return float(re.sub(r"[\s\u00a0]", "", text).replace(",", "."))


def _qualifier(match: re.Match[str], text: str) -> str | None:
    if match.group("qual"):
        return _QUALIFIERS[match.group("qual").lower()]
    before = text[max(0, match.start() - 14):match.start()].lower()
    return next((q for word, q in _QUALIFIERS.items() if word in before), None)


def extract_figures(paragraph: ParagraphLike, mentions: Sequence[MentionLike],
                    gazetteer: Gazetteer) -> list[Figure]:
    """Candidate figures of one paragraph: amounts in millions/milliards and growth in %.

    The indicator is the nearest indicator word before the number in its sentence (turnover,
    exports, imports, investment); the subject is the Belarusian place of the sentence and the
    counterpart the foreign one (else the pair of an earlier sentence, for "entre les parties").
    Value in millions ("2,2 milliards" → 2200); "près de/plus de/environ" → qualifier.
    """
    text = paragraph.text
    out: dict[str, Figure] = {}
    last_pair: tuple[str, str | None] | None = None
    for lo, hi in sentences(text):
        parties = sentence_parties(text, mentions, gazetteer, lo, hi)
        pair = _figure_pair(parties, gazetteer) or last_pair
        if _figure_pair(parties, gazetteer):
            last_pair = pair
        if pair is None:
            continue
        year = sentence_year(text, lo, hi)
        for fig in _sentence_figures(paragraph, lo, hi, pair, year):
            out.setdefault(fig.id, fig)
    return list(out.values())


def _figure_pair(parties: list[Party], gazetteer: Gazetteer) -> tuple[str, str | None] | None:
    by = [p for p in parties if p.by]
    foreign = [p for p in parties if not p.by]
    if not by:
        return None
    subject = max(by, key=lambda p: _RANK.get(gazetteer[p.entity_id].kind, 0)).entity_id
    counterpart = foreign[0].entity_id if foreign else None
    return subject, counterpart


_RANK = {"pays": 0, "region": 1, "ville": 2, "district": 3}


def _sentence_figures(paragraph: ParagraphLike, lo: int, hi: int, pair: tuple[str, str | None],
                      year: int | None) -> Iterable[Figure]:
    text = paragraph.text
    for match, measure in [(m, "niveau") for m in _AMOUNT.finditer(text, lo, hi)] + \
                          [(m, "croissance") for m in _GROWTH.finditer(text, lo, hi)]:
        indicator = _indicator_before(text, lo, match.start())
        if indicator is None:
            continue
        value = parse_number(match.group("num"))
        if measure == "niveau":
            value *= 1000 if match.group("scale").lower().startswith(("milliard", "md")) else 1
            unit = _UNITS[match.group("cur").lower()]
        else:
            value = -value if _DOWN.match(match.group("verb")) else value
            unit = "pct"
        period = str(year) if year else None
        quote = make_quote(text, match.start(), match.end(), Trigger(indicator, match.start(), match.end()))
        subject, counterpart = pair
        fid = f"auto--{subject.lower()}--{(counterpart or 'x').lower()}--{indicator}--{measure}--{value:g}"
        yield Figure(fid, subject, counterpart, indicator, measure, round(value, 3), unit,
                     _qualifier(match, text), period, period,
                     source_of(paragraph, quote),
                     None, AUTO)


def _indicator_before(text: str, lo: int, pos: int) -> str | None:
    best: tuple[int, str] | None = None
    for indicator, pattern in _INDICATORS:
        for m in pattern.finditer(text, lo, pos):
            if best is None or m.start() > best[0]:
                best = (m.start(), indicator)
    return best[1] if best else None
