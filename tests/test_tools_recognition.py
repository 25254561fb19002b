"""Recognition tools: the curator report's gap finder, and the gold-set scores (`make eval`)."""

from __future__ import annotations

import pytest
import yaml

from atlas.project import ROOT, Project
from atlas.recognise import recognise
from atlas.tools.recognition_eval import GOLD_PATH, HELDOUT_PATH, GoldError, evaluate, project_index
from atlas.tools.recognition_report import find_unrecognised


@pytest.fixture(scope="module")
def corpus_and_index():
    return project_index(Project.at(ROOT))


@pytest.fixture(scope="module")
def corpus(corpus_and_index):
    return corpus_and_index[0]


@pytest.fixture(scope="module")
def index(corpus_and_index):
    return corpus_and_index[1]


def test_report_finds_unrecognised_names(index):
    text = "les sujets du district fédéral de Sibérie et la région de Brest"
    assert find_unrecognised(text, recognise(text, index)) == ["Sibérie"]


# gold set
def test_gold_covers_every_article(corpus):
    rows = yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))
    assert len(rows) >= 80
    pindex = corpus.paragraph_index()
    articles = {pindex[(r["document"], r["paragraph"])][0].id for r in rows}
    assert articles == {a.id for a in corpus.articles()}


def test_gold_detects_shifted_paragraph_ids(tmp_path, corpus):
    rows = yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))
    rows[0]["paragraph"] = "p-" + str(int(rows[0]["paragraph"][2:]) + 1)
    bad = tmp_path / "gold.yaml"
    bad.write_text(yaml.safe_dump(rows, allow_unicode=True), encoding="utf-8")
    with pytest.raises(GoldError, match="shifted"):
        evaluate(bad, corpus, None)  # type: ignore[arg-type]


def test_precision_and_recall_on_gold(corpus, index):
    result = evaluate(GOLD_PATH, corpus, index)
    assert result["precision"] >= 0.95, result["errors"]
    assert result["recall"] >= 0.92, result["errors"]


def test_precision_and_recall_on_held_out_paragraphs(corpus, index):
    """Paragraphs annotated after the rules were written, by someone who had not seen the output:
    the honest measure of how the rules do on text they were not tuned on."""
    result = evaluate(HELDOUT_PATH, corpus, index)
    assert result["paragraphs"] >= 30
    assert result["precision"] >= 0.95, result["errors"]
    assert result["recall"] >= 0.92, result["errors"]
