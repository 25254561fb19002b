"""Plain data structures describing a map, independent of any rendering library.

Why: the spec is what tests inspect (features, lines, bounds) and what the
renderer consumes, so map logic stays testable without parsing HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from atlas.vocabulary import Vocabulary

LatLon = tuple[float, float]
Bounds = tuple[LatLon, LatLon]  # ((south, west), (north, east))

# Feature style roles -> Leaflet path options. Roles, not colours, live in the
# spec so that the palette can change without touching map logic.
STYLES: dict[str, dict[str, object]] = {
    "focus": {"color": "#7a0019", "weight": 3, "fillColor": "#c0392b", "fillOpacity": 0.55},
    # A focused country is drawn under its own regions: outline only, else its
    # fill would tint every partner region above it.
    "focus_country": {"color": "#7a0019", "weight": 3, "fillColor": "#c0392b", "fillOpacity": 0},
    "partner": {"color": "#1b4f72", "weight": 1.5, "fillColor": "#5dade2", "fillOpacity": 0.5},
    "by": {"color": "#555555", "weight": 1, "fillColor": "#f2efe6", "fillOpacity": 0.7},
    "city": {"color": "#222222", "weight": 1.5, "fillColor": "#ffffff", "fillOpacity": 1.0},
    "focus_city": {"color": "#7a0019", "weight": 2.5, "fillColor": "#c0392b", "fillOpacity": 1.0},
}

# Sequential classes for the overview choropleth (ColorBrewer Blues, 5 classes).
CHOROPLETH = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
NO_DATA_FILL = "#f7f7f7"

@dataclass(frozen=True)
class MapFeature:
    """One entity drawn on a map: a polygon from the shared base or a point."""

    entity_id: str
    name: str
    kind: str  # pays | region | ville | district
    style: str  # a key of STYLES, or "choro:<n>" for choropleth class n
    geometry_ref: str | None = None  # id of a polygon in the shared base layer
    point: LatLon | None = None  # used when the entity has no polygon
    href: str | None = None  # page URL relative to the docs root
    tooltip: str = ""
    label_at: LatLon | None = None  # where the place's name is written on the map


@dataclass(frozen=True)
class Line:
    """A partnership drawn from the Belarusian party to the foreign partner."""

    from_id: str
    to_id: str
    from_latlon: LatLon
    to_latlon: LatLon
    relation: str
    year: int | None
    label: str  # tooltip text, e.g. "Minsk – Kovrov : jumelage (2005)"
    href: str | None  # page of the partner (the side that is not the map's focus)
    country: str  # partner country (alpha-2), for the layer control
    path: tuple[LatLon, ...] = ()  # densified great circle, longitudes unwrapped
    status: str = ""
    links: tuple[tuple[str, str], ...] = ()  # (name, href) pairs shown in the popup
    count: int = 1  # partnerships the line stands for (the overview draws one line per group)
    origin: str = "verifie"  # "automatique": an unreviewed candidate, drawn pale and said so


@dataclass(frozen=True)
class LegendClass:
    """One choropleth class of the legend: colour and its French text label."""

    color: str
    label: str


@dataclass
class MapSpec:
    """Everything needed to render one map, as plain data."""

    map_id: str
    title: str
    focus_ids: tuple[str, ...]
    features: list[MapFeature]
    lines: list[Line]
    bounds: Bounds
    words: Vocabulary  # relation and status words and line styles
    region_countries: tuple[str, ...] = ()  # countries whose regions are drawn
    countries: dict[str, str] = field(default_factory=dict)  # alpha-2 -> name_fr
    choropleth: list[LegendClass] = field(default_factory=list)
    attribution: str = ""
