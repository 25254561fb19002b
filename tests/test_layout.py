"""The package's shape: stages never reach into tooling or tests, no import circle, modules stay
small, and only atlas/project.py knows where the inputs are under a project folder."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "atlas"
MAX_LINES = 400
#: a path joined onto a project folder by hand ("root / 'data'"): the project description's job
PROJECT_PATH = re.compile(r"""/\s*["'](?:corpus|data|geo|docs|site)["']|with_name\(["']\w+\.(?:geojson|ya?ml)""")


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def imports(path: Path, known: set[str]) -> set[str]:
    """The atlas modules `path` imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in known or name.startswith("tests")}


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: imports(path, set(mods)) - {name} for name, path in mods.items()}


def test_stages_never_import_tools_or_tests():
    upward = {name: sorted(i for i in deps if i.startswith(("atlas.tools", "tests")))
              for name, deps in graph().items() if not name.startswith("atlas.tools")}
    assert {name: deps for name, deps in upward.items() if deps} == {}


def test_no_import_circle():
    deps = graph()
    circles = set()

    def walk(start: str, node: str, path: tuple[str, ...]) -> None:
        for nxt in deps.get(node, ()):
            if nxt == start:
                circles.add(tuple(sorted(path)))
            elif nxt not in path and nxt in deps:
                walk(start, nxt, (*path, nxt))

    for name in deps:
        walk(name, name, (name,))
    assert circles == set()


def test_modules_stay_under_four_hundred_lines():
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, "split these modules (see CONTRIBUTING.md)"


def test_only_the_project_description_builds_input_paths():
    offenders = [f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}"
                 for name, path in modules().items() if name not in ("atlas.project",)
                 and not name.startswith("atlas.tools")
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if PROJECT_PATH.search(line)]
    assert offenders == []
