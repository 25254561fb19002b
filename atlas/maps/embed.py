"""Embedding a map file in a page: light on purpose (no folium import), pages need only this."""

from __future__ import annotations

import html

MAP_DIR = "cartes"  # maps live in docs/cartes/, one level below the docs root


def iframe_html(map_id: str, title: str, page_depth: int = 1, height: str = "480px") -> str:
    """<iframe> embedding a map in a Markdown page `page_depth` folders below docs/.

    The title attribute names the map for screen readers; loading="lazy"
    avoids loading maps that are never scrolled to.
    """
    src = "../" * page_depth + f"{MAP_DIR}/{map_id}.html"
    t = html.escape(f"Carte : {title}", quote=True)
    return (f'<iframe class="atlas-carte" src="{src}" title="{t}" loading="lazy" '
            f'style="width:100%;height:{height};border:1px solid #ccc"></iframe>')
