"""The partnership explorer: one page that filters, sorts, counts and downloads every partnership
and figure of the atlas, with the selection kept in the URL hash.

Works from file:// with no network: the data ships as a script that sets a variable
(`assets/generated/explorer-data.js`; browsers refuse fetch() of a local JSON file), read by the
hand-written `docs/assets/explorer.js`, which writes every value with textContent (document text
stays inert). The rows are the same as the CSV exports', so a downloaded selection has the CSV's
columns.
"""

from __future__ import annotations

import json
from typing import Any

from atlas.data_formats import Table
from atlas.pages import markup
from atlas.pages.context import SiteData
from atlas.site_urls import page_url

DATA_FILE = "assets/generated/explorer-data.js"
PAGE = "explorateur.md"


def place_lookup(data: SiteData) -> dict[str, list[str]]:
    """id → [French name, kind, country, page URL or ""] for every place a fact names."""
    ids: set[str] = set()
    for p in data.facts.partnerships:
        ids |= {p.by, p.partner}
    for f in data.facts.figures:
        ids |= {f.subject, f.counterpart} - {None}
    for eid in list(ids):
        entity = data.gazetteer[eid]
        ids |= {x for x in (entity.parent, entity.country) if x and x in data.gazetteer}
    g = data.gazetteer
    return {eid: [g[eid].name_fr, g[eid].kind, g[eid].country, page_url(g[eid]) if eid in data.paged else ""]
            for eid in sorted(ids)}


def explorer_payload(data: SiteData, tables: dict[str, Table], rows: dict[str, list[dict[str, Any]]]
                     ) -> dict[str, Any]:
    """Plain data for the page: columns and rows of both fact tables, places, the words of the
    vocabularies (as on the place pages)."""
    def table(name: str) -> dict[str, Any]:
        columns = list(tables[name].columns)
        return {"file": tables[name].file, "columns": columns,
                "rows": [[row.get(c) for c in columns] for row in rows[name]]}

    words = data.vocabulary
    labels = {name: {t.code: t.label for t in words.terms(name)}
              for name in ("relation", "status", "origin", "indicator", "measure", "qualifier")}
    labels["unit"] = {t.code: t.with_number for t in words.terms("unit")}
    return {"version": data.version, "home": data.gazetteer.home, "places": place_lookup(data), "labels": labels,
            "partnerships": table("partenariats"), "figures": table("chiffres")}


def explorer_script(payload: dict[str, Any]) -> str:
    """The data as a script setting `window.ATLAS_EXPLORER`. `<`, `>` and `&` are written as JSON
    escapes, so no text from a document can end the script or open a tag."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.ATLAS_EXPLORER = {text};\n"


def explorer_page() -> str:
    """The page skeleton; explorer.js fills the filters and the table."""
    intro = ("Tous les partenariats et tous les chiffres de l'atlas dans un seul tableau : filtrez, triez, "
             "puis téléchargez la sélection en CSV. L'adresse de la page (après #) garde les filtres : "
             "copiez-la pour citer ou rouvrir une sélection. Les faits automatiques (non vérifiés) sont marqués.")
    return "\n".join([
        markup.front_matter("Explorateur", "Filtrer et télécharger les partenariats et les chiffres"),
        "# Explorateur des partenariats et des chiffres", "", markup.text(intro), "",
        '<div id="atlas-explorer" class="atlas-explorer">',
        '<noscript><p>L\'explorateur a besoin de JavaScript ; les mêmes données sont sur la page '
        '<a href="donnees.html">Données</a> (CSV, XLSX, SQLite).</p></noscript>',
        '<div class="atlas-explorer-tabs" role="tablist">',
        '<button type="button" role="tab" id="atlas-tab-p" data-tab="p" aria-selected="true">Partenariats</button>',
        '<button type="button" role="tab" id="atlas-tab-f" data-tab="f" aria-selected="false">Chiffres</button>',
        "</div>",
        '<form class="atlas-explorer-filters" id="atlas-filters" role="search" aria-label="Filtres"></form>',
        '<p class="atlas-explorer-count" id="atlas-count" aria-live="polite"></p>',
        '<p class="atlas-explorer-actions"><button type="button" class="md-button" id="atlas-download">'
        "Télécharger la sélection (CSV)</button> "
        '<button type="button" class="md-button" id="atlas-reset">Effacer les filtres</button></p>',
        '<div class="atlas-explorer-table" tabindex="0" role="region" aria-label="Résultats">',
        '<table id="atlas-results"><thead></thead><tbody></tbody></table>',
        "</div>",
        '<p><button type="button" class="md-button" id="atlas-more" hidden>Afficher plus de lignes</button></p>',
        "</div>",
        "",
        f'<script src="{DATA_FILE}"></script>',
        '<script src="assets/explorer.js"></script>',
        "",
    ])


def explorer_files(data: SiteData, tables: dict[str, Table], rows: dict[str, list[dict[str, Any]]]
                   ) -> dict[str, str]:
    return {PAGE: explorer_page(), DATA_FILE: explorer_script(explorer_payload(data, tables, rows))}
