"""The stage cache: a rebuild from cache gives exactly what a full computation gives."""

from __future__ import annotations

from pathlib import Path

from atlas.build import generate
from atlas.cache import StageCache, fingerprint
from atlas.pipeline import Timings
from atlas.project import Project
from tests.conftest import fixture_project


def test_fingerprint_follows_file_content(tmp_path: Path):
    path = tmp_path / "a.yaml"
    path.write_text("x: 1\n", encoding="utf-8")
    first = fingerprint([path, "stage"])
    assert fingerprint([path, "stage"]) == first
    path.write_text("x: 2\n", encoding="utf-8")
    assert fingerprint([path, "stage"]) != first
    path.unlink()
    assert fingerprint([path, "stage"]) not in (first,)


def test_cache_computes_once_and_prunes_unused_entries(tmp_path: Path):
    calls = []
    cache = StageCache(tmp_path / "cache")
    for _ in range(2):
        assert cache.get("stage", ["key"], lambda: calls.append(1) or 42) == 42
    assert calls == [1] and cache.hits == 1
    later = StageCache(tmp_path / "cache")
    later.get("stage", ["other key"], lambda: 7)
    assert later.prune() == 1
    assert len(list((tmp_path / "cache" / "stage").glob("*.pickle"))) == 1


def test_cached_rebuild_equals_full_computation_after_an_edit(tmp_path: Path):
    root = fixture_project(tmp_path / "project")
    project = Project.at(root)
    cache = StageCache(tmp_path / "cache")
    assert generate(project, Timings(), 0, cache) == generate(project, Timings(), 0, None)
    facts = root / "data" / "partenariats" / "fixture.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("relation: jumelage", "relation: relations_amicales"), encoding="utf-8")
    warm = generate(project, Timings(), 0, cache)
    assert warm == generate(project, Timings(), 0, None)
    assert "Relations amicales" in warm["villes/moguilev.md"]
