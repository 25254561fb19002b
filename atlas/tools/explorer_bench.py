"""Explorer speed for `make bench`: load time from file:// at the atlas's size and with ten times
its partnerships and figures, and the time one filter change takes. Prints, asserts nothing."""

from __future__ import annotations

import json
import shutil
import statistics
import tempfile
from pathlib import Path

from atlas.pages.explorer import DATA_FILE

PREFIX = "window.ATLAS_EXPLORER = "


def scaled(script: str, factor: int) -> str:
    """The explorer data with every partnership and figure repeated `factor` times (ids suffixed)."""
    payload = json.loads(script.strip()[len(PREFIX):].rstrip(";"))
    for key in ("partnerships", "figures"):
        table = payload[key]
        rows = table["rows"]
        table["rows"] = [[f"{row[0]}-x{n}", *row[1:]] if n else row for n in range(factor) for row in rows]
    return PREFIX + json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + ";\n"


_FILTER = """
() => {
  const select = document.querySelector("select[name=country]");
  const values = Array.from(select.options).map(o => o.value).filter(Boolean);
  const start = performance.now();
  for (const value of values.slice(0, 10)) { select.value = value; select.dispatchEvent(new Event("change")); }
  const text = document.querySelector("input[name=q]");
  text.value = "jumel"; text.dispatchEvent(new Event("input"));
  return (performance.now() - start) / (Math.min(values.length, 10) + 1);
}
"""


def measure(page, site: Path, runs: int = 5) -> tuple[float, float, int]:
    """Median ms to a ready explorer, median ms per filter change, rows."""
    loads, filters = [], []
    for _ in range(runs):
        page.goto((site / "explorateur.html").resolve().as_uri())
        ready = page.locator("#atlas-explorer[data-ready='1']")
        ready.wait_for(state="attached")
        loads.append(float(ready.get_attribute("data-ready-ms")))
        filters.append(page.evaluate(_FILTER))
    rows = page.evaluate("window.ATLAS_EXPLORER.partnerships.rows.length")
    return statistics.median(loads), statistics.median(filters), rows


def explorer_lines(site: Path) -> list[str]:
    from atlas.tools.search_eval import browser_page

    if not (site / "explorateur.html").exists():
        return ["explorer: no explorateur.html in the site"]
    work = Path(tempfile.mkdtemp(prefix="atlas-explorer-bench-"))
    out = []
    try:
        big = work / "site"
        shutil.copytree(site, big, ignore=shutil.ignore_patterns("cartes", "articles", "search"))
        data = (site / DATA_FILE).read_text(encoding="utf-8")
        (big / DATA_FILE).write_text(scaled(data, 10), encoding="utf-8")
        with browser_page() as page:
            for label, folder in (("1x", site), ("10x", big)):
                load, change, rows = measure(page, folder)
                size = (folder / DATA_FILE).stat().st_size / 1024
                out.append(f"explorer {label}: {rows} partnerships, data {size:.0f} KB, ready in {load:.0f} ms "
                           f"from file:// (target <1000 ms), filter change {change:.1f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out
