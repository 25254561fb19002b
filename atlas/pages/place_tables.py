"""The long sections of a place page, made readable: partners grouped (by partner country, or by
Belarusian party on a foreign country's page), French alphabetical order, groups folded into
`<details>` when the page is long, and each public remark written once per group."""

from __future__ import annotations

from atlas.citation import fact_anchor
from atlas.facts import Figure, Partnership
from atlas.gazetteer import Entity
from atlas.pages import french, markup
from atlas.pages.context import SiteData, group_by, sort_key
from atlas.pages.phrasing import describe_figure, format_value, link_to, period_text, source_link

#: Pages with at most this many partnerships (figures) show their groups open; longer ones fold them.
OPEN_ROWS = 12
OPEN_FIGURES = 4


class Remarks:
    """Public remarks of one table, each written once and numbered in order of first use."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def mark(self, remark: str | None) -> str:
        if not remark:
            return ""
        if remark not in self.texts:
            self.texts.append(remark)
        return f" <sup>({self.texts.index(remark) + 1})</sup>"

    def lines(self) -> list[str]:
        if not self.texts:
            return []
        return ["", "Remarques :", ""] + [f"{i}. {markup.cell(t)}" for i, t in enumerate(self.texts, start=1)]


def fold_block(summary: str, body: list[str], open_: bool) -> list[str]:
    """A `<details>` block whose body is Markdown (tables, lists)."""
    attr = " open" if open_ else ""
    return [f'<details class="atlas-group" markdown{attr}>', f"<summary>{summary}</summary>", "", *body, "",
            "</details>", ""]


def other_side(data: SiteData, entity: Entity, fact: Partnership) -> tuple[str, str]:
    """(the party on this page's side, the other party) of a partnership of the place."""
    if data.within(fact.by, entity.id) and not data.within(fact.partner, entity.id):
        return fact.by, fact.partner
    return fact.partner, fact.by


def group_key(data: SiteData, entity: Entity, fact: Partnership) -> str:
    """Partners are grouped by their country; on a foreign country's page, by Belarusian party
    (the region, or the country for national agreements)."""
    _, other = other_side(data, entity, fact)
    if entity.kind == "pays" and not data.gazetteer.is_home(entity.id):
        return data.gazetteer.region_of(other) or data.gazetteer.home
    return data.gazetteer.country_of(other)


def relation_words(data: SiteData, fact: Partnership) -> str:
    """"Accord de coopération", "Mémorandum (en projet)", plus the warning of automatic facts."""
    words = data.vocabulary
    text = french.capital(words.label("relation", fact.relation))
    if fact.status != "signe":
        text += f" ({words.label('status', fact.status)})"
    warning = "" if fact.origin == "verifie" else words.label("origin", fact.origin)
    return text + (f" *({warning})*" if warning else "")


def partners_section(data: SiteData, entity: Entity, facts: list[Partnership], path: str) -> list[str]:
    if not facts:
        return ["Aucun partenariat relevé dans les sources.", ""]
    groups = group_by(facts, lambda f: group_key(data, entity, f))
    open_ = len(facts) <= OPEN_ROWS
    out: list[str] = []
    for key in sorted(groups, key=lambda k: (-len(groups[k]), sort_key(data.gazetteer[k].name_fr))):
        items = groups[key]
        show_side = any(other_side(data, entity, f)[0] != entity.id for f in items)
        head = "| Partenaire | " + ("Partie de cette page | " if show_side else "") + "Relation | Année | Source |"
        rows = [head, "|---" * (5 if show_side else 4) + "|"]
        remarks = Remarks()
        for fact in sorted(items, key=lambda f: (sort_key(data.gazetteer[other_side(data, entity, f)[1]].name_fr),
                                                f.year or 9999, f.id)):
            own, other = other_side(data, entity, fact)
            side = f"{link_to(data, own, path, start=True)} | " if show_side else ""
            source = source_link(data, fact.source.document, fact.source.paragraph, path, fact.source.quote)
            rows.append(f"| {link_to(data, other, path, start=True)} | {side}"
                        f"{relation_words(data, fact)}{remarks.mark(fact.remark)} | {fact.year or '—'} | "
                        f"{source} · {fact_anchor(fact.id)} |")
        summary = f"{markup.text(french.capital(data.gazetteer[key].name_fr))} — " \
                  f"{french.plural(len(items), 'partenariat')}"
        out += fold_block(summary, rows + remarks.lines(), open_)
    return out


def comparable(points: list[Figure]) -> bool:
    """A chart compares like with like: every point a whole year, or every point the same months."""
    shapes = {(len(p.period_start or ""), len(p.period_end or p.period_start or "")) for p in points}
    same_months = {(p.period_start or "")[5:] + (p.period_end or "")[5:] for p in points}
    return len(shapes) == 1 and (shapes == {(4, 4)} or len(same_months) == 1)


def figures_section(data: SiteData, entity: Entity, figures: list[Figure], path: str) -> list[str]:
    """Figures grouped by indicator, each group folded when the page has many."""
    groups = group_by(figures, lambda f: f.indicator)
    open_ = len(figures) <= OPEN_FIGURES
    out: list[str] = []
    order = list(data.vocabulary.enums["indicator"])
    for indicator in sorted(groups, key=lambda k: (order.index(k) if k in order else 99, k)):
        items = groups[indicator]
        remarks = Remarks()
        rows = ["| Ce qui est mesuré | Valeur | Période | Citation | Source |", "|---|---|---|---|---|"]
        for fig in sorted(items, key=lambda f: (f.measure, f.period_start or "", f.id)):
            rows.append(
                f"| {markup.cell(describe_figure(data, entity, fig))}{remarks.mark(fig.remark)} | "
                f"{markup.cell(format_value(data.vocabulary, fig))} | {markup.cell(period_text(fig))} | "
                f"« {markup.cell(fig.source.quote)} » | "
                f"{source_link(data, fig.source.document, fig.source.paragraph, path)} · {fact_anchor(fig.id)} |")
        label = markup.text(data.vocabulary.label("indicator", indicator))
        summary = f"{label} — {french.plural(len(items), 'chiffre')}"
        out += fold_block(summary, rows + remarks.lines(), open_)
    return out
