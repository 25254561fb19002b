"""Citations: the public address is a checked setting, every page shows its permanent URL and a
citation whose BibTeX parses to that URL, every fact has a stable anchor, the sitemap lists every page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from atlas.citation import Citation, check_fact_anchors, read_site_url
from atlas.errors import DataError
from atlas.facts import Facts, Figure, Partnership, Source
from tests.conftest import ROOT

SITE_URL = read_site_url(ROOT / "mkdocs.yml")


@pytest.mark.parametrize("value", ["atlas/", "/atlas/", "ftp://example.org/", "https://", "example.org/atlas",
                                   "https://example.org/a b/"])
def test_site_url_must_be_an_absolute_http_url(tmp_path, value):
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nsite_url: {value}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"mkdocs\.yml:2: site_url .* not an absolute http\(s\) URL"):
        read_site_url(config)


def test_site_url_is_read_with_mkdocs_tags_and_gets_a_final_slash(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nsite_url: https://example.org/atlas\nx: !ENV [HOME]\n", encoding="utf-8")
    assert read_site_url(config) == "https://example.org/atlas/"


def test_missing_site_url_says_how_to_set_it(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    with pytest.raises(DataError, match="site_url is missing"):
        read_site_url(config)


def _source(line: int) -> Source:
    return Source("data/x.yaml", line, "doc", "p-1", "q")


def test_a_fact_id_used_twice_or_shaped_like_a_page_anchor_is_refused():
    partnership = Partnership("by--ru--x", "BY", "RU", "accord", None, "signe", _source(1))
    figure = Figure("by--ru--x", "BY", None, "autre", "niveau", 1.0, "autre", None, None, None, _source(9))
    with pytest.raises(DataError, match=r"data/x\.yaml:9: fact id 'by--ru--x' is also used by .*data/x\.yaml:1"):
        check_fact_anchors(Facts((partnership,), (figure,)))
    with pytest.raises(DataError, match="collides with a page anchor"):
        check_fact_anchors(Facts((Partnership("p-12", "BY", "RU", "accord", None, "signe", _source(3)),), ()))


def test_bibtex_escapes_specials_and_parses():
    import bibtexparser

    cite = Citation("Région {x} & 100 % _y_", "https://example.org/a/regions/by-hr.html", "2026-11-30", "regions/by-hr")
    entry = bibtexparser.loads(cite.bibtex()).entries[0]
    assert entry["url"] == cite.url and entry["year"] == "2026" and entry["ID"] == "atlas-belarus:regions-by-hr"
    assert "Région" in entry["title"] and "\\&" in entry["title"]


def _permalink(text: str) -> str:
    return html.unescape(re.search(r'<code class="atlas-permalink">([^<]+)</code>', text).group(1))


@pytest.mark.parametrize("page", ["regions/by-hr.html", "pays/kz.html", "articles/index.html", "explorateur.html",
                                  "index.html"])
def test_page_shows_its_url_and_a_bibtex_that_parses_to_it(built_site, page):
    import bibtexparser

    text = (built_site / page).read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', text).group(1)
    assert canonical == SITE_URL + page == _permalink(text)
    bib = html.unescape(re.search(r'<pre class="atlas-cite-bib"[^>]*>(.*?)</pre>', text, re.S).group(1))
    entries = bibtexparser.loads(bib).entries
    assert len(entries) == 1 and entries[0]["url"] == canonical
    version = re.search(r'<time class="atlas-version">([^<]+)</time>', text).group(1)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}|non datée", version)  # the copy built here has no git history
    ris = html.unescape(re.search(r'<pre class="atlas-cite-ris"[^>]*>(.*?)</pre>', text, re.S).group(1))
    assert f"UR  - {canonical}" in ris.splitlines()


def test_every_fact_has_an_anchor_on_its_places_pages(built_site):
    import csv

    rows = list(csv.DictReader((built_site / "donnees" / "partenariats.csv").open(encoding="utf-8-sig")))
    entities = {r["id"]: r for r in csv.DictReader((built_site / "donnees" / "entites.csv").open(encoding="utf-8-sig"))}
    missing = []
    for row in rows[:80]:
        for side in ("by_id", "partner_id"):
            url = entities[row[side]]["url"]
            if url and f'id="{row["id"]}"' not in (built_site / url).read_text(encoding="utf-8"):
                missing.append((row["id"], url))
    assert not missing


def _is_page(path: Path) -> bool:
    return 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")


def test_sitemap_lists_every_page_with_its_absolute_url(built_site):
    listed = set(re.findall(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8")))
    pages = {SITE_URL + p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
             if p.parts[-2] != "cartes" and p.name != "404.html" and _is_page(p)}
    assert pages - listed == set()
    assert all(url.startswith(SITE_URL) for url in listed)
