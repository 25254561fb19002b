"""What a reader does with the pages, in a real browser from file:// (network blocked): the page
scrolls over an embedded map, maps carry place names and a legend that hides nothing, the
chronology filters work offline, screenshots of the main kinds of pages for a human look."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
SHOT_PAGES = ["index.html", "regions/by-hr.html", "pays/ru.html", "carte.html", "chronologie.html"]


def test_wheel_over_an_embedded_map_scrolls_the_page(built_site, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto((built_site / "regions" / "by-hr.html").as_uri())
    frame_el = page.locator("iframe.atlas-carte")
    frame_el.scroll_into_view_if_needed()
    frame = frame_el.element_handle().content_frame()
    frame.wait_for_selector("[data-atlas-ready]")
    zoom = "map_1.getZoom()"  # folium's map variable (ids made deterministic by the renderer)
    zoom_before = frame.evaluate(zoom)
    box = frame_el.bounding_box()
    y_before = page.evaluate("window.scrollY")
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(400)
    assert page.evaluate("window.scrollY") > y_before
    assert frame.evaluate(zoom) == zoom_before
    box = frame_el.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -200)
    page.keyboard.up("Control")
    page.wait_for_timeout(400)
    assert frame.evaluate(zoom) > zoom_before  # ctrl + wheel zooms the map
    context.close()


def test_overview_map_has_place_names_and_a_folded_legend(built_site, page):
    page.goto((built_site / "cartes" / "apercu.html").as_uri())
    page.locator("[data-atlas-ready]").wait_for()
    names = page.locator(".atlas-label").all_inner_texts()
    assert "Chine" in names and "Russie" in names
    legend = page.locator(".atlas-legend details")
    assert legend.get_attribute("open") is None  # folded: it hides no line
    legend.locator("summary").click()
    assert "Traits : type de relation" in legend.inner_text() and "nombre de partenariats" in legend.inner_text()
    # the overview is aggregated: far fewer lines than partnerships
    assert 0 < page.locator("path.atlas-line").count() < 120


def test_map_pages_let_readers_zoom_the_page(built_site, page):
    page.goto((built_site / "cartes" / "apercu.html").as_uri())
    viewport = page.locator("meta[name=viewport]").get_attribute("content")
    assert "user-scalable=no" not in viewport and "maximum-scale" not in viewport


def test_chronology_filters_work_offline(built_site, page):
    page.goto((built_site / "chronologie.html").as_uri())
    items = page.locator("li[data-by]")
    total = items.count()
    page.select_option("select[name=by]", "BY-HR")
    shown = page.locator("li[data-by]:not([hidden])")
    assert 0 < shown.count() < total
    assert all(v == "BY-HR" for v in shown.evaluate_all("els => els.map(e => e.dataset.by)"))
    assert "affiché" in page.locator("#atlas-chrono-compte").inner_text()
    page.goto((built_site / "chronologie.html").as_uri() + "#relation-jumelage")
    page.reload()
    shown = page.locator("li[data-by]:not([hidden])")
    assert set(shown.evaluate_all("els => els.map(e => e.dataset.relation)")) == {"jumelage"}
    assert page.recorder.outside() == [] and page.recorder.errors == []


@pytest.mark.parametrize(("device", "width", "height"), [("desktop", 1366, 900), ("phone", 390, 844)])
def test_screenshots_of_the_main_pages(built_site, browser, device, width, height):
    """Screenshots for a human look (build/screenshots); the test checks they were taken."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    for url in SHOT_PAGES:
        page.goto((built_site / url).as_uri())
        page.wait_for_timeout(300)
        target = SHOTS / f"{url.replace('/', '_').removesuffix('.html')}-{device}.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000
    context.close()


def test_404_page_is_styled_from_disk(built_site, page):
    page.goto((built_site / "404.html").as_uri())
    assert page.locator("link[rel=stylesheet]").count() > 0
    header = page.locator("header.md-header")
    assert header.evaluate("h => getComputedStyle(h).position") in ("sticky", "fixed")  # Material's CSS loaded
    assert [u for u in page.recorder.requests if u.startswith("file:///assets")] == []


def test_wide_tables_scroll_on_a_phone_with_a_hint(built_site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto((built_site / "regions" / "by-hr.html").as_uri())
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    wrap = page.locator(".md-typeset__scrollwrap").first
    assert wrap.evaluate("w => getComputedStyle(w).overflowX") in ("auto", "scroll")
    hint = page.locator(".md-typeset__table").first.evaluate("t => getComputedStyle(t, '::before').content")
    assert "glisser" in hint
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the page itself does not scroll sideways
    context.close()


def test_keyboard_reaches_partnership_lines_before_backdrop_countries(built_site, page):
    page.goto((built_site / "cartes" / "regions-by-hr.html").as_uri())
    page.locator("[data-atlas-ready]").wait_for()
    stops = []
    for _ in range(4):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.getAttribute('class') || ''"))
    assert any("atlas-line" in s for s in stops[:3]), stops
