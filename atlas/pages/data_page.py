"""The "Données" page, generated from `data/schema.yaml`: the same description that validates the
curated files and types the exports (through `atlas.data_formats.export_tables`) documents them,
so they cannot drift apart."""

from __future__ import annotations

from typing import Any

from atlas.data_formats import Table
from atlas.pages import markup
from atlas.site_urls import data_path
from atlas.vocabulary import Vocabulary

FORMATS = [
    "**CSV** : UTF-8 avec marque d'ordre d'octets (BOM), séparateur virgule ; un tableur français (Excel, "
    "LibreOffice) l'ouvre directement avec accents et colonnes. Les cellules commençant par =, +, - ou @ "
    "sont préfixées d'une apostrophe (protection contre l'injection de formules).",
    "**[atlas.xlsx]({xlsx})** : classeur, une feuille par table et une feuille « colonnes » ; le texte y est "
    "stocké comme texte (jamais comme formule), sans apostrophe.",
    "**[atlas.sqlite]({sqlite})** : base SQLite, une table par table ci-dessous (s'ouvre dans Datasette, "
    "DB Browser for SQLite ou `sqlite3`).",
    "**[datapackage.json]({package})** : description Frictionless (Data Package) de chaque fichier, de ses "
    "colonnes, de leurs types et de la licence.",
]
IDS = ("Un identifiant par entité, stable d'une version à l'autre, selon sa sorte : pays = code ISO 3166-1 "
       "alpha-2 en majuscules (`KZ`) ; région = code ISO 3166-2 en majuscules (`BY-HR`) ; ville ou district = "
       "slug en minuscules sans accents (`bobruisk`, `minsk-district-de-moscou`) ; partenariat ou chiffre = slug "
       "en minuscules (`bobruisk--vladimir--1998`). L'identifiant d'un fait est aussi son ancre sur les pages de "
       "lieu (`regions/by-ho.html#<id>`) ; les adresses des pages et des CSV par page mettent l'identifiant du "
       "lieu en minuscules (`regions/by-hr.html`, `pages/by-hr.csv`).")


def _values(enum: dict[str, str] | None) -> str:
    if not enum:
        return ""
    return " — valeurs : " + ", ".join(f"`{k}` ({markup.cell(v)})" for k, v in enum.items())


def table_section(table: Table, also: str | None) -> list[str]:
    head = f"[Télécharger]({data_path(table.file)}) — {markup.cell(table.description)}"
    if also:
        head += f" Aussi en JSON (valeurs non préfixées) : [{also}]({data_path(also)})."
    out = ["", f"## {table.file}", "", head, "", "| Colonne | Type | Description |", "|---|---|---|"]
    return out + [f"| `{f.name}` | {f.type} | {markup.cell(f.doc)}{_values(f.enum)} |" for f in table.fields]


def data_page(tables: dict[str, Table], schema: dict[str, Any], words: Vocabulary,
              review: list[tuple[str, int, int]] | None = None) -> str:
    """`review`: per document (title, candidates reviewed, candidates pending) of the review queue."""
    formats = [line.format(xlsx=data_path("atlas.xlsx"), sqlite=data_path("atlas.sqlite"),
                           package=data_path("datapackage.json")) for line in FORMATS]
    out = [markup.front_matter("Données"), "# Données ouvertes", ""]
    out += ["Toutes les données de l'atlas sont téléchargeables, triées et à identifiants stables. "
            "Chaque page de lieu propose aussi ses partenariats et ses chiffres en CSV "
            "(`pages/<id>.csv` et `pages/<id>-chiffres.csv`, mêmes colonnes que les tables ci-dessous). "
            "L'[explorateur](explorateur.md) filtre les partenariats et les chiffres et télécharge la sélection.",
            "", "## Formats", ""]
    out += [f"- {line}" for line in formats]
    out += ["", "## Identifiants", "", IDS]
    for table in tables.values():
        out += table_section(table, schema["exports"][table.file].get("also"))
    geojson = "regions.geojson"
    licence = schema["data_licence"]
    out += ["", f"## {geojson}", "",
            f"[Télécharger]({data_path(geojson)}) — {schema['exports'][geojson]['description']}", "",
            "## Licences", "",
            f"- Tables de l'atlas : {markup.cell(licence['title'])} (`{markup.cell(licence['name'])}`)."]
    if review:
        at = out.index("## Licences")
        out[at:at] = _review_section(review, words)
    out += [f"- {line}" for line in schema["licences"]] + [""]
    return "\n".join(out) + "\n"


def _review_section(review: list[tuple[str, int, int]], words: Vocabulary) -> list[str]:
    """How much of each document a person has checked: its candidates still pending review."""
    label = words.label("origin", "automatique")
    out = ["## Relecture des documents", "",
           "Les faits extraits automatiquement d'un document restent marqués « " + label + " » "
           "tant qu'une personne ne les a pas relus.", "",
           "| Document | Candidats relus | Candidats en attente |", "|---|---:|---:|"]
    out += [f"| {markup.cell(title)} | {done} | {pending} |" for title, done, pending in review]
    return out + [""]
