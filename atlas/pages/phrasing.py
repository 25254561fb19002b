"""How pages say a fact: links to places and sources, figures in words (indicator, unit, period)."""

from __future__ import annotations

from atlas.facts import Figure
from atlas.gazetteer import Entity
from atlas.pages import french, markup
from atlas.pages.context import SiteData
from atlas.site_urls import article_path, page_path, relative
from atlas.vocabulary import Vocabulary


def link_to(data: SiteData, eid: str, from_path: str, start: bool = False) -> str:
    """Markdown link to a place page, or its plain name when it has no page; `start` capitalises
    the name where it opens a table cell or a list item."""
    entity = data.gazetteer[eid]
    name = french.capital(entity.name_fr) if start else entity.name_fr
    if eid not in data.paged:
        return markup.cell(name)
    return f"[{markup.cell(name)}]({relative(from_path, page_path(entity))})"


def source_link(data: SiteData, document: str, paragraph: str, from_path: str, quote: str = "") -> str:
    """Link to the exact paragraph; the verbatim quote shows on hover (link title)."""
    article, _ = data.paragraph(document, paragraph)
    target = relative(from_path, article_path(article))
    # cell() makes `)`, `|` and `]` inert (they ended the link or split the table row); `"` ends the title
    title = f' "{markup.cell(quote).replace(chr(34), "&quot;")}"' if quote else ""
    label = f"art.{french.NBSP}{article.number}, §{french.NBSP}{paragraph[2:]}"
    return f"[{label}]({target}#{paragraph}{title})"


def unverified(words: Vocabulary, origin: str) -> str:
    """The warning an automatic fact carries on every surface until a curator reviews it ('' if verified)."""
    return "" if origin == "verifie" else words.label("origin", origin)


def format_value(words: Vocabulary, figure: Figure) -> str:
    """"près de 4,5 %", "plus de 155 M$", "1,5 fois" — units held to their number."""
    term = words.term("unit", figure.unit)
    if term.ordinal:
        return french.ordinal(int(figure.value))
    value = french.number(figure.value)
    qualifier = words.label("qualifier", figure.qualifier) if figure.qualifier else ""
    unit = words.term("unit", figure.unit).with_number
    text = f"{value}{french.NBSP}{unit}" if unit else value
    return f"{qualifier} {text}".strip()


def indicator_text(words: Vocabulary, figure: Figure) -> str:
    """"Exportations (croissance)": the indicator, and its measure unless it is a plain level."""
    measure = words.label("measure", figure.measure)
    return words.label("indicator", figure.indicator) + (f" ({measure})" if measure else "")


def period_text(figure: Figure) -> str:
    return french.period(figure.period_start, figure.period_end)


def describe_figure(data: SiteData, entity: Entity, figure: Figure) -> str:
    """What is measured, of what and with whom, in words: "Exportations avec la Chine (croissance)",
    "Chiffre d'affaires commercial de la région de Grodno"; automatic figures say so."""
    words = data.vocabulary
    text = words.label("indicator", figure.indicator)
    if figure.counterpart and figure.subject == entity.id:
        other = data.gazetteer[figure.counterpart]
        country = other.id if other.kind == "pays" else None
        text += " avec " + french.the(other.name_fr, data.grammar.article(other.name_fr, country))
    elif figure.subject != entity.id:
        text += " " + data.of(figure.subject)
    measure = words.label("measure", figure.measure)
    text += f" ({measure})" if measure else ""
    warning = unverified(words, figure.origin)
    return text + (f" ({warning})" if warning else "")
