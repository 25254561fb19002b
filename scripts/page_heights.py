"""Full-page heights (px) and screenshots of built pages, from file:// with the network blocked.

Usage: python scripts/page_heights.py SITE_DIR OUT_DIR [page.html ...]
Prints one line per page and width; saves PNG screenshots (first screen) in OUT_DIR.
"""

from __future__ import annotations

import sys
from pathlib import Path

from atlas.search_eval import BLOCKED_NETWORK, CHROMIUM

PAGES = ["index.html", "regions/by-hr.html", "pays/ru.html", "pays/by.html", "villes/grodno.html",
         "carte.html", "chronologie.html", "donnees.html"]
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}


def main(site: Path, out: Path, pages: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BLOCKED_NETWORK)
        for name, (w, h) in WIDTHS.items():
            ctx = browser.new_context(viewport={"width": w, "height": h})
            page = ctx.new_page()
            for rel in pages:
                page.goto((site / rel).resolve().as_uri())
                page.wait_for_timeout(400)
                height = page.evaluate("document.documentElement.scrollHeight")
                stem = rel.replace("/", "_").removesuffix(".html")
                page.screenshot(path=str(out / f"{stem}-{name}.png"))
                page.screenshot(path=str(out / f"{stem}-{name}-full.png"), full_page=True) if height < 16000 else None
                print(f"{name:7} {rel:28} {height:7d} px")
            ctx.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:] or PAGES)
