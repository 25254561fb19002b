"""The atlas's vocabularies (relations, statuses, indicators, measures, units, qualifiers, origins,
kinds of places) with their French words and map styles, read from `data/schema.yaml` alone.

Why one owner: pages, maps, the chronology and the exports all print these words; when each kept
its own table, a relation added to the schema broke the place pages and turned map lines into
"Autre". Every surface now asks a `Vocabulary`, passed to it as plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from atlas.errors import DataError

TERM_KEYS = {"doc", "label", "map", "colour", "dash", "tentative", "symbol", "with_number"}


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary and the words that stand for it."""

    code: str
    doc: str  # description on the "Données" page
    label: str  # word in running text and tables
    map: str  # word on the maps
    colour: str = ""
    dash: str = ""
    tentative: bool = False
    symbol: str = ""  # unit after a number in chart titles
    with_number: str = ""  # unit after a value in tables


@dataclass(frozen=True)
class Vocabulary:
    """Every vocabulary of the schema (name → code → Term, in schema order), the home country and
    the published sentences that state facts."""

    enums: dict[str, dict[str, Term]]
    home: str
    phrases: dict[str, str]  # published sentences that state facts (schema `phrases`)

    def terms(self, name: str) -> list[Term]:
        return list(self.enums[name].values())

    def term(self, name: str, code: str) -> Term:
        return self.enums[name][code]

    def label(self, name: str, code: str) -> str:
        return self.enums[name][code].label

    def tentative(self) -> frozenset[str]:
        """Statuses drawn fainter: the partnership is not (known to be) in force."""
        return frozenset(t.code for t in self.terms("status") if t.tentative)


def vocabulary_from_schema(schema: dict[str, Any], path: Path | str = "data/schema.yaml") -> Vocabulary:
    """The vocabularies of a loaded schema; an entry without its words is a DataError naming it."""
    enums = {name: {code: _term(path, name, code, entry) for code, entry in values.items()}
             for name, values in schema.get("enums", {}).items()}
    missing = [code for code, term in enums.get("relation", {}).items() if not term.colour]
    if missing:
        raise DataError(Path(path), f"relation(s) without a map colour: {', '.join(missing)}")
    home = schema.get("home_country")
    if not isinstance(home, str) or not home:
        raise DataError(Path(path), "missing `home_country` (the alpha-2 code of the atlas's country)")
    phrases = schema.get("phrases", {})
    if not isinstance(phrases, dict) or not all(isinstance(v, str) for v in phrases.values()):
        raise DataError(Path(path), "`phrases` must map names to sentences")
    return Vocabulary(enums, home, phrases)


def _term(path: Path | str, name: str, code: str, entry: Any) -> Term:
    if not isinstance(entry, dict) or not isinstance(entry.get("doc"), str):
        raise DataError(Path(path), f"enum {name}.{code}: expected a mapping with at least `doc`")
    unknown = sorted(set(entry) - TERM_KEYS)
    if unknown:
        raise DataError(Path(path), f"enum {name}.{code}: unknown key(s) {', '.join(unknown)}")
    label = str(entry.get("label", entry["doc"]))
    symbol = str(entry.get("symbol", ""))
    return Term(code=code, doc=entry["doc"], label=label, map=str(entry.get("map", label)),
                colour=str(entry.get("colour", "")), dash=str(entry.get("dash", "")),
                tentative=bool(entry.get("tentative", False)), symbol=symbol,
                with_number=str(entry.get("with_number", symbol)))
