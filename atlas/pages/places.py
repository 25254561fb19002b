"""Place pages: one per country, region and partner city, answering at a glance who the place
is, who its partners are since when, what the numbers say, and where the source says so."""

from __future__ import annotations

from atlas.facts import Figure
from atlas.gazetteer import Entity
from atlas.pages import french, markup
from atlas.pages.charts import series_chart
from atlas.pages.context import SiteData, fold, group_by, sort_key
from atlas.pages.phrasing import (  # noqa: F401 - re-exported for the other page modules
    describe_figure,
    format_value,
    indicator_text,
    link_to,
    period_text,
    source_link,
    unverified,
)
from atlas.pages.place_tables import comparable, figures_section, fold_block, partners_section
from atlas.pages.profile import profile_card
from atlas.site_urls import article_path, page_path, place_csv_path, place_figures_csv_path, relative
from atlas.vocabulary import Vocabulary

#: Mentions shown open; the rest fold under "more".
MENTIONS_OPEN = 5


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


def search_boost(entity: Entity, home: str) -> float | None:
    """Material's per-page search weight (`search: boost:`). A country's name is a word of its
    regions' names ("Kazakhstan-Méridional") and its code the first word of theirs ("KZ-61" is
    indexed as "kz" and "61"): country pages weigh double, so "KZ" finds Kazakhstan first.
    Belarus's regions weigh a little more than other places, so that their names with French
    stop words stay ahead of countries. Both weights measured with `make eval` (all names and
    codes); weighing Belarus's regions 2 pushed Heilongjiang's Chinese names out of the first five."""
    if entity.kind == "pays":
        return 2.0
    if entity.kind == "region" and entity.country == home:
        return 1.3
    return None


def names_line(entity: Entity) -> str:
    """Every other name in one visible line, so readers see which spellings find this page."""
    others = [n for n in search_names(entity) if n != entity.name_fr]
    return '<p class="atlas-aliases">Autres noms et graphies\u00a0: ' + markup.text(" · ".join(others)) + "</p>"


def identity_line(data: SiteData, entity: Entity, path: str) -> str:
    """"Région du Bélarus", "Ville de la région de Moguilev (Bélarus)", "Pays" — and the ISO code."""
    kind = data.vocabulary.label("kind", entity.kind)
    parents = data.gazetteer.ancestors(entity.id)
    words = f"**{kind}**"
    if parents:
        near = parents[0]
        words += " " + _linked_of(data, near, path)
        if len(parents) > 1:
            words += f" ({', '.join(link_to(data, p, path) for p in parents[1:])})"
    if entity.iso:
        words += f" · code ISO{french.NBSP}: `{entity.iso}`"
    return words


def _linked_of(data: SiteData, eid: str, path: str) -> str:
    """"du [Bélarus](…)", "de la [région de Moguilev](…)": the preposition outside the link."""
    name = data.gazetteer[eid].name_fr
    phrase = data.of(eid)
    prefix = phrase[: len(phrase) - len(name)] if phrase.endswith(name) else phrase + " "
    return prefix + link_to(data, eid, path)


def charts(words: Vocabulary, entity: Entity, figures: list[Figure]) -> list[str]:
    """A chart for each comparable series only: same indicator, measure, unit and counterpart,
    every point the same kind of period (whole years, or the same months of each year)."""
    out = []
    series = group_by(
        [f for f in figures if f.subject == entity.id and f.period_start],
        lambda f: (f.indicator, f.measure, f.unit, f.counterpart),
    )
    for (indicator, measure, unit, _), items in sorted(series.items(), key=lambda kv: tuple(x or "" for x in kv[0])):
        points = sorted({(f.period_start, f.period_end): f for f in items}.values(), key=lambda f: f.period_start)
        if len(points) < 2 or len({period_text(p) for p in points}) < 2 or not comparable(points):
            continue
        measured = words.label("measure", measure)
        title = (f"{words.label('indicator', indicator)}{' (' + measured + ')' if measured else ''}, "
                 f"en {words.term('unit', unit).doc}")
        out.append(series_chart(title, [(period_text(p), p.value) for p in points],
                                [format_value(words, p) for p in points]))
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
    if not rows:
        return ["Aucune mention relevée."]
    more = [f"- {markup.cell(article.title)} : {', '.join(links)}" for article, links in rest.values()]
    if len(rows) <= MENTIONS_OPEN and not more:
        return rows
    count = len(rows) - MENTIONS_OPEN + sum(len(links) for _, links in rest.values())
    return rows[:MENTIONS_OPEN] + [""] + fold_block(f"Autres mentions ({french.plural(count, 'paragraphe')})",
                                                     rows[MENTIONS_OPEN:] + ([""] if more else []) + more, False)


def place_page(data: SiteData, entity: Entity, map_block: str = "") -> str:
    path = page_path(entity)
    partnerships = data.partnerships_of(entity.id)
    figures = data.figures_of(entity.id)
    # Names as search tags (weighted above titles in Material's index) put a place's page first
    # for any of its spellings, ahead of articles that merely repeat the name.
    kind = data.vocabulary.label("kind", entity.kind)
    out = [markup.front_matter(title_of(entity), f"{kind} — {data.vocabulary.phrases['site_title']}",
                               tags=search_names(entity), boost=search_boost(entity, data.gazetteer.home))]
    out += [f"# {markup.cell(title_of(entity))}", "", identity_line(data, entity, path), ""]
    out += profile_card(data, entity, path)
    if entity.kind == "pays":
        out += country_regions(data, entity, path)
    if map_block:
        out += ["## Carte", "", map_block, ""]
    out += ["## Partenaires", ""]
    if len(partnerships) != len(data.own_partnerships(entity.id)):
        out += [f"Partenariats {data.of(entity.id)} et des lieux qui en font partie "
                "(une ville compte pour sa région et son pays).", ""]
    out += partners_section(data, entity, partnerships, path)
    if partnerships:
        out += [f"[Télécharger ces partenariats (CSV)]({relative(path, place_csv_path(entity))})", ""]
    if figures:
        out += ["## Chiffres", ""]
        out += charts(data.vocabulary, entity, figures)
        out += figures_section(data, entity, figures, path)
        out += [f"[Télécharger ces chiffres (CSV)]({relative(path, place_figures_csv_path(entity))})", ""]
    twins = twin_cities(data, entity, path)
    if twins:
        out += ["## Villes jumelles", ""] + twins + [""]
    others = other_places(data, entity, path)
    if others:
        out += ["## Autres villes et districts mentionnés", ""] + others + [""]
    out += ["## Mentions dans les sources", ""] + mention_list(data, entity, path) + [""]
    out += ["## Autres noms", "", names_line(entity), ""]
    return "\n".join(out) + "\n"


def country_regions(data: SiteData, entity: Entity, path: str) -> list[str]:
    """The country's regions that have partnerships (those merely named are in the mentions)."""
    regions = [(r, len(data.partnerships_of(r.id))) for r in data.gazetteer.children(entity.id) if r.id in data.paged]
    regions = sorted([(r, n) for r, n in regions if n], key=lambda rn: sort_key(rn[0].name_fr))
    if not regions:
        return []
    links = [f"- {link_to(data, r.id, path, start=True)} ({french.plural(n, 'partenariat')})" for r, n in regions]
    return ["## Régions", ""] + fold_block(f"{french.plural(len(regions), 'région')} avec des partenariats",
                                           links, len(regions) <= 8)


def place_pages(data: SiteData, map_blocks: dict[str, str] | None = None) -> dict[str, str]:
    """Docs-relative path → Markdown for every place that gets a page."""
    blocks = map_blocks or {}
    return {page_path(data.gazetteer[eid]): place_page(data, data.gazetteer[eid], blocks.get(eid, ""))
            for eid in sorted(data.paged)}
