"""Citations that go into a report: the site's public address, and for every page its permanent
URL, the data version and a suggested citation in text, BibTeX, RIS and CSL-JSON.

The public address is `site_url` in `mkdocs.yml` (what MkDocs also uses for the sitemap); the
pages keep relative links, so the same site works from disk. Fact ids become anchors on the place
pages, so they must not collide with each other or with the anchors a page already has.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from atlas.errors import DataError
from atlas.facts import Facts
from atlas.pages import markup

SITE_NAME = "Atlas de la coopération du Bélarus"
#: Anchors the generated pages carry besides fact ids (headings and paragraph anchors).
PAGE_ANCHORS = re.compile(r"^(p-\d+|carte|partenaires|chiffres|regions|villes-jumelles|mentions-dans-les-sources|"
                          r"citer-cette-page|autres-villes-et-districts-mentionnes|"
                          r"partenariats-de-ses-regions-et-villes|__.*)$")


def read_site_url(mkdocs_yml: Path) -> str:
    """`site_url` of mkdocs.yml, checked: an absolute http(s) URL, returned ending with "/"."""
    text = mkdocs_yml.read_text(encoding="utf-8")
    line = next((n for n, row in enumerate(text.splitlines(), start=1) if row.startswith("site_url:")), None)
    try:
        value = yaml.load(text, Loader=_Lenient).get("site_url")
    except yaml.YAMLError as err:
        raise DataError(mkdocs_yml, f"malformed YAML: {err}") from None
    if not value:
        raise DataError(mkdocs_yml, "site_url is missing: set it to the public address of the site "
                                    "(e.g. https://example.org/atlas/), see README.md")
    parts = urlsplit(str(value))
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in str(value) or parts.query or parts.fragment:
        raise DataError(mkdocs_yml, f"site_url {value!r} is not an absolute http(s) URL "
                                    "(e.g. https://example.org/atlas/)", line)
    return str(value).rstrip("/") + "/"


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml may carry `!ENV` or `!!python/name` tags; their values do not matter here."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
_Lenient.add_multi_constructor("!", lambda loader, suffix, node: None)


def check_fact_anchors(facts: Facts) -> None:
    """Fact ids are anchors: one id for one fact across partnerships and figures, never a page anchor."""
    seen: dict[str, str] = {}
    for fact in [*facts.partnerships, *facts.figures]:
        where = f"{fact.source.file}:{fact.source.line}"
        if fact.id in seen:
            raise DataError(fact.source.file, f"fact id {fact.id!r} is also used by the fact at {seen[fact.id]} "
                                              "(ids are page anchors and must be unique)", fact.source.line)
        if PAGE_ANCHORS.match(fact.id):
            raise DataError(fact.source.file, f"fact id {fact.id!r} collides with a page anchor; choose another id",
                            fact.source.line)
        seen[fact.id] = where


@dataclass(frozen=True)
class Citation:
    title: str  # the page's title
    url: str  # absolute permanent URL
    version: str  # data version date (YYYY-MM-DD) or "non datée"
    stem: str  # the page's path without extension, e.g. "regions/by-hr"

    @property
    def key(self) -> str:
        return "atlas-belarus:" + re.sub(r"[^a-z0-9]+", "-", self.stem.lower()).strip("-")

    def text(self) -> str:
        return f"{SITE_NAME}, « {self.title} », {self.url}, version des données : {self.version}."

    def bibtex(self) -> str:
        year = self.version[:4] if self.version[:4].isdigit() else ""
        fields = [("title", _bib(self.title)), ("author", "{" + _bib(SITE_NAME) + "}"),
                  ("organization", _bib(SITE_NAME)), ("year", year), ("url", self.url),
                  ("note", "Version des données : " + _bib(self.version)), ("language", "french")]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
        return f"@misc{{{self.key},\n{body}\n}}\n"

    def ris(self) -> str:
        lines = ["TY  - ELEC", f"TI  - {self.title}", f"AU  - {SITE_NAME}", f"UR  - {self.url}",
                 f"DA  - {self.version.replace('-', '/')}" if self.version[:4].isdigit() else "",
                 f"PY  - {self.version[:4]}" if self.version[:4].isdigit() else "", "LA  - fr", "ER  - "]
        return "\n".join(line for line in lines if line) + "\n"

    def csl_json(self) -> str:
        item = {"id": self.key, "type": "webpage", "title": self.title, "container-title": SITE_NAME,
                "author": [{"literal": SITE_NAME}], "URL": self.url, "language": "fr"}
        if self.version[:4].isdigit():
            item["issued"] = {"date-parts": [[int(x) for x in self.version.split("-")]]}
        return json.dumps([item], ensure_ascii=False)


def _bib(value: str) -> str:
    """BibTeX-safe text: braces, backslashes and the specials `% & $ # _` escaped."""
    out = value.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")
    return re.sub(r"([%&$#_])", r"\\\1", out)


def fact_anchor(fact_id: str) -> str:
    """The stable anchor of a fact on a place page, as a "citer" link to itself (cite.js shows the
    fact's citation when it is followed)."""
    fid = markup.text(fact_id)
    return f'<a id="{fid}" class="atlas-cite-fact" href="#{fid}" title="Citer ce fait">citer</a>'


def page_title(markdown: str) -> str | None:
    """The title of a generated page: its front matter `title:` or its first `# ` heading."""
    match = re.search(r"^title: *(.+)$", markdown.split("\n---", 1)[0], re.M) if markdown.startswith("---") else None
    if match:
        try:
            return html.unescape(str(yaml.safe_load(match.group(1))))
        except yaml.YAMLError:
            return html.unescape(match.group(1).strip())
    heading = re.search(r"^# +(.+)$", markdown, re.M)
    return heading.group(1).strip() if heading else None


def cite_block(citation: Citation, files_stem: str) -> str:
    """The "Citer cette page" section: URL, version, text, and the three formats to copy or save.

    The formats sit in <pre> blocks (copy by hand or with the button); `cite.js` saves them as a
    file. All values are escaped: titles come from curated names and document headings.
    """
    blocks = []
    for label, ext, mime, body in (("BibTeX", "bib", "application/x-bibtex", citation.bibtex()),
                                   ("RIS", "ris", "application/x-research-info-systems", citation.ris()),
                                   ("CSL-JSON", "json", "application/vnd.citationstyles.csl+json",
                                    citation.csl_json())):
        blocks.append(
            f'<details class="atlas-cite-format"><summary>{label}</summary>\n'
            f'<pre class="atlas-cite-{ext}" data-filename="{markup.text(files_stem)}.{ext}" '
            f'data-mime="{mime}">{markup.text(body)}</pre>\n'
            f'<button type="button" class="md-button atlas-cite-save" hidden>Enregistrer {label}</button>\n'
            "</details>")
    return "\n".join([
        "", "## Citer cette page", "",
        '<div class="atlas-cite" data-search-exclude>',
        f'<p>Adresse permanente : <code class="atlas-permalink">{markup.text(citation.url)}</code><br>'
        "Version des données : "
        f'<time class="atlas-version">{markup.text(citation.version)}</time></p>',
        f'<p class="atlas-cite-text">{markup.text(citation.text())}</p>',
        *blocks,
        "</div>", "",
    ])


def with_citations(files: dict[str, str | bytes], site_url: str, version: str,
                   skip: Iterable[str] = ()) -> dict[str, str | bytes]:
    """Every generated Markdown page (but `skip`) with its citation block appended."""
    out = dict(files)
    for path, content in files.items():
        if not path.endswith(".md") or path in skip or not isinstance(content, str):
            continue
        title = page_title(content) or path
        url = site_url + path[:-3] + ".html"
        cite = Citation(title, url, version, path[:-3])
        out[path] = content.rstrip("\n") + "\n" + cite_block(cite, path[:-3].replace("/", "-"))
    return out
