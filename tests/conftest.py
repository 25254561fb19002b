"""Shared fixtures: one site build per test session, from a copy of the project's inputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: What a build reads: a copy of these is enough to build the site anywhere.
INPUTS = ("corpus", "data", "geo", "docs", "mkdocs.yml", "tests/url_list.txt")


def copy_inputs(target: Path) -> Path:
    """Copy the project's build inputs (not its outputs) into `target`."""
    for name in INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site built from a clean copy of the inputs; returns the site folder."""
    from atlas.build import run
    from atlas.project import Project

    project = Project.at(copy_inputs(tmp_path_factory.mktemp("project")))
    run(project)
    return project.site


#: fixtures that build the whole site (tens of seconds each): tests using them are `slow`, and
#: `make check` (the fast lane) leaves them to `make test`.
SITE_FIXTURES = {"built_site", "zensical_site", "any_site", "good_project", "second_build", "hostile",
                 "bad_input_project"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def zensical_site(built_site) -> Path:
    """The same generated docs/ built with the pinned Zensical (`make test` installs it)."""
    from atlas.build import data_epoch
    from atlas.tools.zensical import build

    root = built_site.parent
    build(root, root / "site-zensical", data_epoch(root))
    return root / "site-zensical"


@pytest.fixture(scope="session", params=["mkdocs", "zensical"])
def any_site(request) -> Path:
    """Each build of the site in turn: MkDocs Material (the reference) and Zensical."""
    return request.getfixturevalue("built_site" if request.param == "mkdocs" else "zensical_site")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files on purpose")


@pytest.fixture
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


def fixture_project(target: Path) -> Path:
    """A project with the tiny fixture corpus and facts, and the real places and geometry."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "corpus", target / "corpus")
    shutil.copytree(ROOT / "tests" / "fixtures" / "project" / "data", target / "data")
    shutil.copytree(ROOT / "data" / "places", target / "data" / "places")
    shutil.copytree(ROOT / "data" / "words", target / "data" / "words")
    shutil.copy2(ROOT / "data" / "schema.yaml", target / "data" / "schema.yaml")
    shutil.copytree(ROOT / "geo", target / "geo")
    return target
