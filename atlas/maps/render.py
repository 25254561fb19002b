"""Render a MapSpec to a standalone, offline, deterministic HTML file with folium.

Why these choices:
* folium's defaults pull Leaflet, jQuery, Bootstrap and Font Awesome from CDNs
  and OSM tiles; the atlas must work offline, so each map instance gets its
  own ``default_js``/``default_css`` (local relative paths) and ``tiles=None``.
* Polygons come from the shared ``assets/geo/base.js``; a map only carries a
  small JSON block (styles, lines, points), keeping each page light.
* folium ids are random; they are replaced by counters so that the same spec
  always produces the same bytes.
"""

from __future__ import annotations

import html
import json
import re
from itertools import count

import folium
from branca.element import Element, MacroElement
from folium.template import Template

from atlas.maps.assets import ATLAS_CSS, ATLAS_JS, BASE_JS, LEAFLET_CSS, LEAFLET_JS
from atlas.maps.model import CHOROPLETH, NO_DATA_FILL, STYLES, Line, MapFeature, MapSpec
from atlas.site_urls import asset_path, map_path, relative
from atlas.vocabulary import Vocabulary

CONTEXT_STYLES: dict[str, dict[str, object]] = {
    "_country": {"color": "#a8a8a8", "weight": 0.6, "fillColor": "#e6e4dc", "fillOpacity": 1},
    "_world": {"color": "#c4c4c4", "weight": 0.4, "fillColor": "#efede7", "fillOpacity": 1},
    "_region": {"color": "#c4c4c4", "weight": 0.5, "fillColor": "#f4f2ec", "fillOpacity": 1},
    "_by": STYLES["by"],
}
VIEWPORT_RE = re.compile(r'<meta name="viewport"[^>]*>', re.S)
DATA_RE = re.compile(r'<script type="application/json" id="atlas-data">(.*?)</script>', re.S)


class AtlasLayer(MacroElement):
    """Carries the map data as a JSON block and hands it to the shared atlas-map.js."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
<script type="application/json" id="atlas-data">{{ this.payload }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
    AtlasMap.draw({{ this._parent.get_name() }},
                  JSON.parse(document.getElementById("atlas-data").textContent));
        {% endmacro %}
        """
    )

    def __init__(self, data: dict) -> None:
        super().__init__()
        self._name = "AtlasLayer"
        # "</" must not appear inside a <script> element; "\/" is valid JSON.
        self.payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _link(here: str, name: str, url: str | None) -> str:
    """HTML link from the map file `here`, opening in the top window (the map lives in an iframe)."""
    if not url:
        return html.escape(name)
    return f'<a href="{html.escape(relative(here, url))}" target="_top">{html.escape(name)}</a>'


def _feature_popup(here: str, feat: MapFeature) -> str:
    """Popup of a feature: its tooltip text with the name linking to its page."""
    rest = feat.tooltip[len(feat.name):] if feat.tooltip.startswith(feat.name) else ""
    return _link(here, feat.name, feat.href) + html.escape(rest)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _line_popup(here: str, words: Vocabulary, line: Line) -> str:
    """Popup of a line: relation, year, status, and links to both parties."""
    head = f"<strong>{html.escape(_capital(words.term('relation', line.relation).map))}</strong>"
    if line.count > 1:
        head += f" : {line.count} partenariats"
    if line.year:
        head += f" ({line.year})"
    if line.status:
        head += f" — {html.escape(words.term('status', line.status).map)}"
    if line.origin != "verifie":
        head += f" — <em>{html.escape(words.label('origin', line.origin))}</em>"
    links = " – ".join(_link(here, name, url) for name, url in line.links)
    return f"{head}<br>{links}"


def _flat(path) -> list[float]:
    """[lat, lon, lat, lon, ...]: the most compact JSON form of a path."""
    return [c for pt in path for c in pt]


def _styles(spec: MapSpec) -> dict[str, dict[str, object]]:
    """Leaflet style options for every style key used by the spec."""
    out: dict[str, dict[str, object]] = dict(CONTEXT_STYLES)
    for feat in spec.features:
        if feat.style.startswith("choro:"):
            idx = int(feat.style.split(":")[1])
            fill = CHOROPLETH[idx] if idx >= 0 else NO_DATA_FILL
            out[feat.style] = {"color": "#333333", "weight": 1.2, "fillColor": fill, "fillOpacity": 0.9}
        else:
            out[feat.style] = STYLES[feat.style]
    return dict(sorted(out.items()))


def _box_item(color: str, label: str) -> str:
    """Legend entry: a filled box followed by its text label."""
    return f'<li><span class="atlas-box" style="background:{color}"></span> {html.escape(label)}</li>'


def _legend_html(spec: MapSpec) -> str:
    """Legend with text labels: colour is never the only carrier of meaning."""
    shown = {line.relation for line in spec.lines}
    items = []
    for rel in (t for t in spec.words.terms("relation") if t.code in shown):
        dash_attr = f' stroke-dasharray="{rel.dash}"' if rel.dash else ""
        swatch = (f'<svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" '
                  f'stroke="{rel.colour}" stroke-width="3"{dash_attr}/></svg>')
        items.append(f"<li>{swatch} {html.escape(_capital(rel.map))}</li>")
    tentative = [t for t in spec.words.terms("status") if t.tentative]
    pale = [t.label for t in tentative]
    automatic = any(ln.origin != "verifie" for ln in spec.lines)
    if automatic:
        pale.append(spec.words.label("origin", "automatique"))
    if automatic or any(ln.status in {t.code for t in tentative} for ln in spec.lines):
        items.append('<li><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" '
                     'y2="5" stroke="#555" stroke-opacity="0.4" stroke-width="3"/></svg> '
                     f"trait pâle : {html.escape(' ou '.join(pale))}</li>")
    if any(ln.count > 1 for ln in spec.lines):
        items.append("<li>épaisseur du trait : nombre de partenariats</li>")
    lines_part = (f'<p class="atlas-legend-head">Traits : type de relation</p><ul>{"".join(items)}</ul>'
                  if items else "")
    items = [_box_item(cls.color, cls.label) for cls in spec.choropleth]
    if any(f.style == "focus" for f in spec.features):
        items.append(_box_item(str(STYLES["focus"]["fillColor"]), spec.features[0].name))
    if any(f.style == "focus_country" for f in spec.features):
        items.append(f'<li><span class="atlas-box" style="border:3px solid {STYLES["focus_country"]["color"]}">'
                     f"</span> {html.escape(spec.features[0].name)}</li>")
    if any(f.style == "partner" for f in spec.features):
        items.append(_box_item(str(STYLES["partner"]["fillColor"]), "territoire partenaire"))
    if any(f.point for f in spec.features):
        items.append('<li><span class="atlas-dot"></span> ville</li>')
    head = "Couleurs : nombre de partenariats" if spec.choropleth else "Lieux"
    fills = f'<p class="atlas-legend-head">{head}</p><ul>{"".join(items)}</ul>' if items else ""
    return f"<details><summary>Légende</summary>{lines_part}{fills}</details>"


def map_data(spec: MapSpec) -> dict:
    """The JSON-serialisable payload read by atlas-map.js (also used by tests/stats)."""
    here, words, tentative = map_path(spec.map_id), spec.words, spec.words.tentative()
    polys = {f.geometry_ref: [f.style, f.tooltip, _feature_popup(here, f), f.name, *(f.label_at or ())]
             for f in spec.features if f.geometry_ref}
    points = [[f.entity_id, f.point[0], f.point[1], f.style, f.tooltip, _feature_popup(here, f), f.name]
              for f in spec.features if f.point]
    lines = [[ln.relation, ln.country, _flat(ln.path), ln.label, _line_popup(here, words, ln),
              1 if ln.status in tentative or ln.origin != "verifie" else 0, ln.count] for ln in spec.lines]
    rels = {r: [_capital(t.map), t.colour, t.dash]
            for r in sorted({ln.relation for ln in spec.lines}) if (t := words.term("relation", r))}
    return {
        "id": spec.map_id, "title": spec.title, "bounds": [list(p) for p in spec.bounds],
        "regionCountries": list(spec.region_countries), "styles": _styles(spec),
        "polygons": polys, "points": points, "lines": lines, "relations": rels,
        "countries": [[c, n] for c, n in spec.countries.items() if any(ln.country == c for ln in spec.lines)],
        "legend": _legend_html(spec), "attribution": spec.attribution,
    }


def _fix_ids(root: Element) -> None:
    """Replace folium's random element ids by a depth-first counter (determinism)."""
    counter = count()

    def walk(el: Element) -> None:
        el._id = str(next(counter))
        for child in el._children.values():
            walk(child)

    walk(root)


def _new_map(spec: MapSpec) -> folium.Map:
    """A folium Map with local assets only, no tiles and no attribution prefix link."""
    here = map_path(spec.map_id)

    def asset(name: str) -> str:
        return relative(here, asset_path(name))

    (s, w), (n, e) = spec.bounds
    # The wheel scrolls the page over an embedded map; ctrl + wheel, or a click first, zooms it
    # (atlas-map.js), as readers expect from maps inside pages.
    m = folium.Map(location=[(s + n) / 2, (w + e) / 2], zoom_start=4, tiles=None,
                   attributionControl=False, zoomSnap=0.25, scrollWheelZoom=False)
    # Instance attributes shadow folium's shared class-level CDN lists.
    m.default_js = [("leaflet", asset(LEAFLET_JS)), ("atlas_base", asset(BASE_JS)), ("atlas_map", asset(ATLAS_JS))]
    m.default_css = [("leaflet_css", asset(LEAFLET_CSS)), ("atlas_map_css", asset(ATLAS_CSS))]
    return m


def render_map(spec: MapSpec) -> str:
    """Standalone HTML of one map; same spec → same bytes; no network URL inside."""
    return render_layer(spec, AtlasLayer(map_data(spec)))


def render_layer(spec: MapSpec, layer: AtlasLayer) -> str:
    """Standalone HTML of a map of `spec` carrying `layer` (see fill.py for why it is apart)."""
    m = _new_map(spec)
    layer.add_to(m)
    root = m.get_root()
    root.title = spec.title
    _fix_ids(root)
    out = root.render()
    out = out.replace("<html>", '<html lang="fr">', 1)
    # folium forbids pinch zoom of the page (WCAG 1.4.4, axe meta-viewport): let readers zoom.
    out = VIEWPORT_RE.sub('<meta name="viewport" content="width=device-width, initial-scale=1.0" />', out, 1)
    label = html.escape(f"Carte : {spec.title}", quote=True)
    div = '<div class="folium-map" id='
    return out.replace(div, f'<div class="folium-map" role="region" aria-label="{label}" id=', 1)


def extract_data(map_html: str) -> dict:
    """The JSON payload embedded in a rendered map (for tests and stats)."""
    match = DATA_RE.search(map_html)
    if not match:
        raise ValueError("no atlas-data block in map HTML")
    return json.loads(match.group(1))


def _base_vertices(base: dict, data: dict) -> int:
    """Vertices of the shared polygons a given map draws (all countries + some regions)."""
    from atlas.maps.assets import count_vertices

    wanted = set(data["regionCountries"])
    regions = [f for f in base["regions"]["features"] if f["properties"].get("country") in wanted]
    world = base.get("world", {}).get("features", [])
    return count_vertices(base["countries"]["features"]) + count_vertices(regions) + count_vertices(world)


def map_stats(map_html: str, base: dict | None = None) -> dict:
    """Weight and complexity of a map: bytes of its HTML and drawn vertex counts.

    `base` (the dict stored in base.js, see assets.load_base_js) adds the
    shared polygons the map draws, for the ≤50,000-vertex budget.
    """
    data = extract_data(map_html)
    own = sum(len(ln[2]) // 2 for ln in data["lines"]) + len(data["points"])
    stats = {"bytes": len(map_html.encode("utf-8")), "own_vertices": own,
             "lines": len(data["lines"]), "points": len(data["points"]), "polygons": len(data["polygons"])}
    stats["vertices"] = own + (_base_vertices(base, data) if base else 0)
    return stats
