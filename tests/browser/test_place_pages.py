"""A page of each kind renders from file:// with its tables or rows, and nothing leaves file://."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    ("pays/kz.html", "Kazakhstan", 2),         # partners and figures tables
    ("regions/by-hr.html", "Région de Grodno", 2),
    ("villes/bobruisk.html", "Bobrouïsk", 1),
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


def test_chronology_renders_a_row_for_every_dated_partnership(built_site, page):
    page.goto((built_site / "chronologie.html").as_uri())
    assert page.locator("h1").first.inner_text().strip() == "Chronologie des partenariats"
    intro = page.locator("article p").first.inner_text()
    dated = int(re.match(r"(\d+)\s+partenariats? datés", intro).group(1))
    years = page.locator("article h2[id^='annee-']")
    assert years.count() >= 10 and years.first.is_visible()
    rows = page.locator("article li:has(a[href*='articles/'])")
    assert rows.count() == dated > 0  # one chronology: each event once
    assert rows.first.is_visible()
    assert page.recorder.outside() == []
    assert page.recorder.errors == []
