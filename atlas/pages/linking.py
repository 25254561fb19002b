"""Links inside article pages: each recognised place points to its page (first mention of each
place in a paragraph), and each fact drawn from a paragraph is listed under it."""

from __future__ import annotations

from atlas.corpus import Paragraph
from atlas.pages import markup
from atlas.pages.articles import INDEX
from atlas.pages.context import SiteData
from atlas.pages.places import format_value, indicator_text, period_text
from atlas.site_urls import page_url, relative


def first_mentions(data: SiteData, paragraph: Paragraph) -> list:
    """The first mention of each place with a page, in text order."""
    seen: set[str] = set()
    out = []
    for mention in sorted(data.mentions.get((paragraph.document, paragraph.id), []), key=lambda m: m.start):
        if mention.entity_id in data.paged and mention.entity_id not in seen:
            seen.add(mention.entity_id)
            out.append(mention)
    return out


def linked_renderer(data: SiteData):
    """A TextRenderer that escapes text and wraps first mentions in links to place pages."""

    def render(paragraph: Paragraph, segment: str, offset: int) -> str:
        end = offset + len(segment)
        pieces = []
        cursor = offset
        for mention in first_mentions(data, paragraph):
            if mention.start < cursor or mention.end > end:
                continue
            entity = data.gazetteer[mention.entity_id]
            pieces.append(markup.text(paragraph.text[cursor : mention.start]))
            href = relative(INDEX, page_url(entity))
            label = markup.text(paragraph.text[mention.start : mention.end])
            pieces.append(f'<a class="atlas-place" href="{href}" title="{markup.text(entity.name_fr)}">{label}</a>')
            cursor = mention.end
        pieces.append(markup.text(paragraph.text[cursor:end]))
        return "".join(pieces)

    return render


def facts_afterword(data: SiteData):
    """Under a paragraph, the partnerships and figures it supports, linked to the places' pages."""
    by_paragraph: dict[tuple[str, str], list[str]] = {}
    for fact in sorted(data.facts.partnerships, key=lambda f: f.id):
        parties = " ↔ ".join(_party(data, eid) for eid in (fact.by, fact.partner))
        year = f", {fact.year}" if fact.year else ""
        item = f"<li>{parties} : {markup.text(data.vocabulary.label('relation', fact.relation))}{year}</li>"
        by_paragraph.setdefault((fact.source.document, fact.source.paragraph), []).append(item)
    for figure in sorted(data.facts.figures, key=lambda f: f.id):
        places = " / ".join(_party(data, eid) for eid in (figure.subject, figure.counterpart) if eid)
        what = f"{indicator_text(data.vocabulary, figure)} : {format_value(data.vocabulary, figure)}"
        when = period_text(figure)
        item = f"<li>{places} — {markup.text(what)}{'' if when == '—' else ' (' + markup.text(when) + ')'}</li>"
        by_paragraph.setdefault((figure.source.document, figure.source.paragraph), []).append(item)

    def after(paragraph: Paragraph) -> str:
        items = by_paragraph.get((paragraph.document, paragraph.id))
        if not items:
            return ""
        return ('<details class="atlas-facts"><summary>Faits tirés de ce paragraphe</summary><ul>'
                + "".join(items) + "</ul></details>")

    return after


def _party(data: SiteData, eid: str) -> str:
    entity = data.gazetteer[eid]
    if eid not in data.paged:
        return markup.text(entity.name_fr)
    return f'<a href="{relative(INDEX, page_url(entity))}">{markup.text(entity.name_fr)}</a>'
