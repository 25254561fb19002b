"""Build MapSpecs from plain partnership records and an entity lookup.

Inputs are plain dicts so that this stage does not depend on how the
gazetteer or the fact files are loaded:

* record: {"by_id", "partner_id", "relation", "year", "status", ...}
  (by_id = Belarusian party, partner_id = foreign party); the fact files'
  keys "by"/"partner" are accepted too (see normalise_records).
* entities: {id: {"name_fr", "kind", "lat", "lon", "url"?, "country"?, "region"?}}
  kind is one of pays | region | ville | district (English aliases accepted).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from atlas.maps.geometry import bend, bounds_from_points, great_circle, offset_amount, round_path
from atlas.maps.model import (
    CHOROPLETH,
    NO_DATA_FILL,
    STATUS_LABELS,
    TENTATIVE_STATUSES,
    Bounds,
    LatLon,
    LegendClass,
    Line,
    MapFeature,
    MapSpec,
    relation_label,
)

Entity = Mapping[str, Any]
Entities = Mapping[str, Entity]
Record = Mapping[str, Any]

OVERVIEW_ID = "apercu"
KIND_ALIASES = {"country": "pays", "city": "ville", "town": "ville", "ville": "ville",
                "pays": "pays", "region": "region", "district": "district"}
FOLDERS = {"pays": "pays", "region": "regions", "ville": "villes", "district": "villes"}
POLYGON_KINDS = {"pays", "region"}


def kind_of(eid: str, entities: Entities) -> str:
    """Normalised kind; ids shaped like ISO codes are recognised without a kind."""
    raw = str(entities.get(eid, {}).get("kind", "")).lower()
    if raw in KIND_ALIASES:
        return KIND_ALIASES[raw]
    if eid.isupper() and len(eid) == 2:
        return "pays"
    return "region" if eid[:2].isupper() and "-" in eid else "ville"


def country_of(eid: str, entities: Entities) -> str:
    """Alpha-2 country of an entity (explicit field, else derived from its id)."""
    explicit = entities.get(eid, {}).get("country")
    if explicit:
        return str(explicit).upper()
    kind = kind_of(eid, entities)
    if kind == "pays":
        return eid
    if kind == "region":
        return eid.split("-", 1)[0]
    region = region_of(eid, entities)
    return region.split("-", 1)[0] if region else ""


def region_of(eid: str, entities: Entities) -> str:
    """First-level region containing the entity ('' when unknown or a country)."""
    kind = kind_of(eid, entities)
    if kind == "region":
        return eid
    parent = entities.get(eid, {}).get("region") or ""
    if parent and kind_of(parent, entities) != "region":  # district of a city
        return region_of(parent, entities)
    return str(parent)


def name_of(eid: str, entities: Entities) -> str:
    """French display name, falling back to the id."""
    return str(entities.get(eid, {}).get("name_fr") or eid)


def href_of(eid: str, entities: Entities) -> str:
    """Page URL relative to the docs root (explicit 'url', else by convention)."""
    url = entities.get(eid, {}).get("url")
    if url:
        return str(url)
    return f"{FOLDERS[kind_of(eid, entities)]}/{eid.lower()}.html"


def latlon_of(eid: str, entities: Entities) -> LatLon | None:
    """Label point of an entity, or None when the gazetteer has no coordinates."""
    ent = entities.get(eid, {})
    if ent.get("lat") is None or ent.get("lon") is None:
        return None
    return (float(ent["lat"]), float(ent["lon"]))


def map_id_for(eid: str, entities: Entities) -> str:
    """Stable file stem of an entity's map, e.g. 'regions-kz-35'."""
    return f"{FOLDERS[kind_of(eid, entities)]}-{eid.lower()}"


def ancestors(eid: str, entities: Entities) -> set[str]:
    """The entity, its parents (district → city → region) and its country."""
    out = {eid, country_of(eid, entities)}
    parent = entities.get(eid, {}).get("region")
    while parent and parent not in out:
        out.add(str(parent))
        parent = entities.get(parent, {}).get("region")
    return out - {""}


def _year_text(record: Record) -> str:
    """' (2005)' or '' — years are optional in the fact files."""
    return f" ({record['year']})" if record.get("year") else ""


def _relation_text(record: Record) -> str:
    """'jumelage (2005)' — the short relation description used in tooltips.

    Tentative partnerships say so in words: their paler line is not enough.
    """
    text = relation_label(str(record.get("relation") or "autre")).lower() + _year_text(record)
    status = str(record.get("status") or "")
    return text + (f", {STATUS_LABELS[status]}" if status in TENTATIVE_STATUSES else "")


def normalise_records(records: Iterable[Record]) -> list[Record]:
    """Accept fact-file records ("by"/"partner") as well as "by_id"/"partner_id"."""
    out = []
    for rec in records:
        if "by_id" not in rec or "partner_id" not in rec:
            rec = {**rec, "by_id": rec.get("by_id", rec.get("by")),
                   "partner_id": rec.get("partner_id", rec.get("partner"))}
        out.append(rec)
    return out


def select_records(eid: str, records: Iterable[Record], entities: Entities) -> list[Record]:
    """Records in which the entity, or something inside it, is a party."""
    return [r for r in records
            if eid in ancestors(r["by_id"], entities) or eid in ancestors(r["partner_id"], entities)]


def _other_side(record: Record, focus: str, entities: Entities) -> str:
    """Party of a record that is not inside the map's focus (partner by default)."""
    if focus in ancestors(record["partner_id"], entities):
        return str(record["by_id"])
    return str(record["partner_id"])


def build_lines(records: list[Record], entities: Entities, focus: str = "") -> list[Line]:
    """One densified great-circle Line per record with known coordinates.

    Lines sharing both endpoints get increasing sideways offsets so that
    each remains visible and clickable.
    """
    usable = [r for r in records if latlon_of(r["by_id"], entities) and latlon_of(r["partner_id"], entities)]
    groups: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for rec in usable:
        groups[tuple(sorted((rec["by_id"], rec["partner_id"])))].append(rec)  # type: ignore[index]
    lines = []
    for rec in usable:
        group = groups[tuple(sorted((rec["by_id"], rec["partner_id"])))]  # type: ignore[index]
        lines.append(_line(rec, entities, focus, offset_amount(group.index(rec), len(group))))
    return lines


def _line(rec: Record, entities: Entities, focus: str, offset: float) -> Line:
    """Build one Line (see build_lines)."""
    a, b = str(rec["by_id"]), str(rec["partner_id"])
    pa, pb = latlon_of(a, entities), latlon_of(b, entities)
    assert pa and pb
    other = _other_side(rec, focus, entities) if focus else b
    return Line(
        from_id=a, to_id=b, from_latlon=pa, to_latlon=pb,
        relation=str(rec.get("relation") or "autre"),
        year=int(rec["year"]) if rec.get("year") else None,
        label=f"{name_of(a, entities)} – {name_of(b, entities)} : {_relation_text(rec)}",
        href=href_of(other, entities),
        country=country_of(b, entities),
        path=round_path(bend(great_circle(pa, pb), offset)),
        status=str(rec.get("status") or ""),
        links=tuple((name_of(e, entities), href_of(e, entities)) for e in (other, a if other == b else b)),
    )


def _feature(eid: str, style: str, entities: Entities, base_ids: Collection[str] | None,
             tooltip: str = "") -> MapFeature:
    """A polygon feature when the base layer has the entity, else a point."""
    kind = kind_of(eid, entities)
    has_polygon = kind in POLYGON_KINDS and (base_ids is None or eid in base_ids)
    if not has_polygon and style in ("partner", "focus"):
        style = "focus_city" if style == "focus" else "city"
    elif style == "focus" and kind == "pays":
        style = "focus_country"
    return MapFeature(
        entity_id=eid, name=name_of(eid, entities), kind=kind, style=style,
        geometry_ref=eid if has_polygon else None,
        point=None if has_polygon else latlon_of(eid, entities),
        href=href_of(eid, entities),
        tooltip=tooltip or name_of(eid, entities),
    )


def _tooltips(records: list[Record], entities: Entities) -> dict[str, str]:
    """Per-party tooltip 'Name — jumelage (2005), accord (2010)'."""
    parts: dict[str, list[str]] = defaultdict(list)
    for rec in records:
        for eid in (rec["by_id"], rec["partner_id"]):
            parts[eid].append(_relation_text(rec))
    return {eid: f"{name_of(eid, entities)} — {', '.join(dict.fromkeys(v))}" for eid, v in parts.items()}


def party_features(records: list[Record], entities: Entities, base_ids: Collection[str] | None,
                   skip: Collection[str] = ()) -> list[MapFeature]:
    """Features for every party of the records (partner style), in first-seen order."""
    tips = _tooltips(records, entities)
    seen: dict[str, None] = {}
    for rec in records:
        seen.update({rec["by_id"]: None, rec["partner_id"]: None})
    return [_feature(e, "partner", entities, base_ids, tips[e]) for e in seen if e not in skip]


def _bounds(features: list[MapFeature], lines: list[Line], entities: Entities) -> Bounds:
    """Bounds from label points of features and from the drawn (unwrapped) line paths."""
    pts: list[LatLon] = [p for f in features if (p := f.point or latlon_of(f.entity_id, entities))]
    for line in lines:  # whole arcs: a Minsk–Anadyr arc peaks far north of both ends
        pts.extend(line.path or (line.from_latlon, line.to_latlon))
    return bounds_from_points(pts)


def _countries(features: list[MapFeature], lines: list[Line], entities: Entities) -> dict[str, str]:
    """Partner countries present on a map (alpha-2 → French name), sorted by name."""
    codes = {line.country for line in lines} | {country_of(f.entity_id, entities) for f in features}
    codes.discard("")
    return dict(sorted(((c, name_of(c, entities)) for c in codes), key=lambda kv: kv[1]))


def _region_countries(countries: Mapping[str, str]) -> tuple[str, ...]:
    """Countries whose regions are drawn: Belarus plus every country on the map."""
    return tuple(sorted({"BY", *countries}))


def build_entity_spec(eid: str, records: Iterable[Record], entities: Entities,
                      base_ids: Collection[str] | None = None) -> MapSpec:
    """Map of one entity (Belarusian region or city, foreign country, region or city).

    The entity is highlighted; its partners (and, for a foreign entity, its
    Belarusian counterparts) are filled or dotted; one line per partnership.
    """
    selected = select_records(eid, normalise_records(records), entities)
    focus = _feature(eid, "focus", entities, base_ids)
    features = [focus, *party_features(selected, entities, base_ids, skip={eid})]
    lines = build_lines(selected, entities, focus=eid)
    countries = _countries(features, lines, entities)
    return MapSpec(
        map_id=map_id_for(eid, entities), title=f"Partenariats : {name_of(eid, entities)}",
        focus_ids=(eid,), features=features, lines=lines,
        bounds=_bounds(features, lines, entities),
        region_countries=_region_countries(countries), countries=countries,
    )


def choropleth_classes(max_count: int) -> list[tuple[int, int]]:
    """Up to 5 equal-interval (low, high) count classes covering 1..max_count."""
    if max_count <= 0:
        return []
    n = min(len(CHOROPLETH), max_count)
    edges = [1 + round(i * max_count / n) for i in range(n)] + [max_count + 1]
    return [(edges[i], edges[i + 1] - 1) for i in range(n) if edges[i] <= edges[i + 1] - 1]


def _class_label(low: int, high: int) -> str:
    """French legend text of a count class."""
    unit = "partenariat" if high == 1 else "partenariats"
    return f"{low} {unit}" if low == high else f"{low} à {high} {unit}"


def belarus_regions(entities: Entities) -> list[str]:
    """Ids of the Belarusian regions in the gazetteer (all get a map and a colour)."""
    return sorted(e for e in entities if kind_of(e, entities) == "region" and country_of(e, entities) == "BY")


def by_region_counts(records: Iterable[Record], entities: Entities) -> Counter[str]:
    """Number of partnerships per Belarusian region (cities counted in their region)."""
    return Counter(r for rec in records if (r := region_of(rec["by_id"], entities)))


def choropleth_features(counts: Mapping[str, int], entities: Entities,
                        base_ids: Collection[str] | None) -> tuple[list[MapFeature], list[LegendClass]]:
    """Belarusian regions styled by partnership count, plus the legend classes."""
    classes = choropleth_classes(max(counts.values(), default=0))
    by_regions = belarus_regions(entities)
    feats = []
    for eid in by_regions:
        n = counts.get(eid, 0)
        idx = next((i for i, (lo, hi) in enumerate(classes) if lo <= n <= hi), -1)
        tip = f"{name_of(eid, entities)} — {n} {'partenariat' if n < 2 else 'partenariats'}"
        feats.append(_feature(eid, f"choro:{idx}", entities, base_ids, tip))
    legend = [LegendClass(NO_DATA_FILL, "aucun partenariat")]
    legend += [LegendClass(CHOROPLETH[i], _class_label(lo, hi)) for i, (lo, hi) in enumerate(classes)]
    return feats, legend


def build_overview_spec(records: Iterable[Record], entities: Entities,
                        base_ids: Collection[str] | None = None) -> MapSpec:
    """Overview: Belarusian regions by partnership count, lines to every partner."""
    records = normalise_records(records)
    by_feats, legend = choropleth_features(by_region_counts(records, entities), entities, base_ids)
    skip = {f.entity_id for f in by_feats}
    features = [*by_feats, *party_features(records, entities, base_ids, skip=skip)]
    lines = build_lines(records, entities)
    countries = _countries(features, lines, entities)
    return MapSpec(
        map_id=OVERVIEW_ID, title="Partenariats des régions du Bélarus",
        focus_ids=tuple(sorted(skip)), features=features, lines=lines,
        bounds=_bounds(features, lines, entities),
        region_countries=_region_countries(countries), countries=countries, choropleth=legend,
    )


def mapped_entities(records: Iterable[Record], entities: Entities) -> list[str]:
    """Entities that get their own map: every party, its parents, all Belarusian regions."""
    ids: set[str] = set(belarus_regions(entities))
    for rec in normalise_records(records):
        for eid in (rec["by_id"], rec["partner_id"]):
            ids |= ancestors(eid, entities)
    ids.discard("BY")
    return sorted(ids)


def build_all_specs(records: Iterable[Record], entities: Entities,
                    base_ids: Collection[str] | None = None) -> list[MapSpec]:
    """The overview followed by one spec per mapped entity, in id order."""
    records = normalise_records(records)
    specs = [build_overview_spec(records, entities, base_ids)]
    specs += [build_entity_spec(e, records, entities, base_ids) for e in mapped_entities(records, entities)]
    return specs
