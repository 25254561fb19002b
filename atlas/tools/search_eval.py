"""Does the site's search find a place by any of its names? (`make eval`, tests/browser/test_search.py)

Readers type whatever spelling they met: the corpus's transliteration ("Moguilev", "Mahilioŭ"),
the English name, or the same without accents. Each of these must bring the place's page into
the first five results of the *real* Material search: the built index (site/search/), the
site's own search worker, in Chromium, from file:// with the network blocked. Python-side
reimplementations of lunr would drift from what a reader actually gets.

The driver talks to the worker the way Material's bundle does (a SETUP message with the index,
then one QUERY message per query, answered by RESULT with results grouped by page, best first),
which is ~100× faster than typing into the search box; the browser test also types a few
queries into the box to show the two agree.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from atlas.pages.context import fold
from atlas.project import ROOT, Project
from atlas.readers import read_csv

TOP = 5
CHROMIUM = "/usr/bin/chromium"
#: The browser tests use these flags too (tests/browser/conftest.py): nothing but file:// can load.
BLOCKED_NETWORK = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
]


@dataclass(frozen=True)
class Query:
    """One spelling a reader may type, and the page it must find."""

    entity: str
    url: str
    text: str
    source: str  # name_fr, name_en, alias, name_ru, iso, or "<source> sans accents"

    @property
    def required(self) -> bool:
        """Whether a miss fails the test. ISO codes are measured but not required: they are not
        names (the requirement: corpus spellings, English name, accent-free form), and a code
        is a poor query for a prefix search that drops French stop words: "DE" and "IL" are
        stop words (nothing is searched), "KR" is the start of Krasnodar, Krasnoïarsk, Kritchev...
        """
        return not self.source.startswith("iso")


def script_of(query: Query) -> str:
    """What a reader typed: an ISO code, or a name in Cyrillic, Chinese or Latin script."""
    if query.source.startswith("iso"):
        return "code ISO"
    if any("\u0400" <= c <= "\u04ff" for c in query.text):
        return "cyrillique"
    if any("\u3400" <= c <= "\u9fff" for c in query.text):
        return "chinois"
    return "latin"


@dataclass(frozen=True)
class Miss:
    query: Query
    got: tuple[str, ...]  # the first TOP result pages


@dataclass
class SearchEval:
    total: int
    misses: list[Miss] = field(default_factory=list)
    #: queries per script (see `script_of`), to report the hit rate of each
    by_script: dict[str, int] = field(default_factory=dict)

    def script_lines(self) -> list[str]:
        missed: dict[str, int] = {}
        for miss in self.misses:
            missed[script_of(miss.query)] = missed.get(script_of(miss.query), 0) + 1
        return [f"  {script}: {n - missed.get(script, 0)}/{n} ({(n - missed.get(script, 0)) / n:.1%})"
                for script, n in sorted(self.by_script.items())]

    @property
    def hits(self) -> int:
        return self.total - len(self.misses)

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 1.0

    @property
    def required_misses(self) -> list[Miss]:
        return [m for m in self.misses if m.query.required]


def spellings(row: dict[str, str]) -> list[tuple[str, str]]:
    """(source, text) of every name of an entities.csv row, plus accent-free forms, no repeats.

    Cyrillic names and ISO codes are included: both are printed on the page, and a reader
    copying "Могилёв" or "BY-MA" from another source should land on the page too.
    """
    named = [("name_fr", row["name_fr"]), ("name_en", row["name_en"])]
    named += [("alias", a) for a in row["aliases"].split("|") if a]
    named += [("name_ru", row["name_ru"]), ("iso", row["iso"])]
    named += [(f"{source} sans accents", fold(text)) for source, text in named]
    seen: dict[str, str] = {}
    for source, text in named:
        text = " ".join(text.split())
        if text and text not in seen:
            seen[text] = source
    return [(source, text) for text, source in seen.items()]


def queries(entities_csv: Path) -> list[Query]:
    """Every spelling of every place that has a page, from the site's own entities.csv export."""
    rows = [row for row in read_csv(entities_csv) if row["url"]]
    return [Query(row["id"], row["url"], text, source) for row in rows for source, text in spellings(row)]


#: Runs in the page: loads the index like the bundle does on file:// (search_index.js sets
#: `__index`), starts the site's search worker (the iframe shim stands in for Worker on file://)
#: and returns, for each query, the page of each of the first `top` result groups.
_DRIVER = """
async ([texts, top]) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base + "/", location.href);
  if (typeof __index === "undefined")
    await new Promise((ok, fail) => {
      const script = document.createElement("script");
      script.src = new URL("search/search_index.js", base).href;
      script.onload = ok; script.onerror = () => fail(new Error("search_index.js did not load"));
      document.head.appendChild(script);
    });
  const worker = new Worker(new URL(config.search, base).href);
  const next = () => new Promise(ok => worker.addEventListener("message", ev => ok(ev.data), {once: true}));
  let answer = next();
  worker.postMessage({type: 0, data: {config: __index.config, docs: __index.docs, options: {suggest: false}}});
  if ((await answer).type !== 1) throw new Error("search worker not ready");
  const out = {};
  for (const text of texts) {
    answer = next();
    worker.postMessage({type: 2, data: text});
    const result = await answer;
    out[text] = result.data.items.slice(0, top).map(group => group[0].location.split("#")[0]);
  }
  worker.terminate();
  return out;
}
"""


def top_results(page, site: Path, texts: Sequence[str], top: int = TOP) -> dict[str, list[str]]:
    """First `top` result pages (site-relative URLs) for each query, from `page` (a playwright page)."""
    page.goto((site / "index.html").resolve().as_uri())
    page.locator("input.md-search__input").wait_for(state="attached")
    return page.evaluate(_DRIVER, [list(dict.fromkeys(texts)), top])


def evaluate_search(page, site: Path, top: int = TOP) -> SearchEval:
    """Hit rate and misses of every place spelling against the built site in `site`."""
    todo = queries(site / "donnees" / "entites.csv")
    results = top_results(page, site, [q.text for q in todo], top)
    misses = [Miss(q, tuple(results[q.text])) for q in todo if q.url not in results[q.text]]
    by_script: dict[str, int] = {}
    for q in todo:
        by_script[script_of(q)] = by_script.get(script_of(q), 0) + 1
    return SearchEval(len(todo), misses, by_script)


@contextmanager
def browser_page() -> Iterator[object]:
    """A page of headless Debian Chromium with the network blocked (for `make eval`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BLOCKED_NETWORK)
        try:
            yield browser.new_context().new_page()
        finally:
            browser.close()


def report(result: SearchEval, limit: int | None = None) -> str:
    lines = [f"search: {result.hits}/{result.total} spellings find their page in the first {TOP} "
             f"results ({result.rate:.1%}); misses on names (not ISO codes): {len(result.required_misses)}"]
    lines += ["hit rate by script:", *result.script_lines()]
    for miss in result.misses[:limit]:
        q = miss.query
        flag = "miss" if q.required else "miss (ISO code, not required)"
        lines.append(f"  {flag} {q.entity} [{q.source}] {q.text!r} -> {', '.join(miss.got) or 'nothing'}")
    return "\n".join(lines)


def main(argv: Sequence[str] = ()) -> int:
    site = Path(argv[0]) if argv else Project.at(ROOT).site
    with browser_page() as page:
        result = evaluate_search(page, site)
    print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
