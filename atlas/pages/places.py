"""Place pages: one per country, region and partner city, answering at a glance who the place
is, who its partners are since when, what the numbers say, and where the source says so."""

from __future__ import annotations

from atlas.facts import Figure, Partnership
from atlas.gazetteer import Entity
from atlas.pages import french, markup
from atlas.pages.charts import series_chart
from atlas.pages.context import SiteData, fold, group_by
from atlas.site_urls import article_path, page_path, page_url, place_csv_path, relative
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


def title_of(entity: Entity) -> str:
    """Display names start lower case in running text ("région de Grodno"); titles take a capital."""
    return entity.name_fr[:1].upper() + entity.name_fr[1:]


def search_names(entity: Entity) -> list[str]:
    """Every spelling a reader may type: French, aliases (the corpus's spellings), English,
    Russian, each without accents too (lunr does not fold accents), and the ISO code."""
    names = [entity.name_fr, *entity.aliases, entity.name_en, entity.name_ru]
    names += [fold(n) for n in names]
    if entity.iso:
        names.append(entity.iso)
    return list(dict.fromkeys(" ".join(n.split()) for n in names if n and n.strip()))


def names_line(entity: Entity) -> str:
    """Every other name in one visible line, so readers see which spellings find this page."""
    others = [n for n in search_names(entity) if n != entity.name_fr]
    return '<p class="atlas-aliases">Autres noms et graphies : ' + markup.text(" · ".join(others)) + "</p>"


def identity_line(data: SiteData, entity: Entity, path: str) -> str:
    parts = [f"**{data.vocabulary.label('kind', entity.kind)}**"]
    parents = data.gazetteer.ancestors(entity.id)
    if parents:
        parts.append("de " + ", ".join(link_to(data, p, path) for p in parents))
    if entity.iso:
        parts.append(f"· code ISO : `{entity.iso}`")
    return " ".join(parts)


def _fact_cells(data: SiteData, fact: Partnership, path: str, notes: list[str]) -> str:
    """The cells every partners table ends with: relation, year, status, source; a curator's
    note becomes a numbered remark under the table."""
    warning = unverified(data.vocabulary, fact.origin)
    auto = f" *({warning})*" if warning else ""
    source = source_link(data, fact.source.document, fact.source.paragraph, path, fact.source.quote)
    words = data.vocabulary
    return (f"{french.capital(words.label('relation', fact.relation))}{auto}{_note_mark(fact.note, notes)} | "
            f"{fact.year or '—'} | {words.label('status', fact.status)} | {source} |")


def unverified(words: Vocabulary, origin: str) -> str:
    """The warning an automatic fact carries on every surface until a curator reviews it ('' if verified)."""
    return "" if origin == "verifie" else words.label("origin", origin)


def _note_mark(note: str | None, notes: list[str]) -> str:
    if not note:
        return ""
    notes.append(note)
    return f" <sup>({len(notes)})</sup>"


def remarks(notes: list[str]) -> list[str]:
    """The curators' notes on the rows above (interpretation, doubts), numbered."""
    if not notes:
        return []
    return ["", "Remarques :", ""] + [f"{i}. {markup.cell(n)}" for i, n in enumerate(notes, start=1)]


def partners_table(data: SiteData, entity: Entity, facts: list[Partnership], path: str) -> list[str]:
    if not facts:
        return ["Aucun partenariat relevé dans les sources."]
    rows = ["| Partenaire | Relation | Année | Statut | Source |", "|---|---|---|---|---|"]
    notes: list[str] = []
    for fact in sorted(facts, key=lambda f: (f.year or 9999, f.id)):
        other = fact.partner if fact.by == entity.id else fact.by
        side = "" if fact.by == entity.id or fact.partner == entity.id else f" ({link_to(data, fact.by, path)})"
        rows.append(f"| {link_to(data, other, path, start=True)}{side} | {_fact_cells(data, fact, path, notes)}")
    return rows + remarks(notes)


def regional_table(data: SiteData, facts: list[Partnership], path: str) -> list[str]:
    """A country's regions and cities with their Belarusian partners (each also on its own page)."""
    rows = ["| Région ou ville | Partie biélorusse | Relation | Année | Statut | Source |", "|---|---|---|---|---|---|"]
    notes: list[str] = []
    for fact in sorted(facts, key=lambda f: (fold(data.gazetteer[f.partner].name_fr), f.year or 9999, f.id)):
        rows.append(f"| {link_to(data, fact.partner, path, start=True)} | {link_to(data, fact.by, path, start=True)} | "
                    f"{_fact_cells(data, fact, path, notes)}")
    return rows + remarks(notes)


def format_value(words: Vocabulary, figure: Figure) -> str:
    """"près de 4,5 %", "plus de 155 M$", "1,5 fois" — units held to their number."""
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


def figures_table(data: SiteData, entity: Entity, figures: list[Figure], path: str) -> list[str]:
    rows = ["| Indicateur | Valeur | Période | Avec | Citation | Source |", "|---|---|---|---|---|---|"]
    notes: list[str] = []
    for fig in sorted(figures, key=lambda f: (f.indicator, f.measure, f.period_start or "", f.id)):
        other = fig.counterpart if fig.subject == entity.id else fig.subject
        with_text = link_to(data, other, path, start=True) if other else "—"
        label = indicator_text(data.vocabulary, fig)
        warning = unverified(data.vocabulary, fig.origin)
        label += f" ({warning})" if warning else ""
        rows.append(
            f"| {markup.cell(label)}{_note_mark(fig.note, notes)} | "
            f"{markup.cell(format_value(data.vocabulary, fig))} | "
            f"{markup.cell(period_text(fig))} | "
            f"{with_text} | « {markup.cell(fig.source.quote)} » | "
            f"{source_link(data, fig.source.document, fig.source.paragraph, path)} |"
        )
    return rows + remarks(notes)


def charts(words: Vocabulary, entity: Entity, figures: list[Figure]) -> list[str]:
    """A small chart for each series (same indicator, unit and counterpart over several periods)."""
    out = []
    series = group_by(
        [f for f in figures if f.subject == entity.id and f.measure == "niveau" and f.period_start],
        lambda f: (f.indicator, f.unit, f.counterpart),
    )
    for (indicator, unit, _), items in sorted(series.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")):
        points = sorted({(f.period_start, f.period_end): f for f in items}.values(), key=lambda f: f.period_start)
        if len(points) < 2 or len({period_text(p) for p in points}) < 2:
            continue
        title = f"{words.label('indicator', indicator)} ({words.term('unit', unit).symbol})"
        out.append(series_chart(title, [(period_text(p), p.value) for p in points]))
    return out


def twin_cities(data: SiteData, entity: Entity, path: str) -> list[str]:
    """Twinnings of the cities of a region (or of the city itself)."""
    members = {entity.id} | {c.id for c in data.gazetteer.children(entity.id)}
    rows = []
    for fact in data.facts.partnerships:
        if fact.relation == "jumelage" and (fact.by in members or fact.partner in members):
            rows.append(f"- {link_to(data, fact.by, path, start=True)} ↔ {link_to(data, fact.partner, path)}"
                        f"{f' ({fact.year})' if fact.year else ''}")
    return sorted(set(rows))


def other_places(data: SiteData, entity: Entity, path: str) -> list[str]:
    """Cities and districts of this region without their own page, with where they are named."""
    rows = []
    for child in data.gazetteer.children(entity.id):
        if child.kind not in ("ville", "district") or child.id in data.paged:
            continue
        mentions = data.mentions_of(child.id)
        if not mentions:
            continue
        links = ", ".join(
            f"[§{p.id[2:]}]({relative(path, article_path(a))}#{p.id})" for a, p, _ in mentions[:8]
        )
        rows.append(f"- **{markup.cell(child.name_fr)}** — mentionnée : {links}")
    return rows


def _word_window(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen an excerpt to whole words, so that it never starts or ends inside a word."""
    start, end = max(0, start), min(len(text), end)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


#: Mentions shown with an excerpt; the others are listed as paragraph links, one line per article,
#: so that a page cited in thousands of paragraphs stays readable (and does not grow as fast).
EXCERPTS = 30


def mention_list(data: SiteData, entity: Entity, path: str) -> list[str]:
    rows = []
    rest: dict[str, tuple[object, list[str]]] = {}
    for n, (article, paragraph, mention) in enumerate(data.mentions_of(entity.id)):
        target = f"{relative(path, article_path(article))}#{paragraph.id}"
        if n >= EXCERPTS:
            rest.setdefault(article.id, (article, []))[1].append(f"[§{paragraph.id[2:]}]({target})")
            continue
        start, end = _word_window(paragraph.text, mention.start - 90, mention.end + 110)
        excerpt = ("…" if start else "") + paragraph.text[start:end] + ("…" if end < len(paragraph.text) else "")
        rows.append(f"- [{markup.cell(article.title)}, §{paragraph.id[2:]}]({target}) : « {markup.cell(excerpt)} »")
    if rest:
        count = sum(len(links) for _, links in rest.values())
        rows += ["", f"Autres mentions ({french.plural(count, 'paragraphe')}) :", ""]
        rows += [f"- {markup.cell(article.title)} : {', '.join(links)}" for article, links in rest.values()]
    return rows or ["Aucune mention relevée."]


def place_page(data: SiteData, entity: Entity, map_block: str = "") -> str:
    path = page_path(entity)
    partnerships = data.partnerships_of(entity.id)
    figures = data.figures_of(entity.id)
    mentions = data.mentions_of(entity.id)
    partners = {p.partner if p.by == entity.id else p.by for p in partnerships}
    # Names as search tags (weighted above titles in Material's index) put a place's page first
    # for any of its spellings, ahead of articles that merely repeat the name.
    kind = data.vocabulary.label("kind", entity.kind)
    out = [markup.front_matter(title_of(entity), f"{kind} — {data.vocabulary.phrases['site_title']}",
                               tags=search_names(entity))]
    out += [f"# {markup.cell(title_of(entity))}", "", names_line(entity), "", identity_line(data, entity, path), ""]
    summary = [f"{french.plural(len(partnerships), 'partenariat')} avec {french.plural(len(partners), 'partenaire')}"]
    if entity.kind == "pays" and entity.id != data.gazetteer.home:
        inside = sum(1 for p in data.facts.partnerships
                     if data.gazetteer[p.partner].country == entity.id and p.partner != entity.id)
        summary.append(f"{french.plural(inside, 'partenariat')} de ses régions et villes")
    summary += [french.plural(len(figures), "chiffre"),
                f"cité dans {french.plural(len(mentions), 'paragraphe')} des sources"]
    out.append(" · ".join(summary) + ".")
    out.append("")
    if entity.kind == "pays":
        out += country_regions(data, entity, path)
    if map_block:
        out += ["## Carte", "", map_block, ""]
    out += ["## Partenaires", ""] + partners_table(data, entity, partnerships, path) + [""]
    if entity.kind == "pays" and entity.id != data.gazetteer.home:
        inside = [p for p in data.facts.partnerships
                  if data.gazetteer[p.partner].country == entity.id and p.partner != entity.id]
        if inside:
            out += ["## Partenariats de ses régions et villes", ""]
            out += regional_table(data, inside, path) + [""]
    if partnerships:
        out += [f"[Télécharger ces partenariats (CSV)]({relative(path, place_csv_path(entity))})", ""]
    if figures:
        out += ["## Chiffres", ""] + figures_table(data, entity, figures, path) + [""]
        out += charts(data.vocabulary, entity, figures)
    twins = twin_cities(data, entity, path)
    if twins:
        out += ["## Villes jumelles", ""] + twins + [""]
    others = other_places(data, entity, path)
    if others:
        out += ["## Autres villes et districts mentionnés", ""] + others + [""]
    out += ["## Mentions dans les sources", ""] + mention_list(data, entity, path) + [""]
    out += cite_block(data, entity)
    return "\n".join(out) + "\n"


def country_regions(data: SiteData, entity: Entity, path: str) -> list[str]:
    regions = [r for r in data.gazetteer.children(entity.id) if r.id in data.paged]
    if not regions:
        return []
    links = [f"- {link_to(data, r.id, path, start=True)} "
             f"({french.plural(len(data.partnerships_of(r.id)), 'partenariat')})" for r in regions]
    return ["## Régions", ""] + links + [""]


def cite_block(data: SiteData, entity: Entity) -> list[str]:
    url = page_url(entity)
    return [
        "## Citer cette page", "",
        '<div class="atlas-cite" markdown>',
        f"{data.vocabulary.phrases['site_title']}, « {markup.cell(title_of(entity))} », `{url}` "
        f"(adresse relative à la racine du site), version des données : {markup.cell(data.version)}.",
        "</div>", "",
    ]


def place_pages(data: SiteData, map_blocks: dict[str, str] | None = None) -> dict[str, str]:
    """Docs-relative path → Markdown for every place that gets a page."""
    blocks = map_blocks or {}
    return {page_path(data.gazetteer[eid]): place_page(data, data.gazetteer[eid], blocks.get(eid, ""))
            for eid in sorted(data.paged)}
