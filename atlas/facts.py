"""Facts stage: load the curated partnerships and figures and check each one against the corpus.

Every fact names its document, paragraph and a verbatim quote. The build refuses a fact whose
quote is not in its paragraph, whose place is unknown, whose year is out of range, or that
duplicates another: a wrong fact published in an archive cannot be taken back.
The rules come from `data/schema.yaml`, which also documents the exports on the "Données" page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from atlas.corpus import Corpus, normalise_space
from atlas.errors import DataError
from atlas.readers import read_yaml, read_yaml_entries

YEARS = (1990, 2030)
SLUG = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
PERIOD = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2]))?$")


@dataclass(frozen=True)
class Source:
    """Where a fact is written: file and line of its entry, and the corpus passage it cites."""

    file: str
    line: int
    document: str
    paragraph: str
    quote: str


@dataclass(frozen=True)
class Partnership:
    id: str
    by: str
    partner: str
    relation: str
    year: int | None
    status: str
    source: Source
    note: str | None = None
    origin: str = "verifie"


@dataclass(frozen=True)
class Figure:
    id: str
    subject: str
    counterpart: str | None
    indicator: str
    measure: str
    value: float
    unit: str
    qualifier: str | None
    period_start: str | None
    period_end: str | None
    source: Source
    note: str | None = None
    origin: str = "verifie"


@dataclass(frozen=True)
class Facts:
    partnerships: tuple[Partnership, ...]
    figures: tuple[Figure, ...]


def load_schema(path: Path) -> dict[str, Any]:
    return read_yaml(path)


def read_entries(path: Path, text: str) -> list[tuple[int, dict[str, Any]]]:
    """Entries of a fact file with the line each starts on (for error messages)."""
    out = read_yaml_entries(path, text)
    for line, entry in out:
        if not isinstance(entry, dict):
            raise DataError(path, "each entry must be a mapping of fields", line)
    return out


class Checker:
    """Checks entries of one table against the schema, the gazetteer ids and the corpus."""

    def __init__(self, schema: dict[str, Any], table: str, corpus: Corpus, entity_ids: Iterable[str]) -> None:
        self.columns: dict[str, dict[str, Any]] = schema["tables"][table]["columns"]
        self.enums: dict[str, dict[str, str]] = schema["enums"]
        self.paragraphs = {(d, p): para.text for (d, p), (_, para) in corpus.paragraph_index().items()}
        self.documents = {d.id for d in corpus.documents}
        self.entity_ids = set(entity_ids)

    def check(self, path: Path, line: int, entry: dict[str, Any]) -> None:
        unknown = sorted(set(entry) - set(self.columns))
        if unknown:
            raise DataError(path, f"unknown field(s) {', '.join(unknown)}", line)
        for name, column in self.columns.items():
            value = entry.get(name)
            if value is None:
                if column.get("required"):
                    raise DataError(path, f"entry {entry.get('id')!r}: missing required field '{name}'", line)
                continue
            problem = self._problem(name, column["type"], value, entry)
            if problem:
                raise DataError(path, f"entry {entry.get('id')!r}: {problem}", line)

    def _problem(self, name: str, kind: str, value: Any, entry: dict[str, Any]) -> str | None:
        if kind == "slug":
            return None if isinstance(value, str) and SLUG.match(value) else f"bad id {value!r}"
        if kind == "entity":
            return None if value in self.entity_ids else f"unknown place id {value!r} in '{name}' (not in gazetteer)"
        if kind == "enum":
            allowed = self.enums[name]
            return None if value in allowed else f"unknown {name} {value!r} (allowed: {', '.join(allowed)})"
        if kind == "year":
            ok = isinstance(value, int) and YEARS[0] <= value <= YEARS[1]
            return None if ok else f"year {value!r} out of range {YEARS[0]}–{YEARS[1]}"
        if kind == "period":
            match = PERIOD.match(str(value))
            if not match or not YEARS[0] <= int(match.group(1)) <= YEARS[1]:
                return f"bad period {value!r} in '{name}' (YYYY or YYYY-MM, {YEARS[0]}–{YEARS[1]})"
            return None
        if kind == "number":
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            return None if ok else f"'{name}' must be a number, got {value!r}"
        if kind == "int":
            return None if isinstance(value, int) else f"'{name}' must be an integer"
        if kind == "document":
            return None if value in self.documents else f"unknown document {value!r}"
        if kind == "paragraph":
            key = (entry.get("document"), value)
            return None if key in self.paragraphs else f"paragraph {value!r} not in document {entry.get('document')!r}"
        if kind == "quote":
            return self._quote_problem(value, entry)
        return None if isinstance(value, str) else f"'{name}' must be text"

    def _quote_problem(self, quote: Any, entry: dict[str, Any]) -> str | None:
        if not isinstance(quote, str) or len(quote.split()) < 2:
            return "quote must be a text of at least two words"
        text = self.paragraphs.get((entry.get("document"), entry.get("paragraph")))
        if text is None:
            return None  # reported by the paragraph check
        if normalise_space(quote) not in normalise_space(text):
            return f"quote not found in {entry.get('document')}#{entry.get('paragraph')}: {quote!r}"
        return None


def _source(path: Path, line: int, entry: dict[str, Any]) -> Source:
    return Source(str(path), line, entry["document"], entry["paragraph"], normalise_space(entry["quote"]))


def _partnership(path: Path, line: int, e: dict[str, Any]) -> Partnership:
    return Partnership(
        e["id"], e["by"], e["partner"], e["relation"], e.get("year"), e["status"], _source(path, line, e), e.get("note")
    )


def _figure(path: Path, line: int, e: dict[str, Any]) -> Figure:
    def period(key: str) -> str | None:
        return None if e.get(key) is None else str(e[key])

    return Figure(
        e["id"], e["subject"], e.get("counterpart"), e["indicator"], e["measure"], float(e["value"]), e["unit"],
        e.get("qualifier"), period("period_start"), period("period_end"), _source(path, line, e), e.get("note"),
    )


def load_facts(files: dict[str, list[tuple[Path, str]]], schema: dict[str, Any], corpus: Corpus,
               entity_ids: Iterable[str]) -> Facts:
    """Validate and load facts from {'partenariats': [(path, text)…], 'chiffres': [...]}."""
    ids = set(entity_ids)
    partnerships = _load_table(files.get("partenariats", []), "partenariats", schema, corpus, ids, _partnership)
    figures = _load_table(files.get("chiffres", []), "chiffres", schema, corpus, ids, _figure)
    # the same parties, relation and year cited from the same paragraph is one fact entered twice
    _no_duplicates(partnerships, lambda p: (p.by, p.partner, p.relation, p.year, p.source.document,
                                            p.source.paragraph))
    _no_duplicates(figures, lambda f: (f.subject, f.counterpart, f.indicator, f.measure, f.value, f.unit,
                                       f.period_start, f.period_end))
    return Facts(tuple(sorted(partnerships, key=lambda p: p.id)), tuple(sorted(figures, key=lambda f: f.id)))


def _load_table(files, table, schema, corpus, ids, make):
    checker = Checker(schema, table, corpus, ids)
    seen: dict[str, tuple[str, int]] = {}
    out = []
    for path, text in files:
        for line, entry in read_entries(path, text):
            checker.check(path, line, entry)
            if entry["id"] in seen:
                first = seen[entry["id"]]
                raise DataError(path, f"duplicate id {entry['id']!r} (first at {first[0]}:{first[1]})", line)
            seen[entry["id"]] = (str(path), line)
            out.append(make(path, line, entry))
    return out


def _no_duplicates(facts, key) -> None:
    seen: dict[tuple, Any] = {}
    for fact in facts:
        k = key(fact)
        if k in seen:
            other = seen[k]
            raise DataError(
                fact.source.file,
                f"entry {fact.id!r} duplicates {other.id!r} ({other.source.file}:{other.source.line})",
                fact.source.line,
            )
        seen[k] = fact


def read_fact_files(folders: Iterable[tuple[str, Path]]) -> dict[str, list[tuple[Path, str]]]:
    """The curated fact files of each table's folder, in a stable order (the I/O edge of this stage)."""
    out: dict[str, list[tuple[Path, str]]] = {}
    for table, folder in folders:
        paths = sorted(folder.glob("*.yaml"))
        out[table] = [(p, p.read_text(encoding="utf-8")) for p in paths]
    return out
