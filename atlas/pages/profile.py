"""The "En bref" card at the top of a place page: who its partners are (by country, as a small
chart), since when (first and latest agreement), what the main numbers say, and how it compares
with the other Belarusian regions. Every statement links to its source."""

from __future__ import annotations

from collections import Counter

from atlas.facts import Figure, Partnership
from atlas.gazetteer import Entity
from atlas.pages import french, markup
from atlas.pages.charts import series_chart
from atlas.pages.context import SiteData, sort_key
from atlas.pages.phrasing import describe_figure, format_value, link_to, period_text, source_link
from atlas.pages.place_tables import group_key, other_side

#: How many countries the card's chart shows (the rest are summed as "autres").
TOP = 6
#: Units a reader grasps at once: money first, then counts.
KEY_UNITS = ("millions_usd", "millions_eur", "millions_rub", "entreprises", "projets", "accords")


def belarus_parties(data: SiteData) -> list[str]:
    """The six regions and Minsk, the units every Belarusian comparison uses."""
    return sorted((r.id for r in data.gazetteer.children(data.gazetteer.home) if r.kind == "region"),
                  key=lambda r: sort_key(data.gazetteer[r].name_fr))


def partner_chart(data: SiteData, entity: Entity, facts: list[Partnership]) -> str:
    counts = Counter(group_key(data, entity, f) for f in facts)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], sort_key(data.gazetteer[kv[0]].name_fr)))
    points = [(french.capital(data.gazetteer[k].name_fr), float(n)) for k, n in ranked[:TOP]]
    rest = sum(n for _, n in ranked[TOP:])
    if rest:
        points.append((f"{len(ranked) - TOP} autres", float(rest)))
    foreign = entity.kind == "pays" and not data.gazetteer.is_home(entity.id)
    title = "Partenariats par partie biélorusse" if foreign else "Partenariats par pays partenaire"
    return series_chart(title, points)


def dated_line(data: SiteData, entity: Entity, label: str, fact: Partnership, path: str) -> str:
    own, other = other_side(data, entity, fact)
    who = link_to(data, other, path)
    if own != entity.id:
        who += f" ({link_to(data, own, path)})"
    relation = data.vocabulary.label("relation", fact.relation)
    source = source_link(data, fact.source.document, fact.source.paragraph, path, fact.source.quote)
    return f"- **{label} :** {fact.year}, {relation} avec {who} — {source}"


def key_figures(data: SiteData, entity: Entity, figures: list[Figure], path: str, limit: int = 3) -> list[str]:
    """The most telling figures: levels in money or counts, the latest first."""
    own = [f for f in figures if f.measure == "niveau" and f.unit in KEY_UNITS and f.indicator != "autre"
           and f.origin == "verifie" and (f.subject == entity.id or f.subject == data.gazetteer.home)]
    own.sort(key=lambda f: (KEY_UNITS.index(f.unit) > 2, -(int((f.period_end or f.period_start or "0")[:4]))))
    out, seen = [], set()
    for fig in own:
        if fig.indicator in seen:
            continue
        seen.add(fig.indicator)
        when = period_text(fig)
        out.append(f"- **{markup.cell(describe_figure(data, entity, fig))} :** "
                   f"{markup.cell(format_value(data.vocabulary, fig))}"
                   f"{'' if when == '—' else ' (' + markup.cell(when) + ')'} — "
                   f"{source_link(data, fig.source.document, fig.source.paragraph, path, fig.source.quote)}")
        if len(out) == limit:
            break
    return out


def comparison(data: SiteData, entity: Entity) -> str:
    """Rank among the Belarusian regions (for them) or among partner countries (for a country)."""
    if entity.kind == "region" and data.gazetteer.is_home(entity.id):
        peers = belarus_parties(data)
        what = f"parmi les {len(peers)} régions du Bélarus (Minsk comprise)"
    elif entity.kind == "pays" and not data.gazetteer.is_home(entity.id):
        peers = sorted({data.gazetteer.country_of(p.partner) for p in data.facts.partnerships})
        what = f"parmi les {len(peers)} pays partenaires"
    else:
        return ""
    counts = {p: len(data.partnerships_of(p)) for p in peers}
    mine = counts.get(entity.id, 0)
    rank = 1 + sum(1 for n in counts.values() if n > mine)
    first = "1er" if rank == 1 else f"{rank}e"
    average = sum(counts.values()) / len(counts)
    return (f"- **Comparaison :** {first}{french.NBSP}{what} par nombre de partenariats "
            f"({mine} contre {french.number(round(average, 1))} en moyenne).")


def profile_card(data: SiteData, entity: Entity, path: str) -> list[str]:
    facts = data.partnerships_of(entity.id)
    figures = data.figures_of(entity.id)
    lines: list[str] = []
    if facts:
        partners = {other_side(data, entity, f)[1] for f in facts}
        found = french.plural(len(facts), "partenariat relevé", "partenariats relevés")
        if entity.kind == "pays" and not data.gazetteer.is_home(entity.id):
            own = {other_side(data, entity, f)[0] for f in facts}
            belarusian = french.plural(len(partners), "partie biélorusse", "parties biélorusses")
            lines.append(f"- **{found}** dans les sources, entre {french.plural(len(own), 'lieu', 'lieux')} "
                         f"{data.of(entity.id)} et {belarusian}.")
        else:
            countries = {data.gazetteer.country_of(p) for p in partners}
            lines.append(f"- **{french.plural(len(partners), 'partenaire')}** "
                         f"dans {french.plural(len(countries), 'pays', 'pays')}, {found} dans les sources.")
        dated = sorted((f for f in facts if f.year), key=lambda f: (f.year, f.id))
        if dated:
            lines.append(dated_line(data, entity, "Premier accord daté", dated[0], path))
            if dated[-1] is not dated[0]:
                lines.append(dated_line(data, entity, "Le plus récent", dated[-1], path))
        compare = comparison(data, entity)
        if compare:
            lines.append(compare)
    else:
        lines.append("- Aucun partenariat relevé dans les sources.")
    lines += key_figures(data, entity, figures, path)
    chart = partner_chart(data, entity, facts) if len(facts) > 1 else ""
    out = ['<div class="atlas-bref" markdown>', "", "**En bref**", "", *lines, ""]
    if chart:
        out += [chart]
    return out + ["</div>", ""]
