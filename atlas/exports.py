"""Open-data exports: the atlas's places and facts as CSV, JSON, GeoJSON, XLSX and SQLite under
`donnees/`, described by `donnees/datapackage.json`.

Exports are sorted and carry stable ids, so two builds give the same bytes. The columns of each
table are those of the `exports:` section of `data/schema.yaml`. CSV files are UTF-8 with a byte
order mark (a French spreadsheet then reads accents and columns right); text cells that a
spreadsheet would read as a formula (starting with =, +, -, @) are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from atlas import data_formats
from atlas.data_formats import Table
from atlas.facts import Facts, Figure, Partnership
from atlas.gazetteer import Gazetteer
from atlas.pages.context import SiteData
from atlas.site_urls import data_path, page_url, paragraph_url, place_csv_path, place_figures_csv_path

ENTITY_COLUMNS = ("id", "kind", "iso", "name_fr", "name_en", "name_ru", "aliases", "country", "parent_id",
                  "lat", "lon", "url")
PARTNERSHIP_COLUMNS = ("id", "by_id", "by_name_fr", "by_region_id", "partner_id", "partner_name_fr", "partner_country",
                       "partner_region_id", "relation", "year", "status", "origin", "document", "paragraph_url",
                       "quote")
FIGURE_COLUMNS = ("id", "subject_id", "subject_name_fr", "counterpart_id", "indicator", "measure", "value", "unit",
                  "qualifier", "period_start", "period_end", "document", "paragraph_url", "quote", "origin")
#: The columns of each site-wide export, in file order (their documentation is in data/schema.yaml).
COLUMNS = {"entites.csv": ENTITY_COLUMNS, "partenariats.csv": PARTNERSHIP_COLUMNS, "chiffres.csv": FIGURE_COLUMNS}
BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formula injection in text cells; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    """CSV text with a UTF-8 byte order mark, formula-like cells neutralised."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else safe_cell(row.get(c)) for c in columns])
    return out.getvalue()


def entity_rows(gazetteer: Gazetteer, paged: set[str]) -> list[dict[str, Any]]:
    rows = []
    for e in sorted(gazetteer, key=lambda e: e.id):
        rows.append({
            "id": e.id, "kind": e.kind, "iso": e.iso, "name_fr": e.name_fr, "name_en": e.name_en,
            "name_ru": e.name_ru, "aliases": "|".join(e.aliases), "country": e.country, "parent_id": e.parent,
            "lat": e.lat, "lon": e.lon, "url": page_url(e) if e.id in paged else None,
        })
    return rows


def partnership_row(data: SiteData, p: Partnership) -> dict[str, Any]:
    g = data.gazetteer
    article, _ = data.paragraph(p.source.document, p.source.paragraph)
    return {
        "id": p.id, "by_id": p.by, "by_name_fr": g[p.by].name_fr, "by_region_id": g.region_of(p.by),
        "partner_id": p.partner, "partner_name_fr": g[p.partner].name_fr, "partner_country": g[p.partner].country,
        "partner_region_id": g.region_of(p.partner), "relation": p.relation, "year": p.year, "status": p.status,
        "origin": p.origin,
        "document": p.source.document, "paragraph_url": paragraph_url(article, p.source.paragraph),
        "quote": p.source.quote,
    }


def figure_row(data: SiteData, f: Figure) -> dict[str, Any]:
    article, _ = data.paragraph(f.source.document, f.source.paragraph)
    return {
        "id": f.id, "subject_id": f.subject, "subject_name_fr": data.gazetteer[f.subject].name_fr,
        "counterpart_id": f.counterpart, "indicator": f.indicator,
        "measure": f.measure, "value": f.value, "unit": f.unit, "qualifier": f.qualifier,
        "period_start": f.period_start, "period_end": f.period_end, "document": f.source.document,
        "paragraph_url": paragraph_url(article, f.source.paragraph), "quote": f.source.quote,
        "origin": f.origin,
    }


def regions_geojson(geojson: dict[str, Any]) -> str:
    """The regions with ids and French names only (the geometry as committed in geo/)."""
    features = [
        {"type": "Feature",
         "properties": {k: f["properties"].get(k) for k in ("id", "country", "name_fr")},
         "geometry": f["geometry"]}
        for f in sorted(geojson["features"], key=lambda f: f["properties"]["id"])
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                      separators=(",", ":")) + "\n"


def table_rows(data: SiteData, facts: Facts) -> dict[str, list[dict[str, Any]]]:
    """The rows of every published table (values verbatim), by table name."""
    return {
        "entites": entity_rows(data.gazetteer, data.paged),
        "partenariats": [partnership_row(data, p) for p in facts.partnerships],
        "chiffres": [figure_row(data, f) for f in facts.figures],
    }


def exports(data: SiteData, rows: dict[str, list[dict[str, Any]]], regions_export: str, tables: dict[str, Table],
            epoch: int, site_url: str | None, licence: dict[str, str]) -> dict[str, str | bytes]:
    """Docs-relative path → content of every export file, including each place page's
    partnerships and figures as CSV, the workbook, the SQLite file and the data package."""
    out: dict[str, str | bytes] = {
        data_path(table.file): to_csv(table.columns, rows[name]) for name, table in tables.items()
    }
    out[data_path("partenariats.json")] = json.dumps(rows["partenariats"], ensure_ascii=False, indent=1) + "\n"
    out[data_path("regions.geojson")] = regions_export
    page_files: dict[str, tuple[str, str]] = {}
    for eid in sorted(data.paged):
        entity = data.gazetteer[eid]
        for table, facts_of, path in (("partenariats", data.partnerships_of, place_csv_path(entity)),
                                      ("chiffres", data.figures_of, place_figures_csv_path(entity))):
            ids = {fact.id for fact in facts_of(eid)}
            if ids:
                page_files[path.removeprefix(data_path(""))] = (table, f"{tables[table].title} : {entity.name_fr}")
                out[path] = to_csv(tables[table].columns, [r for r in rows[table] if r["id"] in ids])
    ordered = list(tables.values())
    out[data_path("atlas.xlsx")] = data_formats.workbook(ordered, rows, epoch)
    out[data_path("atlas.sqlite")] = data_formats.sqlite_database(ordered, rows)
    out[data_path("datapackage.json")] = data_formats.datapackage(tables, page_files, data.version, site_url, licence)
    out.update({data_path(path): text for path, text in data_formats.table_schemas(tables).items()})
    return out
