"""Redirects for pages the corpus no longer calls for (data/places/retired_pages.yaml).

A published URL must keep working (tests/url_list.txt). When a rule change means a place is no
longer named (a capital read as its state), its old page becomes a redirect to the page that
now carries the mentions, instead of a dead link.
"""

from __future__ import annotations

from pathlib import Path

from atlas.errors import DataError
from atlas.pages.context import SiteData
from atlas.pages.redirects import redirect_html
from atlas.readers import LINE, read_yaml
from atlas.site_urls import page_url


def retired_redirects(path: Path, data: SiteData) -> dict[str, str]:
    """Docs-relative path of each retired page -> a redirect to its entity's current page."""
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    live = {page_url(data.gazetteer[eid]) for eid in data.paged}
    for row in read_yaml(path, lines=True) or []:
        line = row.get(LINE) if isinstance(row, dict) else None
        if not isinstance(row, dict) or not isinstance(row.get("url"), str) or not row.get("to"):
            raise DataError(path, "each row needs 'url' and 'to' (an entity id)", line)
        target = row["to"]
        if target not in data.gazetteer:
            raise DataError(path, f"unknown entity {target!r}", line)
        if row["url"] in live or target not in data.paged:
            continue  # published again (never shadow it), or no page to land on in this corpus
        depth = row["url"].count("/")
        entity = data.gazetteer[target]
        out[row["url"]] = redirect_html("../" * depth + page_url(entity), entity.name_fr)
    return out
