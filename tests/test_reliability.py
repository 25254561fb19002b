"""Reliability, security and speed: bad input stops the build with a clear message and loses
nothing, hostile documents come out inert, two builds of the same inputs are byte-identical,
and the site archive is reproducible.

Every build here is the real one, run as a subprocess (`python -m atlas.build --root TMP`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from atlas.corpus import normalise_space
from tests import hostile as hostile_doc
from tests.conftest import INPUTS, ROOT, copy_inputs
from tests.hostile import hostile_site
from tests.sitecheck import Parsed, hostile_markup, parse_html, uneven_tables

DOC = "004_8466434a70f9dd68"  # the small corpus document: quick to break
FACTS = "data/partenariats/000-articles-02-03-russie.yaml"
FIGURES = "data/chiffres/000-articles-04-07-kazakhstan-tadjikistan-autriche-asie.yaml"
FIRST_FACT = "by--ru--forum-regions-2021"  # first entry of FACTS, line 1


# --- helpers --------------------------------------------------------------------------------


def run_build(root: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """The real build of the project copy `root`, as `make site` runs it."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "atlas.build", "--root", str(root), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env,
    )


def tree_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by relative path."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def diff_trees(first: dict[str, str], second: dict[str, str]) -> list[str]:
    """Files missing from one side or with different content, for failure messages."""
    return sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))


def writable(path: Path) -> Path:
    """Corpus files are read-only in the checkout (and so in copies of it)."""
    if path.exists():
        path.chmod(0o644)
    return path


def edit_text(path: Path, change: Callable[[str], str]) -> None:
    text = writable(path).read_text(encoding="utf-8")
    new = change(text)
    assert new != text, f"the test's edit did not change {path}"
    path.write_text(new, encoding="utf-8")


def replace_once(old: str, new: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert old in text, f"{old!r} not found"
        return text.replace(old, new, 1)

    return change


def append(extra: str) -> Callable[[str], str]:
    return lambda text: text.rstrip("\n") + "\n" + extra


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").rstrip("\n").split("\n"))


@pytest.fixture(scope="session")
def good_project(tmp_path_factory) -> Path:
    """A copy of the project inputs with a successful build in it (its site/ is 'the previous site')."""
    root = copy_inputs(tmp_path_factory.mktemp("good"))
    done = run_build(root)
    assert done.returncode == 0, done.stderr
    return root


# --- 1. bad input → clear error, nothing lost ------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One way to break the inputs: `breaks(root)` breaks them and returns what the message must name
    besides the file (a `file:line` or an id); `problem` is a regex for what is wrong."""

    file: str
    breaks: Callable[[Path], str]
    problem: str


def _yaml_syntax(rel: str, line: int, bad: str) -> Callable[[Path], str]:
    """Replace line `line` of a YAML file by `bad`; the message must point at that line (or the next)."""

    def breaks(root: Path) -> str:
        path = root / rel
        lines = writable(path).read_text(encoding="utf-8").split("\n")
        lines[line - 1] = bad
        path.write_text("\n".join(lines), encoding="utf-8")
        return rf"{re.escape(Path(rel).name)}:({line}|{line + 1})\b"

    return breaks


def _fact_field(old: str, new: str, rel: str = FACTS, fact: str = FIRST_FACT) -> Callable[[Path], str]:
    def breaks(root: Path) -> str:
        edit_text(root / rel, replace_once(old, new))
        return re.escape(fact)

    return breaks


def _duplicate_fact(new_id: str | None) -> Callable[[Path], str]:
    """Append a copy of the first fact (same id, or `new_id`): the message names the new entry's line."""

    def breaks(root: Path) -> str:
        path = root / FACTS
        text = path.read_text(encoding="utf-8")
        first = text.split("\n- id:")[0] + "\n"
        if new_id:
            first = first.replace(FIRST_FACT, new_id, 1)
        line = line_count(path) + 1
        edit_text(path, append(first))
        return rf"{re.escape(Path(FACTS).name)}:{line}\b"

    return breaks


def _not_a_list(root: Path) -> str:
    (root / FIGURES).write_text("id: x\nsubject: BY\n", encoding="utf-8")
    return rf"{re.escape(Path(FIGURES).name)}:1\b"


def _duplicate_city(root: Path) -> str:
    path = root / "data/places/cities.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: brest\n")
    entry = text[start : text.index("\n- id:", start) + 1]
    line = line_count(path) + 1
    edit_text(path, append(entry))
    return rf"cities\.yaml:{line}\b.*brest|brest.*cities\.yaml:{line}\b"


def _corpus_bytes(change: Callable[[bytes], bytes]) -> Callable[[Path], str]:
    def breaks(root: Path) -> str:
        path = writable(root / "corpus" / f"{DOC}.txt")
        path.write_bytes(change(path.read_bytes()))
        return re.escape(f"{DOC}.txt")

    return breaks


def _non_utf8(data: bytes) -> bytes:
    lines = data.split(b"\n")
    lines[2] = lines[2] + b" \xff\xfe caf\xe9"
    return b"\n".join(lines)


def _remove_document(root: Path) -> str:
    writable(root / "corpus" / f"{DOC}.txt").unlink()
    return re.escape(f"{DOC}.txt")


def _corrupt_geojson(root: Path) -> str:
    path = root / "geo/regions.geojson"
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines[:3] + ['  {"type": "Feature", oops'] + lines[3:]), encoding="utf-8")
    return r"regions\.geojson:4\b"


def _geojson_without_features(root: Path) -> str:
    (root / "geo/regions.geojson").write_text('{"type": "FeatureCollection"}\n', encoding="utf-8")
    return r"regions\.geojson"


def _remove_geojson(root: Path) -> str:
    (root / "geo/regions.geojson").unlink()
    return r"regions\.geojson"


def _region_without_geometry(root: Path) -> str:
    path = root / "data/places/regions.yaml"
    line = line_count(path) + 1
    edit_text(path, append("FR-IDF:\n  name_fr: Île-de-France\n"))
    # the line of the region's key, or of its first field (where its mapping starts)
    return rf"regions\.yaml:({line}|{line + 1})\b.*FR-IDF"


def _duplicate_region(root: Path) -> str:
    path = root / "data/places/regions.yaml"
    line = line_count(path) + 1
    edit_text(path, append("AT-2:\n  name_fr: Carinthie bis\n"))
    return rf"regions\.yaml:{line}\b.*'AT-2'"


def _field_twice(root: Path) -> str:
    edit_text(root / FACTS, replace_once("  year: 2021\n", "  year: 2021\n  year: 2022\n"))
    return rf"{re.escape(Path(FACTS).name)}:1\b.*{FIRST_FACT}"


def _append_row(rel: str, row: str) -> Callable[[Path], str]:
    """Append one YAML row to a curated file: the message must name its line."""

    def breaks(root: Path) -> str:
        path = root / rel
        line = line_count(path) + 1
        edit_text(path, append(row + "\n"))
        return rf"{re.escape(Path(rel).name)}:{line}\b"

    return breaks


def _site_url(value: str) -> Callable[[Path], str]:
    """mkdocs.yml with another `site_url`; the message names its line."""

    def breaks(root: Path) -> str:
        path = root / "mkdocs.yml"
        lines = path.read_text(encoding="utf-8").split("\n")
        line = next(n for n, row in enumerate(lines, start=1) if row.startswith("site_url:"))
        lines[line - 1] = f"site_url: {value}"
        path.write_text("\n".join(lines), encoding="utf-8")
        return rf"mkdocs\.yml:{line}\b"

    return breaks


WORLD_NAMES = "data/places/world_names.yaml"
ORGANISATIONS = "data/places/organisations.yaml"
DISTRICTS = "data/places/by_districts.yaml"


def _fact_id_shared_by_a_figure(root: Path) -> str:
    """A figure given the id of a partnership: both would be the same anchor on a page."""
    path = root / "data/chiffres/000-articles-02-03-russie.yaml"
    first = "by--ru--nombre_projets--na--programmes-union"
    edit_text(path, replace_once(f"- id: {first}\n", f"- id: {FIRST_FACT}\n"))
    return rf"chiffres/000-articles-02-03-russie\.yaml:1\b.*{FIRST_FACT}"


BAD_INPUTS: dict[str, Case] = {
    "world-names-unknown-iso": Case(WORLD_NAMES, _append_row(WORLD_NAMES, "- {id: KG-ZZ, name_fr: Nulle part}"),
                                    r"unknown ISO code 'KG-ZZ'"),
    "world-names-town-without-country": Case(WORLD_NAMES,
                                             _append_row(WORLD_NAMES, "- {geonameid: 1528512, name_fr: X}"),
                                             r"no valid 'country'"),
    "world-names-duplicate": Case(WORLD_NAMES, _append_row(WORLD_NAMES, "- {id: KG-GO, name_fr: Och}"),
                                  r"duplicate row for KG-GO"),
    "world-names-name-collision": Case(WORLD_NAMES, _append_row(WORLD_NAMES, "- {id: KG-O, name_fr: Och (ville)}"),
                                       r"already the name of KG-GO"),
    "organisation-duplicate-id": Case(ORGANISATIONS, _append_row(ORGANISATIONS, "- {id: cei, name_fr: CEI bis}"),
                                      r"duplicate organisation id 'cei'"),
    "organisation-alias-collision": Case(ORGANISATIONS,
                                         _append_row(ORGANISATIONS, "- {id: autre, name_fr: Autre, aliases: [CEI]}"),
                                         r"already a name of cei"),
    "district-unknown-region": Case(DISTRICTS, _append_row(DISTRICTS, "- {centre: Тест, region: BY-ZZ}"),
                                    r"unknown Belarusian region 'BY-ZZ'"),
    "site-url-relative": Case("mkdocs.yml", _site_url("atlas/"), r"not an absolute http\(s\) URL"),
    "site-url-ftp": Case("mkdocs.yml", _site_url("ftp://example.org/atlas/"), r"not an absolute http\(s\) URL"),
    "fact-id-collides": Case("data/chiffres/000-articles-02-03-russie.yaml", _fact_id_shared_by_a_figure,
                             r"also used by the fact at .*000-articles-02-03-russie\.yaml:1\b"),
    "fact-yaml-syntax": Case(FACTS, _yaml_syntax(FACTS, 3, "  partner: [RU"), "YAML"),
    "fact-file-not-a-list": Case(FIGURES, _not_a_list, "list of entries"),
    "cities-yaml-syntax": Case("data/places/cities.yaml",
                               _yaml_syntax("data/places/cities.yaml", 5, "  name_fr: Brest: x"), "YAML"),
    "regions-yaml-syntax": Case("data/places/regions.yaml", _yaml_syntax("data/places/regions.yaml", 12, "AT-2: [x"),
                                "YAML"),
    "countries-yaml-syntax": Case("data/places/countries.yaml",
                                  _yaml_syntax("data/places/countries.yaml", 6, "\tname_fr: Biélorussie"), "YAML"),
    "metadata-yaml-syntax": Case("corpus/metadata.yaml",
                                 _yaml_syntax("corpus/metadata.yaml", 8, '    title: "La coopération'), "YAML"),
    "unknown-region-in-fact": Case(FACTS, _fact_field("partner: RU\n", "partner: RU-ZZZ\n"),
                                   r"unknown place id 'RU-ZZZ'"),
    "unknown-city-in-fact": Case(FACTS, _fact_field("by: BY\n", "by: atlantide\n"), r"unknown place id 'atlantide'"),
    "quote-not-in-corpus": Case(FACTS, _fact_field("quote: Le huitième Forum", "quote: Le neuvième Forum"),
                                r"quote not found in 000_dde7657066dac0dc#p-9"),
    "unknown-document-in-fact": Case(FACTS, _fact_field("document: 000_dde7657066dac0dc", "document: 999_absent"),
                                     r"unknown document '999_absent'"),
    "unknown-relation": Case(FACTS, _fact_field("relation: autre\n", "relation: alliance\n"),
                             r"unknown relation 'alliance'"),
    "year-out-of-range": Case(FACTS, _fact_field("year: 2021\n", "year: 1850\n"), r"year 1850 out of range"),
    "bad-fact-slug": Case(FACTS, _fact_field(f"id: {FIRST_FACT}", "id: Forum Régions", fact="Forum Régions"),
                          r"bad id"),
    "duplicate-fact-id": Case(FACTS, _duplicate_fact(None), rf"duplicate id '{FIRST_FACT}'"),
    "duplicate-fact-content": Case(FACTS, _duplicate_fact("by--ru--forum-bis"), rf"duplicates '{FIRST_FACT}'"),
    "duplicate-city-id": Case("data/places/cities.yaml", _duplicate_city, r"duplicate id"),
    "duplicate-region-id": Case("data/places/regions.yaml", _duplicate_region, r"duplicate key"),
    "fact-field-twice": Case(FACTS, _field_twice, r"year given twice"),
    "region-without-geometry": Case("data/places/regions.yaml", _region_without_geometry, r"no geometry"),
    "geojson-corrupt": Case("geo/regions.geojson", _corrupt_geojson, r"JSON"),
    "geojson-no-features": Case("geo/regions.geojson", _geojson_without_features, r"features"),
    "geojson-missing": Case("geo/regions.geojson", _remove_geojson, r"missing|not found"),
    "document-missing": Case("corpus/metadata.yaml", _remove_document, r"listed but missing"),
    "document-empty": Case(f"corpus/{DOC}.txt", _corpus_bytes(lambda data: b""), r"empty"),
    "document-blank": Case(f"corpus/{DOC}.txt", _corpus_bytes(lambda data: b"\n  \n"), r"empty"),
    "document-not-utf8": Case(f"corpus/{DOC}.txt", _corpus_bytes(_non_utf8), r"not valid UTF-8"),
    "document-hash-mismatch": Case("corpus/metadata.yaml", _corpus_bytes(lambda data: data + b"\nAjout.\n"),
                                   r"sha256 of " + re.escape(f"{DOC}.txt")),
}


@pytest.fixture(scope="session")
def bad_input_project(good_project, tmp_path_factory) -> Path:
    """One copy of the built project, shared by the bad-input cases: each breaks it, then repairs it."""
    root = tmp_path_factory.mktemp("bad-input") / "project"
    shutil.copytree(good_project, root, symlinks=True)
    return root


def input_hashes(root: Path) -> dict[str, str]:
    """sha256 of every build input of a project copy, by path relative to the copy."""
    out = {}
    for name in INPUTS:
        path = root / name
        if path.is_dir():
            out.update({f"{name}/{rel}": digest for rel, digest in tree_hashes(path).items()})
        elif path.is_file():
            out[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def repair_inputs(root: Path, reference: Path) -> None:
    """Make the inputs of `root` equal to those of `reference` again (files changed, added or removed)."""
    for rel in diff_trees(input_hashes(reference), input_hashes(root)):
        ours, theirs = root / rel, reference / rel
        if ours.exists():
            writable(ours).unlink()
        if theirs.exists():
            ours.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(theirs, ours)


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_stops_the_build_with_a_clear_message_and_keeps_the_site(name, good_project, bad_input_project):
    case = BAD_INPUTS[name]
    root = bad_input_project
    before = tree_hashes(root / "site")
    try:
        where = case.breaks(root)
        done = run_build(root, timeout=60)
    finally:
        repair_inputs(root, good_project)
    assert input_hashes(root) == input_hashes(good_project), "the shared copy was not repaired"
    message = done.stderr
    assert done.returncode != 0, f"the build accepted bad input ({name})"
    assert "Traceback" not in message, message
    error = next((line for line in message.splitlines() if line.startswith("error: ")), "")
    assert case.file in error, f"message does not name {case.file}: {message}"
    assert re.search(where, error), f"message does not name {where}: {message}"
    assert re.search(case.problem, error), f"message does not say {case.problem}: {message}"
    assert diff_trees(before, tree_hashes(root / "site")) == [], "the previous site was changed"
    assert not [p.name for p in root.iterdir() if p.name.startswith(".site-")], "a staging folder was left"


# --- 2. hostile documents come out inert ----------------------------------------------------


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> Path:
    return hostile_site(tmp_path_factory)


def _page_text(parsed: Parsed) -> str:
    return normalise_space("".join(parsed.text))


def test_no_hostile_markup_comes_alive_in_any_page_or_map(hostile):
    problems = []
    for page in sorted(hostile.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        parsed = parse_html(text)
        found = hostile_markup(parsed) + uneven_tables(parsed)
        if "creates .venv if missing" in text:  # README.md pulled in by a `--8<--` snippet
            found.append("README.md included")
        problems += [f"{page.relative_to(hostile)}: {problem}" for problem in found]
    assert not problems, "\n".join(problems)


def test_hostile_article_reads_verbatim_with_its_place_linked(hostile):
    parsed = parse_html((hostile / "articles" / f"{hostile_doc.DOC_ID}-01.html").read_text(encoding="utf-8"))
    text = _page_text(parsed)
    missing = [p for p in hostile_doc.paragraphs() if p not in text]
    assert not missing, f"paragraphs not shown as written (markup or a directive was interpreted): {missing}"
    assert "{{ config }}" in text and '{% include "README.md" %}' in text  # not evaluated
    classes = {element.attrs.get("class", "") for element in parsed.elements}
    assert not [c for c in classes if "admonition" in c], "`!!! note` became an admonition"
    assert "pirate" not in {element.attrs.get("id") for element in parsed.elements}, "`{: #pirate}` became an id"
    places = [e.attrs["href"] for e in parsed.elements if e.attrs.get("class") == "atlas-place"]
    assert "../regions/by-vi.html" in places


def test_hostile_quote_reads_verbatim_on_the_place_page(hostile):
    parsed = parse_html((hostile / "regions" / "by-vi.html").read_text(encoding="utf-8"))
    titles = [e.attrs.get("title") for e in parsed.elements
              if e.tag == "a" and e.attrs.get("href", "").startswith(f"../articles/{hostile_doc.DOC_ID}-01.html#p-")]
    assert hostile_doc.QUOTE in titles, "the quote of the hostile fact is not its source link's title"


def test_search_index_holds_only_inert_text(hostile):
    index = json.loads((hostile / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems, seen = [], False
    for doc in index["docs"]:
        for key, value in doc.items():
            if isinstance(value, str):  # Material shows titles and texts as HTML
                problems += [f"{doc['location']} {key}: {p}" for p in hostile_markup(parse_html(value))]
                seen = seen or "&lt;script&gt;alert(1)" in value
    assert not problems, "\n".join(problems)
    assert seen, "the hostile document is not in the search index (escaped)"
    raw = (hostile / "search" / "search_index.js").read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "<img src=x" not in raw


FORMULA = re.compile(r"^[=+@\t\r]|^-(?!\d+(\.\d+)?$)")


def test_exports_neutralise_formulas_and_keep_quotes_verbatim(hostile):
    problems = []
    for path in sorted((hostile / "donnees").rglob("*.csv")):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        for number, row in enumerate(rows[1:], start=2):
            problems += [f"{path.name}:{number}: {cell!r}" for cell in row if FORMULA.match(cell)]
            problems += [f"{path.name}:{number}: {cell!r}" for cell in row if cell.lower().startswith("javascript:")]
    assert not problems, "cells a spreadsheet would run:\n" + "\n".join(problems)
    with (hostile / "donnees" / "partenariats.csv").open(encoding="utf-8-sig") as handle:
        row = next(r for r in csv.DictReader(handle) if r["id"] == hostile_doc.FACT_ID)
    assert row["quote"] == "'" + hostile_doc.QUOTE
    assert row["paragraph_url"].startswith(f"articles/{hostile_doc.DOC_ID}-01.html#p-")
    data = json.loads((hostile / "donnees" / "partenariats.json").read_text(encoding="utf-8"))
    fact = next(f for f in data if f["id"] == hostile_doc.FACT_ID)
    assert fact["quote"] == hostile_doc.QUOTE  # JSON is data, not a spreadsheet: verbatim


# --- 3. reproducible builds and archive -------------------------------------------------------


def copy_project_inputs(source: Path, target: Path) -> Path:
    """The build inputs of another project copy (not the checkout, which teammates may be editing)."""
    for name in INPUTS:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
        elif (source / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, target / name)
    return target


@pytest.fixture(scope="session")
def second_build(good_project, tmp_path_factory) -> Path:
    """The same inputs built again, in another folder and another process (another hash seed)."""
    root = copy_project_inputs(good_project, tmp_path_factory.mktemp("again") / "elsewhere")
    done = run_build(root)
    assert done.returncode == 0, done.stderr
    return root


def test_two_builds_of_the_same_inputs_are_byte_identical(good_project, second_build):
    first, second = tree_hashes(good_project / "site"), tree_hashes(second_build / "site")
    differing = diff_trees(first, second)
    assert len(first) > 100
    assert not differing, f"{len(differing)} file(s) differ between two builds:\n" + "\n".join(differing[:50])


def _archive(site: Path, target: Path, epoch: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run([sys.executable, "-m", "atlas.tools.archive", str(site), str(target)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_archive_is_reproducible_sorted_and_fixed(good_project, second_build, tmp_path):
    one, two = tmp_path / "one" / "atlas.zip", tmp_path / "two" / "atlas.zip"
    one.parent.mkdir()
    two.parent.mkdir()
    for site, target in ((good_project / "site", one), (second_build / "site", two)):
        done = _archive(site, target, None)
        assert done.returncode == 0, done.stderr
    assert one.read_bytes() == two.read_bytes(), "two archives of two builds of the same inputs differ"
    with zipfile.ZipFile(one) as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        assert names == sorted(names)
        assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert {info.external_attr >> 16 for info in infos} == {0o100644}
        assert archive.testzip() is None
        files = {name.removeprefix("atlas/"): hashlib.sha256(archive.read(name)).hexdigest() for name in names}
    assert files == tree_hashes(good_project / "site")
    dated = tmp_path / "dated.zip"
    assert _archive(good_project / "site", dated, "1700000000").returncode == 0
    with zipfile.ZipFile(dated) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
