"""Search as a reader meets it, timed in headless Chromium from file:// (for `make bench` and tests).

One definition of "open search, type, see answers" for both themes the site builds with
(MkDocs Material and Zensical): what a page downloads before search is opened, how long the
first answer takes after opening, and how long each further keystroke takes to change the
results. Figures only: the tests use it to check that search answers, never how fast.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

#: How each theme's search is opened, typed into and read.
THEMES = {
    "mkdocs": {"open": "input.md-search__input", "box": "input.md-search__input",
               "results": ".md-search-result__item", "output": ".md-search-result"},
    "zensical": {"open": ".md-search__button", "box": "dialog input[role=combobox]",
                 "results": "dialog [role=listbox] [role=option]", "output": "dialog"},
}
#: Files of the search index: what a page must not load before search is opened.
INDEX_FILES = ("search_index.js", "search_index.json", "search.js", "search.json")

_WATCH = """sel => {
  let root = document.querySelector(sel);
  if (!root) {  // Zensical draws its dialog in a shadow root
    const host = [...document.querySelectorAll('*')].find(e => e.shadowRoot && e.shadowRoot.querySelector(sel));
    root = host && host.shadowRoot.querySelector(sel);
  }
  window.__atlasMutations = [];
  window.__atlasKey = 0;
  document.addEventListener('keydown', () => { window.__atlasKey = performance.now(); }, true);
  new MutationObserver(() => window.__atlasMutations.push(performance.now()))
    .observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
  return !!root;
}"""


#: Milliseconds from opening search to each stage marked by docs/assets/atlas-search-loader.js,
#: and to the index script's arrival.
_STAGES = """() => {
  const open = performance.getEntriesByName('atlas-search-open')[0];
  if (!open) return {};
  const out = {};
  for (const entry of performance.getEntriesByType('resource'))
    if (/search_index\\.js|\\/search\\.js/.test(entry.name)) out['index loaded'] = entry.responseEnd - open.startTime;
  for (const name of ['setup', 'first-ready', 'full-ready'])
    for (const m of performance.getEntriesByName('atlas-search-' + name)) out[name] = m.startTime - open.startTime;
  return out;
}"""


def theme_of(site: Path) -> str:
    return "zensical" if (site / "search.js").is_file() else "mkdocs"


@dataclass
class SearchTiming:
    """One page, one query: downloads before search, seconds to the first answer, ms per key."""

    page: str
    loaded_before_open: list[str] = field(default_factory=list)
    page_bytes: int = 0
    index_bytes: int = 0
    first_answer: float | None = None
    results: int = 0
    keystrokes: list[float] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        keys = (f"keystroke median {statistics.median(self.keystrokes):.0f} ms, max {max(self.keystrokes):.0f} ms"
                if self.keystrokes else "no keystroke timed")
        first = f"{self.first_answer:.2f} s" if self.first_answer is not None else "no answer"
        held = "index held until search opens" if not self.loaded_before_open else \
            f"INDEX LOADED BEFORE OPENING: {self.loaded_before_open}"
        stages = ", ".join(f"{k} {v / 1000:.2f} s" for k, v in self.stages.items())
        return (f"{self.page}: page {self.page_bytes / 1024:.0f} KB without the index "
                f"(index {self.index_bytes / 1024:.0f} KB), {held}; first answer {first} "
                f"({self.results} results; after opening: {stages}); {keys}")


def local_file(url: str) -> Path | None:
    parsed = urlparse(url)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else None


def file_bytes(urls: list[str]) -> int:
    total = 0
    for url in dict.fromkeys(urls):
        path = local_file(url.split("?")[0].split("#")[0])
        if path and path.is_file():
            total += path.stat().st_size
    return total


def time_search(page, site: Path, path: str, query: str, more: str = "", timeout: float = 60.0) -> SearchTiming:
    """Open `path`, open search, type `query` (first answer), then each letter of `more` (keystrokes)."""
    theme = THEMES[theme_of(site)]
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site / path).as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    timing = SearchTiming(path)
    before = list(requests)
    timing.loaded_before_open = [u.rsplit("/", 1)[-1] for u in before if u.split("?")[0].endswith(INDEX_FILES)]
    timing.page_bytes = file_bytes([u for u in before if not u.split("?")[0].endswith(INDEX_FILES)])
    began = time.perf_counter()
    page.click(theme["open"])
    box = page.locator(theme["box"])
    box.wait_for(state="visible")
    box.press_sequentially(query)
    try:
        page.locator(theme["results"]).first.wait_for(timeout=timeout * 1000)
    except Exception:  # noqa: BLE001 - no answer within the timeout is a figure, not a crash
        return timing
    timing.first_answer = time.perf_counter() - began
    timing.results = page.locator(theme["results"]).count()
    timing.index_bytes = file_bytes([u for u in requests if u.split("?")[0].endswith(INDEX_FILES)])
    page.wait_for_timeout(300)
    page.evaluate(_WATCH, theme["output"])
    for letter in more:
        page.evaluate("() => { window.__atlasMutations = []; }")
        box.press(letter)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            delay = page.evaluate("() => { const k = window.__atlasKey; "
                                  "const m = window.__atlasMutations.find(t => t >= k); "
                                  "return m === undefined ? null : m - k; }")
            if delay is not None:
                timing.keystrokes.append(delay)
                break
            page.wait_for_timeout(20)
        page.wait_for_timeout(200)
    if page.evaluate("() => performance.getEntriesByName('atlas-search-first-ready').length > 0"):
        try:  # a first, pages-only index answered: also time the full one
            page.wait_for_function("() => performance.getEntriesByName('atlas-search-full-ready').length > 0",
                                   timeout=timeout * 1000)
        except Exception:  # noqa: BLE001 - not ready within the timeout: reported as missing
            pass
    timing.stages = page.evaluate(_STAGES)
    return timing
