"""End-to-end: the real pipeline builds a site from a clean copy of the inputs."""

import re

from atlas.corpus import load_corpus
from tests.conftest import ROOT


def test_every_article_has_a_page_linked_from_the_index(built_site):
    corpus = load_corpus(ROOT / "corpus")
    index = (built_site / "articles" / "index.html").read_text(encoding="utf-8")
    for article in corpus.articles():
        page = built_site / "articles" / f"{article.id}.html"
        assert page.is_file(), page
        assert f'href="{article.id}.html"' in index


def test_article_pages_carry_paragraph_anchors_and_discreet_footnotes(built_site):
    html = (built_site / "articles" / "000_dde7657066dac0dc-08.html").read_text(encoding="utf-8")
    assert re.search(r'<p id="p-\d+" class="atlas-para"', html)
    assert '<sup class="atlas-fn"' in html
    assert "Biélorussie-Chine" in html


def test_no_stray_markup_from_the_source_reaches_pages(built_site):
    html = (built_site / "articles" / "000_dde7657066dac0dc-17.html").read_text(encoding="utf-8")
    assert "647 millions de dollars." in html
    assert "<br" not in html.split("647 millions de dollars.")[1][:200]


def test_site_never_points_at_a_cdn(built_site):
    """Nothing loads from outside; the canonical link (the page's public address from `site_url`)
    is metadata that no browser fetches."""
    for page in built_site.rglob("*.html"):
        html = re.sub(r'<link rel="canonical" href="[^"]*">', "", page.read_text(encoding="utf-8"))
        assert not re.search(r'(src|href)="(https?:)?//', html), page
