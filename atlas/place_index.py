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

from atlas.errors import DataError
from atlas.gazetteer import Entity, Gazetteer
from atlas.readers import read_yaml

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
    key = re.sub(r"[\s\-]+", " ", fold_for_matching(name)).strip()
    return re.sub(r"'\s+", "'", key)


# --- construction words (their class and family) ------------------------------------------

REGION_WORDS = (r"regional(?:e|es|aux)?|regions?|oblasts?|voblasts?|provinces?|krais?|kraïs?|territoires?|republiques?"
                r"|districts?\s+autonomes?|okrugs?|okrougs?|lands?|regions?\s+autonomes?")
CITY_WORDS = r"villes?|municipalites?|communes?|villages?|cites?"
DISTRICT_WORDS = r"districts?|raions?|rayons?"
LINK = r"(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)"
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

    pattern: re.Pattern[str]
    entries: dict[str, list[Entry]]
    lowercase: frozenset[str]
    kinds: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    #: rule 5: first names that are also place names (data/words/first_names.yaml)
    first_names: frozenset[str] = frozenset()
    #: rule 6: words that make a name part of an organisation's (data/words/organisations.yaml)
    organisation_words: OrganisationWords | None = None


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


def _trie_regex(keys: Iterable[str]) -> str:
    """A regex from a character trie of the keys: longest match first, no per-key retries."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            atom = r"[\s\-]+" if ch == " " else (r"'\s*" if ch == "'" else re.escape(ch))
            alts.append(atom + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


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
                organisation_words: OrganisationWords | None = None) -> PlaceIndex:
    """Index every spelling of every entity under its core name; compile one matcher."""
    entries: dict[str, list[Entry]] = {}
    lowercase: set[str] = set()
    aliases: dict[str, set[str]] = {}
    for entity in gazetteer:
        display = _display_core(entity)
        for spelling in _spellings(gazetteer, entity):
            cls, core = _split_alias(spelling)
            primary = cls is None and core == display
            fam = family(fold_for_matching(spelling).lower()) if cls else None
            entry = Entry(entity.id, entity.kind, cls, primary, entity.parent, fam)
            bucket = entries.setdefault(core, [])
            if entry not in bucket:
                bucket.append(entry)
            if not spelling[:1].isupper():
                lowercase.add(core)
            aliases.setdefault(entity.id, set()).add(spelling)
    body = _trie_regex(sorted(entries))
    pattern = re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])")
    kinds = {e.id: e.kind for e in gazetteer}
    return PlaceIndex(pattern, entries, frozenset(lowercase), kinds, aliases, frozenset(first_names),
                      organisation_words)
