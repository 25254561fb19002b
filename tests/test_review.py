"""The review queue end to end on the fixture corpus: a maintainer adds a document, runs
`make review`, decides, and the build publishes exactly what was decided."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from atlas.errors import DataError
from atlas.pipeline import prepare
from atlas.project import Project
from atlas.readers import read_yaml
from atlas.tools.review_queue import write_queue
from tests.conftest import fixture_project

# written like the seed corpus (000, "Kazakhstan" articles); the fixture's own document is curated
NEW_DOC = (" Biélorussie - Kazakhstan :  \nun nouveau document\n\n"
           "La région de Brest et la région de Pavlodar ont signé un accord de coopération en 2021. "
           "La région de Vitebsk et la région de Karaganda ont signé un mémorandum en 2020.\n")


def _project(tmp_path: Path) -> Project:
    project = Project.at(fixture_project(tmp_path))
    (project.corpus / "002_nouveau.txt").write_text(NEW_DOC, encoding="utf-8")
    return project


def _published(project: Project):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return prepare(project).published


def _decide(path: Path, decisions: dict[str, str], correction: dict | None = None) -> None:
    """Edit the review file as a maintainer would: set `decision:` of the entries with that partner."""
    lines = path.read_text(encoding="utf-8").splitlines()
    partner = None
    for i, line in enumerate(lines):
        if line.startswith("  partner: "):
            partner = line.split(": ", 1)[1]
        if line.startswith("  decision: ") and partner in decisions:
            lines[i] = f"  decision: {decisions[partner]}"
            if correction and partner in correction:
                lines[i + 1] = f"  correction: {correction[partner]}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _new_doc_facts(published):
    return {p.partner: p for p in published.partnerships if p.source.document == "002_nouveau"}


def test_review_round_trip(tmp_path):
    project = _project(tmp_path)
    pending = _new_doc_facts(_published(project))
    assert {k: p.origin for k, p in pending.items()} == {"KZ-55": "automatique", "KZ-35": "automatique"}

    summary = write_queue(project)
    review_file = project.review / "002_nouveau.yaml"
    assert any("002_nouveau.yaml: 2 candidates, 2 pending" in line for line in summary)
    entries = read_yaml(review_file)["candidates"]
    assert {e["partner"]: e["decision"] for e in entries} == {"KZ-55": None, "KZ-35": None}

    _decide(review_file, {"KZ-55": "accept", "KZ-35": "correct"}, {"KZ-35": "{year: 2019}"})
    facts = _new_doc_facts(_published(project))
    assert facts["KZ-55"].origin == "verifie" and facts["KZ-55"].source.file == str(review_file)
    assert (facts["KZ-35"].origin, facts["KZ-35"].year) == ("verifie", 2019)

    write_queue(project)  # re-running keeps every decision
    kept = {e["partner"]: (e["decision"], e["correction"]) for e in read_yaml(review_file)["candidates"]}
    assert kept == {"KZ-55": ("accept", {}), "KZ-35": ("correct", {"year": 2019})}

    _decide(review_file, {"KZ-55": "reject"})
    assert set(_new_doc_facts(_published(project))) == {"KZ-35"}


@pytest.mark.parametrize(("decision", "correction", "message"), [
    ("peut-être", None, "unknown decision 'peut-être'"),
    ("correct", "{relation: amitié}", "relation 'amitié' is not in the vocabulary"),
    ("correct", "{quote: une phrase absente du document}", "quote not found in 002_nouveau"),
    ("correct", "{partner: XX-YY}", "unknown place id 'XX-YY'"),
])
def test_bad_decisions_name_file_and_line(tmp_path, decision, correction, message):
    project = _project(tmp_path)
    write_queue(project)
    review_file = project.review / "002_nouveau.yaml"
    _decide(review_file, {"KZ-55": decision}, {"KZ-55": correction} if correction else None)
    before = review_file.read_text(encoding="utf-8")
    with pytest.raises(DataError) as err:
        _published(project)
    assert message in str(err.value) and f"{review_file}:" in str(err.value)
    with pytest.raises(DataError):
        write_queue(project)
    assert review_file.read_text(encoding="utf-8") == before  # no decision lost


def test_changed_document_warns_and_keeps_orphan_decisions(tmp_path):
    project = _project(tmp_path)
    write_queue(project)
    review_file = project.review / "002_nouveau.yaml"
    _decide(review_file, {"KZ-55": "accept", "KZ-35": "reject"})
    text = NEW_DOC.replace("La région de Vitebsk et la région de Karaganda ont signé un mémorandum en 2020.", "")
    (project.corpus / "002_nouveau.txt").write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        published = prepare(project).published
    messages = " ".join(str(w.message) for w in caught)
    assert f"{review_file}:5: corpus/002_nouveau.txt changed" in messages
    assert "no longer extracted" in messages
    assert _new_doc_facts(published)["KZ-55"].origin == "verifie"
    notes = write_queue(project)
    data = read_yaml(review_file)
    assert [o["decision"] for o in data["orphans"]] == ["reject"]
    assert any("no longer extracted" in n for n in notes)
