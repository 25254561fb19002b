"""The chronology: every dated partnership by year, with one section per Belarusian region.

Filtering is plain anchors (no server, no script): the top of the page links to each region's
section and to each relation type's section.
"""

from __future__ import annotations

from atlas.facts import Partnership
from atlas.pages import french, markup
from atlas.pages.context import SiteData, group_by
from atlas.pages.places import link_to, source_link, unverified

PATH = "chronologie.md"


def belarus_side(data: SiteData, fact: Partnership) -> str:
    """The Belarusian region a fact belongs to (a city counts for its region), or the country."""
    return data.gazetteer.region_of(fact.by) or data.gazetteer.home


def _line(data: SiteData, fact: Partnership) -> str:
    words, warning = data.vocabulary, unverified(data.vocabulary, fact.origin)
    return (f"- {link_to(data, fact.by, PATH, start=True)} ↔ {link_to(data, fact.partner, PATH)} : "
            f"{words.label('relation', fact.relation)} ({words.label('status', fact.status)})"
            f"{f' — *{warning}*' if warning else ''} — "
            f"{source_link(data, fact.source.document, fact.source.paragraph, PATH)}")


def _by_year(data: SiteData, facts: list[Partnership]) -> list[str]:
    out = []
    for year, items in sorted(group_by(facts, lambda f: f.year).items()):
        out += [f"#### {year}", ""] + [_line(data, f) for f in sorted(items, key=lambda f: f.id)] + [""]
    return out


def chronology_page(data: SiteData) -> str:
    dated = [f for f in data.facts.partnerships if f.year]
    years = sorted({f.year for f in dated})
    by_region = group_by(dated, lambda f: belarus_side(data, f))
    by_relation = group_by(dated, lambda f: f.relation)
    out = [markup.front_matter("Chronologie"), "# Chronologie des partenariats", ""]
    span = f"de {years[0]} à {years[-1]}" if years else ""
    out.append(f"{french.plural(len(dated), 'partenariat')} datés {span} (sur {len(data.facts.partnerships)} relevés ; "
               "les autres n'ont pas de date dans les sources et figurent sur les pages des lieux).")
    out += ["", "**Filtrer par partie biélorusse :** " + " · ".join(
        f"[{markup.cell(data.gazetteer[r].name_fr)}](#{r.lower()})" for r in sorted(by_region)), ""]
    out += ["**Par type de relation :** " + " · ".join(
        f"[{data.vocabulary.label('relation', r)}](#relation-{r})" for r in sorted(by_relation)), ""]
    out += ["## Toutes les parties", ""] + _by_year(data, dated)
    for region in sorted(by_region):
        out += [f"## {markup.cell(data.gazetteer[region].name_fr)} {{#{region.lower()}}}", ""]
        out += _by_year(data, by_region[region])
    for relation in sorted(by_relation):
        out += [f"## {french.capital(data.vocabulary.label('relation', relation))} {{#relation-{relation}}}", ""]
        out += _by_year(data, by_relation[relation])
    return "\n".join(out) + "\n"
