"""Checks over a built site, shared by the reliability and browser tests: links and anchors that
resolve, and markup that a hostile document must never produce."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Attributes that point at another file.
LINK_ATTRS = ("href", "src")
OUTSIDE = ("http:", "https:", "mailto:", "tel:", "data:", "blob:", "about:")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    line: int


@dataclass
class Parsed:
    """What the checks need of one HTML document."""

    elements: list[Element] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    scripts: list[str] = field(default_factory=list)
    #: cells per row, for every table: [[n_cells_row1, n_cells_row2, ...], ...]
    tables: list[list[int]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Parsed()
        self._script: list[str] | None = None
        self._rows: list[list[int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        self.out.elements.append(Element(tag, values, self.getpos()[0]))
        for key in ("id", "name"):
            if values.get(key) and (key == "id" or tag == "a"):
                self.out.ids.add(values[key])
        if tag == "script":
            self._script = []
        elif tag == "table":
            self._rows.append([])
        elif tag == "tr" and self._rows:
            self._rows[-1].append(0)
        elif tag in ("td", "th") and self._rows and self._rows[-1]:
            self._rows[-1][-1] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.out.scripts.append("".join(self._script))
            self._script = None
        elif tag == "table" and self._rows:
            self.out.tables.append(self._rows.pop())

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        else:
            self.out.text.append(data)


def parse_html(text: str) -> Parsed:
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return collector.out


@cache
def _parsed_file(path: Path) -> Parsed:
    return parse_html(path.read_text(encoding="utf-8", errors="replace"))


def refresh_target(element: Element) -> str | None:
    """The URL of a `<meta http-equiv="refresh" content="0; url=...">` (redirect pages)."""
    if element.tag != "meta" or element.attrs.get("http-equiv", "").lower() != "refresh":
        return None
    match = re.search(r"url\s*=\s*['\"]?([^'\";]+)", element.attrs.get("content", ""), re.I)
    return match.group(1).strip() if match else ""


def is_redirect(page: Path) -> bool:
    return any(refresh_target(e) is not None for e in _parsed_file(page).elements)


def broken_links(site: Path) -> list[str]:
    """Every href/src (and redirect target) of every page that points at a missing file or #anchor."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        for element in _parsed_file(page).elements:
            refresh = refresh_target(element)
            links = {attr: element.attrs.get(attr, "") for attr in LINK_ATTRS}
            if refresh is not None:
                links["content"] = refresh or "(no url)"
            for attr, value in links.items():
                value = value.strip()
                problem = _link_problem(site, page, value) if value else None
                if problem:
                    where = f"{page.relative_to(site)}:{element.line} <{element.tag} {attr}={value!r}>"
                    broken.append(f"{where}: {problem}")
    return broken


def _link_problem(site: Path, page: Path, value: str) -> str | None:
    if value.lower().startswith("javascript:"):
        return "javascript: link"
    if value.lower().startswith(OUTSIDE) or value.startswith("//"):
        return None  # not a file of the site (requests out are the crawl's business)
    parts = urlsplit(value)
    # a root-absolute path means the site root (only 404.html has them: a web server serves it anywhere)
    base = site if parts.path.startswith("/") else page.parent
    target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return "target file missing"
    if not target.is_relative_to(site.resolve()):
        return "target outside the site"
    anchor = unquote(parts.fragment)
    if anchor and target.suffix == ".html" and anchor not in _parsed_file(target).ids:
        return f"no element with id {anchor!r} in {target.relative_to(site.resolve())}"
    return None


# --- hostile markup ---------------------------------------------------------------------------


def hostile_markup(parsed: Parsed, marker: str = "alert(1)") -> list[str]:
    """Live markup that only an injected document could have produced."""
    found = []
    for element in parsed.elements:
        for name, value in element.attrs.items():
            low = value.strip().lower()
            if name.startswith("on") and (marker in value or low == "x"):
                found.append(f"line {element.line}: <{element.tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and low.startswith(("javascript:", "vbscript:")):
                found.append(f"line {element.line}: <{element.tag} {name}={value!r}>")
        if element.tag == "img" and element.attrs.get("src") == "x":
            found.append(f"line {element.line}: injected <img src=x>")
    found += [f"script with {marker}: {script[:80]!r}" for script in parsed.scripts if marker in script]
    return found


def uneven_tables(parsed: Parsed) -> list[str]:
    """Tables whose rows do not all have the same number of cells (a cell broke out with `|`)."""
    return [f"table with rows of {sorted(set(rows))} cells" for rows in parsed.tables
            if rows and len(set(rows)) > 1]
