"""Browser test: a region map embedded in a page, opened from file:// in Chromium.

Checks what unit tests cannot: the map really draws offline (no request leaves
file://), the expected number of SVG shapes appears, and a popup link opens
the partner's page in the top window.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atlas.maps import (
    base_ids,
    build_all_specs,
    copy_assets,
    extract_data,
    iframe_html,
    load_base_js,
    write_base_js,
    write_maps,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "geo"

pytestmark = pytest.mark.browser


def _build_site(docs: Path) -> dict:
    """Write base.js, Leaflet assets, all maps and a page embedding one map."""
    write_base_js(FIXTURES / "regions.geojson", FIXTURES / "countries.geojson", docs / "assets/geo/base.js")
    base = load_base_js(docs / "assets/geo/base.js")
    copy_assets(docs)
    fx = json.loads((FIXTURES / "partnerships.json").read_text(encoding="utf-8"))
    write_maps(build_all_specs(fx["records"], fx["entities"], base_ids(base)), docs / "cartes")
    (docs / "regions").mkdir()
    frame = iframe_html("regions-by-ma", "Région de Moguilev", "regions/by-ma.md", height="560px")
    (docs / "regions/by-ma.html").write_text(f"<!DOCTYPE html><html lang=fr><body>{frame}</body></html>")
    (docs / "villes").mkdir()
    (docs / "villes/anadyr.html").write_text("<!DOCTYPE html><title>Anadyr</title><h1>Anadyr</h1>")
    return base


def _expected_paths(base: dict, data: dict) -> int:
    """Countries + regions of the drawn countries + lines + city markers."""
    wanted = set(data["regionCountries"])
    regions = [f for f in base["regions"]["features"] if f["properties"]["country"] in wanted]
    return len(base["countries"]["features"]) + len(regions) + len(data["lines"]) + len(data["points"])


def test_region_map_offline_in_chromium(tmp_path, browser):
    docs = tmp_path / "docs"
    base = _build_site(docs)
    data = extract_data((docs / "cartes/regions-by-ma.html").read_text(encoding="utf-8"))
    requests: list[str] = []
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    try:
        page = context.new_page()
        page.on("request", lambda req: requests.append(req.url))
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto((docs / "regions/by-ma.html").as_uri())
        frame = page.frame_locator("iframe.atlas-carte")
        frame.locator("[data-atlas-ready]").wait_for(timeout=15000)
        assert errors == []

        paths = frame.locator("path.leaflet-interactive")
        assert paths.count() == _expected_paths(base, data)
        assert frame.locator("path.atlas-line").count() == 4
        legend = frame.locator(".atlas-legend")
        assert legend.inner_text().strip() == "Légende", "an embedded map starts with its legend folded"
        legend.locator("summary").click()
        assert legend.inner_text().count("Jumelage") == 1
        legend.locator("summary").click()
        assert frame.locator("[aria-label^='Carte : ']").count() == 1

        # Layer control: unticking the partner country hides its lines.
        frame.locator(".leaflet-control-layers").hover()
        frame.locator("label", has_text="Pays : Russie").click()
        assert frame.locator("path.atlas-line").count() == 0
        frame.locator("label", has_text="Pays : Russie").click()
        assert frame.locator("path.atlas-line").count() == 4
        frame.locator("label", has_text="Jumelage").click()
        assert frame.locator("path.atlas-line").count() == 2
        frame.locator("label", has_text="Jumelage").click()
        page.mouse.move(1, 690)  # collapse the control again

        line = frame.locator("path.atlas-line", has=frame.locator("title", has_text="Anadyr"))
        # Click the middle of the drawn arc (its bounding-box centre is off the stroke).
        point = line.evaluate("p => { const m = p.getPointAtLength(p.getTotalLength() / 2)"
                              ".matrixTransform(p.getScreenCTM()); return [m.x, m.y]; }")
        box = page.locator("iframe.atlas-carte").bounding_box()
        page.mouse.click(box["x"] + point[0], box["y"] + point[1])
        link = frame.locator(".leaflet-popup-content a", has_text="Anadyr")
        assert link.get_attribute("target") == "_top"
        with page.expect_navigation():
            link.click()
        assert page.url == (docs / "villes/anadyr.html").as_uri()
    finally:
        context.close()
    assert requests, "no request recorded"
    assert [u for u in requests if not u.startswith("file://")] == []
