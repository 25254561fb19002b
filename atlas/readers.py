"""The one place that reads data files: YAML, JSON and CSV, with `file:line` errors.

Every curated file a curator edits by hand goes through here, so every mistake reads the same
way (`data/places/cities.yaml:12: malformed YAML: ...`) and a key written twice is always an
error: YAML would otherwise silently keep the last of two equal keys (two regions `AT-2`, two
`year:` in one fact).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import yaml

from atlas.errors import DataError

#: key under which `read_yaml(..., lines=True)` records the 1-based line of each mapping
LINE = "__line__"
#: what to say when a file of geo/ is missing
GEO_MISSING = "file missing (regenerate with `make geo`)"
#: libyaml's parser when PyYAML has it (ten times faster on the fact files), else the Python one.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _text(path: Path, text: str | None, missing: str) -> str:
    if text is not None:
        return text
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, missing) from None


def _yaml_line(err: yaml.YAMLError) -> int | None:
    mark = getattr(err, "problem_mark", None)
    return mark.line + 1 if mark else None


def duplicate_keys(node: yaml.MappingNode) -> list[yaml.ScalarNode]:
    """Scalar keys of a mapping node that repeat an earlier key (the second and later ones)."""
    seen: set[str] = set()
    twice = []
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode):
            if key.value in seen:
                twice.append(key)
            seen.add(key.value)
    return twice


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """Safe loader refusing duplicate keys; with `record_lines`, mappings get their line."""

    record_lines = False


class _LineLoader(_Loader):
    record_lines = True


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> dict[str, Any]:
    twice = duplicate_keys(node)
    if twice:
        raise yaml.constructor.ConstructorError(None, None, f"duplicate key {twice[0].value!r}", twice[0].start_mark)
    data = loader.construct_mapping(node, deep=True)
    if loader.record_lines:
        data[LINE] = node.start_mark.line + 1
    return data


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, *, lines: bool = False, text: str | None = None) -> Any:
    """A YAML file's data; with `lines`, every mapping also holds its line under `LINE`."""
    source = _text(path, text, "file not found")
    try:
        return yaml.load(source, Loader=_LineLoader if lines else _Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as err:
        raise DataError(path, f"malformed YAML: {err}", _yaml_line(err)) from None


def read_yaml_entries(path: Path, text: str | None = None, list_key: str | None = None
                      ) -> list[tuple[int, dict[str, Any]]]:
    """The entries of a YAML list of mappings, each with the line it starts on.

    The list is the whole file, or the value of `list_key` in a top-level mapping
    (`documents:` in corpus/metadata.yaml). An empty file has no entries. A field given twice in
    one entry is reported with the entry's id and first line.
    """
    loader = _Loader(_text(path, text, "file not found"))
    try:
        root = loader.get_single_node()  # parsed once: the nodes give the lines
        items = _list_node(root, list_key)
        for node in items if items is not None else ():
            _check_entry_fields(path, node)
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as err:
        raise DataError(path, f"malformed YAML: {err}", _yaml_line(err)) from None
    finally:
        loader.dispose()
    if data is None:
        return []
    if list_key is not None:
        if not isinstance(data, dict) or not isinstance(data.get(list_key), list):
            raise DataError(path, f"expected a mapping with a '{list_key}' list", 1)
        data = data[list_key]
    nodes = _list_node(root, list_key)
    if not isinstance(data, list) or nodes is None:
        raise DataError(path, "expected a list of entries", 1)
    return [(node.start_mark.line + 1, entry) for node, entry in zip(nodes, data, strict=True)]


def _list_node(root: yaml.Node | None, list_key: str | None) -> list[yaml.Node] | None:
    """The entry nodes of the list (the whole document, or the value of `list_key`)."""
    if list_key is not None and isinstance(root, yaml.MappingNode):
        root = next((value for key, value in root.value if key.value == list_key), None)
    return list(root.value) if isinstance(root, yaml.SequenceNode) else None


def _check_entry_fields(path: Path, node: yaml.Node) -> None:
    """A field given twice in one entry, named with the entry's id (or file) and first line."""
    if not isinstance(node, yaml.MappingNode):
        return
    twice = sorted({key.value for key in duplicate_keys(node)})
    if twice:
        fields = {key.value: value.value for key, value in node.value
                  if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)}
        ident = fields.get("id", fields.get("file"))
        raise DataError(path, f"entry {ident!r}: field(s) {', '.join(twice)} given twice", node.start_mark.line + 1)


def read_json(path: Path, missing: str = "file missing") -> Any:
    """A JSON file's data; a syntax error names its line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, missing) from None
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(path, f"cannot read: {err}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise DataError(path, f"not valid JSON: {err.msg} (column {err.colno})", err.lineno) from None


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file with a header line, as mappings column → text (a UTF-8 byte order mark,
    as the atlas's own exports carry, is skipped)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    except FileNotFoundError:
        raise DataError(path, "file not found") from None
    except csv.Error as err:
        raise DataError(path, f"malformed CSV: {err}") from None
