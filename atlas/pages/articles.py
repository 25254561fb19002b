"""Article pages: the source articles as readable pages with one anchor per paragraph."""

from __future__ import annotations

from collections.abc import Callable

from atlas.corpus import Article, Corpus, Paragraph
from atlas.pages import markup
from atlas.site_urls import article_path, sibling

#: Renders a paragraph's text (already split around footnotes) as HTML; the default only escapes.
TextRenderer = Callable[[Paragraph, str, int], str]
#: HTML shown after a paragraph (the facts drawn from it); the default shows nothing.
Afterword = Callable[[Paragraph], str]
INDEX = "articles/index.md"


def plain_renderer(paragraph: Paragraph, text: str, offset: int) -> str:
    return markup.text(text)


def render_paragraph(paragraph: Paragraph, render: TextRenderer = plain_renderer) -> str:
    """One paragraph as an HTML block with its anchor and discreet footnote markers."""
    pieces: list[str] = []
    cursor = 0
    for note in paragraph.footnotes:
        pieces.append(render(paragraph, paragraph.text[cursor : note.offset], cursor))
        pieces.append(f'<sup class="atlas-fn" title="note {note.number} de la source">{note.number}</sup>')
        cursor = note.offset
    pieces.append(render(paragraph, paragraph.text[cursor:], cursor))
    body = "".join(pieces)
    anchor = f'<a class="atlas-anchor" href="#{paragraph.id}" title="Lien vers ce paragraphe">¶</a>'
    lines = f"lignes {paragraph.line_start}–{paragraph.line_end}"
    if paragraph.heading:
        return f'<h2 id="{paragraph.id}" class="atlas-para" title="{lines}">{body}</h2>'
    return f'<p id="{paragraph.id}" class="atlas-para" title="{lines}">{body} {anchor}</p>'


def no_afterword(paragraph: Paragraph) -> str:
    return ""


def article_page(
    article: Article, doc_title: str, render: TextRenderer = plain_renderer, after: Afterword = no_afterword
) -> str:
    parts = [markup.front_matter(article.title), f"# {markup.cell(article.title)}\n"]
    parts.append(
        f'<p class="atlas-source">Source : {markup.text(doc_title)} — document '
        f"<code>{markup.text(article.document)}</code>, lignes {article.line_start}–{article.line_end}. "
        "Texte nettoyé (voir la méthodologie) ; les numéros en exposant sont les notes de la source.</p>\n"
    )
    for paragraph in article.paragraphs:
        parts.append(render_paragraph(paragraph, render) + "\n")
        extra = after(paragraph)
        if extra:
            parts.append(extra + "\n")
    return "\n".join(parts)


def articles_index(corpus: Corpus) -> str:
    parts = [markup.front_matter("Articles"), "# Articles\n", "Les articles des documents sources.\n"]
    for doc in corpus.documents:
        parts.append(f"## {markup.cell(doc.title)}\n")
        parts.append(
            f"Document `{doc.id}` — {markup.cell(doc.date_span)} — "
            f"langue : {markup.cell(language_name(doc.language))}\n"
        )
        for article in doc.articles:
            target = sibling(INDEX, article_path(article))
            parts.append(f"- [{markup.cell(article.title)}]({target})")
        parts.append("")
    return "\n".join(parts) + "\n"


LANGUAGES = {"fr": "français", "ru": "russe", "en": "anglais"}


def language_name(code: str) -> str:
    """"fr" → "français"; a longer description from the metadata is kept as it is."""
    head, _, rest = code.partition(" ")
    return LANGUAGES.get(head, head) + (f" {rest}" if rest else "")


def article_pages(
    corpus: Corpus, render: TextRenderer = plain_renderer, after: Afterword = no_afterword
) -> dict[str, str]:
    """Docs-relative path → Markdown, for every article and the articles index."""
    pages = {INDEX: articles_index(corpus)}
    for doc in corpus.documents:
        for article in doc.articles:
            pages[article_path(article)] = article_page(article, doc.title, render, after)
    return pages
