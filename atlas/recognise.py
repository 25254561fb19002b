"""Recognition stage: find every mention of a gazetteer place in a paragraph of French text.

``build_index(gazetteer)`` is built once; ``recognise(text, index)`` is a pure function returning
``Mention(entity_id, start, end, text)`` with character spans in the *original* text.

How matching works (why it is fast and works on any new French text)
  * The text is folded character-for-character (lowercase, accents removed, typographic
    apostrophes/hyphens unified) with ``str.translate``: the folded text has the same length as
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
"""

from __future__ import annotations

import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from atlas.ambiguity import (
    CITY_TYPE_RE,
    CURATED,
    Rules,
    capitals,
    context_countries,
    glued_after_word,
    in_quoted_company,
    is_feature,
    is_person_title,
    load_rules,
    lowercase_vocabulary,
    rank_kind,
    states_for_capitals,
    too_small,
    weight,
)
from atlas.gazetteer import Entity, Gazetteer

ROOT = Path(__file__).resolve().parent.parent
GOLD_PATH = ROOT / "tests" / "data" / "recognition_gold.yaml"

# --- folding -------------------------------------------------------------------------------

_SPECIAL = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
            "\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " "}


def _fold_char(ch: str) -> str:
    """One character folded to one character (lowercase, no accent), or itself."""
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    low = base.lower()
    if len(low) == 1:
        return low
    return ch.lower() if len(ch.lower()) == 1 else ch


def _fold_table() -> dict[int, str]:
    ranges = [range(0x41, 0x5B), range(0xC0, 0x250), range(0x370, 0x530), range(0x1E00, 0x1F00)]
    table = {cp: _fold_char(chr(cp)) for r in ranges for cp in r}
    table.update({ord(k): v for k, v in _SPECIAL.items()})
    return {cp: v for cp, v in table.items() if v != chr(cp)}


FOLD = _fold_table()


def fold(text: str) -> str:
    """Same-length folding so that spans found in the folded text are spans of the original."""
    return text.translate(FOLD)


def canonical(name: str) -> str:
    """Index key of a spelling: folded, hyphens/spaces collapsed to one space, "d' X" -> "d'x"."""
    return _APOS_SPACE_RE.sub("'", _SPACES_RE.sub(" ", fold(name)).strip())


_SPACES_RE = re.compile(r"[\s\-]+")
_APOS_SPACE_RE = re.compile(r"'\s+")


# --- construction words --------------------------------------------------------------------

REGION_WORDS = (r"regional(?:e|es|aux)?|regions?|oblasts?|voblasts?|provinces?|krais?|kraïs?|territoires?|republiques?"
                r"|districts?\s+autonomes?|okrugs?|okrougs?|lands?|regions?\s+autonomes?"
                r"|comtes?|comitats?|gouvernorats?|aimags?|voivodies?|prefectures?|wilayas?|velayats?|vilayets?"
                r"|etats?|emirats?")
CITY_WORDS = r"villes?|municipalites?|communes?|villages?|cites?"
DISTRICT_WORDS = r"districts?|raions?|rayons?"
_LINK = r"(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)"
_ADJ = r"(?:\s+(?!de\b|du\b|des\b|d')[a-z]+)?"
TRIGGER_RE = re.compile(
    rf"\b(?<!d')(?<!d' )(?:(?P<region>{REGION_WORDS})|(?P<ville>{CITY_WORDS})|(?P<district>{DISTRICT_WORDS}))"
    rf"{_ADJ}\s+{_LINK}$")
CONSTRUCTION_RE = re.compile(rf"(?:{REGION_WORDS}|{CITY_WORDS}|{DISTRICT_WORDS})\b")
#: same words at the start of a gazetteer spelling, to strip them and keep the core name
ALIAS_PREFIX_RE = re.compile(
    rf"^(?:(?P<region>{REGION_WORDS})|(?P<ville>{CITY_WORDS})|(?P<district>{DISTRICT_WORDS}))"
    rf"(?:\s+(?:urbain|autonome|moscovite))?\s+{_LINK}")
ARTICLE_RE = re.compile(r"^(?:la |le |les |l'|d'|de |du |des )")
LIST_GAP_RE = re.compile(r"^(?:\s*\([^()]{0,20}\))?\s*(?:,\s*|\s+et\s+|,\s*et\s+)"
                         r"(?:de\s+la\s+|de\s+l'\s*|du\s+|de\s+|d'\s*)?$")
#: industrial heads name companies in the singular and the plural ("usines ... de Minsk");
#: institutions only in the singular ("Université d'État de Brest", not "les universités du Belarus")
_ORG_HEADS = (r"usines?|combinats?|fabriques?|conserveries?|marques?"
              r"|universite|institut|academie|bourse|banque")
_ORG_WINDOW = r"(?:[^,.;:()\"]|\.(?=\S)|,(?=\s*d(?:e\s|')))"
ORG_BEFORE_RE = re.compile(
    rf"\b(?:{_ORG_HEADS})\b(?:{_ORG_WINDOW}{{0,60}}?\b(?:de\s+|du\s+|des\s+|d')"
    r"|(?:\s+(?!a\b|en\b|au\b|aux\b|dans\b|pres\b)[a-z]+){0,2}\s+\"?\s*"
    r"|[^.;:()\"]{0,40}\"\s*)$")
ORG_AFTER_RE = re.compile(
    r"^\s+(?:[A-Z][\w-]*\s+){0,4}?(?:Tractor|Automobile|Works|Plant|Factory|Motor|Mill|Company"
    r"|Corporation|OJSC|JSC|LLC|CJSC)\b")
#: an acronym ("JSC", "MKK", "CCP de") or an English company word just before the name
ORG_PREFIX_RE = re.compile(r"(?:\b[A-Z]{2,5}(?:\s+de)?|\b(?:Group|Holding|Company|Bank))\s+$")
HYPHEN_ORG_RE = re.compile(r"-\s?([A-Z]\w*)")
PERSON_AFTER_RE = re.compile(r" ([A-Z][a-zà-ÿ]+)")
FIRST_NAMES = frozenset({"vladimir", "alexandre", "sofia", "victoria", "florence", "georges"})
KIND_ORDER = {"ville": 0, "district": 1, "region": 2, "pays": 3}
TRIGGER_KINDS = {"region": ("region", "pays"), "ville": ("ville", "region"),
                 "district": ("district", "ville")}
#: construction word -> family, so that "territoires de ... Altaï" picks the kraï (RU-ALT), not
#: the republic (RU-AL), when both are spelled with the same core
FAMILIES = (("krai", r"kra[iï]s?|territoires?"), ("republique", r"republiques?"),
            ("okrug", r"districts?\s+autonomes?|okrou?gs?"), ("province", r"provinces?"),
            ("land", r"lands?"))
PERSON_LOOKBACK = 60


@dataclass(frozen=True)
class Mention:
    """A place mention: ``text == paragraph_text[start:end]``."""

    entity_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entry:
    """One way a core name designates an entity (``cls`` = construction word class or None)."""

    entity_id: str
    kind: str
    cls: str | None
    primary: bool
    parent: str | None
    family: str | None = None


@dataclass
class PlaceIndex:
    """Core-name table + first-word table, built once from the gazetteer."""

    first: dict[str, tuple[int, ...]]
    entries: dict[str, list[Entry]]
    lowercase: frozenset[str]
    kinds: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    #: entity id -> country, and how strongly a bare name means it (atlas.ambiguity.weight)
    countries: dict[str, str] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    city_regions: frozenset[str] = frozenset()
    #: where a lowercase name can start (find_names): words of lower_first, words after "de"/"d'"
    candidates: re.Pattern[str] = re.compile(r"(?!)")
    lower_first: frozenset[str] = frozenset()
    #: capital (town or city-region) -> its country, for "entre Minsk et Téhéran"
    capital_of: dict[str, str] = field(default_factory=dict)
    #: first words of the curated places' names (a lowercase one after "de" may follow a construction word)
    curated_first: frozenset[str] = frozenset()
    #: cores the gazetteer itself spells in capitals ("OPEP", "BRICS"): not brands
    acronyms: frozenset[str] = frozenset()


# --- index ---------------------------------------------------------------------------------


def family(word: str) -> str | None:
    """Family of a folded construction word ("territoire" -> "krai"), None for plain ones."""
    for name, pattern in FAMILIES:
        if re.match(rf"(?:{pattern})\b", word):
            return name
    return None


def _split_alias(alias: str) -> tuple[str | None, str]:
    """("region", "brest") for "région de Brest"; (None, core) when no construction word.

    A leading article is dropped ("la capitale biélorusse" -> "capitale bielorusse"). A lowercase
    remainder ("district d'octobre") is kept whole: its core would be a common word.
    """
    alias = alias.strip()
    folded = fold(alias)
    art = ARTICLE_RE.match(folded)
    pos = art.end() if art else 0
    m = ALIAS_PREFIX_RE.match(folded, pos)
    if not m or m.end() == len(folded) or not alias[m.end()].isupper():
        return None, canonical(alias[pos:])
    return m.lastgroup, canonical(alias[m.end():])


def _display_core(entity: Entity) -> str:
    """name_fr without "(ville)"-style qualifiers: the name a bare mention most likely means."""
    return canonical(re.sub(r"\s*\(.*?\)", "", entity.name_fr))


def _spellings(gaz: Gazetteer, entity: Entity) -> Iterable[str]:
    """All spellings; Natural Earth "a|b" pairs split; demonyms (one lowercase word) dropped."""
    for name in gaz.names(entity.id):
        for part in name.split("|"):
            part = part.strip()
            if len(part) < 2 or re.fullmatch(r"[A-Z]{2}-\w+", part):
                continue
            if part[0].islower() and " " not in part and "'" not in part:
                continue
            if " et " in part:  # "territoires de Krasnoïarsk et d'Altaï" names two places
                continue
            yield part


TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")  # "Kaduna87": a footnote number glued to a name
_SEP_RE = re.compile(r"[\s\-]+")


def _first_words(keys: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """First word of every key -> the word counts of the keys it starts, longest first."""
    lengths: dict[str, set[int]] = {}
    for key in keys:
        words = TOKEN_RE.findall(key)
        if words:
            lengths.setdefault(words[0], set()).add(len(words))
    return {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}


_UPPER = "".join(sorted({chr(c) for r in ((0x41, 0x5B), (0xC0, 0x250), (0x370, 0x530), (0x1E00, 0x1F00))
                         for c in range(*r) if chr(c).isupper()}))
_SEQ_RE = re.compile(r"[^\W_]+(?:(?:[\s\-]+|'\s*)[^\W_]+){0,9}")


_CAPITAL_RE = re.compile(rf"(?<![^\W_])[{re.escape(_UPPER)}]")


def candidate_re(lower_first: Iterable[str]) -> re.Pattern[str]:
    """Where a lowercase name can start, in the folded text: a word that starts a lowercase
    spelling ("capitale biélorusse"), or any word right after "de"/"du"/"d'" (a construction word
    may precede a lowercase name: "region de grodno"). Capitalised words are the other candidates
    (_CAPITAL_RE on the original text); other words are skipped without a look-up."""
    lower = "|".join(sorted(map(re.escape, lower_first), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![^\W_])(?:{lower})(?![^\W_])")


#: a lowercase name right after a construction word ("region de grodno")
_AFTER_TRIGGER_RE = re.compile(
    rf"\b(?:{REGION_WORDS}|{CITY_WORDS}|{DISTRICT_WORDS}){_ADJ}\s+{_LINK}(?P<w>[a-z][^\W\d_]*)")


def find_names(folded: str, index: PlaceIndex, text: str | None = None) -> Iterable[tuple[int, int, str]]:
    """(start, end, core) of the longest known name at each candidate word, left to right, no overlap.

    Linear in the text: a regex skips to the words where a name can start (candidate_re), and
    only there dictionary look-ups try the gazetteer's names, longest first. Spaces and hyphens
    inside names are interchangeable."""
    original = text if text is not None else folded
    pos = 0
    lower = [m.start() for m in index.candidates.finditer(folded)]
    lower += [m.start("w") for m in _AFTER_TRIGGER_RE.finditer(folded)
              if original[m.start("w")].islower() and m.group("w") in index.curated_first]
    starts = sorted([m.start() for m in _CAPITAL_RE.finditer(original)] + lower)
    first = index.first
    for start in starts:
        if start < pos:
            continue
        word = TOKEN_RE.match(folded, start)
        if word is None:
            continue
        counts = first.get(word.group())
        if counts is None and not (text is not None and folded[word.end():word.end() + 1] == "-"):
            continue
        seq = _SEQ_RE.match(folded, start)
        tokens = [(start + a, start + b) for a, b in (m.span() for m in TOKEN_RE.finditer(seq.group()))]
        found = _longest_at(folded, tokens, 0, index) if counts else None
        if found is None and text is not None and folded[tokens[0][1]:tokens[0][1] + 1] == "-":
            found = _across_line_break(text, folded, tokens, 0, index)
        if found is not None:
            pos = found[0]
            yield start, found[0], found[1]


def _longest_at(folded: str, tokens: list[tuple[int, int]], i: int, index: PlaceIndex) -> tuple[int, str, int] | None:
    start, end = tokens[i]
    for count in index.first.get(folded[start:end], ()):
        if i + count > len(tokens):
            continue
        stop = tokens[i + count - 1][1]
        key = _SEP_RE.sub(" ", folded[start:stop]).replace("' ", "'")
        if key in index.entries:
            return stop, key, count
    return None


def _across_line_break(text: str, folded: str, tokens: list[tuple[int, int]], i: int,
                       index: PlaceIndex) -> tuple[int, str, int] | None:
    """"région de Tche-liabinsk": a name cut by an end-of-line hyphen (the lowercase rest of the
    word follows the hyphen) is read whole."""
    if i + 1 >= len(tokens):
        return None
    (start, end), (nstart, nend) = tokens[i], tokens[i + 1]
    if not re.fullmatch(r"-\s?", text[end:nstart]) or not text[nstart].islower():
        return None
    key = folded[start:end] + folded[nstart:nend]
    return (nend, key, 2) if key in index.entries else None


# --- resolution ----------------------------------------------------------------------------


def build_index(gazetteer: Gazetteer) -> PlaceIndex:
    """Index every spelling of every entity under its core name; compile one matcher."""
    entries: dict[str, list[Entry]] = {}
    lowercase: set[str] = set()
    aliases: dict[str, set[str]] = {}
    function_words = load_rules().function
    for entity in gazetteer:
        display = _display_core(entity)
        for spelling in _spellings(gazetteer, entity):
            if entity.source == "world" and canonical(spelling) in function_words:
                continue
            cls, core = (None, canonical(spelling)) if entity.kind == "organisation" else _split_alias(spelling)
            primary = cls is None and core == display
            fam = family(fold(spelling).lower()) if cls else None
            entry = Entry(entity.id, entity.kind, cls, primary, entity.parent, fam)
            bucket = entries.setdefault(core, [])
            if entry not in bucket:
                bucket.append(entry)
            if cls is None and spelling[:1].islower() and entity.source != "world" and (
                    spelling == spelling.lower() or not ARTICLE_RE.match(fold(spelling))):
                lowercase.add(core)
            aliases.setdefault(entity.id, set()).add(spelling)
    kinds = {e.id: e.kind for e in gazetteer}
    lower_first = {m.group() for m in map(TOKEN_RE.match, lowercase) if m}
    weight_of = {e.id: weight(e) for e in gazetteer}
    return PlaceIndex(_first_words(entries), entries, frozenset(lowercase), kinds, aliases,
                      {e.id: e.country for e in gazetteer}, weight_of,
                      frozenset(e.id for e in gazetteer
                                if e.kind == "region" and CITY_TYPE_RE.search(e.subtype)),
                      acronyms=frozenset(canonical(a) for e in gazetteer if e.source != "world"
                                         for a in e.aliases if a.isupper() and len(a) > 1),
                      candidates=candidate_re(lower_first), lower_first=frozenset(lower_first),
                      capital_of=capitals(gazetteer),
                      curated_first=frozenset(m.group() for core, bucket in entries.items()
                                              if any(weight_of[e.entity_id] >= CURATED for e in bucket)
                                              for m in [TOKEN_RE.match(core)] if m))


# --- resolution ----------------------------------------------------------------------------


def _resolve(candidates: Sequence[Entry], cls: str | None, index: PlaceIndex,
             fam: str | None = None, context: frozenset[str] | set[str] = frozenset()) -> str | None:
    """Pick the entity a reader means, given the construction word class (rules 1 and 3) and,
    for a bare name shared by several places, the countries the paragraph names and the
    places' weights (atlas.ambiguity)."""
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


def _is_organisation(text: str, folded: str, span: tuple[int, int], has_trigger: bool,
                     index: PlaceIndex) -> bool:
    """Rule 6: the name is part of a company/institution/brand name."""
    start, end = span
    if ORG_AFTER_RE.match(text[end:end + 60]):
        return True
    if has_trigger:
        return False
    if ORG_PREFIX_RE.search(text, max(0, start - 30), start):
        prefix = ORG_PREFIX_RE.search(text, max(0, start - 30), start)
        word = prefix.group().split()[0] if prefix else ""
        if canonical(word) not in index.entries:
            return True
    return bool(ORG_BEFORE_RE.search(folded, max(0, start - 80), start))


def _is_glued(text: str, end: int, kind: str, index: PlaceIndex) -> bool:
    """Rule 6: "Gomel-Raton" (a city glued to a capitalised non-place word) names a zone/company;
    countries keep their hyphen compounds ("Forum Biélorussie-Asie")."""
    hyphen = HYPHEN_ORG_RE.match(text, end)
    if not hyphen or kind == "pays":
        return False
    # a namesake small town ("Raton") does not make "Gomel-Raton" a pair of places
    return max((index.weights.get(e.entity_id, 0.0) for e in index.entries.get(canonical(hyphen.group(1)), [])),
               default=0.0) < load_rules().small_town


def _is_brand(matched: str, text: str, start: int, end: int) -> bool:
    """Rule 6: an all-capitals word inside normal text is a brand ("tracteurs BELARUS")."""
    if len(matched) < 4 or not matched.isupper():
        return False
    around = text[max(0, start - 20):start] + text[end:end + 20]
    return any(c.islower() for c in around)


def _is_person(text: str, core: str, end: int, index: PlaceIndex) -> bool:
    """Rule 5: "Vladimir Poutine" — a first name followed by a capitalised non-place word."""
    if core not in FIRST_NAMES:
        return False
    m = PERSON_AFTER_RE.match(text, end)
    return bool(m) and canonical(m.group(1)) not in index.entries


def _case_ok(matched: str, core: str, has_trigger: bool, index: PlaceIndex) -> bool:
    """Rule 8: a bare all-lowercase word is a common noun ("seul", "eau", "vienne"), not a name,
    unless the gazetteer itself spells it in lowercase ("la capitale biélorusse")."""
    if not matched[:1].islower() or core in index.lowercase:
        return True
    # "region de grodno": a lowercase name after a construction word, never a short word ("région de la")
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


def _no_place(text: str, folded: str, start: int, end: int, entity: str, index: PlaceIndex, context: set[str],
              rules: Rules, vocabulary: Container[str]) -> bool:
    """atlas.ambiguity rules for a bare name: a feature, a person, a company, a small unrelated town."""
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
            or (index.weights.get(entity, CURATED) < rules.small_town and len(text[start:end]) <= 3)
            or (index.kinds.get(entity) in ("ville", "region", "district")
                and too_small(entity, index.weights, index.countries, context, rules)))


def recognise(text: str, index: PlaceIndex) -> list[Mention]:
    """All place mentions of *text*, in order, non-overlapping, spans in the original text."""
    folded = fold(text)
    out: list[Mention] = []
    owned: set[int] = set()  # mentions read with a construction word ("villes de Minsk et ...")
    state = _ListState()
    regions_named: set[str] = set()
    org_end = -1
    rules = load_rules()
    found = list(find_names(folded, index, text))
    vocabulary = lowercase_vocabulary(folded, text)
    context = context_countries([[e.entity_id for e in index.entries[c]] for _, _, c in found], index, rules)
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
        if entity and cls is None and _no_place(text, folded, start, end, entity, index, context, rules, vocabulary):
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


# --- corpus-level helpers: report, evaluation, throughput ------------------------------------

UNRECOGNISED_RE = re.compile(
    r"\b(?:régions?|oblasts?|provinces?|kra[iï]s?|territoires?|districts?|villes?|Républiques?"
    r"|république|Land|akimat de la région|municipalités?|villages?)"
    r"(?:\s+[a-zéèêàç]+)?\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[\s-][A-ZÀ-ÖØ-Þ][\w'’-]+)*)")


def find_unrecognised(text: str, mentions: Sequence[Mention]) -> list[str]:
    """Capitalised names after a construction word that no mention covers (gazetteer gaps)."""
    covered = [(m.start, m.end) for m in mentions]
    out = []
    for m in UNRECOGNISED_RE.finditer(text):
        s, e = m.span("name")
        if not any(a < e and s < b for a, b in covered):
            out.append(m.group("name"))
    return out


def recognise_corpus(corpus: object, index: PlaceIndex) -> dict[tuple[str, str], list[Mention]]:
    """Mentions of every paragraph, keyed by (document id, paragraph id)."""
    return {(d.id, p.id): recognise(p.text, index)
            for d in corpus.documents for p in d.paragraphs()}  # type: ignore[attr-defined]


def report(corpus: object, index: PlaceIndex, gazetteer: Gazetteer) -> str:
    """Text report for curators: unrecognised place-like names, unused aliases, unmentioned places."""
    found = recognise_corpus(corpus, index)
    gaps: Counter[str] = Counter()
    used_entities: Counter[str] = Counter()
    for (doc, pid), mentions in found.items():
        text = corpus.document(doc).paragraphs()  # type: ignore[attr-defined]
        para = next(p for p in text if p.id == pid)
        gaps.update(find_unrecognised(para.text, mentions))
        for m in mentions:
            used_entities[m.entity_id] += 1
    from atlas.gaps import report_lines

    pindex = corpus.paragraph_index()  # type: ignore[attr-defined]
    lines = report_lines((pindex[key][1].text, mentions) for key, mentions in found.items())
    lines += ["", "# Names after a construction word that were not recognised (count, name)"]
    lines += [f"{n:4d}  {name}" for name, n in gaps.most_common()]
    lines.append("\n# Entities mentioned (count, id)")
    lines += [f"{n:4d}  {eid}" for eid, n in sorted(used_entities.items(), key=lambda x: (-x[1], x[0]))]
    never = [e.id for e in gazetteer
             if e.id not in used_entities and (e.kind != "region" or _curated(e))]
    lines.append(f"\n# Entities never mentioned ({len(never)}; regions only when curated)")
    lines += [f"      {eid}" for eid in sorted(never)]
    unused = _unused_aliases(gazetteer, used_entities, found, corpus)
    lines.append(f"\n# Aliases never used in the corpus, of mentioned entities ({len(unused)})")
    lines += [f"      {eid}: {alias}" for eid, alias in unused]
    return "\n".join(lines)


def _curated(entity: Entity) -> bool:
    """A region with a French curated name (not just Natural Earth data)."""
    return entity.name_fr.lower().startswith(("région", "province", "kraï", "république", "land"))


def _unused_aliases(gazetteer: Gazetteer, used: Counter[str],
                    found: dict[tuple[str, str], list[Mention]], corpus: object) -> list[tuple[str, str]]:
    """(entity, alias) pairs whose spelling never appears in the text of a mention of that entity."""
    seen: dict[str, set[str]] = {}
    index = corpus.paragraph_index()  # type: ignore[attr-defined]
    for key, mentions in found.items():
        text = index[key][1].text
        for m in mentions:
            seen.setdefault(m.entity_id, set()).add(canonical(text[m.start:m.end]))
    out = []
    for eid in sorted(used):
        for alias in gazetteer.entities[eid].aliases:
            key = canonical(alias)
            if not any(key in s or s in key for s in seen.get(eid, ())):
                out.append((eid, alias))
    return out


def throughput(texts: Sequence[str], index: PlaceIndex, repeat: int = 1) -> float:
    """Characters recognised per second over *texts* × *repeat* (for ``make bench``)."""
    total = sum(len(t) for t in texts) * repeat
    began = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            recognise(text, index)
    elapsed = time.perf_counter() - began
    return total / elapsed if elapsed > 0 else float("inf")


# --- evaluation against the hand-annotated gold set ------------------------------------------


class GoldError(ValueError):
    """The gold file no longer matches the corpus (a parser change shifted paragraph ids)."""


def load_gold(gold_path: Path, corpus: object) -> list[tuple[str, str, list[tuple[str, int, int]]]]:
    """Gold paragraphs as (document, paragraph, [(entity, start, end)]), checked against the corpus.

    Each entry stores the first 40 characters of its paragraph: if the corpus parser renumbers
    paragraphs, the check fails with the paragraph id instead of silently scoring garbage.
    """
    import yaml

    rows = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    pindex = corpus.paragraph_index()  # type: ignore[attr-defined]
    out = []
    for row in rows:
        key = (row["document"], row["paragraph"])
        if key not in pindex:
            raise GoldError(f"{gold_path}: {key} is not a paragraph of the corpus")
        text = pindex[key][1].text
        if not text.startswith(row["starts"]):
            raise GoldError(f"{gold_path}: {key} now starts {text[:40]!r}, gold expects "
                            f"{row['starts']!r} (paragraph ids shifted?)")
        out.append((*key, _gold_spans(text, row.get("mentions") or [], key, gold_path)))
    return out


def _gold_spans(text: str, mentions: list[dict], key: tuple[str, str],
                gold_path: Path) -> list[tuple[str, int, int]]:
    """Locate each gold surface text in reading order: searched after the previous mention;
    ``nth: 2`` skips an earlier occurrence that is not a place (an organisation name)."""
    spans = []
    cursor = 0
    for item in mentions:
        surface = str(item["text"])
        pos = cursor - 1
        for _ in range(int(item.get("nth", 1))):
            pos = text.find(surface, pos + 1)
        if pos < 0:
            raise GoldError(f"{gold_path}: {key}: {surface!r} not found in the paragraph "
                            f"after offset {cursor}")
        spans.append((str(item["id"]), pos, pos + len(surface)))
        cursor = pos + len(surface)
    return spans


def score(gold: list[tuple[str, int, int]], predicted: Sequence[Mention]) -> tuple[int, int, int]:
    """(true positives, predicted, gold): same entity and overlapping span, one-to-one."""
    free = list(gold)
    tp = 0
    for m in predicted:
        for g in free:
            if g[0] == m.entity_id and g[1] < m.end and m.start < g[2]:
                free.remove(g)
                tp += 1
                break
    return tp, len(predicted), len(gold)


def evaluate(gold_path: Path, corpus: object, index: PlaceIndex) -> dict:
    """Micro precision/recall of ``recognise`` on the gold paragraphs, plus the errors."""
    pindex = corpus.paragraph_index()  # type: ignore[attr-defined]
    tp = n_pred = n_gold = 0
    errors = []
    for doc, pid, gold in load_gold(gold_path, corpus):
        text = pindex[(doc, pid)][1].text
        # the gold sets annotate places; organisations (their own kind) are not scored here
        predicted = [m for m in recognise(text, index) if index.kinds.get(m.entity_id) != "organisation"]
        a, b, c = score(gold, predicted)
        tp, n_pred, n_gold = tp + a, n_pred + b, n_gold + c
        if a != b or a != c:
            errors.append({"paragraph": f"{doc}:{pid}",
                           "gold": [(e, text[s:t]) for e, s, t in gold],
                           "predicted": [(m.entity_id, m.text) for m in predicted]})
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    return {"precision": precision, "recall": recall, "tp": tp, "predicted": n_pred,
            "gold": n_gold, "paragraphs": len(load_gold(gold_path, corpus)), "errors": errors}


def main(argv: Sequence[str]) -> int:
    """``python -m atlas.recognise [--report|--eval|--bench]`` (default: --eval)."""
    from atlas.corpus import load_corpus
    from atlas.gazetteer import load_gazetteer

    gazetteer = load_gazetteer(ROOT)
    index = build_index(gazetteer)
    corpus = load_corpus(ROOT / "corpus")
    if "--report" in argv:
        print(report(corpus, index, gazetteer))
    elif "--bench" in argv:
        texts = [p.text for d in corpus.documents for p in d.paragraphs()]
        for n in (10, 100):
            print(f"corpus x{n}: {throughput(texts, index, n) / 1e6:.2f} M chars/s")
    else:
        result = evaluate(GOLD_PATH, corpus, index)
        for err in result["errors"]:
            print(f"{err['paragraph']}\n  gold: {err['gold']}\n  pred: {err['predicted']}")
        print(f"paragraphs {result['paragraphs']}  gold mentions {result['gold']}  "
              f"predicted {result['predicted']}  true positives {result['tp']}")
        print(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
