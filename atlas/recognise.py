"""Recognition stage: find every mention of a gazetteer place in a paragraph of French text.

``build_index(gazetteer)`` is built once; ``recognise(text, index)`` is a pure function returning
``Mention(entity_id, start, end, text)`` with character spans in the *original* text.

How matching works (why it is fast and works on any new French text)
  * The text is folded character-for-character by ``fold_for_matching`` (lowercase, accents
    removed, typographic apostrophes/hyphens unified) with ``str.translate``: the folded text has the same length as
    the original, so folded offsets *are* original offsets (no offset map needed).
  * Every gazetteer spelling is reduced to a *core* name: a leading construction word is
    stripped ("région de Brest" -> core "brest", class ``region``; "district de Moscou" -> core
    "moscou", class ``district``). ``find_names`` jumps from one candidate word to the next
    (capitalised words, words starting a lowercase spelling) and looks the longest name up in a
    dictionary of cores: linear in the text, whatever the size of the gazetteer (world: 86,000 names).
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
  4. Two capitals joined by "et" after "entre" or before a verb stand for their states: "entre
     Minsk et Téhéran" -> BY, IR; "Minsk et Vienne semblent vouloir" -> BY, AT (atlas.ambiguity).
     A capital alone stays the city ("à Minsk", "Minsk a signé").
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
 10. With the world gazetteer (atlas.world), namesakes, common words, features, titles, small
     towns and organisations are decided by the rules of atlas.ambiguity (context, population, kind).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from atlas.ambiguity import (
    CURATED,
    Rules,
    context_countries,
    glued_after_word,
    in_quoted_company,
    is_feature,
    is_person_title,
    lowercase_vocabulary,
    rank_kind,
    states_for_capitals,
    too_small,
)
from atlas.corpus import Corpus
from atlas.place_index import (
    ADJ,
    CITY_WORDS,
    CONSTRUCTION_RE,
    DISTRICT_WORDS,
    LINK,
    REGION_WORDS,
    Entry,
    OrganisationWords,
    PlaceIndex,
    build_index,
    canonical,
    family,
    find_names,
    fold_for_matching,
    load_first_names,
    load_organisation_words,
)

__all__ = ["Mention", "PlaceIndex", "build_index", "canonical", "fold_for_matching", "load_first_names",
           "load_organisation_words", "recognise", "recognise_corpus"]

# --- the context of a name -----------------------------------------------------------------

TRIGGER_RE = re.compile(
    rf"\b(?<!d')(?<!d' )(?:(?P<region>{REGION_WORDS})|(?P<ville>{CITY_WORDS})|(?P<district>{DISTRICT_WORDS}))"
    rf"{ADJ}\s+{LINK}$")
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
             fam: str | None = None, context: frozenset[str] | set[str] = frozenset()) -> str | None:
    """Pick the entity a reader means, given the construction word class (rules 1 and 3) and,
    for a bare name shared by several places, the curated place first, then the countries the
    paragraph names and the places' weights (atlas.ambiguity)."""
    if cls is None:
        bare = [e for e in candidates if e.cls is None]
        best = sorted(bare, key=lambda e: (index.weights.get(e.entity_id, 0.0) < CURATED, not e.primary,
                                           index.countries.get(e.entity_id) not in context,
                                           rank_kind(e.kind, e.entity_id in index.city_regions),
                                           -index.weights.get(e.entity_id, 0.0), e.entity_id))
        return best[0].entity_id if best else None
    exact = [e for e in candidates if e.cls == cls]
    if fam and any(e.family == fam for e in exact):
        exact = [e for e in exact if e.family == fam]
    if exact:
        return sorted(exact, key=lambda e: (index.countries.get(e.entity_id) not in context, e.entity_id))[0].entity_id
    for kind in TRIGGER_KINDS[cls]:
        # "région d'Osh" is the oblast, not the city of the same name that is also a region
        same = sorted((e for e in candidates if e.kind == kind),
                      key=lambda e: (not e.primary, cls == "region" and e.entity_id in index.city_regions,
                                     index.countries.get(e.entity_id) not in context,
                                     -index.weights.get(e.entity_id, 0.0), e.entity_id))
        if same:
            return same[0].entity_id
    if cls == "region":
        parents = [e.parent for e in candidates if e.kind == "ville" and e.parent]
        if parents:
            return parents[0]
    return _resolve(candidates, None, index, context=context)


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
    if not hyphen or kind == "pays":
        return False
    # a namesake small town ("Raton") does not make "Gomel-Raton" a pair of places
    small = index.rules.small_town if index.rules else 0
    return max((index.weights.get(e.entity_id, CURATED) for e in index.entries.get(canonical(hyphen.group(1)), [])),
               default=0.0) < max(small, 1)


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
    """Rule 8: a bare name written from a lowercase letter is a common noun ("seul", "eau",
    "vienne", "la mer Rouge"), unless the gazetteer itself spells it so ("la capitale
    biélorusse"); after a construction word, a lowercase curated name still counts ("region de
    grodno"), never a short word or a construction word ("région de la", "district fédéral")."""
    if not matched[:1].islower() or core in index.lowercase:
        return True
    return (has_trigger and len(core) >= 4 and not CONSTRUCTION_RE.match(core)
            and any(index.weights.get(e.entity_id, 0.0) >= CURATED for e in index.entries.get(core, ())))


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
            or (not has_trigger and _is_brand(matched, text, start, end) and core not in index.acronyms)
            or _is_person(text, core, end, index)
            or _is_organisation(text, folded, span, has_trigger, index))


def _no_place(text: str, folded: str, span: tuple[int, int], entity: str, index: PlaceIndex,
              context: set[str], rules: Rules, vocabulary: Container[str]) -> bool:
    """atlas.ambiguity rules for a bare name: a person, a company, a common word, a feature, a
    small town of a country the paragraph does not name."""
    start, end = span
    if is_person_title(text, folded, start, rules) or in_quoted_company(text, start):
        return True
    weight_of = index.weights.get(entity, CURATED)
    if weight_of >= CURATED:
        return False
    word = canonical(text[start:end])
    if weight_of < rules.small_town and (word in rules.function or word in vocabulary):
        return True  # "Commerce", "Un": a common word starting a sentence, not a small namesake
    return (is_feature(folded, start, rules) or word in rules.common
            or glued_after_word(text, start, index.entries)
            or (weight_of < rules.small_town and len(text[start:end]) <= 3)
            or (index.kinds.get(entity) in ("ville", "region", "district")
                and too_small(entity, index.weights, index.countries, context, rules)))


def recognise(text: str, index: PlaceIndex) -> list[Mention]:
    """All place mentions of *text*, in order, non-overlapping, spans in the original text."""
    folded = fold_for_matching(text)
    out: list[Mention] = []
    owned: set[int] = set()  # mentions read with a construction word ("villes de Minsk et ...")
    state = _ListState()
    regions_named: set[str] = set()
    org_end = -1
    found = list(find_names(folded, index, text))
    rules = index.rules
    context = context_countries([[e.entity_id for e in index.entries[c]] for _, _, c in found], index, rules) \
        if rules else {"BY"}
    vocabulary = lowercase_vocabulary(folded, text)
    for start, end, core in found:
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
        entity = _resolve(candidates, cls, index, fam, context)
        if inherited and entity in state.seen:
            entity = _resolve(candidates, None, index, context=context)
        if entity and cls is None and rules and _no_place(text, folded, (start, end), entity, index, context, rules,
                                                          vocabulary):
            continue
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
        if cls is not None:
            owned.add(len(out) - 1)
    states = states_for_capitals(text, [(m.entity_id, m.start, m.end) for m in out], index.capital_of, owned)
    return [Mention(states[k], m.start, m.end, m.text) if k in states else m for k, m in enumerate(out)]


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
