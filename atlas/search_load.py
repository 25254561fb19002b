"""What the search index weighs: each text once, loaded only when the reader opens search.

Two halves, one rule each:

- `slim_site` rewrites the search index a finished build wrote (MkDocs Material's
  `search/search_index.json|js`, Zensical's `search.json|js`) so that it carries each text once.
  Generated place pages repeat the verbatim quotes of the articles (facts and "mentions"
  excerpts) and a few template sections (the citation line, the map caption) on every page. The
  quotes stay indexed on their article page, where a search result leads to the paragraph
  itself; the place page is still found by its names, title, partners and figures. The template
  sections say nothing a reader searches for.
- `docs/assets/atlas-search-loader.js` (listed first in `extra.polyfills`, which both themes
  load before their bundle) holds back the index script that both themes append at page load
  until the reader opens search, so browsing pages never downloads nor indexes it.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

#: Verbatim quotes of the sources, as the pages print them (French guillemets).
QUOTE_RE = re.compile(r"«[^«»]*»")
#: Note calls of a table cell (the notes themselves are under the table).
NOTE_RE = re.compile(r"<sup>\(\d+\)</sup>")
#: List items of an entry's text, and the paragraph numbers that tell apart excerpts of one article.
ITEM_RE = re.compile(r"(?=<li>)")
PARAGRAPH_RE = re.compile(r"§\s?\d+(?:\s?[-–,]\s?\d+)*")
#: Pages whose text is the corpus itself; everything else is generated from it.
SOURCE_PAGES = ("articles/",)
#: A section with the same heading and the same text (up to its page's title and address) on at
#: least this many pages is a template, not content.
TEMPLATE_PAGES = 3
#: The search worker's sources in one script, so that the page can start it as a real worker
#: (a Blob): from file://, a worker can neither be loaded nor import scripts by URL.
WORKER_BUNDLE = "search/atlas-worker.js"
#: Index files of each theme: (JSON file, script file, key of the entry list).
LAYOUTS = (("search/search_index.json", "search/search_index.js", "docs"),  # MkDocs Material
           ("search.json", "search.js", "items"))  # Zensical


@dataclass
class Slimmed:
    """Sizes in bytes of the index script before and after, and entries dropped."""

    before: int
    after: int
    dropped: int


def page_of(location: str) -> str:
    return location.split("#", 1)[0]


def is_source(location: str) -> bool:
    return location.startswith(SOURCE_PAGES)


def without_quotes(text: str) -> str:
    """The text without its quotes, each list item once (items that differed only by their
    quote or paragraph number, like the excerpts of one article, become one)."""
    text = re.sub(r"\s{2,}", " ", NOTE_RE.sub("", QUOTE_RE.sub("", text)))
    seen: set[str] = set()
    kept = []
    for item in ITEM_RE.split(text):
        key = PARAGRAPH_RE.sub("", item).strip()
        if item.startswith("<li>") and key in seen:
            continue
        seen.add(key)
        kept.append(item)
    return "".join(kept)


def slim_entries(entries: list[dict]) -> list[dict]:
    """Entries with quotes dropped outside the source pages and template sections dropped."""
    titles = {page_of(e["location"]): e["title"] for e in entries if "#" not in e["location"]}
    out = []
    for entry in entries:
        entry = dict(entry)
        if not is_source(entry["location"]):
            entry["text"] = without_quotes(entry["text"])
        out.append(entry)
    pages_by_shape: dict[tuple[str, str], set[str]] = defaultdict(set)
    shapes = []
    for entry in out:
        page = page_of(entry["location"])
        shape = (entry["title"], entry["text"].replace(titles.get(page, "\0"), "\0").replace(page, "\1"))
        shapes.append(shape)
        if "#" in entry["location"] and not is_source(page):
            pages_by_shape[shape].add(page)
    return [entry for entry, shape in zip(out, shapes, strict=True)
            if len(pages_by_shape.get(shape, ())) < TEMPLATE_PAGES]


def slim_site(site: Path) -> Slimmed | None:
    """Rewrite the built site's search index (whichever theme wrote it); None if there is none."""
    for json_name, script_name, key in LAYOUTS:
        source = site / json_name
        if not source.is_file():
            continue
        index = json.loads(source.read_text(encoding="utf-8"))
        script = site / script_name
        before = script.stat().st_size if script.is_file() else source.stat().st_size
        entries = index[key]
        index[key] = slim_entries(entries)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        source.write_text(data, encoding="utf-8")
        script.write_text(f"var __index = {data}", encoding="utf-8")
        if key == "docs":
            write_worker_bundle(site, index["config"].get("lang", ["en"]))
        return Slimmed(before, script.stat().st_size, len(entries) - len(index[key]))
    return None


def worker_imports(lunr: Path, languages: list[str]) -> list[Path]:
    """The lunr language files Material's worker imports for `languages` (its `setupSearchLanguages`)."""
    wanted = []
    for lang in languages:
        if lang == "ja":
            wanted.append(lunr / "tinyseg.js")
        elif lang in ("hi", "th"):
            wanted.append(lunr / "wordcut.js")
        if lang != "en":
            wanted.append(lunr / "min" / f"lunr.{lang}.min.js")
    if len(languages) > 1:
        wanted.append(lunr / "min" / "lunr.multi.min.js")
    return [lunr / "min" / "lunr.stemmer.support.min.js", *wanted] if wanted else []


def write_worker_bundle(site: Path, languages: list[str]) -> None:
    """`search/atlas-worker.js`: MkDocs Material's search worker and the lunr files it imports, as
    strings, for docs/assets/atlas-search-loader.js to start real workers from file://."""
    javascripts = site / "assets" / "javascripts"
    workers = sorted((javascripts / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise FileNotFoundError(f"{javascripts / 'workers'}: expected one search.*.min.js, found {len(workers)}")
    imports = {p.name: p.read_text(encoding="utf-8") for p in worker_imports(javascripts / "lunr", languages)}
    bundle = {"main": workers[0].read_text(encoding="utf-8"), "imports": imports}
    (site / WORKER_BUNDLE).write_text("window.__atlasSearchWorker = " + json.dumps(bundle) + ";\n", encoding="utf-8")
