"""The project description: every declared input exists, and a stage is keyed by exactly its files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from atlas.cache import fingerprint
from atlas.project import ROOT, STAGE_INPUTS, PlaceFiles, Project
from tests.conftest import copy_inputs


def test_every_declared_input_of_the_checkout_exists():
    project = Project.at(ROOT)
    for field in dataclasses.fields(Project):
        value = getattr(project, field.name)
        paths = value.all() if isinstance(value, PlaceFiles) else (
            [p for _, p in value] if field.name == "fact_folders" else [value])
        for path in paths:
            if field.name not in ("site", "cache"):  # outputs
                assert isinstance(path, Path) and path.exists(), f"{field.name}: {path}"


def test_stage_inputs_include_those_of_the_stages_they_use():
    project = Project.at(ROOT)
    assert set(project.inputs("gazetteer")) == set(project.places.all())
    assert set(project.inputs("mentions")) == {*project.places.all(), project.first_names, project.organisation_words,
                                                project.ambiguity_words}
    assert set(project.inputs("extract")) == {*project.inputs("mentions"), project.schema}
    assert project.world_geojson in project.inputs("export-regions")
    for stage in STAGE_INPUTS:
        assert len(project.inputs(stage)) == len(set(project.inputs(stage))), f"{stage} lists a file twice"


def test_a_stage_key_follows_its_declared_files_only(tmp_path):
    project = Project.at(copy_inputs(tmp_path))
    keys = {stage: fingerprint(project.inputs(stage)) for stage in STAGE_INPUTS}
    with project.first_names.open("a", encoding="utf-8") as handle:
        handle.write("- Igor\n")
    changed = {stage for stage in STAGE_INPUTS if fingerprint(project.inputs(stage)) != keys[stage]}
    assert changed == {"mentions", "extract"}
