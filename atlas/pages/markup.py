"""Safe building blocks for generated Markdown.

Corpus text and curated strings are untrusted: every piece of them goes through `text()` (for
HTML blocks) or `cell()` (for Markdown tables), so that markup, links or directives written in a
document come out as inert text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

#: Characters with a meaning in Markdown or its extensions, written as numeric entities in cells.
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~^=$:]")


def text(value: object) -> str:
    """Escape for HTML context (raw HTML blocks, attributes)."""
    return html.escape(str(value), quote=True)


def cell(value: object) -> str:
    """Escape for a Markdown table cell or inline Markdown: HTML and Markdown syntax both inert."""
    escaped = html.escape(" ".join(str(value).split()), quote=False)
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", escaped)


def link(label: object, href: str) -> str:
    """An HTML link with escaped label; `href` is produced by the atlas, never taken from a document."""
    return f'<a href="{text(href)}">{text(label)}</a>'


def front_matter(title: str, description: str | None = None, *, tags: Sequence[str] = ()) -> str:
    """YAML front matter; title and description are HTML-escaped because themes print them
    unescaped in <title>. `tags` go only into the search index (no tags plugin, so the page does
    not show them; search results print them as text), hence not escaped: "l'Altaï" must stay
    one searchable word, not "l&#x27;Altaï". Zensical prints tags at the page's foot (hidden
    by `hide: [tags]`)."""
    lines = ["---", f"title: {_yaml_str(html.escape(title, quote=False))}"]
    if description:
        lines.append(f"description: {_yaml_str(html.escape(description, quote=False))}")
    if tags:
        # Zensical prints a page's tags as chips at its foot unless the page hides them.
        lines += ["hide:", "  - tags", "tags:"]
        lines += [f"  - {_yaml_str(' '.join(tag.split()))}" for tag in tags]
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
