"""The gazetteer: every place (country, region, city, district) the atlas can name.

Sources, all committed and readable:
  data/places/countries.yaml  countries (ISO alpha-2) with every French spelling of the corpus
  data/places/regions.yaml    curated French display name + aliases per region (ISO 3166-2)
  geo/regions.geojson         region geometry and Natural Earth names (built by make_geo.py)
  data/places/cities.yaml     cities and districts (slug ids), coordinates committed

Why strict validation: an alias typo or a wrong parent silently moves a fact to another
place on the map. Every problem raises ``DataError`` naming the file, the line when known,
and what is wrong, so a curator can fix the YAML without reading Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry

from atlas.errors import DataError
from atlas.project import PlaceFiles
from atlas.readers import GEO_MISSING, LINE, read_json, read_yaml

KINDS = ("pays", "region", "ville", "district", "organisation")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REGION_RE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
COUNTRY_KEYS = {"id", "name_fr", "name_en", "name_ru", "demonym", "aliases", "regions"}
DEMONYM_RE = re.compile(r"^[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?$")
REGION_KEYS = {"name_fr", "name_en", "name_ru", "aliases", "exclude_aliases", "wikidata", "note"}
CITY_KEYS = {"id", "kind", "name_fr", "name_en", "name_ru", "aliases", "country", "parent",
             "lat", "lon", "geonameid", "note"}


@dataclass(frozen=True)
class Entity:
    """One place. ``iso`` is the ISO code for countries/regions, ``None`` for cities."""

    id: str
    kind: str
    name_fr: str
    name_en: str
    name_ru: str
    aliases: tuple[str, ...]
    country: str
    parent: str | None
    lat: float | None
    lon: float | None
    iso: str | None
    #: countries only: the French adjective ("iranien"), see countries.yaml
    demonym: str | None = None
    #: world gazetteer (atlas.world): inhabitants (towns), ISO/NE type of a region, GeoNames id
    population: int = 0
    subtype: str = ""
    geonameid: int | None = None
    #: "curated" (data/places, geo/regions.geojson) or "world" (atlas.world, from the libraries)
    source: str = "curated"


@dataclass(frozen=True)
class Country:
    """A row of countries.yaml; ``regions`` says whether make_geo.py maps its regions."""

    id: str
    name_fr: str
    name_en: str
    name_ru: str
    aliases: tuple[str, ...]
    regions: bool
    demonym: str | None = None


@dataclass
class Gazetteer:
    """All entities by id, with small helpers used by recognition, pages and maps."""

    entities: dict[str, Entity] = field(default_factory=dict)
    #: alpha-2 code of the atlas's own country (data/schema.yaml `home_country`), set by the build
    home: str = ""
    _children: dict[str, list[Entity]] | None = field(default=None, repr=False, compare=False)
    _children_size: int = field(default=-1, repr=False, compare=False)

    def __getitem__(self, key: str) -> Entity:
        return self.entities[key]

    def __contains__(self, key: object) -> bool:
        return key in self.entities

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def __len__(self) -> int:
        return len(self.entities)

    def of_kind(self, kind: str) -> list[Entity]:
        """Entities of one kind, in id order."""
        return sorted((e for e in self if e.kind == kind), key=lambda e: e.id)

    def children(self, parent: str) -> list[Entity]:
        """Entities whose parent is *parent* (regions of a country, cities of a region)."""
        if self._children is None or self._children_size != len(self.entities):
            index: dict[str, list[Entity]] = {}
            for entity in sorted(self, key=lambda e: e.id):
                if entity.parent:
                    index.setdefault(entity.parent, []).append(entity)
            self._children, self._children_size = index, len(self.entities)
        return list(self._children.get(parent, []))

    def ancestors(self, entity_id: str) -> list[str]:
        """Parents from the nearest up (district → city → region), then the country."""
        out = []
        entity = self.entities[entity_id]
        while entity.parent and entity.parent in self.entities:
            out.append(entity.parent)
            entity = self.entities[entity.parent]
        if entity.kind != "pays" and entity.country in self.entities and entity.country not in out:
            out.append(entity.country)
        return out

    def region_of(self, entity_id: str) -> str | None:
        """First-level region containing the place (itself for a region), None for a country."""
        for eid in (entity_id, *self.ancestors(entity_id)):
            if self.entities[eid].kind == "region":
                return eid
        return None

    def country_of(self, entity_id: str) -> str:
        """Alpha-2 code of the place's country (itself for a country)."""
        entity = self.entities[entity_id]
        return entity.id if entity.kind == "pays" else entity.country

    def is_home(self, entity_id: str) -> bool:
        """Whether the place is the atlas's own country or inside it."""
        return self.country_of(entity_id) == self.home

    def names(self, entity_id: str) -> tuple[str, ...]:
        """Every spelling of an entity: display names first, then aliases (deduplicated)."""
        ent = self.entities[entity_id]
        return _dedupe((ent.name_fr, ent.name_en, ent.name_ru, *ent.aliases))


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        item = (item or "").strip()
        if item and item not in out:
            out.append(item)
    return tuple(out)


def _text(row: dict[str, Any], key: str, path: Path, required: bool = True) -> str:
    """A string field; missing/empty required fields are an error."""
    value = row.get(key)
    if value is None or value == "":
        if required:
            raise DataError(path, f"missing '{key}'", row.get(LINE))
        return ""
    if not isinstance(value, str):
        raise DataError(path, f"'{key}' must be text, got {value!r}", row.get(LINE))
    return value.strip()


def _aliases(row: dict[str, Any], path: Path) -> tuple[str, ...]:
    value = row.get("aliases") or []
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        raise DataError(path, "'aliases' must be a list of text", row.get(LINE))
    return _dedupe(value)


def _check_keys(row: dict[str, Any], allowed: set[str], path: Path) -> None:
    extra = sorted(set(row) - allowed - {LINE})
    if extra:
        raise DataError(path, f"unknown field(s) {extra}", row.get(LINE))


def _rows(path: Path) -> list[dict[str, Any]]:
    data = read_yaml(path, lines=True)
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise DataError(path, "expected a list of mappings")
    return data


def load_countries(path: Path) -> list[Country]:
    """Read countries.yaml; ids must be current ISO 3166-1 alpha-2 codes, unique."""
    out: list[Country] = []
    seen: set[str] = set()
    for row in _rows(path):
        _check_keys(row, COUNTRY_KEYS, path)
        cid = _text(row, "id", path)
        if pycountry.countries.get(alpha_2=cid) is None:
            raise DataError(path, f"'{cid}' is not an ISO 3166-1 alpha-2 code", row.get(LINE))
        if cid in seen:
            raise DataError(path, f"duplicate country id {cid}", row.get(LINE))
        seen.add(cid)
        demonym = _text(row, "demonym", path, required=False) or None
        if demonym is not None and not DEMONYM_RE.match(demonym):
            raise DataError(path, f"{cid}: demonym {demonym!r} must be one lowercase word", row.get(LINE))
        out.append(Country(cid, _text(row, "name_fr", path), _text(row, "name_en", path),
                           _text(row, "name_ru", path), _aliases(row, path),
                           bool(row.get("regions", False)), demonym))
    return out


def load_region_curation(path: Path) -> dict[str, dict[str, Any]]:
    """Read regions.yaml (id -> name_fr, aliases...); ids must be current ISO 3166-2."""
    data = read_yaml(path, lines=True)
    if not isinstance(data, dict):
        raise DataError(path, "expected a mapping ISO 3166-2 id -> {name_fr, aliases}")
    known = {s.code for s in pycountry.subdivisions}
    out: dict[str, dict[str, Any]] = {}
    for rid, row in data.items():
        if rid == LINE:
            continue
        if not isinstance(row, dict):
            raise DataError(path, f"{rid}: expected a mapping with name_fr")
        line = row.get(LINE)
        if not REGION_RE.match(str(rid)) or rid not in known:
            raise DataError(path, f"unknown region id {rid!r} (not a current ISO 3166-2)", line)
        _check_keys(row, REGION_KEYS, path)
        out[rid] = {
            "name_fr": _text(row, "name_fr", path),
            "name_en": _text(row, "name_en", path, required=False),
            "name_ru": _text(row, "name_ru", path, required=False),
            "wikidata": _text(row, "wikidata", path, required=False),
            "aliases": _aliases(row, path),
            "exclude_aliases": tuple(row.get("exclude_aliases") or ()),
            "line": line,
        }
    return out


def _country_entity(c: Country) -> Entity:
    return Entity(c.id, "pays", c.name_fr, c.name_en, c.name_ru, c.aliases, c.id, None,
                  None, None, c.id, c.demonym)


def _region_properties(geojson: Path) -> dict[str, dict[str, Any]]:
    """Region id → properties of geo/regions.geojson, checked enough to name what is wrong."""
    data = read_json(geojson, GEO_MISSING)
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list) or not features:
        raise DataError(geojson, "expected a FeatureCollection with a non-empty 'features' list")
    props: dict[str, dict[str, Any]] = {}
    for number, feature in enumerate(features, start=1):
        p = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(p, dict) or not p.get("id") or not p.get("country"):
            raise DataError(geojson, f"feature #{number} has no properties 'id' and 'country'")
        if p["id"] in props:
            raise DataError(geojson, f"duplicate region id {p['id']} (feature #{number})")
        props[p["id"]] = p
    return props


def load_regions(geojson: Path, curation_path: Path, countries: set[str]) -> list[Entity]:
    """Regions = geometry (ids, NE names, label point) + curated names and aliases."""
    props = _region_properties(geojson)
    curated = load_region_curation(curation_path)
    for rid, row in curated.items():
        if rid not in props:
            raise DataError(curation_path, f"region {rid} has no geometry in {geojson}",
                            row["line"])
    out = []
    for rid in sorted(props):
        p = props[rid]
        if p["country"] not in countries:
            raise DataError(geojson, f"region {rid}: country {p['country']} not in countries")
        cur = curated.get(rid, {})
        excluded = set(cur.get("exclude_aliases", ()))
        names = (*cur.get("aliases", ()), *_split_variants(p.get("ne_names", ())), *p.get("legacy_codes", ()))
        aliases = _dedupe([a for a in names if a not in excluded])
        out.append(Entity(rid, "region", cur.get("name_fr") or p["name_fr"],
                          cur.get("name_en") or p.get("name_en", ""),
                          cur.get("name_ru") or p.get("name_ru", ""), aliases, p["country"],
                          p["country"], p.get("lat"), p.get("lon"), rid,
                          subtype=getattr(pycountry.subdivisions.get(code=rid), "type", "") or ""))
    return out


def _split_variants(names: Iterable[str]) -> list[str]:
    """Natural Earth packs variants as "重慶|重庆", has one-letter junk ("K") and French names cut
    after the article ("d'Arkhangelsk", "l'Amour"): split, drop the junk and the fragments."""
    out = []
    for name in names:
        for part in str(name).split("|"):
            part = part.strip()
            if part.startswith(("d'", "l'", "d’", "l’")):
                continue
            if len(part) > 1 or (part and not part.isascii()):
                out.append(part)
    return out


def _coord(row: dict[str, Any], key: str, limit: float, path: Path) -> float:
    value = row.get(key)
    if not isinstance(value, (int, float)) or isinstance(value, bool) or abs(value) > limit:
        raise DataError(path, f"'{key}' must be a number within ±{limit}, got {value!r}",
                        row.get(LINE))
    return float(value)


def load_cities(path: Path, regions: dict[str, Entity]) -> list[Entity]:
    """Read cities.yaml (cities and districts); parents must be known regions."""
    out = []
    seen: dict[str, int | None] = {}
    for row in _rows(path):
        _check_keys(row, CITY_KEYS, path)
        line = row.get(LINE)
        eid = _text(row, "id", path)
        if not SLUG_RE.match(eid):
            raise DataError(path, f"id {eid!r} is not a lowercase ascii slug", line)
        if eid in seen:
            raise DataError(path, f"duplicate id {eid!r} (first at line {seen[eid]})", line)
        seen[eid] = line
        kind = _text(row, "kind", path)
        if kind not in ("ville", "district"):
            raise DataError(path, f"{eid}: kind must be 'ville' or 'district', not {kind!r}",
                            line)
        parent = _text(row, "parent", path)
        country = _text(row, "country", path)
        if parent not in regions:
            raise DataError(path, f"{eid}: unknown parent region {parent!r}", line)
        if regions[parent].country != country:
            raise DataError(path, f"{eid}: parent {parent} is not in country {country}", line)
        out.append(Entity(eid, kind, _text(row, "name_fr", path), _text(row, "name_en", path),
                          _text(row, "name_ru", path), _aliases(row, path), country, parent,
                          _coord(row, "lat", 90, path), _coord(row, "lon", 180, path), None,
                          geonameid=row.get("geonameid") if isinstance(row.get("geonameid"), int) else None))
    return out


def _add(gaz: Gazetteer, entity: Entity, path: Path) -> None:
    if entity.id in gaz.entities:
        raise DataError(path, f"duplicate id {entity.id}")
    gaz.entities[entity.id] = entity


def load_gazetteer(files: PlaceFiles) -> Gazetteer:
    """Load and validate the whole gazetteer from its declared files (see atlas.project)."""
    countries = load_countries(files.countries)
    gaz = Gazetteer()
    for country in countries:
        _add(gaz, _country_entity(country), files.countries)
    regions = load_regions(files.regions_geojson, files.regions, {c.id for c in countries})
    for region in regions:
        _add(gaz, region, files.regions)
    by_id = {r.id: r for r in regions}
    for city in load_cities(files.cities, by_id):
        _add(gaz, city, files.cities)
    from atlas.organisations import load_organisations

    for org in load_organisations(files.organisations):
        _add(gaz, org, files.organisations)
    if files.admin1.exists():  # a project with world data (geo/admin1.json): the world gazetteer
        from atlas.world import add_world

        add_world(gaz, files)
    return gaz
