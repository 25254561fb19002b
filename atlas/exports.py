"""Open-data exports: the atlas's places and facts as CSV, JSON and GeoJSON under `donnees/`.

Exports are sorted and carry stable ids, so two builds give the same bytes. Text cells that a
spreadsheet would read as a formula (starting with =, +, -, @) are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from atlas.facts import Facts, Figure, Partnership
from atlas.gazetteer import Gazetteer
from atlas.pages.context import SiteData
from atlas.site_urls import data_path, page_url, paragraph_url, place_csv_path

ENTITY_COLUMNS = ("id", "kind", "iso", "name_fr", "name_en", "name_ru", "aliases", "country", "parent_id",
                  "lat", "lon", "url")
PARTNERSHIP_COLUMNS = ("id", "by_id", "by_name_fr", "partner_id", "partner_name_fr", "partner_country", "relation",
                       "year", "status", "origin", "document", "paragraph_url", "quote")
FIGURE_COLUMNS = ("id", "subject_id", "counterpart_id", "indicator", "measure", "value", "unit", "qualifier",
                  "period_start", "period_end", "document", "paragraph_url", "quote", "origin")
#: The columns of each site-wide export, in file order (their documentation is in data/schema.yaml).
COLUMNS = {"entites.csv": ENTITY_COLUMNS, "partenariats.csv": PARTNERSHIP_COLUMNS, "chiffres.csv": FIGURE_COLUMNS}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formula injection in text cells; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
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
        "id": p.id, "by_id": p.by, "by_name_fr": g[p.by].name_fr, "partner_id": p.partner,
        "partner_name_fr": g[p.partner].name_fr, "partner_country": g[p.partner].country,
        "relation": p.relation, "year": p.year, "status": p.status, "origin": p.origin,
        "document": p.source.document, "paragraph_url": paragraph_url(article, p.source.paragraph),
        "quote": p.source.quote,
    }


def figure_row(data: SiteData, f: Figure) -> dict[str, Any]:
    article, _ = data.paragraph(f.source.document, f.source.paragraph)
    return {
        "id": f.id, "subject_id": f.subject, "counterpart_id": f.counterpart, "indicator": f.indicator,
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


def exports(data: SiteData, facts: Facts, regions_export: str) -> dict[str, str]:
    """Docs-relative path → content of every export file, including one CSV per place page."""
    partnerships = [partnership_row(data, p) for p in facts.partnerships]
    out = {
        data_path("entites.csv"): to_csv(ENTITY_COLUMNS, entity_rows(data.gazetteer, data.paged)),
        data_path("partenariats.csv"): to_csv(PARTNERSHIP_COLUMNS, partnerships),
        data_path("partenariats.json"): json.dumps(partnerships, ensure_ascii=False, indent=1) + "\n",
        data_path("chiffres.csv"): to_csv(FIGURE_COLUMNS, [figure_row(data, f) for f in facts.figures]),
        data_path("regions.geojson"): regions_export,
    }
    for eid in sorted(data.paged):
        rows = [partnership_row(data, p) for p in data.partnerships_of(eid)]
        if rows:
            out[place_csv_path(data.gazetteer[eid])] = to_csv(PARTNERSHIP_COLUMNS, rows)
    return out
