"""Where every published file lives: the atlas's one URL policy.

Countries `pays/<alpha-2>`, regions `regions/<iso-3166-2>` (lower case), cities and districts
`villes/<slug>`, international organisations `organisations/<slug>`, articles `articles/<id>`,
maps `cartes/<map id>.html`, open data under `donnees/`.
The ids are ISO codes or curated slugs, so a URL never changes when a name is corrected. Paths are
docs-relative (`.md` for generated pages, `.html` once MkDocs has built them); links between two
generated files go through `relative()`.
"""

from __future__ import annotations

import posixpath

from atlas.corpus import Article
from atlas.gazetteer import Entity

FOLDER = {"pays": "pays", "region": "regions", "ville": "villes", "district": "villes",
          "organisation": "organisations"}
MAP_DIR = "cartes"
OVERVIEW_MAP = "apercu"
DATA_DIR = "donnees"
ASSETS_DIR = "assets"


def page_path(entity: Entity) -> str:
    """Docs-relative Markdown path of a place page."""
    return f"{FOLDER[entity.kind]}/{entity.id.lower()}.md"


def retired_url(entity: Entity, code: str) -> str:
    """Where the page of a place was under a retired code (legacy ISO code) of the same kind."""
    return f"{FOLDER[entity.kind]}/{code.lower()}.html"


def page_url(entity: Entity) -> str:
    """Docs-relative URL of a place page once built."""
    return html_url(page_path(entity))


def html_url(md_path: str) -> str:
    """The built page of a generated Markdown file."""
    return md_path.removesuffix(".md") + ".html"


def article_path(article: Article) -> str:
    """Stable docs-relative path of an article page: document id and article number."""
    return f"articles/{article.id}.md"


def paragraph_url(article: Article, paragraph_id: str) -> str:
    return f"{html_url(article_path(article))}#{paragraph_id}"


def map_id(entity: Entity) -> str:
    """Stable file stem of a place's map, e.g. 'regions-kz-35'."""
    return f"{FOLDER[entity.kind]}-{entity.id.lower()}"


def map_path(map_name: str) -> str:
    """Docs-relative path of a map file."""
    return f"{MAP_DIR}/{map_name}.html"


def place_csv_path(entity: Entity) -> str:
    """Docs-relative path of the CSV of a place page's partnerships."""
    return f"{DATA_DIR}/pages/{entity.id.lower()}.csv"


def data_path(filename: str) -> str:
    """Docs-relative path of a site-wide export file."""
    return f"{DATA_DIR}/{filename}"


def asset_path(name: str) -> str:
    """Docs-relative path of a shared asset (Leaflet, the maps' base layer and script)."""
    return f"{ASSETS_DIR}/{name}"


def relative(from_path: str, to_path: str) -> str:
    """Link from one generated file to another, both docs-relative: up to the docs root, then down."""
    return "../" * from_path.count("/") + to_path


def sibling(from_path: str, to_path: str) -> str:
    """Shortest link between two files (a redirect page next to its target)."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
