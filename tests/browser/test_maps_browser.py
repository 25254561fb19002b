"""Browser test: a region map embedded in a page, opened from file:// in Chromium.

Checks what unit tests cannot: the map really draws offline (no request leaves
file://), the expected number of SVG shapes appears, and a popup link opens
the partner's page in the top window.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.maps import extract_data, iframe_html, read_base_script
from atlas.maps.stage import draw_maps
from tests.maps_fixture import FIXTURES, fixture_facts, fixture_gazetteer, project_words

pytestmark = pytest.mark.browser


def _build_site(docs: Path) -> dict:
    """The maps stage's files (base.js, Leaflet assets, all maps) and a page embedding one map."""
    words = project_words()
    files, _ = draw_maps(fixture_facts(), fixture_gazetteer(words.home), words,
                         FIXTURES / "regions.geojson", FIXTURES / "countries.geojson")
    for path, content in files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    base = read_base_script(files["assets/geo/base.js"])
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
