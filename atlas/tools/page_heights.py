"""How long pages are for a reader: full-page height (px) at 1366 px wide, folded sections
folded, from file:// with the network blocked. Used by `make bench` (budgets: country pages
≤ 8,000 px, region pages ≤ 5,000 px) and to take screenshots:

    python -m atlas.tools.page_heights SITE_DIR OUT_DIR [page.html ...]
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from atlas.tools.search_eval import BLOCKED_NETWORK, CHROMIUM

BUDGETS = {"pays": 8000, "regions": 5000}
SHOT_PAGES = ["index.html", "regions/by-hr.html", "pays/ru.html", "pays/by.html", "villes/grodno.html",
              "carte.html", "chronologie.html", "donnees.html"]
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}


def heights(site: Path, pages: list[str], width: int = 1366, height: int = 900) -> dict[str, int]:
    """Full-page height of each page (docs-relative .html path)."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BLOCKED_NETWORK)
        page = browser.new_context(viewport={"width": width, "height": height}).new_page()
        for rel in pages:
            page.goto((site / rel).resolve().as_uri())
            out[rel] = int(page.evaluate("document.documentElement.scrollHeight"))
        browser.close()
    return out


def height_lines(site: Path) -> list[str]:
    """One line per page kind with a budget: pages measured, median, max, pages over budget."""
    out = []
    for kind, budget in BUDGETS.items():
        pages = sorted(f"{kind}/{p.name}" for p in (site / kind).glob("*.html")
                       if p.name != "index.html" and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))
        if not pages:
            continue
        found = heights(site, pages)
        worst = max(found, key=found.get)
        over = sum(1 for h in found.values() if h > budget)
        out.append(f"page height {kind} at 1366 px: n={len(found)} median {statistics.median(found.values()):.0f} px "
                   f"max {found[worst]} px ({worst}); {over} over budget (≤{budget} px)")
    return out


def screenshots(site: Path, out: Path, pages: list[str]) -> list[str]:
    """First-screen screenshots at desktop and phone widths, with each page's full height."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    lines = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BLOCKED_NETWORK)
        for name, (w, h) in WIDTHS.items():
            page = browser.new_context(viewport={"width": w, "height": h}).new_page()
            for rel in pages:
                page.goto((site / rel).resolve().as_uri())
                page.wait_for_timeout(400)
                full = page.evaluate("document.documentElement.scrollHeight")
                stem = rel.replace("/", "_").removesuffix(".html")
                page.screenshot(path=str(out / f"{stem}-{name}.png"))
                if full < 16000:
                    page.screenshot(path=str(out / f"{stem}-{name}-full.png"), full_page=True)
                lines.append(f"{name:7} {rel:28} {full:7d} px")
        browser.close()
    return lines


if __name__ == "__main__":
    print("\n".join(screenshots(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:] or SHOT_PAGES)))
