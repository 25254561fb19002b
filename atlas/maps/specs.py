"""Map specs from the gazetteer and the partnerships: which places and lines each map draws.

The place hierarchy is the gazetteer's (`ancestors`, `region_of`, `country_of`, `home`), the
words and line styles are the vocabulary's, and the page links are atlas/site_urls.py's: this
module only decides what a map shows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from atlas.facts import Partnership
from atlas.gazetteer import Gazetteer
from atlas.maps.geometry import bend, bounds_from_points, great_circle, offset_amount, round_path
from atlas.maps.model import CHOROPLETH, NO_DATA_FILL, Bounds, LatLon, LegendClass, Line, MapFeature, MapSpec
from atlas.site_urls import OVERVIEW_MAP, map_id, page_url
from atlas.vocabulary import Vocabulary

POLYGON_KINDS = {"pays", "region"}


@dataclass(frozen=True)
class Places:
    """What the maps know of places: the gazetteer, a label point for each country (countries
    have no coordinates of their own) and the ids with a polygon in the base layer (None: all)."""

    gazetteer: Gazetteer
    points: Mapping[str, LatLon]
    polygons: Collection[str] | None = None

    def name(self, eid: str) -> str:
        return self.gazetteer[eid].name_fr if eid in self.gazetteer else eid

    def href(self, eid: str) -> str:
        return page_url(self.gazetteer[eid])

    def latlon(self, eid: str) -> LatLon | None:
        """Label point of a place, or None when neither the gazetteer nor the geometry has one."""
        entity = self.gazetteer[eid]
        lat, lon = (entity.lat, entity.lon) if entity.lat is not None else self.points.get(eid, (None, None))
        return None if lat is None or lon is None else (float(lat), float(lon))

    def within(self, eid: str) -> set[str]:
        """The place and every place containing it."""
        return {eid, *self.gazetteer.ancestors(eid)}


def _relation_text(p: Partnership, words: Vocabulary) -> str:
    """'jumelage (2005)': tentative partnerships say so in words, their paler line is not enough."""
    text = words.term("relation", p.relation).map.lower() + (f" ({p.year})" if p.year else "")
    status = words.term("status", p.status)
    return text + (f", {status.map}" if status.tentative else "")


def select(eid: str, facts: Iterable[Partnership], places: Places) -> list[Partnership]:
    """Partnerships in which the place, or a place inside it, is a party."""
    return [p for p in facts if eid in places.within(p.by) or eid in places.within(p.partner)]


def _shown(p: Partnership) -> tuple:
    """What a line shows: two partnerships alike in all of it share one arc."""
    return (p.by, p.partner, p.relation, p.year, p.status)


def build_lines(facts: list[Partnership], places: Places, words: Vocabulary, focus: str = "") -> list[Line]:
    """One densified great-circle Line per partnership whose two parties have coordinates; lines
    sharing both ends get increasing sideways offsets, so that each stays visible and clickable."""
    usable = [p for p in facts if places.latlon(p.by) and places.latlon(p.partner)]
    groups: dict[tuple[str, ...], list[tuple]] = defaultdict(list)
    for p in usable:
        groups[tuple(sorted((p.by, p.partner)))].append(_shown(p))
    lines = []
    for p in usable:
        group = groups[tuple(sorted((p.by, p.partner)))]
        lines.append(_line(p, places, words, focus, offset_amount(group.index(_shown(p)), len(group))))
    return lines


def _line(p: Partnership, places: Places, words: Vocabulary, focus: str, offset: float) -> Line:
    a, b = p.by, p.partner
    pa, pb = places.latlon(a), places.latlon(b)
    assert pa and pb
    other = (a if focus in places.within(b) else b) if focus else b  # the side outside the map's focus
    return Line(
        from_id=a, to_id=b, from_latlon=pa, to_latlon=pb, relation=p.relation, year=p.year,
        label=f"{places.name(a)} – {places.name(b)} : {_relation_text(p, words)}",
        href=places.href(other), country=places.gazetteer.country_of(b),
        path=round_path(bend(great_circle(pa, pb), offset)), status=p.status, origin=p.origin,
        links=tuple((places.name(e), places.href(e)) for e in (other, a if other == b else b)),
    )


def _feature(eid: str, style: str, places: Places, tooltip: str = "") -> MapFeature:
    """A polygon feature when the base layer has the place, else a point."""
    kind = places.gazetteer[eid].kind
    has_polygon = kind in POLYGON_KINDS and (places.polygons is None or eid in places.polygons)
    if not has_polygon and style in ("partner", "focus"):
        style = "focus_city" if style == "focus" else "city"
    elif style == "focus" and kind == "pays":
        style = "focus_country"
    return MapFeature(
        entity_id=eid, name=places.name(eid), kind=kind, style=style,
        geometry_ref=eid if has_polygon else None, point=None if has_polygon else places.latlon(eid),
        href=places.href(eid), tooltip=tooltip or places.name(eid), label_at=places.latlon(eid),
    )


def party_features(facts: list[Partnership], places: Places, words: Vocabulary,
                   skip: Collection[str] = ()) -> list[MapFeature]:
    """Features for every party (partner style), first-seen order, with 'Name — jumelage (2005), …'."""
    parts: dict[str, list[str]] = defaultdict(list)
    for p in facts:
        for eid in (p.by, p.partner):
            parts[eid].append(_relation_text(p, words))
    return [_feature(e, "partner", places, f"{places.name(e)} — {', '.join(dict.fromkeys(v))}")
            for e, v in parts.items() if e not in skip]


def _bounds(features: list[MapFeature], lines: list[Line], places: Places) -> Bounds:
    """Bounds from label points of features and from the drawn (unwrapped) line paths."""
    pts: list[LatLon] = [p for f in features if (p := f.point or places.latlon(f.entity_id))]
    for line in lines:  # whole arcs: a Minsk–Anadyr arc peaks far north of both ends
        pts.extend(line.path or (line.from_latlon, line.to_latlon))
    return bounds_from_points(pts)


def _spec(map_name: str, title: str, focus: tuple[str, ...], features: list[MapFeature], lines: list[Line],
          places: Places, words: Vocabulary, choropleth: list[LegendClass] | None = None) -> MapSpec:
    """A spec with its bounds, its partner countries (alpha-2 → French name, by name) and the
    countries whose regions are drawn (home plus every country on the map)."""
    codes = {line.country for line in lines} | {places.gazetteer.country_of(f.entity_id) for f in features}
    codes.discard("")
    countries = dict(sorted(((c, places.name(c)) for c in codes), key=lambda kv: kv[1]))
    return MapSpec(
        map_id=map_name, title=title, focus_ids=focus, features=features, lines=lines,
        bounds=_bounds(features, lines, places), words=words,
        region_countries=tuple(sorted({places.gazetteer.home, *countries})), countries=countries,
        choropleth=choropleth or [],
    )


def build_entity_spec(eid: str, facts: Iterable[Partnership], places: Places, words: Vocabulary) -> MapSpec:
    """Map of one place: highlighted, with its partners (and, abroad, its Belarusian counterparts)
    filled or dotted, and one line per partnership."""
    selected = select(eid, facts, places)
    features = [_feature(eid, "focus", places), *party_features(selected, places, words, skip={eid})]
    lines = build_lines(selected, places, words, focus=eid)
    return _spec(map_id(places.gazetteer[eid]), f"Partenariats : {places.name(eid)}", (eid,), features, lines,
                 places, words)


def choropleth_classes(max_count: int) -> list[tuple[int, int]]:
    """Up to 5 equal-interval (low, high) count classes covering 1..max_count."""
    if max_count <= 0:
        return []
    n = min(len(CHOROPLETH), max_count)
    edges = [1 + round(i * max_count / n) for i in range(n)] + [max_count + 1]
    return [(edges[i], edges[i + 1] - 1) for i in range(n) if edges[i] <= edges[i + 1] - 1]


def _class_label(low: int, high: int) -> str:
    unit = "partenariat" if high == 1 else "partenariats"
    return f"{low} {unit}" if low == high else f"{low} à {high} {unit}"


def home_regions(gazetteer: Gazetteer) -> list[str]:
    """Ids of the home country's regions (all get a map and a colour)."""
    return sorted(e.id for e in gazetteer.of_kind("region") if e.country == gazetteer.home)


def choropleth_features(facts: list[Partnership], places: Places) -> tuple[list[MapFeature], list[LegendClass]]:
    """Home regions styled by partnership count (cities count in their region), and the legend."""
    counts = Counter(r for p in facts if (r := places.gazetteer.region_of(p.by)))
    classes = choropleth_classes(max(counts.values(), default=0))
    feats = []
    for eid in home_regions(places.gazetteer):
        n = counts.get(eid, 0)
        idx = next((i for i, (lo, hi) in enumerate(classes) if lo <= n <= hi), -1)
        tip = f"{places.name(eid)} — {n} {'partenariat' if n < 2 else 'partenariats'}"
        feats.append(_feature(eid, f"choro:{idx}", places, tip))
    legend = [LegendClass(NO_DATA_FILL, "aucun partenariat")]
    legend += [LegendClass(CHOROPLETH[i], _class_label(lo, hi)) for i, (lo, hi) in enumerate(classes)]
    return feats, legend


def overview_lines(facts: list[Partnership], places: Places, words: Vocabulary) -> list[Line]:
    """One line per home region (or the home country, for national agreements) × partner country
    × relation, its width growing with the number of partnerships it stands for: not a hairball."""
    gaz = places.gazetteer
    # automatic candidates form their own lines, drawn pale: never merged into verified ones
    groups: dict[tuple[str, str, str, str], list[Partnership]] = defaultdict(list)
    for p in facts:
        groups[(gaz.region_of(p.by) or gaz.home, gaz.country_of(p.partner), p.relation, p.origin)].append(p)
    usable = {k: v for k, v in groups.items() if places.latlon(k[0]) and places.latlon(k[1])}
    pairs = Counter((a, b) for a, b, _, _ in usable)
    seen: Counter = Counter()
    lines = []
    for (a, b, relation, origin), items in sorted(usable.items()):
        pa, pb = places.latlon(a), places.latlon(b)
        assert pa and pb
        offset = offset_amount(seen[(a, b)], pairs[(a, b)])
        seen[(a, b)] += 1
        n = len(items)
        what = words.term("relation", relation).map
        label = f"{places.name(a)} – {places.name(b)} : {what}" + (f", {n} partenariats" if n > 1 else "")
        lines.append(Line(from_id=a, to_id=b, from_latlon=pa, to_latlon=pb, relation=relation, year=None,
                          label=label, href=places.href(b), country=b,
                          path=round_path(bend(great_circle(pa, pb), offset)), status="", origin=origin,
                          links=((places.name(a), places.href(a)), (places.name(b), places.href(b))), count=n))
    return lines


def build_overview_spec(facts: list[Partnership], places: Places, words: Vocabulary) -> MapSpec:
    """Overview: home regions by partnership count, one line per region × country × relation."""
    region_feats, legend = choropleth_features(facts, places)
    skip = {f.entity_id for f in region_feats}
    lines = overview_lines(facts, places, words)
    countries = sorted({ln.to_id for ln in lines})
    features = [*region_feats, *(_feature(c, "partner", places) for c in countries if c != places.gazetteer.home)]
    return _spec(OVERVIEW_MAP, words.phrases["overview_map"], tuple(sorted(skip)), features,
                 lines, places, words, legend)


def mapped_entities(facts: Iterable[Partnership], gazetteer: Gazetteer) -> list[str]:
    """Places that get their own map: every party, the places containing it, every home region."""
    ids: set[str] = set(home_regions(gazetteer))
    for p in facts:
        for eid in (p.by, p.partner):
            ids |= {eid, *gazetteer.ancestors(eid)}
    ids.discard(gazetteer.home)
    return sorted(ids)


def build_all_specs(facts: list[Partnership], places: Places, words: Vocabulary) -> list[MapSpec]:
    """The overview followed by one spec per mapped place, in id order."""
    specs = [build_overview_spec(facts, places, words)]
    specs += [build_entity_spec(e, facts, places, words) for e in mapped_entities(facts, places.gazetteer)]
    return specs
