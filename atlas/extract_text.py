"""What both extraction rule sets read in a paragraph: its sentences, the Belarusian and foreign
places of a sentence (its *parties*), years, and exact quotes.

See `atlas.extract` for how partnerships and figures are found from these.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from atlas.facts import Source
from atlas.gazetteer import Gazetteer

AUTO = "automatique"
MAX_QUOTE = 200


class MentionLike(Protocol):
    """What extraction needs of a mention (recognise.Mention fits)."""

    entity_id: str
    start: int
    end: int
    text: str


class ParagraphLike(Protocol):
    id: str
    document: str
    text: str


# A sentence ends at . ! ? before a capital, also when the source glued the next sentence on
# ("contexte.À propos"); initials ("A.S. Pushkin", "M.D.") and "No.12" are not ends.
# A footnote number set off before the stop ("dollars49 .", "pays\"61 .") still ends the sentence.
_SENTENCE_END = re.compile(r"(?:(?<=[a-zà-ÿ0-9\)\]\"»”%])(?<!\b[A-Za-z])|(?<=\d) )[.!?](?=\s*[\"«“]?\s*[A-ZÀ-Ý])")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a paragraph (offsets into *text*)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[max(0, match.start() - 2):match.start()].lower() == "no":
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# Coordinated clauses of one sentence state separate links: "…un mémorandum avec la province du
# Mashonaland central, et la région de Brest envisage un accord avec la ville de Bulawayo",
# "…ont conclu un mémorandum, tandis que Vitebsk et Niš entretiennent des relations amicales".
_CLAUSE = re.compile(r",\s+(?:et|mais)\s+(?=(?:la|le|les|l'|l’)\s?(?:ville|région|oblast|district|comité|villes)\b)"
                     r"|,?\s+(?:tandis qu(?:e|')|alors qu(?:e|'))\s*", re.IGNORECASE)


def clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a paragraph: its sentences, cut where a new subject starts a
    coordinated clause (", et la région de …", "tandis que"); not at ";", which separates the
    items of a list ("la région de Brest est la province de Hubei (1994) ; la région de Vitebsk…")."""
    out = []
    for lo, hi in sentences(text):
        start = lo
        for match in _CLAUSE.finditer(text, lo, hi):
            if text[start:match.start()].strip():
                out.append((start, match.start()))
            start = match.end()
        if text[start:hi].strip():
            out.append((start, hi))
    return out


@dataclass(frozen=True)
class Trigger:
    relation: str
    start: int
    end: int


SPACE = r"[\s\u00a0]+"


# "biélorusse-pakistanais", "tadjike-biélorusse": the two countries of a joint body (demonyms are
# curated with the countries, data/places/countries.yaml).
_BY_ADJ = r"(?:biélorusse|bélarussien(?:ne)?|belarussien(?:ne)?|bélarusse)"
#: the home country's adjective in any number ("les exportations biélorusses")
HOME_ADJECTIVE = re.compile(rf"\b{_BY_ADJ}s?\b", re.IGNORECASE)


_ADJ = r"([a-zà-ÿ]+(?:-africain)?)"
# "biélorusso-kirghiz", "bélarusso-nigérian": the compound form of the home adjective
_BY_PREFIX = r"(?:biélorusso|bélarusso|belarusso)"
_ADJ_PAIR = re.compile(rf"\b(?:{_BY_ADJ}s?|{_BY_PREFIX})-{_ADJ}\b|\b{_ADJ}-{_BY_ADJ}s?\b", re.IGNORECASE)


def _demonym_country(word: str, gazetteer: Gazetteer) -> str | None:
    """Country of a French demonym in any gender/number ("iranienne", "tadjike", "turcs")."""
    demonyms = {e.demonym: e.id for e in gazetteer.of_kind("pays") if e.demonym}
    word = word.lower()
    for form in (word, word.removesuffix("s"), re.sub(r"(ne|e)s?$", "", word)):
        if form in demonyms:
            return demonyms[form]
    return None


def is_belarusian(entity_id: str, gazetteer: Gazetteer) -> bool:
    """The home country itself (Belarus), or a region, city or district in it."""
    return entity_id in gazetteer and gazetteer.is_home(entity_id)


@dataclass(frozen=True)
class Party:
    """A place of a sentence (span in paragraph offsets); `by` says which side it is on."""

    entity_id: str
    start: int
    end: int
    by: bool


def _parties(mentions: Sequence[MentionLike], gazetteer: Gazetteer, lo: int, hi: int) -> list[Party]:
    out = []
    for m in sorted(mentions, key=lambda m: m.start):
        if lo <= m.start and m.end <= hi and m.entity_id in gazetteer:
            out.append(Party(m.entity_id, m.start, m.end, is_belarusian(m.entity_id, gazetteer)))
    return out


# "le gouvernement biélorusse", "la partie biélorusse", "la Chambre de commerce et d'industrie du
# Bélarus": the country's own bodies stand for the country
_HOME_BODY = re.compile(rf"\b(?:gouvernement|partie|conseil des ministres|état|république|chambre de commerce et "
                        rf"d'industrie|autorités|ministère \w+(?: \w+)?) {_BY_ADJ}s?\b", re.IGNORECASE)


# "sa branche de la Chambre … biélorusse": a region's branch, not the country
_BRANCH_OF = re.compile(r"\b(?:sa|son|leur)\s+(?:branche|section|antenne|filiale|bureau)\s+"
                        r"(?:de la|du|de l'|de l’)\s*$", re.IGNORECASE)


def _home_bodies(text: str, lo: int, hi: int, gazetteer: Gazetteer) -> list[Party]:
    if gazetteer.home not in gazetteer:
        return []
    return [Party(gazetteer.home, m.start(), m.end(), True) for m in _HOME_BODY.finditer(text, lo, hi)
            if not _BRANCH_OF.search(text[max(lo, m.start() - 40):m.start()])][:1]


def _adjective_parties(text: str, lo: int, hi: int, gazetteer: Gazetteer) -> list[Party]:
    """Countries named by a "biélorusse-X" adjective pair (both sides at the adjective's span)."""
    out = []
    for match in _ADJ_PAIR.finditer(text, lo, hi):
        country = _demonym_country(match.group(1) or match.group(2), gazetteer)
        if country and country in gazetteer and gazetteer.home in gazetteer:
            out.append(Party(gazetteer.home, match.start(), match.end(), True))
            out.append(Party(country, match.start(), match.end(), False))
    return out


JOINED_BY_ET = re.compile(r"^\s*(?:,\s*)?et\s+(?:(?:de|du|des|d'|d’)\s*)?(?:(?:la|le|les|l'|l’)\s*)?$", re.IGNORECASE)
BRACKET_YEAR = re.compile(r"^\s*\((?:depuis\s+|en\s+)?((?:19|20)\d\d)\)", re.IGNORECASE)


def year_after(text: str, end: int) -> int | None:
    match = BRACKET_YEAR.match(text[end:end + 20])
    return int(match.group(1)) if match else None


def make_quote(text: str, start: int, end: int, trigger: Trigger) -> str:
    """Exact text from *start* to *end* cut at word ends; a window round the trigger if too long."""
    if end - start > MAX_QUOTE and start <= trigger.start < end:
        start, end = max(start, trigger.start - 60), min(end, trigger.end + 60)
        start, end = min(start, trigger.start), max(end, trigger.end)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    quote = " ".join(text[start:end].split())
    if len(quote.split()) < 2:
        return make_quote(text, max(0, start - 30), min(len(text), end + 30), trigger)
    return quote


# "Forum des régions de Biélorussie et de Russie" names an event, not the parties of the sentence
_EVENT = re.compile(r"forum des régions (?:du |de la |de |d')?$", re.IGNORECASE)


def sentence_parties(text: str, mentions: Sequence[MentionLike], gazetteer: Gazetteer, lo: int,
                      hi: int) -> list[Party]:
    parties = _parties(mentions, gazetteer, lo, hi)
    parties = _drop_locators(_drop_event_names(parties, text), text)
    sides = {p.by for p in parties}
    adjectives = [p for p in _adjective_parties(text, lo, hi, gazetteer) if p.by not in sides]
    if True not in sides and not any(p.by for p in adjectives):
        adjectives += _home_bodies(text, lo, hi, gazetteer)
    return sorted(parties + adjectives, key=lambda p: (p.start, not p.by))


def _drop_event_names(parties: list[Party], text: str) -> list[Party]:
    out: list[Party] = []
    in_event = False
    for i, party in enumerate(parties):
        before = text[max(0, party.start - 30):party.start]
        if _EVENT.search(before):
            in_event = True
        elif not (in_event and i and JOINED_BY_ET.match(text[parties[i - 1].end:party.start])):
            in_event = False
        if not in_event:
            out.append(party)
    return out


_AT = re.compile(r"(?:^|\s)(?:à|a)\s+$", re.IGNORECASE)
# "Tcheboksary" in "la République tchouvache, dont la capitale, Tcheboksary, …", "dans la région de
# Tver" after a list of towns, "(région de Toula)" after a town: where a party is, not a party
_SEAT = re.compile(r"\bdont (?:la capitale|le centre(?: administratif)?)(?:,|\s+est)?\s*$", re.IGNORECASE)
_WHERE = re.compile(r"(?:\bdans (?:la |le |l'|l’)?(?:région|province|oblast|kraï|république|district)?"
                    r"(?:\s+(?:de la|du|de|d'|d’|de l'|de l’))?|\()\s*$", re.IGNORECASE)
_OF = re.compile(r"^\s*(?:de la|du|de|d'|d’|de l'|de l’)\s*$", re.IGNORECASE)


def _drop_locators(parties: list[Party], text: str) -> list[Party]:
    """Places that only locate something: "réunion … à Zhodino", "Ukhta de la République de Komi"."""
    out: list[Party] = []
    for party in parties:
        if _AT.search(text[max(0, party.start - 3):party.start]):
            continue
        if _SEAT.search(text[max(0, party.start - 40):party.start]):
            continue
        if out and _WHERE.search(text[max(out[-1].end, party.start - 40):party.start]):
            continue
        if out and out[-1].by == party.by and _OF.match(text[out[-1].end:party.start]):
            continue
        out.append(party)
    return out


def source_of(paragraph: ParagraphLike, quote: str) -> Source:
    """Where a candidate is written: the corpus file and the paragraph's first line (no fact file)."""
    return Source(f"corpus/{paragraph.document}.txt", getattr(paragraph, "line_start", 0), paragraph.document,
                  paragraph.id, quote)


def title_pair(title: str, gazetteer: Gazetteer) -> tuple[str, str | None] | None:
    """(home, foreign country) an article's title names ("Biélorussie - Serbie : …"): the parties
    of its figures when a sentence names none ("entre les deux pays")."""
    lowered = f" {title.split(':')[0].lower()} "  # the subtitle after ":" is not the pair
    named = [e.id for e in gazetteer.of_kind("pays")
             if any(re.search(rf"(?<![\w-]){re.escape(n.lower())}(?![\w-])", lowered) for n in gazetteer.names(e.id))]
    foreign = [c for c in named if c != gazetteer.home]
    if gazetteer.home in named and len(foreign) == 1:
        return gazetteer.home, foreign[0]
    return None
