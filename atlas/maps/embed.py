"""Embedding a map file in a page: light on purpose (no folium import), pages need only this."""

from __future__ import annotations

import html

from atlas.site_urls import map_path, relative


def iframe_html(map_id: str, title: str, page: str, height: str = "480px") -> str:
    """<iframe> embedding a map in the page at docs-relative path `page`.

    The title attribute names the map for screen readers; loading="lazy"
    avoids loading maps that are never scrolled to.
    """
    src = relative(page, map_path(map_id))
    t = html.escape(f"Carte : {title}", quote=True)
    return (f'<iframe class="atlas-carte" src="{src}" title="{t}" loading="lazy" '
            f'style="width:100%;height:{height};border:1px solid #ccc"></iframe>')
