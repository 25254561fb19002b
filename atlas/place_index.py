"""The place index: every spelling of every gazetteer place, reduced to a *core* name, in one
compiled matcher (how and why: see `atlas.recognise`).

``build_index(gazetteer, first_names, organisation_words)`` is built once per gazetteer and word
lists (data/words/); `atlas.recognise` reads it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from atlas.errors import DataError
from atlas.gazetteer import Entity, Gazetteer
from atlas.readers import read_yaml

if TYPE_CHECKING:
    from atlas.ambiguity import Rules

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


def fold_for_matching(text: str) -> str:
    """Lowercase, accent-free, apostrophes and hyphens unified, one character for one, so that
    spans found in the folded text are spans of the original. (Not `pages.context.fold`, which
    only removes Latin accents from names shown to readers and their search.)"""
    return text.translate(FOLD)


def canonical(name: str) -> str:
    """Index key of a spelling: folded, hyphens/spaces collapsed to one space, "d' X" -> "d'x"."""
    return _APOS_SPACE_RE.sub("'", _SPACES_RE.sub(" ", fold_for_matching(name)).strip())


_SPACES_RE = re.compile(r"[\s\-]+")
_APOS_SPACE_RE = re.compile(r"'\s+")


# --- construction words (their class and family) ------------------------------------------

REGION_WORDS = (r"regional(?:e|es|aux)?|regions?|oblasts?|voblasts?|provinces?|krais?|kraïs?|territoires?|republiques?"
                r"|districts?\s+autonomes?|okrugs?|okrougs?|lands?|regions?\s+autonomes?"
                r"|comtes?|comitats?|gouvernorats?|aimags?|voivodies?|prefectures?|wilayas?|velayats?|vilayets?"
                r"|etats?|emirats?")
CITY_WORDS = r"villes?|municipalites?|communes?|villages?|cites?"
DISTRICT_WORDS = r"districts?|raions?|rayons?"
LINK = r"(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)"
#: one adjective may follow a construction word ("province chinoise du Jiangsu")
ADJ = r"(?:\s+(?!de\b|du\b|des\b|d')[a-z]+)?"
CONSTRUCTION_RE = re.compile(rf"(?:{REGION_WORDS}|{CITY_WORDS}|{DISTRICT_WORDS})\b")
#: same words at the start of a gazetteer spelling, to strip them and keep the core name
ALIAS_PREFIX_RE = re.compile(
    rf"^(?:(?P<region>{REGION_WORDS})|(?P<ville>{CITY_WORDS})|(?P<district>{DISTRICT_WORDS}))"
    rf"(?:\s+(?:urbain|autonome|moscovite))?\s+{LINK}")
ARTICLE_RE = re.compile(r"^(?:la |le |les |l'|d'|de |du |des )")
#: construction word -> family, so that "territoires de ... Altaï" picks the kraï (RU-ALT), not
#: the republic (RU-AL), when both are spelled with the same core
FAMILIES = (("krai", r"kra[iï]s?|territoires?"), ("republique", r"republiques?"),
            ("okrug", r"districts?\s+autonomes?|okrou?gs?"), ("province", r"provinces?"),
            ("land", r"lands?"))



@dataclass(frozen=True)
class Entry:
    """One way a core name designates an entity (``cls`` = construction word class or None)."""

    entity_id: str
    kind: str
    cls: str | None
    primary: bool
    parent: str | None
    family: str | None = None


@dataclass(frozen=True)
class OrganisationWords:
    """Rule 6's word lists: a place name after a head ("usine de tracteurs de Minsk") or beside
    an English company word ("Minsk Tractor Works") is part of an organisation's name."""

    #: heads in the singular or the plural ("usine(s) ... de Minsk"), folded
    industrial_heads: tuple[str, ...]
    #: heads in the singular only ("Université d'État de Brest", not "les universités du Belarus"), folded
    institution_heads: tuple[str, ...]
    #: English words after the name ("Slutsk Meat Processing Plant")
    company_after: tuple[str, ...]
    #: English words just before the name ("Holding Minsk")
    company_before: tuple[str, ...]


ORGANISATION_KEYS = {"industrial_heads", "institution_heads", "company_after", "company_before"}


@dataclass
class PlaceIndex:
    """Compiled matcher + core-name table, built once from the gazetteer."""

    #: first word of the names -> their word counts, longest first (find_names)
    first: dict[str, tuple[int, ...]]
    entries: dict[str, list[Entry]]
    lowercase: frozenset[str]
    kinds: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    #: rule 5: first names that are also place names (data/words/first_names.yaml)
    first_names: frozenset[str] = frozenset()
    #: rule 6: words that make a name part of an organisation's (data/words/organisations.yaml)
    organisation_words: OrganisationWords | None = None
    #: entity id -> country, and how strongly a bare name means it (atlas.ambiguity.weight)
    countries: dict[str, str] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    city_regions: frozenset[str] = frozenset()
    #: cores the gazetteer itself spells in capitals ("OPEP", "BRICS"): not brands
    acronyms: frozenset[str] = frozenset()
    #: where a lowercase name can start (find_names): words of lower_first
    candidates: re.Pattern[str] = re.compile(r"(?!)")
    lower_first: frozenset[str] = frozenset()
    #: capital (town or city-region) -> its country, for "entre Minsk et Téhéran"
    capital_of: dict[str, str] = field(default_factory=dict)
    #: first words of the curated places' names (a lowercase one may follow a construction word)
    curated_first: frozenset[str] = frozenset()
    #: the ambiguity rules' word lists (data/words/ambiguity.yaml)
    rules: Rules | None = None


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
    folded = fold_for_matching(alias)
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


# --- matching ----------------------------------------------------------------------------


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
    rf"\b(?:{REGION_WORDS}|{CITY_WORDS}|{DISTRICT_WORDS}){ADJ}\s+{LINK}(?P<w>[a-z][^\W\d_]*)")


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


def load_first_names(path: Path) -> frozenset[str]:
    """The first names of data/words/first_names.yaml, folded (rule 5)."""
    data = read_yaml(path)
    if not isinstance(data, list) or not all(isinstance(n, str) and n.strip() for n in data):
        raise DataError(path, "expected a list of first names")
    return frozenset(canonical(name) for name in data)


def load_organisation_words(path: Path) -> OrganisationWords:
    """The word lists of data/words/organisations.yaml (rule 6); French heads are folded."""
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != ORGANISATION_KEYS:
        raise DataError(path, f"expected a mapping with exactly the lists {', '.join(sorted(ORGANISATION_KEYS))}")
    for key, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and re.fullmatch(r"\w+", w) for w in words):
            raise DataError(path, f"'{key}' must be a list of single words")
    return OrganisationWords(
        tuple(fold_for_matching(w) for w in data["industrial_heads"]),
        tuple(fold_for_matching(w) for w in data["institution_heads"]),
        tuple(data["company_after"]), tuple(data["company_before"]))


def build_index(gazetteer: Gazetteer, first_names: Iterable[str] = (),
                organisation_words: OrganisationWords | None = None, rules: Rules | None = None) -> PlaceIndex:
    """Index every spelling of every entity under its core name, with the tables the matcher and
    the ambiguity rules read."""
    from atlas.ambiguity import CITY_TYPE_RE, CURATED, capitals, weight

    entries: dict[str, list[Entry]] = {}
    lowercase: set[str] = set()
    aliases: dict[str, set[str]] = {}
    function_words = rules.function if rules else frozenset()
    for entity in gazetteer:
        display = _display_core(entity)
        for spelling in _spellings(gazetteer, entity):
            if entity.source == "world" and canonical(spelling) in function_words:
                continue
            cls, core = (None, canonical(spelling)) if entity.kind == "organisation" else _split_alias(spelling)
            primary = cls is None and core == display
            fam = family(fold_for_matching(spelling).lower()) if cls else None
            entry = Entry(entity.id, entity.kind, cls, primary, entity.parent, fam)
            bucket = entries.setdefault(core, [])
            if entry not in bucket:
                bucket.append(entry)
            if cls is None and spelling[:1].islower() and entity.source != "world" and (
                    spelling == spelling.lower() or not ARTICLE_RE.match(fold_for_matching(spelling))):
                lowercase.add(core)
            aliases.setdefault(entity.id, set()).add(spelling)
    kinds = {e.id: e.kind for e in gazetteer}
    lower_first = {m.group() for m in map(TOKEN_RE.match, lowercase) if m}
    weight_of = {e.id: weight(e) for e in gazetteer}
    return PlaceIndex(
        _first_words(entries), entries, frozenset(lowercase), kinds, aliases, frozenset(first_names),
        organisation_words, countries={e.id: e.country for e in gazetteer}, weights=weight_of,
        city_regions=frozenset(e.id for e in gazetteer if e.kind == "region" and CITY_TYPE_RE.search(e.subtype)),
        acronyms=frozenset(canonical(a) for e in gazetteer if e.source != "world"
                           for a in e.aliases if a.isupper() and len(a) > 1),
        candidates=candidate_re(lower_first), lower_first=frozenset(lower_first), capital_of=capitals(gazetteer),
        curated_first=frozenset(m.group() for core, bucket in entries.items()
                                if any(weight_of[e.entity_id] >= CURATED for e in bucket)
                                for m in [TOKEN_RE.match(core)] if m),
        rules=rules)
