"""A page of each kind renders from file:// with its tables, and nothing leaves file://."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    ("pays/kz.html", "Kazakhstan", 2),         # partners and figures tables
    ("regions/by-hr.html", "Région de Grodno", 2),
    ("villes/bobruisk.html", "Bobrouïsk", 1),
    ("chronologie.html", "Chronologie des partenariats", 0),
    ("donnees.html", "Données ouvertes", 3),
]


@pytest.mark.parametrize(("url", "title", "tables"), PAGES)
def test_page_renders_with_its_tables(built_site, page, url, title, tables):
    page.goto((built_site / url).as_uri())
    assert page.locator("h1").first.inner_text().strip() == title
    rendered = page.locator("article table")
    assert rendered.count() >= tables
    for index in range(tables):
        assert rendered.nth(index).locator("tbody tr").count() > 0
        folded = rendered.nth(index).locator("xpath=ancestor::details[not(@open)]")
        if folded.count():  # long sections are folded: a click on their summary opens them
            folded.first.locator("summary").first.click()
        assert rendered.nth(index).is_visible()
    assert page.recorder.outside() == []
    assert page.recorder.errors == []
