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

Evaluation against the curated facts lives with the other tools (`atlas.tools.extraction_eval`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from atlas.facts import YEARS, Facts, Figure, Partnership, Source
from atlas.gazetteer import Entity, Gazetteer

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


# --- sentences ------------------------------------------------------------------------------

# A sentence ends at . ! ? before a capital, also when the source glued the next sentence on
# ("contexte.À propos"); initials ("A.S. Pushkin", "M.D.") and "No.12" are not ends.
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ0-9\)\]\"»”%])(?<!\b[A-Za-z])[.!?](?=\s*[\"«“]?\s*[A-ZÀ-Ý])")


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


# --- relation triggers ----------------------------------------------------------------------


@dataclass(frozen=True)
class Trigger:
    relation: str
    start: int
    end: int


_W = r"[\s\u00a0]+"
# Order matters only for overlaps: the first pattern that covers a span claims it.
_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rel, re.compile(pat, re.IGNORECASE)) for rel, pat in (
        ("accord", r"\bjumelées" + _W + r"ou" + _W + r"en" + _W + r"partenariat"),
        ("relations_amicales", r"\brelations" + _W + r"amicales\b"),
        ("jumelage", r"\b(?:jumel\w*|jumeaux?|jumelles?|villes" + _W + r"jumelles)\b"),
        ("accord_chambres", r"\bchambres?" + _W + r"de" + _W + r"commerce\b"),
        ("conseil_affaires", r"\bconseils?" + _W + r"(?:d'|d’)affaires\b|\bconseils?" + _W
         + r"de" + _W + r"coopération" + _W + r"commerciale\b"),
        ("groupe_travail", r"\bgroupes?" + _W + r"de" + _W + r"travail\b"),
        ("feuille_de_route", r"\bfeuilles?" + _W + r"de" + _W + r"route\b"),
        ("plan_action", r"\bplans?" + _W + r"(?:d'|d’)action\b|\bprogrammes?" + _W + r"de" + _W
         + r"mesures\b"),
        ("memorandum", r"\bmémorandums?\b"),
        ("autre", r"\bcommissions?" + _W + r"(?:intergouvernementale|mixte|conjointe)s?\b|\bcomité"
         + _W + r"intergouvernemental\b|\bpartenariat" + _W + r"stratégique\b|\brelations" + _W
         + r"diplomatiques\b|\bdéclaration" + _W + r"d[e']"),
        ("_signe", r"\b(?:a|ont|été)" + _W + r"signée?s?\b"),
        ("accord", r"\baccords?\b|\bdocuments?" + _W + r"sur" + _W + r"la"
         + _W + r"coopération\b"),
    )
)
# "mémorandum/accord sur l'établissement de relations de jumelage" is a twinning, not a memorandum
_ABSORBED_BY = {"accord": ("jumelage", "relations_amicales", "accord_chambres"),
                "memorandum": ("jumelage", "relations_amicales")}
_ABSORB_WINDOW = 80


def find_triggers(text: str) -> list[Trigger]:
    """Relation triggers of a sentence, one per relation type (the first occurrence)."""
    found: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    for relation, pattern in _TRIGGERS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            found.append(Trigger(relation, match.start(), match.end()))
    found = [t for t in found if not _absorbed(t, found)]
    if not _AGREED.search(text):  # a chamber of commerce alone is no agreement
        found = [t for t in found if t.relation != "accord_chambres"]
    # "ont signé" alone is an agreement; beside a named instrument it is that instrument's verb
    if any(t.relation != "_signe" for t in found):
        found = [t for t in found if t.relation != "_signe"]
    found = [Trigger("accord", t.start, t.end) if t.relation == "_signe" else t for t in found]
    first: dict[str, Trigger] = {}
    for trig in sorted(found, key=lambda t: t.start):
        first.setdefault(trig.relation, trig)
    return sorted(first.values(), key=lambda t: t.start)


_AGREED = re.compile(r"\baccords?\b|sign|convenu|mémorandum", re.IGNORECASE)


def _absorbed(trig: Trigger, found: list[Trigger]) -> bool:
    """An "accord"/"mémorandum" followed closely by a more specific relation is that relation."""
    stronger = _ABSORBED_BY.get(trig.relation, ())
    return any(o.relation in stronger and 0 <= o.start - trig.end <= _ABSORB_WINDOW
               or (o.relation == "accord_chambres" and trig.relation == "accord"
                   and abs(o.start - trig.start) <= _ABSORB_WINDOW * 2)
               for o in found)


# --- sides -----------------------------------------------------------------------------------

# "biélorusse-pakistanais", "tadjike-biélorusse": the two countries of a joint body (demonyms are
# curated with the countries, data/places/countries.yaml).
_BY_ADJ = r"(?:biélorusse|bélarussien(?:ne)?|belarussien(?:ne)?|bélarusse)"
_ADJ = r"([a-zà-ÿ]+(?:-africain)?)"
_ADJ_PAIR = re.compile(rf"\b{_BY_ADJ}s?-{_ADJ}\b|\b{_ADJ}-{_BY_ADJ}s?\b", re.IGNORECASE)


def _demonym_country(word: str, gazetteer: Gazetteer) -> str | None:
    """Country of a French demonym in any gender/number ("iranienne", "tadjike", "turcs")."""
    demonyms = {e.demonym: e.id for e in gazetteer.of_kind("pays") if e.demonym}
    word = word.lower()
    for form in (word, word.removesuffix("s"), re.sub(r"(ne|e)s?$", "", word)):
        if form in demonyms:
            return demonyms[form]
    return None


def is_belarusian(entity_id: str, gazetteer: Gazetteer) -> bool:
    """Belarus itself, a BY-* region, or a city/district of Belarus."""
    return entity_id in gazetteer and gazetteer[entity_id].country == "BY"


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


def _adjective_parties(text: str, lo: int, hi: int, gazetteer: Gazetteer) -> list[Party]:
    """Countries named by a "biélorusse-X" adjective pair (both sides at the adjective's span)."""
    out = []
    for match in _ADJ_PAIR.finditer(text, lo, hi):
        country = _demonym_country(match.group(1) or match.group(2), gazetteer)
        if country and country in gazetteer and "BY" in gazetteer:
            out.append(Party("BY", match.start(), match.end(), True))
            out.append(Party(country, match.start(), match.end(), False))
    return out


# --- pairing ---------------------------------------------------------------------------------

_ET = re.compile(r"^\s*(?:,\s*)?et\s+(?:(?:de|du|des|d'|d’)\s*)?(?:(?:la|le|les|l'|l’)\s*)?$", re.IGNORECASE)
_LIST_GLUE = re.compile(r"^\s*(?:,|et|,\s*et)\s*(?:(?:de|du|des|d'|d’)\s*)?(?:(?:la|le|les|l'|l’)\s*)?$",
                        re.IGNORECASE)
_HEAD = re.compile(r"^\s*(?:-|–|—)\s*(?:avec\s+)?|^\s+est\s+(?:la|le|l'|l’)?\s*|^\s+avec\s+", re.IGNORECASE)


def _runs(parties: list[Party], text: str) -> list[list[Party]]:
    """Consecutive places of one side joined only by list glue (", ", " et ", "de", articles)."""
    runs: list[list[Party]] = []
    for party in parties:
        if runs and runs[-1][-1].by == party.by and _LIST_GLUE.match(text[runs[-1][-1].end:party.start]):
            runs[-1].append(party)
        else:
            runs.append([party])
    return runs


def pair_parties(parties: list[Party], text: str) -> list[tuple[Party, Party]]:
    """(Belarusian, foreign) pairs of one sentence, by the three rules of the module docstring."""
    parties = sorted(parties, key=lambda p: (p.start, not p.by))
    pairs: list[tuple[Party, Party]] = []
    coupled: set[int] = set()
    for i in range(len(parties) - 1):
        a, b = parties[i], parties[i + 1]
        if a.by != b.by and i not in coupled and _ET.match(text[a.end:b.start]):
            pairs.append((a, b) if a.by else (b, a))
            coupled.update((i, i + 1))
    rest = [p for i, p in enumerate(parties) if i not in coupled]
    runs = _runs(rest, text)
    used: set[int] = set()
    for i, run in enumerate(runs):
        if i + 1 < len(runs) and _HEAD.match(text[run[-1].end:runs[i + 1][0].start]):
            j = i + 1
            while j < len(runs) and runs[j][0].by != run[0].by:
                pairs.extend(_cross(run, runs[j]))
                used.update((i, j))
                j += 1
    for i, run in enumerate(runs):
        if run[0].by or i in used:
            continue
        partner = _nearest_by_run(runs, i)
        if partner is not None:
            pairs.extend(_cross(run, partner))
    return pairs


def _cross(a: list[Party], b: list[Party]) -> list[tuple[Party, Party]]:
    return [(x, y) if x.by else (y, x) for x in a for y in b]


def _nearest_by_run(runs: list[list[Party]], i: int) -> list[Party] | None:
    for j in range(i - 1, -1, -1):
        if runs[j][0].by:
            return runs[j]
    for j in range(i + 1, len(runs)):
        if runs[j][0].by:
            return runs[j]
    return None


def _level(by_id: str, partner_id: str, gazetteer: Gazetteer) -> str:
    """A Belarusian city facing a foreign region speaks for its region ("Gomel - Sichuan")."""
    by, partner = gazetteer[by_id], gazetteer[partner_id]
    if by.kind == "ville" and partner.kind == "region" and by.parent and by.parent.startswith("BY-"):
        parent = gazetteer[by.parent] if by.parent in gazetteer else None
        if parent is not None and _same_name(by.name_fr, parent.name_fr):
            return parent.id
    return by_id


def _same_name(city: str, region: str) -> bool:
    return city.lower() in region.lower()


# --- year, status, quote ---------------------------------------------------------------------

_YEAR = re.compile(r"(?<![\d-])(19\d\d|20\d\d)(?![\d-])")
_PERIOD = re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b")
_BRACKET_YEAR = re.compile(r"^\s*\((?:depuis\s+|en\s+)?((?:19|20)\d\d)\)", re.IGNORECASE)


def _year_after(text: str, end: int) -> int | None:
    match = _BRACKET_YEAR.match(text[end:end + 20])
    return int(match.group(1)) if match else None


def sentence_year(text: str, lo: int, hi: int) -> int | None:
    """The only year of a sentence outside periods and bracketed list years, else None."""
    chunk = _PERIOD.sub(lambda m: " " * len(m.group()), text[lo:hi])
    chunk = re.sub(r"\((?:depuis\s+|en\s+)?(?:19|20)\d\d\)", lambda m: " " * len(m.group()), chunk)
    years = {int(y) for y in _YEAR.findall(chunk)}
    years = {y for y in years if YEARS[0] <= y <= YEARS[1]}
    return years.pop() if len(years) == 1 else None


_STATUS = (
    ("renouvele", re.compile(r"\b(?:renouvel\w*|reprendre|repris\w*|élargir)\b", re.IGNORECASE)),
    ("projet", re.compile(r"\b(?:stade de projet|en cours d'élaboration|doit être élaboré\w*|préparer)\b",
                          re.IGNORECASE)),
    ("prevu", re.compile(r"\b(?:prévoi\w*|prévu\w*|envisag\w*|intention|devrai\w*|ont convenu de s'entendre)\b",
                         re.IGNORECASE)),
)


def sentence_status(sentence: str) -> str:
    """Status from the verbs of the sentence; "signe" when it states the link as existing."""
    for status, pattern in _STATUS:
        if pattern.search(sentence):
            return status
    return "signe"


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


# --- partnerships ----------------------------------------------------------------------------


def auto_id(by: str, partner: str, relation: str, year: int | None) -> str:
    """Stable id of a candidate, e.g. auto--by-br--cn-hb--accord--1994 (nd: no year)."""
    return f"auto--{by.lower()}--{partner.lower()}--{relation}--{year if year else 'nd'}"


def extract_partnerships(paragraph: ParagraphLike, mentions: Sequence[MentionLike],
                         gazetteer: Gazetteer) -> list[Partnership]:
    """Candidate partnerships of one paragraph (pure: same input, same output).

    A sentence without trigger still counts when it carries on the previous triggered sentence
    ("Par exemple, la région de Brest est la province de Hubei (depuis 1994)…"; "Parmi eux
    figurent Dzerjinsk (2005)…"): it inherits its triggers and, if it names no Belarusian place,
    its Belarusian party. A triggered sentence that names only one side but refers back ("les
    parties", "cette région russe", "la province chinoise") takes the missing side from the
    places named earlier in the paragraph.
    """
    text = paragraph.text
    out: dict[str, Partnership] = {}
    previous: tuple[list[Trigger], list[Party]] | None = None
    earlier: list[Party] = []
    earlier_pairs: list[tuple[Party, Party]] = []
    for lo, hi in sentences(text):
        sentence = text[lo:hi]
        parties = _sentence_parties(text, mentions, gazetteer, lo, hi)
        triggers = [Trigger(t.relation, t.start + lo, t.end + lo) for t in find_triggers(sentence)]
        if not triggers and previous is not None and _CONTINUES.match(sentence):
            triggers = previous[0]
            if not any(p.by for p in parties):
                parties = [p for p in previous[1] if p.by][-1:] + parties
        pairs = pair_parties(parties, text)
        if triggers:
            if not pairs and _ANAPHOR.search(sentence):
                pairs = _resolve_anaphor(parties, earlier, earlier_pairs)
            for cand in _candidates(paragraph, pairs, triggers, lo, hi, gazetteer):
                out.setdefault(cand.id, cand)
            previous = (triggers, parties)
        else:
            previous = None
        earlier.extend(parties)
        earlier_pairs.extend(p for p in pairs if _plausible(gazetteer[_level(p[0].entity_id, p[1].entity_id,
                                                                              gazetteer)], gazetteer[p[1].entity_id]))
    return list(out.values())


# a sentence that carries on a listing: an opening "for instance", or the elliptic "X - avec Y"
_CONTINUES = re.compile(r"\s*(?:par exemple|ainsi|en particulier|notamment|parmi (?:eux|elles|ceux-ci)|il s'agit)\b"
                        r"|.*\s[-–]\s*avec\s", re.IGNORECASE | re.DOTALL)
_ANAPHOR = re.compile(r"\b(?:les (?:deux )?parties|ces (?:deux )?régions|entre elles|cette (?:région|province|ville)"
                      r"|la province chinoise|la région (?:russe|chinoise|kazakhe)|elle a signé)\b", re.IGNORECASE)
# "Forum des régions de Biélorussie et de Russie" names an event, not the parties of the sentence
_EVENT = re.compile(r"forum des régions (?:du |de la |de |d')?$", re.IGNORECASE)


def _sentence_parties(text: str, mentions: Sequence[MentionLike], gazetteer: Gazetteer, lo: int,
                      hi: int) -> list[Party]:
    parties = _parties(mentions, gazetteer, lo, hi)
    parties = _drop_locators(_drop_event_names(parties, text), text)
    sides = {p.by for p in parties}
    adjectives = [p for p in _adjective_parties(text, lo, hi, gazetteer) if p.by not in sides]
    return sorted(parties + adjectives, key=lambda p: (p.start, not p.by))


def _drop_event_names(parties: list[Party], text: str) -> list[Party]:
    out: list[Party] = []
    in_event = False
    for i, party in enumerate(parties):
        before = text[max(0, party.start - 30):party.start]
        if _EVENT.search(before):
            in_event = True
        elif not (in_event and i and _ET.match(text[parties[i - 1].end:party.start])):
            in_event = False
        if not in_event:
            out.append(party)
    return out


_AT = re.compile(r"(?:^|\s)(?:à|a)\s+$", re.IGNORECASE)
_OF = re.compile(r"^\s*(?:de la|du|de|d'|d’|de l'|de l’)\s*$", re.IGNORECASE)


def _drop_locators(parties: list[Party], text: str) -> list[Party]:
    """Places that only locate something: "réunion … à Zhodino", "Ukhta de la République de Komi"."""
    out: list[Party] = []
    for party in parties:
        if _AT.search(text[max(0, party.start - 3):party.start]):
            continue
        if out and out[-1].by == party.by and _OF.match(text[out[-1].end:party.start]):
            continue
        out.append(party)
    return out


def _resolve_anaphor(parties: list[Party], earlier: list[Party],
                     earlier_pairs: list[tuple[Party, Party]]) -> list[tuple[Party, Party]]:
    """Fill the side a sentence only refers to with the last place of that side named before it.

    With no place at all ("Les deux parties ont signé un mémorandum"), the last pair named before.
    """
    if not parties:
        return [max(earlier_pairs, key=lambda p: max(p[0].end, p[1].end))] if earlier_pairs else []
    by = [p for p in parties if p.by] or [p for p in earlier if p.by][-1:]
    foreign = [p for p in parties if not p.by] or [p for p in earlier if not p.by][-1:]
    return [(b, f) for b in by for f in foreign]


def _candidates(paragraph: ParagraphLike, pairs: list[tuple[Party, Party]], triggers: list[Trigger],
                lo: int, hi: int, gazetteer: Gazetteer) -> Iterable[Partnership]:
    text = paragraph.text
    year_all = sentence_year(text, lo, hi)
    status = sentence_status(text[lo:hi])
    for (by, partner), trigs in _assign_triggers(pairs, triggers).items():
        by_id = _level(by.entity_id, partner.entity_id, gazetteer)
        if not _plausible(gazetteer[by_id], gazetteer[partner.entity_id]):
            continue
        year = _year_after(text, partner.end) or _year_after(text, by.end) or year_all
        for t in trigs:
            inside = [x for x in (by, partner) if lo <= x.start < hi]
            start = min([t.start] + [x.start for x in inside])
            end = max([t.end] + [x.end for x in inside])
            if not lo <= t.start < hi:  # inherited trigger: quote the pair and its year
                inside = [x for x in (by, partner) if lo <= x.start < hi]
                start, end = min(x.start for x in inside), max(x.end for x in inside)
                bracket = _BRACKET_YEAR.match(text[end:end + 20])
                end += bracket.end() if bracket else 0
            source = _source(paragraph, make_quote(text, start, end, t))
            yield Partnership(auto_id(by_id, partner.entity_id, t.relation, year), by_id, partner.entity_id,
                              t.relation, year, status, source, None, AUTO)


def _source(paragraph: ParagraphLike, quote: str) -> Source:
    """Where a candidate is written: the corpus file and the paragraph's first line (no fact file)."""
    return Source(f"corpus/{paragraph.document}.txt", getattr(paragraph, "line_start", 0), paragraph.document,
                  paragraph.id, quote)


def _plausible(by: Entity, partner: Entity) -> bool:
    """Levels that face each other: a region or city never signs with a whole foreign country."""
    if by.id == partner.id or partner.country == "BY":
        return False
    if partner.kind == "pays":
        return by.kind == "pays"
    return not (by.kind == "pays" and partner.kind in ("ville", "district"))


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _assign_triggers(pairs: list[tuple[Party, Party]],
                     triggers: list[Trigger]) -> dict[tuple[Party, Party], list[Trigger]]:
    """Each pair gets its nearest trigger, and each trigger goes to its nearest pair.

    "l'accord … entre la région de Minsk et la Carinthie, ainsi que … les relations de jumelage
    entre le district d'octobre de Minsk et la ville de Linz": accord for the first pair only.
    """
    def span(pair: tuple[Party, Party]) -> tuple[int, int]:
        return min(pair[0].start, pair[1].start), max(pair[0].end, pair[1].end)

    out: dict[tuple[Party, Party], list[Trigger]] = {}
    if not pairs or not triggers:
        return out
    for pair in pairs:
        nearest = min(triggers, key=lambda t: _distance(span(pair), (t.start, t.end)))
        out.setdefault(pair, []).append(nearest)
    for trig in triggers:
        best = min(_distance(span(p), (trig.start, trig.end)) for p in pairs)
        for pair in pairs:
            if _distance(span(pair), (trig.start, trig.end)) == best and trig not in out[pair]:
                out[pair].append(trig)
    return out


# --- figures ---------------------------------------------------------------------------------

_INDICATORS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (ind, re.compile(pat, re.IGNORECASE)) for ind, pat in (
        ("chiffre_affaires", r"\bchiffres?" + _W + r"d'affaires\b|\béchanges" + _W + r"commerciaux\b|\bcommerce"
         + _W + r"bilatéral\b"),
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
        parties = _sentence_parties(text, mentions, gazetteer, lo, hi)
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
                     _source(paragraph, quote),
                     None, AUTO)


def _indicator_before(text: str, lo: int, pos: int) -> str | None:
    best: tuple[int, str] | None = None
    for indicator, pattern in _INDICATORS:
        for m in pattern.finditer(text, lo, pos):
            if best is None or m.start() > best[0]:
                best = (m.start(), indicator)
    return best[1] if best else None


# --- whole corpus, merge ---------------------------------------------------------------------


class CorpusLike(Protocol):
    def articles(self) -> list: ...


def extract_all(corpus: CorpusLike, mentions: Mapping[tuple[str, str], Sequence[MentionLike]],
                gazetteer: Gazetteer) -> Facts:
    """Candidates of every paragraph; one candidate per id (its first citation wins)."""
    partnerships: dict[str, Partnership] = {}
    figures: dict[str, Figure] = {}
    for article in corpus.articles():
        for paragraph in article.paragraphs:
            found = mentions.get((article.document, paragraph.id), [])
            if not found:
                continue
            for p in extract_partnerships(paragraph, found, gazetteer):
                partnerships.setdefault(p.id, p)
            for f in extract_figures(paragraph, found, gazetteer):
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


def merge_automatic(curated: Facts, candidates: Facts) -> Facts:
    """Curated facts, plus the candidates no curated fact confirms (origin "automatique")."""
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
    return Facts(curated.partnerships + tuple(sorted(extra, key=lambda p: p.id)),
                 curated.figures + tuple(sorted(new_figures, key=lambda f: f.id)))


def figure_key(f: Figure) -> tuple:
    return (frozenset(x for x in (f.subject, f.counterpart) if x), f.indicator, f.measure, round(f.value, 3))
