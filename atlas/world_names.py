"""Curated French names of world places the sources lack: data/places/world_names.yaml.

One row per place, either a country/region by ISO code or a town by GeoNames id:

    - {id: MN-1, name_fr: Oulan-Bator, aliases: [Ulaanbaatar]}
    - {geonameid: 1566083, name_fr: Hô Chi Minh-Ville}

``name_fr`` replaces the display name (the previous one stays an alias); ``aliases`` are added.
Why strict: a typo in a code or a name shared with another place silently moves mentions to the
wrong page. Every problem is a DataError with the file and line: an unknown ISO code, a
GeoNames id that is not a town of the gazetteer, a row without a country, a duplicate row, a
name_fr that another place of the same kind and country already has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pycountry

from atlas.errors import DataError
from atlas.gazetteer import Gazetteer, _dedupe
from atlas.place_index import canonical
from atlas.readers import LINE, read_yaml

KEYS = {"id", "geonameid", "country", "name_fr", "aliases", "note", LINE}


@dataclass(frozen=True)
class Override:
    key: str  # ISO code, or "geonames:<id>"
    name_fr: str
    aliases: tuple[str, ...]
    line: int | None
    country: str | None = None


def _known_code(code: str) -> bool:
    if re.fullmatch(r"[A-Z]{2}", code):
        return pycountry.countries.get(alpha_2=code) is not None
    return pycountry.subdivisions.get(code=code) is not None


def load_overrides(path: Path, gaz: Gazetteer) -> list[Override]:
    """Read and check the rows (codes and countries; town ids are checked when applied)."""
    if not path.exists():
        return []
    rows = read_yaml(path, lines=True) or []
    if not isinstance(rows, list):
        raise DataError(path, "expected a list of {id|geonameid, name_fr, aliases}")
    out: list[Override] = []
    seen: dict[str, int | None] = {}
    for row in rows:
        if not isinstance(row, dict):
            raise DataError(path, "each row must be a mapping")
        line = row.get(LINE)
        extra = sorted(set(row) - KEYS)
        if extra:
            raise DataError(path, f"unknown field(s) {extra}", line)
        aliases = row.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise DataError(path, "'aliases' must be a list of text", line)
        name = row.get("name_fr") or ""
        if not isinstance(name, str):
            raise DataError(path, "'name_fr' must be text", line)
        if "id" in row:
            key = str(row["id"])
            if not _known_code(key):
                raise DataError(path, f"unknown ISO code {key!r} (not a current ISO 3166-1/3166-2 code)", line)
            country = key.split("-")[0]
        elif "geonameid" in row:
            if not isinstance(row["geonameid"], int):
                raise DataError(path, f"geonameid must be a number, got {row['geonameid']!r}", line)
            country = row.get("country")
            if not isinstance(country, str) or pycountry.countries.get(alpha_2=country) is None:
                raise DataError(path, f"town {row['geonameid']} has no valid 'country' (ISO alpha-2)", line)
            key = f"geonames:{row['geonameid']}"
        else:
            raise DataError(path, "a row needs 'id' (ISO code) or 'geonameid' (town)", line)
        if key in seen:
            raise DataError(path, f"duplicate row for {key} (first at line {seen[key]})", line)
        seen[key] = line
        out.append(Override(key, name.strip(), _dedupe(aliases), line, country))
    return out


def apply_overrides(gaz: Gazetteer, overrides: list[Override], kinds: tuple[str, ...],
                    path: Path | None = None) -> None:
    """Apply the rows whose target is of one of *kinds* (countries/regions first, towns later)."""
    path = path or Path("data/places/world_names.yaml")
    towns = {e.geonameid: e.id for e in gaz if e.geonameid} if "ville" in kinds else {}
    for o in overrides:
        town = o.key.startswith("geonames:")
        if town != ("ville" in kinds):
            continue
        eid = towns.get(int(o.key.split(":")[1])) if town else o.key
        if eid is None or eid not in gaz:
            what = "a town of the gazetteer (below the population cut, or merged into its city region?)"
            raise DataError(path, f"{o.key} is not {what if town else 'in the gazetteer'}", o.line)
        entity = gaz[eid]
        if town and entity.country != o.country:
            raise DataError(path, f"{o.key} is in {entity.country}, not {o.country}", o.line)
        name = o.name_fr or entity.name_fr
        if o.name_fr:
            _check_collision(gaz, eid, name, path, o.line)
        gaz.entities[eid] = replace(entity, name_fr=name,
                                    aliases=_dedupe([name, *o.aliases, entity.name_fr, *entity.aliases]))


def _check_collision(gaz: Gazetteer, eid: str, name: str, path: Path, line: int | None) -> None:
    me = gaz[eid]
    key = canonical(name)
    for other in gaz:
        same_place_kind = other.kind == me.kind and other.country == me.country
        if other.id != eid and same_place_kind and canonical(other.name_fr) == key:
            raise DataError(path, f"name_fr {name!r} of {eid} is already the name of {other.id}", line)
