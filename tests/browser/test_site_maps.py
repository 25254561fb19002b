"""The built site's maps, opened from file:// with the network blocked: the overview and one map
of each kind draw every feature and line their data asks for, and a popup link navigates."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.maps import extract_data, load_base_js
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

#: (page embedding the map, map file): the overview and one map of each kind.
MAPS = [
    ("index.html", "apercu"),
    ("regions/by-hr.html", "regions-by-hr"),   # a Belarusian region
    ("pays/kz.html", "pays-kz"),               # a partner country
    ("regions/cn-ha.html", "regions-cn-ha"),   # a foreign region
    ("villes/kovrov.html", "villes-kovrov"),   # a partner city
]
SCREENSHOTS = ROOT / "build" / "screenshots"


def expected_shapes(site: Path, map_id: str) -> tuple[int, int]:
    """(all SVG paths, line paths) the map should draw: base countries, the regions of the countries
    it shows, its lines and its city markers."""
    data = extract_data((site / "cartes" / f"{map_id}.html").read_text(encoding="utf-8"))
    base = load_base_js(site / "assets" / "geo" / "base.js")
    wanted = set(data["regionCountries"])
    regions = [f for f in base["regions"]["features"] if f["properties"]["country"] in wanted]
    total = len(base["countries"]["features"]) + len(regions) + len(data["lines"]) + len(data["points"])
    return total, len(data["lines"])


def open_map(page, site: Path, url: str):
    page.set_viewport_size({"width": 1200, "height": 1000})
    page.goto((site / url).as_uri())
    frame_element = page.locator("iframe.atlas-carte").first
    frame_element.scroll_into_view_if_needed()
    frame = page.frame_locator("iframe.atlas-carte").first
    frame.locator("[data-atlas-ready]").wait_for(timeout=20000)
    return frame, frame_element


@pytest.mark.parametrize(("url", "map_id"), MAPS)
def test_map_draws_its_features_and_lines_offline(built_site, page, url, map_id):
    frame, element = open_map(page, built_site, url)
    total, lines = expected_shapes(built_site, map_id)
    assert lines > 0
    assert frame.locator("path.leaflet-interactive").count() == total
    assert frame.locator("path.atlas-line").count() == lines
    assert frame.locator("[aria-label^='Carte : ']").count() == 1
    assert element.get_attribute("title").startswith("Carte : ")
    assert page.recorder.outside() == []
    assert page.recorder.errors == []
    if map_id == "apercu":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        element.screenshot(path=str(SCREENSHOTS / "apercu.png"))


def test_popup_link_opens_the_partner_page_in_the_top_window(built_site, page):
    frame, _ = open_map(page, built_site, "villes/kovrov.html")
    marker = frame.locator("path.atlas-point", has=frame.locator("title", has_text="Brest"))
    marker.click()
    link = frame.locator(".leaflet-popup-content a").first
    link.wait_for(timeout=5000)
    assert link.get_attribute("target") == "_top"
    with page.expect_navigation():
        link.click()
    assert page.url.endswith("villes/brest.html")
    assert page.recorder.outside() == []
