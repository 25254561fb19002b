"""International organisations (CEI, UEEA, État de l'Union, OCS, Fonds OPEP, BRICS, ONU...): a kind
of entity with its own pages, read from data/places/organisations.yaml.

Why in the gazetteer: figures such as the CIS's growth or the EAEU's share of exports need an
entity to attach to, and recognition must read "Organisation de coopération de Shanghai" as one
name (not the city of Shanghai), "l'État de l'Union" as the Union State (not a place called
Union). Validation names the file and line: a bad id, a duplicate id, a missing name, an alias
that is already another organisation's.
"""

from __future__ import annotations

import re
from pathlib import Path

from atlas.errors import DataError
from atlas.gazetteer import Entity, _dedupe
from atlas.readers import LINE, read_yaml

KIND = "organisation"
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KEYS = {"id", "name_fr", "name_en", "name_ru", "aliases", "note", LINE}


def load_organisations(path: Path) -> list[Entity]:
    """Organisations as entities (no country, no parent, no coordinates)."""
    if not path.exists():
        return []
    rows = read_yaml(path, lines=True) or []
    if not isinstance(rows, list):
        raise DataError(path, "expected a list of organisations")
    out: list[Entity] = []
    seen: dict[str, int | None] = {}
    owner: dict[str, str] = {}
    for row in rows:
        line = row.get(LINE) if isinstance(row, dict) else None
        if not isinstance(row, dict):
            raise DataError(path, "each organisation must be a mapping")
        extra = sorted(set(row) - KEYS)
        if extra:
            raise DataError(path, f"unknown field(s) {extra}", line)
        oid = row.get("id")
        if not isinstance(oid, str) or not ID_RE.match(oid):
            raise DataError(path, f"id {oid!r} is not a lowercase ascii slug", line)
        if oid in seen:
            raise DataError(path, f"duplicate organisation id {oid!r} (first at line {seen[oid]})", line)
        seen[oid] = line
        name = row.get("name_fr")
        if not isinstance(name, str) or not name.strip():
            raise DataError(path, f"{oid}: missing 'name_fr'", line)
        aliases = row.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise DataError(path, f"{oid}: 'aliases' must be a list of text", line)
        names = _dedupe([name, *aliases])
        for alias in names:
            key = alias.casefold()
            if owner.get(key, oid) != oid:
                raise DataError(path, f"{oid}: alias {alias!r} is already a name of {owner[key]}", line)
            owner[key] = oid
        out.append(Entity(oid, KIND, name.strip(), str(row.get("name_en") or ""), str(row.get("name_ru") or ""),
                          names, "", None, None, None, None))
    return out
