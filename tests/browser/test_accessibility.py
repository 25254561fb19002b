"""axe-core (a tool nobody here wrote) finds no WCAG 2 A/AA violation on any kind of page.

The engine is vendored (tests/browser/vendor, MPL-2.0, checksum below) and injected into each
page opened from file:// with the network blocked.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_SHA256 = "880970c081707360e64f34cea25ff91892f5bc95675b0776925b9709dd8a68bb"
PAGES = ["index.html", "regions/by-hr.html", "pays/ru.html", "villes/grodno.html", "chronologie.html",
         "carte.html", "donnees.html", "articles/000_dde7657066dac0dc-08.html", "cartes/regions-by-hr.html",
         "cartes/apercu.html"]


def test_vendored_axe_is_the_published_file():
    assert hashlib.sha256(AXE.read_bytes()).hexdigest() == AXE_SHA256


def axe_violations(page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa"]}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, n: v.nodes.length,
                                       first: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
    }""")
    return result


@pytest.mark.parametrize("url", PAGES)
def test_no_wcag_a_or_aa_violation(built_site, page, url):
    page.goto((built_site / url).as_uri())
    page.wait_for_load_state("load")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


def test_axe_does_report_a_violation_when_there_is_one(built_site, page):
    page.goto((built_site / "index.html").as_uri())
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert "image-alt" in [v["id"] for v in axe_violations(page)]
