"""The chronology: every dated partnership once, by year, with client-side filters (Belarusian
party, partner country, relation) that work from `file://` (a small inline script, no server).

Without the script every event shows; `#relation-<code>` and `#<region id>` in the address
preselect a filter (the home page links to them), and each year has its anchor `#annee-<year>`.
"""

from __future__ import annotations

from atlas.facts import Partnership
from atlas.pages import french, markup
from atlas.pages.context import SiteData, group_by, sort_key
from atlas.pages.phrasing import unverified
from atlas.site_urls import article_path, html_url, page_url, relative

PATH = "chronologie.md"

SCRIPT = """<script>
(function () {
  var form = document.getElementById("atlas-chrono-filtres");
  if (!form) return;
  var items = document.querySelectorAll("li[data-by]");
  var years = document.querySelectorAll("section.atlas-annee");
  var count = document.getElementById("atlas-chrono-compte");
  function apply() {
    var by = form.by.value, country = form.country.value, relation = form.relation.value, shown = 0;
    items.forEach(function (li) {
      var ok = (!by || li.dataset.by === by) && (!country || li.dataset.country === country) &&
               (!relation || li.dataset.relation === relation);
      li.hidden = !ok; if (ok) shown++;
    });
    years.forEach(function (s) { s.hidden = !s.querySelector("li[data-by]:not([hidden])"); });
    count.textContent = shown + (shown > 1 ? " partenariats affichés" : " partenariat affiché");
  }
  var hash = decodeURIComponent(location.hash.slice(1));
  if (hash.indexOf("relation-") === 0) form.relation.value = hash.slice(9);
  else if (form.by.querySelector('option[value="' + hash.toUpperCase() + '"]')) form.by.value = hash.toUpperCase();
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  apply();
})();
</script>"""


def belarus_side(data: SiteData, fact: Partnership) -> str:
    """The Belarusian region a fact belongs to (a city counts for its region), or the country."""
    return data.gazetteer.region_of(fact.by) or data.gazetteer.home


def _place(data: SiteData, eid: str, start: bool = False) -> str:
    entity = data.gazetteer[eid]
    name = french.capital(entity.name_fr) if start else entity.name_fr
    if eid not in data.paged:
        return markup.text(name)
    return markup.link(name, relative(PATH, page_url(entity)))


def _item(data: SiteData, fact: Partnership) -> str:
    words, warning = data.vocabulary, unverified(data.vocabulary, fact.origin)
    article, _ = data.paragraph(fact.source.document, fact.source.paragraph)
    href = f"{relative(PATH, html_url(article_path(article)))}#{fact.source.paragraph}"
    source = markup.link(f"art.{french.NBSP}{article.number}, §{french.NBSP}{fact.source.paragraph[2:]}", href)
    status = "" if fact.status == "signe" else f" ({markup.text(words.label('status', fact.status))})"
    return (f'<li data-by="{belarus_side(data, fact)}" data-country="{data.gazetteer.country_of(fact.partner)}" '
            f'data-relation="{fact.relation}">{_place(data, fact.by, True)} ↔ {_place(data, fact.partner)} : '
            f"{markup.text(words.label('relation', fact.relation))}{status}"
            f"{f' — <em>{markup.text(warning)}</em>' if warning else ''} — {source}</li>")


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{markup.text(v)}">{markup.text(t)}</option>' for v, t in options)
    return (f'<label>{markup.text(label)} <select name="{name}"><option value="">toutes et tous</option>'
            f"{opts}</select></label>")


def filters(data: SiteData, dated: list[Partnership]) -> str:
    g = data.gazetteer
    sides = sorted({belarus_side(data, f) for f in dated}, key=lambda e: sort_key(g[e].name_fr))
    countries = sorted({g.country_of(f.partner) for f in dated}, key=lambda e: sort_key(g[e].name_fr))
    relations = [r for r in data.vocabulary.enums["relation"] if any(f.relation == r for f in dated)]
    anchors = "".join(f'<span id="relation-{r}"></span>' for r in relations)
    anchors += "".join(f'<span id="{s.lower()}"></span>' for s in sides if s != g.home)
    return (f'<form id="atlas-chrono-filtres" class="atlas-filters">{anchors}'
            + _select("by", "Partie biélorusse", [(s, french.capital(g[s].name_fr)) for s in sides])
            + _select("country", "Pays partenaire", [(c, g[c].name_fr) for c in countries])
            + _select("relation", "Relation", [(r, french.capital(data.vocabulary.label("relation", r)))
                                                for r in relations])
            + '<button type="reset">Tout afficher</button></form>'
            + '<p id="atlas-chrono-compte" aria-live="polite"></p>')


def chronology_page(data: SiteData) -> str:
    dated = [f for f in data.facts.partnerships if f.year]
    years = sorted({f.year for f in dated})
    out = [markup.front_matter("Chronologie"), "# Chronologie des partenariats", ""]
    span = f"de {years[0]} à {years[-1]}" if years else ""
    out.append(f"{french.plural(len(dated), 'partenariat daté', 'partenariats datés')} {span} "
               f"(sur {len(data.facts.partnerships)} relevés ; les autres n'ont pas de date dans les sources "
               "et figurent sur les pages des lieux). Chaque partenariat figure une seule fois.")
    out += ["", filters(data, dated), ""]
    out += ["Années : " + " · ".join(f"[{y}](#annee-{y})" for y in years), ""]
    for year, items in sorted(group_by(dated, lambda f: f.year).items()):
        lines = "".join(_item(data, f) for f in sorted(items, key=lambda f: (sort_key(data.gazetteer[f.by].name_fr),
                                                                            f.id)))
        out += ['<section class="atlas-annee" markdown>', "", f"## {year} {{#annee-{year}}}", "",
                f"<ul>{lines}</ul>", "", "</section>", ""]
    out += [SCRIPT, ""]
    return "\n".join(out) + "\n"
