"""Home page and the two index pages (Belarusian regions, partner countries)."""

from __future__ import annotations

from collections import Counter

from atlas.pages import french, markup
from atlas.pages.context import SiteData, fold
from atlas.pages.places import link_to


def _count_line(data: SiteData) -> str:
    kinds = Counter(data.gazetteer[e].kind for e in data.paged)
    return (f"**{len(data.facts.partnerships)}** partenariats, **{len(data.facts.figures)}** chiffres, "
            f"**{kinds['pays']}** pays, **{kinds['region']}** régions, **{kinds['ville'] + kinds['district']}** "
            f"villes et districts, **{len(data.corpus.articles())}** articles sources.")


def home_page(data: SiteData, overview_map: str = "") -> str:
    path = "index.md"
    out = [markup.front_matter("Accueil"), f"# {data.vocabulary.phrases['site_title']}", ""]
    out += [
        "Cet atlas présente la coopération internationale et interrégionale du Bélarus telle que la "
        "décrivent les documents sources : qui coopère avec qui, depuis quand, avec quels chiffres. "
        "Chaque fait renvoie au paragraphe exact de la source et à une citation vérifiée.", "",
        _count_line(data), "",
    ]
    if overview_map:
        out += ["## Carte d'ensemble", "", overview_map, "", "[Voir la carte d'ensemble en grand](carte.md)", ""]
    out += ["## Par région du Bélarus", ""] + belarus_region_list(data, path) + [""]
    out += ["## Par pays partenaire", ""] + [", ".join(country_links(data, path))] + [""]
    others = [link_to(data, c, path) for c in named_countries(data)]
    if others:
        out += ["Autres pays cités dans les sources, sans partenariat relevé : " + ", ".join(others) + ".", ""]
    counts = Counter(p.relation for p in data.facts.partnerships)
    out += ["## Par type de relation", ""]
    out += [f"- [{data.vocabulary.label('relation', r)}](chronologie.md#relation-{r}) : {n}"
            for r, n in sorted(counts.items())]
    out += ["", "Voir aussi la [carte d'ensemble](carte.md), la [chronologie](chronologie.md), "
            "les [articles sources](articles/index.md), les [données ouvertes](donnees.md) "
            "et la [méthodologie](methodologie.md).", ""]
    return "\n".join(out) + "\n"


def region_partnerships(data: SiteData, region: str) -> list:
    """Partnerships of a Belarusian region and of its cities and districts (as on the maps)."""
    return [p for p in data.facts.partnerships if data.gazetteer.region_of(p.by) == region]


def belarus_regions(data: SiteData) -> list[str]:
    regions = [r.id for r in data.gazetteer.children(data.gazetteer.home) if r.kind == "region" and r.id in data.paged]
    return sorted(regions, key=lambda r: fold(data.gazetteer[r].name_fr))


def belarus_region_list(data: SiteData, path: str) -> list[str]:
    out = []
    for region in belarus_regions(data):
        count = french.plural(len(region_partnerships(data, region)), "partenariat")
        out.append(f"- {link_to(data, region, path, start=True)} — {count} (région et ses villes)")
    return out


def _has_partnership(data: SiteData, country: str) -> bool:
    """A country partners with Belarus if it, or one of its regions or cities, is in a partnership."""
    return any(data.gazetteer[p.partner].country == country for p in data.facts.partnerships)


def _countries(data: SiteData) -> list[str]:
    return sorted((e for e in data.paged if data.gazetteer[e].kind == "pays" and e != data.gazetteer.home),
                  key=lambda e: fold(data.gazetteer[e].name_fr))


def partner_countries(data: SiteData) -> list[str]:
    return [c for c in _countries(data) if _has_partnership(data, c)]


def named_countries(data: SiteData) -> list[str]:
    return [c for c in _countries(data) if not _has_partnership(data, c)]


def overview_page(data: SiteData, overview_map: str) -> str:
    """The overview map on its own page, with its content as text (partnerships per region)."""
    path = "carte.md"
    out = [markup.front_matter("Carte d'ensemble"), "# Carte d'ensemble des partenariats", "", overview_map, ""]
    out += ["## La carte en texte", ""]
    out += ["Régions du Bélarus (couleur : nombre de partenariats) et leurs partenaires :", ""]
    for region in belarus_regions(data):
        facts = region_partnerships(data, region)
        partners = sorted({p.partner for p in facts}, key=lambda e: fold(data.gazetteer[e].name_fr))
        out.append(f"- {link_to(data, region, path, start=True)} ({french.plural(len(facts), 'partenariat')}) : "
                   + (", ".join(link_to(data, e, path) for e in partners) or "—"))
    national = sorted({p.partner for p in data.facts.partnerships if p.by == data.gazetteer.home},
                      key=lambda e: fold(data.gazetteer[e].name_fr))
    out.append(f"- {link_to(data, data.gazetteer.home, path, start=True)} (niveau national) : "
               + ", ".join(link_to(data, e, path) for e in national))
    return "\n".join(out) + "\n"


def country_links(data: SiteData, path: str) -> list[str]:
    return [link_to(data, c, path) for c in partner_countries(data)]


def regions_index(data: SiteData) -> str:
    path = "regions/index.md"
    out = [markup.front_matter("Régions du Bélarus"), "# Régions du Bélarus", ""]
    out += [f"{data.vocabulary.phrases['home_regions']} Voir aussi la page du "
            f"{link_to(data, data.gazetteer.home, path)}.", ""]
    out += belarus_region_list(data, path) + [""]
    foreign = [e for e in data.paged if data.gazetteer[e].kind == "region" and not data.gazetteer.is_home(e)]
    out += ["## Régions étrangères", "",
            "Les régions étrangères que citent les sources, par pays, avec leurs partenariats relevés.", ""]
    by_country: dict[str, list[str]] = {}
    for eid in foreign:
        by_country.setdefault(data.gazetteer[eid].country, []).append(eid)
    for country in sorted(by_country, key=lambda c: fold(data.gazetteer[c].name_fr)):
        out += [f"### {markup.cell(data.gazetteer[country].name_fr)}", ""]
        for eid in sorted(by_country[country], key=lambda e: fold(data.gazetteer[e].name_fr)):
            count = len(data.partnerships_of(eid))
            tail = f"{french.plural(count, 'partenariat')}" if count else "citée, sans partenariat relevé"
            out.append(f"- {link_to(data, eid, path, start=True)} — {tail}")
        out.append("")
    return "\n".join(out) + "\n"


def countries_index(data: SiteData) -> str:
    path = "pays/index.md"
    out = [markup.front_matter("Pays partenaires"), "# Pays partenaires", ""]
    home = link_to(data, data.gazetteer.home, path)
    out += [f"Les pays que nomment les sources. Le Bélarus a sa propre page : {home}.", ""]
    out += ["| Pays | Partenariats | Régions avec une page |", "|---|---|---|"]
    for eid in partner_countries(data):
        regions = [r for r in data.gazetteer.children(eid) if r.id in data.paged]
        count = len(data.partnerships_of(eid)) + sum(len(data.partnerships_of(r.id)) for r in regions)
        out.append(f"| {link_to(data, eid, path)} | {count} | {len(regions)} |")
    return "\n".join(out) + "\n"

