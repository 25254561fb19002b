"""The small map fixture (tests/fixtures/geo) as the build's own inputs: a Gazetteer, Facts and
the project's Vocabulary, so that map tests run the path the build takes (atlas.maps.stage)."""

from __future__ import annotations

import json
from pathlib import Path

from atlas.facts import Facts, Partnership, Source, load_schema
from atlas.gazetteer import Entity, Gazetteer
from atlas.vocabulary import Vocabulary, vocabulary_from_schema

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "geo"


def project_words(schema_path: Path = ROOT / "data" / "schema.yaml") -> Vocabulary:
    return vocabulary_from_schema(load_schema(schema_path), schema_path)


def fixture_gazetteer(home: str) -> Gazetteer:
    raw = json.loads((FIXTURES / "partnerships.json").read_text(encoding="utf-8"))["entities"]
    entities = {eid: Entity(eid, e["kind"], e["name_fr"], "", "", (), e["country"], e["parent"], e["lat"], e["lon"],
                            eid if e["kind"] in ("pays", "region") else None) for eid, e in raw.items()}
    return Gazetteer(entities, home=home)


def partnership(by: str, partner: str, relation: str, year: int | None, status: str, n: int = 0) -> Partnership:
    source = Source("fixture.yaml", n, "doc", "p-1", "une citation")
    return Partnership(f"f-{n}", by, partner, relation, year, status, source)


def fixture_facts() -> Facts:
    raw = json.loads((FIXTURES / "partnerships.json").read_text(encoding="utf-8"))["partnerships"]
    return Facts(tuple(partnership(r["by"], r["partner"], r["relation"], r["year"], r["status"], n)
                       for n, r in enumerate(raw)), ())
