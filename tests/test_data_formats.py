"""Data that opens anywhere: CSV with a BOM and the documented columns, the workbook, the SQLite
file and the Frictionless data package, all of the same rows."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
import yaml

from atlas.data_formats import export_tables
from atlas.exports import COLUMNS
from tests.conftest import ROOT

SCHEMA = yaml.safe_load((ROOT / "data" / "schema.yaml").read_text(encoding="utf-8"))
TABLES = export_tables(SCHEMA, COLUMNS)


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} has no UTF-8 byte order mark"
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def gomel_china_twinnings(rows: list[dict[str, str]]) -> set[str]:
    return {r["id"] for r in rows
            if r["by_region_id"] == "BY-HO" and r["partner_country"] == "CN" and r["relation"] == "jumelage"}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_csv_has_bom_and_the_documented_columns(built_site, name):
    table = TABLES[name]
    path = built_site / "donnees" / table.file
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == table.columns
    assert read_csv(path)
    page = (built_site / "donnees.html").read_text(encoding="utf-8")
    missing = [c for c in table.columns if f"<code>{c}</code>" not in page]
    assert not missing, f"columns of {table.file} not documented on the Données page: {missing}"


def test_each_page_offers_its_partnerships_and_its_figures(built_site):
    partnerships = read_csv(built_site / "donnees" / "partenariats.csv")
    figures = read_csv(built_site / "donnees" / "chiffres.csv")
    mine = read_csv(built_site / "donnees" / "pages" / "by-ho.csv")
    assert {r["id"] for r in mine} == {r["id"] for r in partnerships if "BY-HO" in (r["by_id"], r["partner_id"])}
    mine = read_csv(built_site / "donnees" / "pages" / "kz-chiffres.csv")
    assert {r["id"] for r in mine} == {r["id"] for r in figures if "KZ" in (r["subject_id"], r["counterpart_id"])}
    html = (built_site / "pays" / "kz.html").read_text(encoding="utf-8")
    assert 'href="../donnees/pages/kz-chiffres.csv"' in html and 'href="../donnees/pages/kz.csv"' in html


def test_sqlite_answers_like_the_csv(built_site, tmp_path):
    db = tmp_path / "atlas.sqlite"
    db.write_bytes((built_site / "donnees" / "atlas.sqlite").read_bytes())
    csv_rows = read_csv(built_site / "donnees" / "partenariats.csv")
    with sqlite3.connect(db) as conn:
        found = {row[0] for row in conn.execute(
            "SELECT id FROM partenariats WHERE by_region_id = 'BY-HO' AND partner_country = 'CN' "
            "AND relation = 'jumelage'")}
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}
        year = conn.execute("SELECT typeof(year) FROM partenariats WHERE year IS NOT NULL LIMIT 1").fetchone()[0]
    assert found and found == gomel_china_twinnings(csv_rows)
    for name, table in TABLES.items():
        assert counts[name] == len(read_csv(built_site / "donnees" / table.file)), name
    assert year == "integer"


def test_workbook_has_a_sheet_per_table_and_no_formula(built_site):
    from openpyxl import load_workbook

    book = load_workbook(built_site / "donnees" / "atlas.xlsx")
    assert set(TABLES) <= set(book.sheetnames) and "colonnes" in book.sheetnames
    for name, table in TABLES.items():
        sheet = book[name]
        rows = list(sheet.iter_rows(values_only=True))
        assert tuple(rows[0]) == table.columns
        assert len(rows) - 1 == len(read_csv(built_site / "donnees" / table.file)), name
        formulas = [c.coordinate for line in sheet.iter_rows() for c in line if c.data_type == "f"]
        assert not formulas, f"formula cells in sheet {name}: {formulas[:5]}"


def test_datapackage_describes_every_file_and_validates(built_site):
    from frictionless import Package, system

    folder = built_site / "donnees"
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"] for r in descriptor["resources"]}
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {"datapackage.json"}
    schemas = {r["schema"] for r in descriptor["resources"] if "schema" in r}
    assert files == described | schemas, "files of donnees/ not described, or described but missing"
    assert descriptor["licenses"][0]["name"] == SCHEMA["data_licence"]["name"]
    with system.use_context(trusted=True):
        report = Package(str(folder / "datapackage.json")).validate()
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors][:10]
    assert report.valid, errors


def test_an_unknown_fact_column_or_an_undescribed_column_is_a_clear_error():
    from atlas.errors import DataError

    broken = {**SCHEMA, "exports": {"x.csv": {"table": "partenariats", "columns": {"id": {"from": "identifiant"}}}}}
    with pytest.raises(DataError, match="unknown fact column 'identifiant'"):
        export_tables(broken, {"x.csv": ("id",)})
    with pytest.raises(DataError, match=r"x\.csv: column\(s\) year not described"):
        export_tables(broken, {"x.csv": ("year",)})


def test_hostile_quote_is_text_in_the_workbook_and_verbatim_in_sqlite(tmp_path_factory, tmp_path):
    from openpyxl import load_workbook

    from tests.hostile import FACT_ID, QUOTE, hostile_site

    site = hostile_site(tmp_path_factory)
    sheet = load_workbook(site / "donnees" / "atlas.xlsx")["partenariats"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == FACT_ID)
    cell = row[header.index("quote")]
    assert cell.value == QUOTE and cell.data_type == "s"  # shown as written, never computed
    db = tmp_path / "atlas.sqlite"
    db.write_bytes((site / "donnees" / "atlas.sqlite").read_bytes())
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT quote FROM partenariats WHERE id = ?", (FACT_ID,)).fetchone()[0] == QUOTE
