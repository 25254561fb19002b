"""Home page and the two index pages (Belarusian regions, partner countries)."""

from __future__ import annotations

from collections import Counter

from atlas.pages import french, markup
from atlas.pages.charts import column_chart, series_chart
from atlas.pages.context import SiteData, fold, sort_key
from atlas.pages.places import link_to


def key_figures(data: SiteData) -> str:
    """The atlas in five numbers, as a row of tiles."""
    facts = data.facts.partnerships
    partners = {p.partner for p in facts}
    countries = {data.gazetteer.country_of(p) for p in partners}
    years = sorted(p.year for p in facts if p.year)
    tiles = [(len(facts), "partenariats"),
             (len(partners), "partenaires étrangers"), (len(countries), "pays partenaires"),
             (len(data.facts.figures), "chiffres sourcés")]
    if years:
        tiles.append((years[0], f"premier accord daté ({years[-1]} : le plus récent)"))
    cells = "".join(f"<div><strong>{n}</strong> {markup.text(label)}</div>" for n, label in tiles)
    return f'<div class="atlas-figures">{cells}</div>'


def region_cards(data: SiteData, path: str) -> list[str]:
    """One card per Belarusian region and Minsk: partners, first and latest dated agreement."""
    out = ['<div class="atlas-cards" markdown>', ""]
    for region in belarus_regions(data):
        facts = data.partnerships_of(region)
        partners = {p.partner for p in facts}
        countries = {data.gazetteer.country_of(p) for p in partners}
        years = sorted(p.year for p in facts if p.year)
        span = f"Accords datés de {years[0]} à {years[-1]}." if years else "Aucun accord daté."
        out += ['<div markdown>', "", f"**{link_to(data, region, path, start=True)}**", "",
                f"{french.plural(len(facts), 'partenariat')} avec {french.plural(len(partners), 'partenaire')} "
                f"dans {french.plural(len(countries), 'pays', 'pays')}. {span}", "", "</div>", ""]
    return out + ["</div>", ""]


def top_countries_chart(data: SiteData, limit: int = 8) -> str:
    counts = [(c, len(data.partnerships_of(c))) for c in partner_countries(data)]
    counts.sort(key=lambda cn: (-cn[1], sort_key(data.gazetteer[cn[0]].name_fr)))
    points = [(french.capital(data.gazetteer[c].name_fr), float(n)) for c, n in counts[:limit]]
    return series_chart(f"Les {len(points)} premiers pays partenaires (nombre de partenariats)", points)


def home_page(data: SiteData, overview_map: str = "") -> str:
    path = "index.md"
    out = [markup.front_matter("Accueil"), f"# {data.vocabulary.phrases['site_title']}", ""]
    out += [
        "Qui coopère avec qui, depuis quand, avec quels chiffres : la coopération internationale et "
        "interrégionale du Bélarus telle que la décrivent les documents sources. "
        "Chaque fait renvoie au paragraphe exact de la source et à une citation vérifiée.", "",
        key_figures(data), "",
    ]
    out += ["## Les régions du Bélarus", "", data.vocabulary.phrases["home_regions"], ""] + region_cards(data, path)
    out += ["## Principaux pays partenaires", "", top_countries_chart(data), "",
            "Tous les pays : " + ", ".join(country_links(data, path)) + ".", ""]
    years = Counter(p.year for p in data.facts.partnerships if p.year)
    out += ["## Les accords par année", "", column_chart("Partenariats datés, par année de signature",
                                                           sorted(years.items())),
            "[Voir la chronologie](chronologie.md)", ""]
    if overview_map:
        out += ["## Carte d'ensemble", "", overview_map, "", "[Voir la carte d'ensemble en grand](carte.md)", ""]
    counts = Counter(p.relation for p in data.facts.partnerships)
    out += ["## Par type de relation", ""]
    out += [f"- [{french.capital(data.vocabulary.label('relation', r))}](chronologie.md#relation-{r}) : {n}"
            for r, n in sorted(counts.items(), key=lambda rn: -rn[1])]
    others = [link_to(data, c, path) for c in named_countries(data)]
    if others:
        out += ["", "Autres pays cités dans les sources, sans partenariat relevé : " + ", ".join(others) + "."]
    out += ["", "Voir aussi les [articles sources](articles/index.md), les [données ouvertes](donnees.md) "
            "et la [méthodologie](methodologie.md).", ""]
    return "\n".join(out) + "\n"


def region_partnerships(data: SiteData, region: str) -> list:
    """Partnerships of a Belarusian region and of its cities and districts (as on the maps)."""
    return data.partnerships_of(region)


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
        count = len(data.partnerships_of(eid))
        out.append(f"| {link_to(data, eid, path)} | {count} | {len(regions)} |")
    return "\n".join(out) + "\n"

