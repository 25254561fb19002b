"""The built site opened from file:// with no network: it loads, searches and navigates."""

import pytest

pytestmark = pytest.mark.browser


def test_search_works_offline_and_nothing_leaves_file(built_site, page):
    page.goto((built_site / "index.html").as_uri())
    search = page.locator("input.md-search__input")
    search.wait_for(state="visible")
    search.click()
    search.press_sequentially("Kazakhstan", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() > 0
    assert page.recorder.outside() == []


def test_navigation_to_an_article_works(built_site, page):
    page.goto((built_site / "articles" / "index.html").as_uri())
    page.get_by_role("link", name="Minsk - Changchun", exact=False).first.click()
    page.wait_for_load_state()
    assert page.url.endswith("articles/000_dde7657066dac0dc-09.html")
    assert page.locator("p.atlas-para").count() > 3
    assert page.recorder.outside() == []
