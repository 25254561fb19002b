"""Redirect pages for retired URLs: a report that linked `regions/kz-kar.html` (Kazakhstan's
legacy ISO code) still lands on `regions/kz-35.html`.

They are plain static HTML files (meta refresh plus a visible link), so they work from `file://`
and on any static host, with no MkDocs plugin.
"""

from __future__ import annotations

import re

from atlas.pages import markup
from atlas.pages.context import SiteData
from atlas.site_urls import page_url, retired_url, sibling

LEGACY_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


def redirect_html(target: str, title: str) -> str:
    href = markup.text(target)
    return (
        "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="refresh" content="0; url={href}">'
        f'<link rel="canonical" href="{href}"><title>{markup.text(title)}</title></head>'
        f'<body><p>Cette page a changé d\'adresse : <a href="{href}">{markup.text(title)}</a>.</p></body></html>\n'
    )


def legacy_redirects(data: SiteData) -> dict[str, str]:
    """Docs-relative path of each legacy-code URL → a redirect page to the current one."""
    out: dict[str, str] = {}
    for eid in sorted(data.paged):
        entity = data.gazetteer[eid]
        if entity.kind != "region":
            continue
        for alias in entity.aliases:
            if LEGACY_CODE.match(alias) and alias != entity.id and alias.split("-")[0] == entity.country:
                path = retired_url(entity, alias)
                if alias in data.gazetteer:
                    continue  # a current code of another region: never shadow a live page
                out[path] = redirect_html(sibling(path, page_url(entity)), entity.name_fr)
    return out
