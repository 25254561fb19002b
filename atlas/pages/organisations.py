"""The index of the international organisations the sources name (organisations/index.md).

Each organisation has its own page (atlas.pages.places, like a place: figures, mentions);
this page lists them with their figures and mentions, so that every one is reachable.
"""

from __future__ import annotations

from atlas.pages import french, markup
from atlas.pages.context import SiteData, fold
from atlas.pages.places import link_to

PATH = "organisations/index.md"


def organisations_index(data: SiteData) -> str:
    out = [markup.front_matter("Organisations internationales"), "# Organisations internationales", ""]
    orgs = sorted((e for e in data.paged if data.gazetteer[e].kind == "organisation"),
                  key=lambda e: fold(data.gazetteer[e].name_fr))
    if not orgs:
        return "\n".join(out + ["Les sources ne nomment aucune organisation internationale.", ""])
    out += ["Les organisations internationales que nomment les sources (Communauté des États indépendants, "
            "Union économique eurasienne…), avec les chiffres qui les concernent.", ""]
    out += ["| Organisation | Chiffres | Mentions |", "|---|---|---|"]
    for eid in orgs:
        out.append(f"| {link_to(data, eid, PATH, start=True)} | {len(data.figures_of(eid))} | "
                   f"{french.plural(len(data.mentions_of(eid)), 'paragraphe')} |")
    return "\n".join(out) + "\n"
