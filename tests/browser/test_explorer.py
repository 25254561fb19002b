"""The explorer from file:// with the network blocked: filters give the CSV's rows, the URL hash
reopens a selection, the downloaded selection has those rows, and document text stays inert."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.hostile import FACT_ID, QUOTE, hostile_site

pytestmark = pytest.mark.browser


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte order mark"
    return list(csv.DictReader(data.decode("utf-8-sig").splitlines()))


def expected_ids(site: Path) -> set[str]:
    rows = read_csv((site / "donnees" / "partenariats.csv").read_bytes())
    return {r["id"] for r in rows
            if r["by_region_id"] == "BY-HO" and r["partner_country"] == "CN" and r["relation"] == "jumelage"}


def shown_count(page) -> int:
    return int(page.locator("#atlas-count").get_attribute("data-count"))


def open_explorer(page, site: Path, hash_: str = "") -> None:
    page.goto((site / "explorateur.html").as_uri() + hash_)
    page.locator("#atlas-explorer[data-ready='1']").wait_for(state="attached")


def test_filter_hash_and_download_agree_with_the_csv(built_site, page):
    want = expected_ids(built_site)
    assert want, "the seed corpus has twinnings of Gomel region with China"
    open_explorer(page, built_site)
    total = shown_count(page)
    page.select_option("select[name=by]", "BY-HO")
    page.select_option("select[name=country]", "CN")
    page.select_option("select[name=rel]", "jumelage")
    assert shown_count(page) == len(want) < total
    assert {row.get_attribute("data-id") for row in page.locator("#atlas-results tbody tr").all()} == want
    url = page.url
    assert "by=BY-HO" in url and "country=CN" in url and "rel=jumelage" in url

    with page.expect_download() as info:
        page.click("#atlas-download")
    rows = read_csv(Path(info.value.path()).read_bytes())
    assert {r["id"] for r in rows} == want
    with (built_site / "donnees" / "partenariats.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert list(rows[0]) == next(csv.reader(handle))

    other = page.context.new_page()
    other.goto(url)
    other.locator("#atlas-explorer[data-ready='1']").wait_for(state="attached")
    assert shown_count(other) == len(want)
    assert other.locator("select[name=country]").input_value() == "CN"
    assert page.recorder.outside() == [] and page.recorder.errors == []


def test_year_range_text_and_figures_tab(built_site, page):
    rows = read_csv((built_site / "donnees" / "partenariats.csv").read_bytes())
    since = {r["id"] for r in rows if r["year"] and int(r["year"]) >= 2010 and r["partner_country"] == "CN"}
    open_explorer(page, built_site, "#country=CN&from=2010")
    assert shown_count(page) == len(since)
    figures = read_csv((built_site / "donnees" / "chiffres.csv").read_bytes())
    kz = {r["id"] for r in figures if "KZ" in (r["subject_id"], r["counterpart_id"])}
    open_explorer(page, built_site, "#t=f&place=KZ")
    assert page.locator("#atlas-tab-f").get_attribute("aria-selected") == "true"
    assert shown_count(page) == len(kz)


def test_sorting_works_by_keyboard_and_the_page_fits_a_phone(built_site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_explorer(page, built_site)
        button = page.locator("#atlas-results thead button", has_text="Année")
        button.focus()
        page.keyboard.press("Enter")
        assert page.locator("#atlas-results thead th[aria-sort]").inner_text().startswith("Année")
        years = [c.inner_text() for c in page.locator("#atlas-results tbody tr td:nth-child(5)").all()[:50]]
        numbers = [int(y) for y in years if y.isdigit()]
        assert numbers == sorted(numbers) and numbers
        assert "sort=year" in page.url
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"the page is {overflow}px wider than a phone"
    finally:
        context.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return hostile_site(tmp_path_factory)


def test_hostile_text_stays_text_in_the_explorer_and_its_csv(hostile, page):
    open_explorer(page, hostile, "#q=" + FACT_ID)
    assert shown_count(page) == 1
    link = page.locator("#atlas-results tbody tr td:last-child a")
    assert link.get_attribute("title") == QUOTE
    assert page.locator("#atlas-results a[href^='javascript'], #atlas-results img, #atlas-results script").count() == 0
    with page.expect_download() as info:
        page.click("#atlas-download")
    rows = read_csv(Path(info.value.path()).read_bytes())
    assert rows[0]["quote"] == "'" + QUOTE
    assert page.recorder.errors == []
