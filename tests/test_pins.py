"""Pins: every dependency has bounds, and the lock file gives the versions actually installed.

A newcomer and CI install from requirements.lock (see the Makefile); these tests fail when a
dependency is added or upgraded without re-running `make lock`.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?(?P<spec>.*)$")


def lock(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"{path.name}: {line!r} is not an exact pin"
            pins[normalise(name)] = version
    return pins


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *(d for extra in project["optional-dependencies"].values() for d in extra)]


def test_every_declared_dependency_has_a_lower_and_an_upper_bound():
    for requirement in declared():
        spec = REQUIREMENT.match(requirement)["spec"]
        assert ">=" in spec and "<" in spec.replace("<=", "<"), f"{requirement}: give both bounds"


def test_every_declared_dependency_is_locked():
    pins = lock(ROOT / "requirements.lock")
    missing = [r for r in declared() if normalise(REQUIREMENT.match(r)["name"]) not in pins]
    assert not missing, f"run `make lock`: {missing} not in requirements.lock"


def test_the_installed_versions_are_the_locked_ones():
    pins = lock(ROOT / "requirements.lock")
    installed = {normalise(d.metadata["Name"]): d.version for d in metadata.distributions()}
    installed.pop("atlas-belarus", None)
    installed.pop("setuptools", None)
    differ = {name: (version, pins.get(name)) for name, version in installed.items() if pins.get(name) != version}
    assert not differ, f"installed vs requirements.lock (run `make lock`, then reinstall): {differ}"


def test_zensical_is_pinned_to_the_newest_release_that_installs_here():
    pins = lock(ROOT / "requirements-zensical.lock")
    assert pins["zensical"] == "0.0.73"
