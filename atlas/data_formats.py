"""The published tables in formats that open anywhere: a spreadsheet workbook (one sheet per
table), a SQLite database (one table each, for Datasette or any SQL client) and a Frictionless
`datapackage.json` describing every file of `donnees/` with its columns, types and licence.

The tables and their columns are described once, in the `exports:` section of
`data/schema.yaml`; `export_tables` reads it, and the CSV export, these formats and the
"Données" page all follow it. Cells keep their text verbatim here (the workbook stores text as
text, never as a formula); only the CSV files prefix formula-like cells with an apostrophe.
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from atlas.errors import DataError

SCHEMA_FILE = "data/schema.yaml"
#: Fact column types of the schema → Frictionless field types.
FACT_TYPES = {"year": "integer", "int": "integer", "number": "number"}
SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL"}


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string, integer, number
    doc: str
    enum: dict[str, str] | None = None


@dataclass(frozen=True)
class Table:
    name: str  # sheet and SQL table name
    file: str  # CSV file name under donnees/
    title: str
    description: str
    fields: tuple[Field, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def export_tables(schema: dict[str, Any], columns: dict[str, Sequence[str]]) -> dict[str, Table]:
    """The tables of the `exports:` section of the schema, by name (file stem), with the columns of
    `columns` (file name → column order, atlas.exports.COLUMNS) typed and documented."""
    out = {}
    for filename, order in columns.items():
        meta = schema["exports"].get(filename)
        if meta is None:
            raise DataError(SCHEMA_FILE, f"exports: {filename} is published but not described")
        facts = schema["tables"].get(meta.get("table", ""), {})
        undocumented = [c for c in order if c not in meta.get("columns", {})]
        if undocumented:
            raise DataError(SCHEMA_FILE, f"exports: {filename}: column(s) {', '.join(undocumented)} not described")
        fields = tuple(_field(schema, facts, column, meta["columns"][column]) for column in order)
        name = filename.rsplit(".", 1)[0]
        description = facts.get("description") or meta.get("description", "")
        out[name] = Table(name, filename, meta.get("title", name), description, fields)
    return out


def _enum(schema: dict[str, Any], name: str) -> dict[str, str]:
    return {code: entry["doc"] for code, entry in schema["enums"][name].items()}


def _field(schema: dict[str, Any], facts: dict[str, Any], column: str, spec: Any) -> Field:
    if isinstance(spec, str):
        return Field(column, "string", spec)
    source = spec.get("from")
    if source:
        if source not in facts.get("columns", {}):
            raise DataError(SCHEMA_FILE, f"export column {column!r}: unknown fact column {source!r}")
        fact = facts["columns"][source]
        enum = _enum(schema, source) if fact["type"] == "enum" else None
        return Field(column, FACT_TYPES.get(fact["type"], "string"), fact["doc"], enum)
    kind = spec.get("type", "string")
    if kind not in SQL_TYPES or not spec.get("doc"):
        raise DataError(SCHEMA_FILE, f"export column {column!r}: needs `from:` or a `doc` "
                                     f"(and a `type` among {', '.join(SQL_TYPES)})")
    return Field(column, kind, spec["doc"], _enum(schema, spec["values"]) if spec.get("values") else None)


# --- spreadsheet ------------------------------------------------------------------------------


def workbook(tables: Sequence[Table], rows: dict[str, list[dict[str, Any]]], epoch: int) -> bytes:
    """An .xlsx with one sheet per table (header row frozen) and a sheet describing the columns.

    Text cells are stored as text (`data_type = "s"`), so a document's "=cmd|..." is shown, never
    computed. Dates inside the file come from the data version, so one version gives one file.
    """
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    stamp = datetime.fromtimestamp(epoch, UTC).replace(tzinfo=None)
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "Atlas de la coopération du Bélarus"
    for table in tables:
        sheet = book.create_sheet(table.name)
        sheet.append(list(table.columns))
        for row in rows[table.name]:
            sheet.append([row.get(c) for c in table.columns])
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
    doc = book.create_sheet("colonnes")
    doc.append(["table", "colonne", "type", "description", "valeurs"])
    for table in tables:
        for f in table.fields:
            values = ", ".join(f"{k} ({v})" for k, v in f.enum.items()) if f.enum else None
            doc.append([table.name, f.name, f.type, f.doc, values])
    out = io.BytesIO()
    book.save(out)
    return _fixed_zip_times(out.getvalue(), stamp)


def _fixed_zip_times(data: bytes, stamp: datetime) -> bytes:
    """openpyxl stamps each zip entry and the "modified" property with the current time; rewrite
    them with the data version's."""
    when = max(stamp, datetime(1980, 1, 1)).timetuple()[:6]
    modified = ('<dcterms:modified xsi:type="dcterms:W3CDTF">'
                f"{stamp.strftime('%Y-%m-%dT%H:%M:%SZ')}</dcterms:modified>")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>", modified.encode(), content)
            target.writestr(entry, content)
    return out.getvalue()


# --- SQLite -----------------------------------------------------------------------------------


def sqlite_database(tables: Sequence[Table], rows: dict[str, list[dict[str, Any]]]) -> bytes:
    """A SQLite file with one table per export table (typed columns, `id` primary key)."""
    conn = sqlite3.connect(":memory:")
    try:
        for table in tables:
            columns = ", ".join(
                f'"{f.name}" {SQL_TYPES[f.type]}' + (" PRIMARY KEY" if f.name == "id" else "") for f in table.fields
            )
            conn.execute(f'CREATE TABLE "{table.name}" ({columns})')
            marks = ", ".join("?" for _ in table.fields)
            conn.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})',
                             [[row.get(c) for c in table.columns] for row in rows[table.name]])
        conn.execute("CREATE TABLE colonnes (\"table\" TEXT, colonne TEXT, type TEXT, description TEXT, "
                     "PRIMARY KEY (\"table\", colonne))")
        conn.executemany("INSERT INTO colonnes VALUES (?, ?, ?, ?)",
                         [(t.name, f.name, f.type, f.doc) for t in tables for f in t.fields])
        conn.commit()
        return conn.serialize()
    finally:
        conn.close()


# --- Frictionless data package ----------------------------------------------------------------


def table_schema(table: Table) -> dict[str, Any]:
    fields = []
    for f in table.fields:
        descriptor: dict[str, Any] = {"name": f.name, "type": f.type, "description": f.doc}
        if f.enum:
            descriptor["constraints"] = {"enum": list(f.enum)}
        fields.append(descriptor)
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}


def schema_file(table: Table) -> str:
    """Where a table's Table Schema is written (relative to donnees/), shared by its per-page files."""
    return f"schemas/{table.name}.json"


def table_schemas(tables: dict[str, Table]) -> dict[str, str]:
    """donnees/-relative path → Table Schema JSON of each table."""
    return {schema_file(t): json.dumps(table_schema(t), ensure_ascii=False, indent=1) + "\n" for t in tables.values()}


def csv_resource(name: str, path: str, table: Table, title: str) -> dict[str, Any]:
    return {"name": name, "path": path, "title": title, "description": table.description, "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8-sig", "profile": "tabular-data-resource",
            "dialect": {"header": True, "delimiter": ","}, "schema": schema_file(table)}


def datapackage(tables: dict[str, Table], page_files: dict[str, tuple[str, str]], version: str,
                site_url: str | None, licence: dict[str, str]) -> str:
    """`datapackage.json`: every file of donnees/ (paths relative to it), with columns and licence.

    `page_files` maps a per-page CSV path (relative to donnees/) to (table name, page title).
    """
    resources = [csv_resource(t.name, t.file, t, t.title) for t in tables.values()]
    resources.append({"name": "partenariats-json", "path": "partenariats.json", "format": "json",
                      "mediatype": "application/json", "title": "Partenariats (JSON)",
                      "description": "Les partenariats, mêmes colonnes que partenariats.csv, valeurs non préfixées."})
    resources.append({"name": "regions-geojson", "path": "regions.geojson", "format": "geojson",
                      "mediatype": "application/geo+json", "title": "Régions (géométrie)",
                      "description": "Régions : identifiant ISO 3166-2, pays, nom français, géométrie simplifiée.",
                      "licenses": [{"name": "PDDL-1.0", "title": "Natural Earth (domaine public)"}]})
    resources.append({"name": "atlas-xlsx", "path": "atlas.xlsx", "format": "xlsx", "title": "Classeur",
                      "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      "description": "Toutes les tables, une feuille chacune, et la feuille « colonnes »."})
    resources.append({"name": "atlas-sqlite", "path": "atlas.sqlite", "format": "sqlite",
                      "mediatype": "application/vnd.sqlite3", "title": "Base SQLite",
                      "description": "Toutes les tables, une table SQL chacune (ouvrable dans Datasette)."})
    for path, (table, title) in sorted(page_files.items()):
        name = path.removeprefix("pages/").removesuffix(".csv").replace("_", "-").lower()
        resources.append(csv_resource(f"page-{name}", path, tables[table], title))
    package: dict[str, Any] = {
        "name": "atlas-cooperation-belarus", "title": "Atlas de la coopération du Bélarus — données",
        "description": "Partenariats, chiffres et lieux de l'atlas ; chaque fait cite son document, "
                       "son paragraphe et une citation exacte.",
        "version": version, "licenses": [licence], "profile": "data-package", "resources": resources,
    }
    if site_url:
        package["homepage"] = site_url
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"
