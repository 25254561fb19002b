"""Offline smoke tests on both builds of the site, MkDocs Material and Zensical: from file://
with the network blocked, pages render, maps draw, search answers (its index loaded only once
the reader opens search), and no request leaves file://."""

from __future__ import annotations

import re

import pytest

from atlas.tools.search_timing import INDEX_FILES, THEMES, theme_of, time_search

pytestmark = pytest.mark.browser

PAGES = ["index.html", "regions/by-hr.html", "pays/kz.html", "articles/index.html", "chronologie.html"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_offline(any_site, page, path):
    page.goto((any_site / path).as_uri())
    page.wait_for_load_state("load")
    assert page.locator("h1").first.inner_text().strip()
    assert page.locator("article, .md-content").first.inner_text().strip()
    assert page.recorder.outside() == []
    assert page.recorder.errors == []


def test_map_draws_offline(any_site, page):
    page.goto((any_site / "regions" / "by-hr.html").as_uri())
    page.locator("iframe.atlas-carte").first.scroll_into_view_if_needed()
    frame = page.frame_locator("iframe.atlas-carte").first
    frame.locator("[data-atlas-ready]").wait_for(timeout=20000)
    assert frame.locator("path.leaflet-interactive").count() > 10
    assert page.recorder.outside() == []
    assert page.recorder.errors == []


def test_search_waits_for_the_reader_then_answers(any_site, page):
    timing = time_search(page, any_site, "regions/by-hr.html", "Kazakhstan", timeout=30)
    assert timing.loaded_before_open == [], "the page loaded the search index before search was opened"
    assert timing.first_answer is not None and timing.results > 0, "search gave no answer"
    first = page.locator(THEMES[theme_of(any_site)]["results"]).first.inner_text()
    assert "Kazakhstan" in first
    assert page.recorder.outside() == []


def test_a_page_opened_from_a_search_result_highlights_without_opening_search(any_site, page):
    """?h= asks the theme to highlight the terms, which needs the index: it is loaded at once."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((any_site / "pays" / "kz.html").as_uri() + "?h=Kazakhstan")
    page.wait_for_timeout(1500)
    assert any(u.split("?")[0].endswith(INDEX_FILES) for u in requests)
    assert page.recorder.errors == []


def test_zensical_search_speaks_french(zensical_site, page):
    page.goto((zensical_site / "index.html").as_uri())
    page.click(THEMES["zensical"]["open"])
    box = page.locator(THEMES["zensical"]["box"])
    assert box.get_attribute("placeholder") == "Rechercher"
    box.press_sequentially("Minsk")
    status = page.locator("dialog [role=status]")
    status.filter(has_text=re.compile(r"résultat")).wait_for(timeout=30000)
    assert re.fullmatch(r"[\d\u202f\u00a0 ]+ résultats?", status.inner_text().strip())
    assert page.locator("dialog button[aria-label='Filtres']").count() == 1
    assert page.recorder.outside() == []


def test_zensical_does_not_print_the_search_names_as_chips(zensical_site, page):
    page.goto((zensical_site / "regions" / "by-hr.html").as_uri())
    assert page.locator(".md-tag").count() > 0, "the page should still carry its names as tags"
    assert not page.locator(".md-tags").first.is_visible()
