"""Recognition stage: find every mention of a gazetteer place in a paragraph of French text.

``build_index(gazetteer)`` is built once; ``recognise(text, index)`` is a pure function returning
``Mention(entity_id, start, end, text)`` with character spans in the *original* text.

How matching works (why it is fast and works on any new French text)
  * The text is folded character-for-character by ``fold_for_matching`` (lowercase, accents
    removed, typographic apostrophes/hyphens unified) with ``str.translate``: the folded text has the same length as
    the original, so folded offsets *are* original offsets (no offset map needed).
  * Every gazetteer spelling is reduced to a *core* name: a leading construction word is
    stripped ("région de Brest" -> core "brest", class ``region``; "district de Moscou" -> core
    "moscou", class ``district``). All cores go into ONE regex compiled from a character trie,
    so a single left-to-right pass finds the longest name at each position: linear in the text.
  * Spaces and hyphens inside names are interchangeable ("Kabardino-Balkarie", "Karachaevo-
    Cherkessia", "Nijni Novgorod"); accents and case are optional ("Region de Moguilev").

Disambiguation rules (each has a test in tests/test_recognise.py)
  1. Construction word before the name decides the kind. Region words: région, oblast, voblast,
     province, kraï, territoire, république, district autonome, okrug, Land, akimat de la région
     (one adjective may follow: "province chinoise du Jiangsu"). City words: ville, municipalité,
     commune, village, cité. District words: district, raion. Elisions and articles are handled
     ("région d'Aktobe", "province de l'Anhui", "République des Komis").
     With a region word the region wins ("région de Brest" -> BY-BR, "oblast de Moscou" ->
     RU-MOS, "région de Minsk" -> BY-MI); with "district de" the district wins ("district de
     Moscou" -> minsk-district-de-moscou); with "ville de" the city wins ("ville de Minsk" ->
     BY-HM). A region word before a name known only as a city gives the city's parent region
     ("région de Samara" -> RU-SAM even without that alias).
  2. Plural construction words start a list: "les régions de Moguilev, Grodno et Brest",
     "territoires de Krasnoïarsk et d'Altaï": every name joined by ", " / "et" / "de" inherits the
     construction. A name repeated inside such a list is read bare: "les oblasts de Moscou,
     Moscou, Saint-Pétersbourg" -> RU-MOS, RU-MOW, RU-SPE.
  3. A bare name goes to the entity whose display name it is (name_fr without "(ville)"):
     "Minsk" -> BY-HM, "Moscou" -> RU-MOW, "Brest" -> the city brest, "Vladimir" -> the city;
     otherwise kind order ville > district > region > pays. Descriptions listed as aliases work
     the same way: "la capitale biélorusse" -> BY-HM, "région de la capitale"/"région
     métropolitaine biélorusse" -> BY-MI.
  4. "Minsk" used for the Belarusian government ("entre Minsk et Téhéran") is still BY-HM: the
     text names the capital and we do not guess metonymy (same for "Vienne", "Pékin").
  5. A first name followed by a capitalised word is a person: "Vladimir Poutine", "Vladimir
     Karanik" are not places.
  6. Names inside organisation names are not places: an industrial/academic head noun before
     "de <name>" ("usine de tracteurs de Minsk", "usine électromécanique de Kovrov",
     "Université d'État de Brest"); English company names ("Minsk Tractor Works", "Slutsk Meat
     Processing Plant OJSC"); a name glued to a capitalised non-place word by a hyphen
     ("Gomel-Raton"); names inside longer words never match (Mogilevliftmash, Gomselmash,
     Grodnoinvest). A company *from* a place stays a place ("l'entreprise Betal de Vladimir").
  7. Demonyms/adjectives are not names: single-word lowercase aliases ("brestoise") are dropped
     from the index, and "biélorusse", "russe", "kazakh", "chinois" are never aliases.
  8. Case is free ("REGION DE MOGUILEV", "region de grodno") except for a bare all-lowercase
     word, which is a common noun ("seul" ~ Seoul, "eau" ~ EAU, "octobre", "vienne"), unless the
     gazetteer spells it in lowercase ("la capitale biélorusse"). An all-capitals name inside
     mixed-case text is a brand ("tracteurs BELARUS").
  9. Gazetteer spellings joining two places ("territoires de Krasnoïarsk et d'Altaï") are not
     indexed; leading elisions/articles of spellings ("d'Orenbourg") are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from atlas.corpus import Corpus
from atlas.place_index import (
    CITY_WORDS,
    DISTRICT_WORDS,
    LINK,
    REGION_WORDS,
    Entry,
    OrganisationWords,
    PlaceIndex,
    build_index,
    canonical,
    family,
    fold_for_matching,
    load_first_names,
    load_organisation_words,
)

__all__ = ["Mention", "PlaceIndex", "build_index", "canonical", "fold_for_matching", "load_first_names",
           "load_organisation_words", "recognise", "recognise_corpus"]

# --- the context of a name -----------------------------------------------------------------

_ADJ = r"(?:\s+(?!de\b|du\b|des\b|d')[a-z]+)?"
TRIGGER_RE = re.compile(
    rf"\b(?:(?P<region>{REGION_WORDS})|(?P<ville>{CITY_WORDS})|(?P<district>{DISTRICT_WORDS}))"
    rf"{_ADJ}\s+{LINK}$")
LIST_GAP_RE = re.compile(r"^(?:\s*\([^()]{0,20}\))?\s*(?:,\s*|\s+et\s+|,\s*et\s+)"
                         r"(?:de\s+la\s+|de\s+l'\s*|du\s+|de\s+|d'\s*)?$")
_ORG_WINDOW = r"(?:[^,.;:()\"]|\.(?=\S)|,(?=\s*d(?:e\s|')))"
HYPHEN_ORG_RE = re.compile(r"-\s?([A-Z]\w*)")
PERSON_AFTER_RE = re.compile(r" ([A-Z][a-zà-ÿ]+)")
KIND_ORDER = {"ville": 0, "district": 1, "region": 2, "pays": 3}
TRIGGER_KINDS = {"region": ("region", "pays"), "ville": ("ville", "region"),
                 "district": ("district", "ville")}
PERSON_LOOKBACK = 60


@dataclass(frozen=True)
class Mention:
    """A place mention: ``text == paragraph_text[start:end]``."""

    entity_id: str
    start: int
    end: int
    text: str


# --- resolution ----------------------------------------------------------------------------


def _resolve(candidates: Sequence[Entry], cls: str | None, index: PlaceIndex,
             fam: str | None = None) -> str | None:
    """Pick the entity a reader means, given the construction word class (rules 1 and 3)."""
    if cls is None:
        bare = [e for e in candidates if e.cls is None]
        best = sorted(bare, key=lambda e: (not e.primary, KIND_ORDER.get(e.kind, 9), e.entity_id))
        return best[0].entity_id if best else None
    exact = [e for e in candidates if e.cls == cls]
    if fam and any(e.family == fam for e in exact):
        exact = [e for e in exact if e.family == fam]
    if exact:
        return sorted(exact, key=lambda e: e.entity_id)[0].entity_id
    for kind in TRIGGER_KINDS[cls]:
        same = sorted((e for e in candidates if e.kind == kind),
                      key=lambda e: (not e.primary, e.entity_id))
        if same:
            return same[0].entity_id
    if cls == "region":
        parents = [e.parent for e in candidates if e.kind == "ville" and e.parent]
        if parents:
            return parents[0]
    return _resolve(candidates, None, index)


def _either(words: Iterable[str]) -> str:
    """An alternation of the words, or a pattern that never matches when there are none."""
    return "|".join(re.escape(w) for w in words) or "(?!)"


@lru_cache(maxsize=4)
def organisation_patterns(words: OrganisationWords | None) -> tuple[re.Pattern[str], ...]:
    """Rule 6's three patterns from its word lists: a head before the name (on folded text), an
    English company word after it, and an acronym or English company word just before it."""
    words = words or OrganisationWords((), (), (), ())
    heads = "|".join([*(f"{re.escape(w)}s?" for w in words.industrial_heads),
                      *(re.escape(w) for w in words.institution_heads)]) or "(?!)"
    before = re.compile(
        rf"\b(?:{heads})\b(?:{_ORG_WINDOW}{{0,60}}?\b(?:de\s+|du\s+|des\s+|d')"
        r"|(?:\s+(?!a\b|en\b|au\b|aux\b|dans\b|pres\b)[a-z]+){0,2}\s+\"?\s*"
        r"|[^.;:()\"]{0,40}\"\s*)$")
    after = re.compile(rf"^\s+(?:[A-Z][\w-]*\s+){{0,4}}?(?:{_either(words.company_after)})\b")
    prefix = re.compile(rf"(?:\b[A-Z]{{2,5}}(?:\s+de)?|\b(?:{_either(words.company_before)}))\s+$")
    return before, after, prefix


def _is_organisation(text: str, folded: str, span: tuple[int, int], has_trigger: bool,
                     index: PlaceIndex) -> bool:
    """Rule 6: the name is part of a company/institution/brand name."""
    org_before, org_after, org_prefix = organisation_patterns(index.organisation_words)
    start, end = span
    if org_after.match(text[end:end + 60]):
        return True
    if has_trigger:
        return False
    if org_prefix.search(text, max(0, start - 30), start):
        prefix = org_prefix.search(text, max(0, start - 30), start)
        word = prefix.group().split()[0] if prefix else ""
        if canonical(word) not in index.entries:
            return True
    return bool(org_before.search(folded, max(0, start - 80), start))


def _is_glued(text: str, end: int, kind: str, index: PlaceIndex) -> bool:
    """Rule 6: "Gomel-Raton" (a city glued to a capitalised non-place word) names a zone/company;
    countries keep their hyphen compounds ("Forum Biélorussie-Asie")."""
    hyphen = HYPHEN_ORG_RE.match(text, end)
    return bool(hyphen) and kind != "pays" and canonical(hyphen.group(1)) not in index.entries


def _is_brand(matched: str, text: str, start: int, end: int) -> bool:
    """Rule 6: an all-capitals word inside normal text is a brand ("tracteurs BELARUS")."""
    if len(matched) < 4 or not matched.isupper():
        return False
    around = text[max(0, start - 20):start] + text[end:end + 20]
    return any(c.islower() for c in around)


def _is_person(text: str, core: str, end: int, index: PlaceIndex) -> bool:
    """Rule 5: "Vladimir Poutine" — a first name followed by a capitalised non-place word."""
    if core not in index.first_names:
        return False
    m = PERSON_AFTER_RE.match(text, end)
    return bool(m) and canonical(m.group(1)) not in index.entries


def _case_ok(matched: str, core: str, has_trigger: bool, index: PlaceIndex) -> bool:
    """Rule 8: a bare all-lowercase word is a common noun ("seul", "eau", "vienne"), not a name,
    unless the gazetteer itself spells it in lowercase ("la capitale biélorusse")."""
    return has_trigger or not matched.islower() or core in index.lowercase


@dataclass
class _ListState:
    """Plural-construction list in progress (rule 2)."""

    cls: str | None = None
    end: int = -1
    seen: set[str] = field(default_factory=set)
    fam: str | None = None


def _trigger(folded: str, start: int) -> tuple[str | None, int, bool]:
    """Construction word ending right before *start*: (class, its start, plural?)."""
    trig = TRIGGER_RE.search(folded, max(0, start - 60), start)
    if not trig:
        return None, start, False
    word = folded[trig.start():trig.end()].split()[0]
    return trig.lastgroup, trig.start(), word.endswith("s")


def _region_context(candidates: Sequence[Entry], seen: set[str], folded: str, start: int) -> str | None:
    """Rule 3b: a bare name whose region was named with a construction word earlier in the
    paragraph and introduced by "de" means that region ("région de Pskov ... les entreprises de
    Pskov"); "à Vladimir", "Grodno a de nombreux jumeaux" stay cities."""
    if not re.search(r"\b(?:de\s+|d')$", folded[max(0, start - 4):start]):
        return None
    for entry in candidates:
        if entry.kind == "region" and entry.entity_id in seen:
            return entry.entity_id
    return None


def _skip(text: str, folded: str, span: tuple[int, int], core: str, has_trigger: bool,
          index: PlaceIndex) -> bool:
    """Rules 5, 6, 8: this hit is not a place mention at all."""
    start, end = span
    matched = text[start:end]
    return (not _case_ok(matched, core, has_trigger, index)
            or (not has_trigger and _is_brand(matched, text, start, end))
            or _is_person(text, core, end, index)
            or _is_organisation(text, folded, span, has_trigger, index))


def recognise(text: str, index: PlaceIndex) -> list[Mention]:
    """All place mentions of *text*, in order, non-overlapping, spans in the original text."""
    folded = fold_for_matching(text)
    out: list[Mention] = []
    state = _ListState()
    regions_named: set[str] = set()
    org_end = -1
    for m in index.pattern.finditer(folded):
        start, end = m.span()
        core = canonical(m.group())
        candidates = index.entries.get(core)
        if not candidates:
            continue
        cls, trig_start, plural = _trigger(folded, start)
        if org_end >= 0 and LIST_GAP_RE.match(folded[org_end:start]):
            org_end = end  # "usines ... de Kalinkovichi et de Zhlobin": the list stays a company list
            continue
        inherited = False
        fam = family(folded[trig_start:start]) if cls else None
        if cls:
            state = _ListState(cls if plural else None, end, set(), fam)
        elif state.cls and LIST_GAP_RE.match(folded[state.end:start]):
            cls, fam, inherited = state.cls, state.fam, True
        else:
            state = _ListState()
        has_trigger = cls is not None and not inherited
        if _skip(text, folded, (start, end), core, has_trigger, index):
            org_end = end if _is_organisation(text, folded, (start, end), has_trigger, index) else -1
            continue
        org_end = -1
        entity = _resolve(candidates, cls, index, fam)
        if inherited and entity in state.seen:
            entity = _resolve(candidates, None, index)
        if cls is None and index.kinds.get(entity or "") == "ville":
            entity = _region_context(candidates, regions_named, folded, start) or entity
        if entity is None or _is_glued(text, end, index.kinds.get(entity, ""), index):
            continue
        kind = index.kinds.get(entity, "")
        if cls and kind == "region":
            regions_named.add(entity)
        if state.cls:
            state.end = end
            state.seen.add(entity)
        # the construction word belongs to the mention ("région de Brest"), except in lists and
        # for a country after a generic word ("une région de la Russie" mentions Russia)
        own_word = has_trigger and not plural and kind in TRIGGER_KINDS[cls] and (
            kind != "pays" or folded.startswith("republique", trig_start))
        begin = trig_start if own_word else start
        out.append(Mention(entity, begin, end, text[begin:end]))
    return out


# --- the whole corpus ----------------------------------------------------------------------


def recognise_corpus(corpus: Corpus, index: PlaceIndex) -> dict[tuple[str, str], list[Mention]]:
    """Mentions of every paragraph that has some, keyed by (document id, paragraph id)."""
    out = {}
    for article in corpus.articles():
        for paragraph in article.paragraphs:
            found = recognise(paragraph.text, index)
            if found:
                out[(article.document, paragraph.id)] = found
    return out
