"""The "Données" page, generated from `data/schema.yaml`: the same description that validates the
curated files documents the exports, so the two cannot drift apart."""

from __future__ import annotations

from typing import Any

from atlas.pages import markup
from atlas.site_urls import data_path
from atlas.vocabulary import Vocabulary


def _enum_lines(words: Vocabulary, name: str) -> str:
    if name not in words.enums:
        return ""
    return " — valeurs : " + ", ".join(f"`{t.code}` ({markup.cell(t.doc)})" for t in words.terms(name))


def _column_doc(schema: dict[str, Any], words: Vocabulary, table: str | None, doc: Any) -> str:
    """A column's description and, for a vocabulary, its values (see `exports` in the schema)."""
    if isinstance(doc, str):
        return markup.cell(doc)
    if "from" in doc:
        column = schema["tables"][table]["columns"][doc["from"]]
        values = _enum_lines(words, doc["from"]) if column["type"] == "enum" else ""
        return markup.cell(column["doc"]) + values
    return markup.cell(doc["doc"]) + _enum_lines(words, doc["values"])


def _export_section(schema: dict[str, Any], words: Vocabulary, filename: str, columns: tuple[str, ...]) -> list[str]:
    meta = schema["exports"][filename]
    table = meta.get("table")
    # a table's description is escaped as curated text; an export's own is Markdown, as published so far
    description = markup.cell(schema["tables"][table]["description"]) if table else meta["description"]
    head = f"[Télécharger]({data_path(filename)}) — {description}"
    if meta.get("also"):
        head += f" Aussi en JSON : [{meta['also']}]({data_path(meta['also'])})."
    out = [f"## {filename}", "", head, "", "| Colonne | Description |", "|---|---|"]
    return out + [f"| `{c}` | {_column_doc(schema, words, table, meta['columns'][c])} |" for c in columns]


def data_page(schema: dict[str, Any], words: Vocabulary, columns: dict[str, tuple[str, ...]],
              review: list[tuple[str, int, int]] | None = None) -> str:
    """`columns`: each export file's columns in file order (atlas.exports.COLUMNS); `review`: per
    document (title, candidates reviewed, candidates pending) of the review queue."""
    out = [markup.front_matter("Données"), "# Données ouvertes", ""]
    out += ["Toutes les données de l'atlas sont téléchargeables, triées et à identifiants stables. "
            "Chaque page de lieu propose aussi ses partenariats en CSV.", ""]
    sections = [_export_section(schema, words, name, cols) for name, cols in columns.items()]
    out += sections[0]
    for section in sections[1:]:
        out += [""] + section
    geojson = "regions.geojson"
    out += ["", f"## {geojson}", "",
            f"[Télécharger]({data_path(geojson)}) — {schema['exports'][geojson]['description']}", "",
            "## Licences", ""]
    if review:
        out[-3:-3] = _review_section(review, words)
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
