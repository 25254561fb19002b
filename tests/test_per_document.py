"""Recognition and extraction per document: the same result as over the whole corpus, and a
changed document re-does only its own work."""

from __future__ import annotations

import dataclasses
import warnings

from atlas import extract, recognise
from atlas.cache import StageCache
from atlas.corpus import Corpus, load_corpus
from atlas.per_document import per_document
from atlas.pipeline import place_index, prepare
from atlas.project import ROOT, Project
from atlas.world import places_only


def test_per_document_results_equal_whole_corpus_results():
    """The pipeline (per document) gives what one pass over the whole corpus gives."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        project = Project.at(ROOT)
        stages = prepare(project)
    whole = recognise.recognise_corpus(stages.corpus, place_index(project, stages.gazetteer))
    assert stages.mentions == whole
    places = places_only(whole, stages.gazetteer)
    assert stages.candidates == extract.extract_all(stages.corpus, places, stages.gazetteer)
    assert stages.candidates.partnerships and stages.candidates.figures


def test_a_changed_document_is_the_only_one_recomputed(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(ROOT / "corpus")
    computed: list[str] = []

    def count(document):
        computed.append(document.id)
        return len(document.articles)

    cache = StageCache(tmp_path)
    per_document(cache, "count", ["places"], corpus.documents, count)
    assert len(computed) == len(corpus.documents)
    first = corpus.documents[0]
    changed = dataclasses.replace(first, articles=first.articles[:-1])
    computed.clear()
    again = per_document(cache, "count", ["places"], Corpus((changed, *corpus.documents[1:])).documents, count)
    assert computed == [first.id]
    assert again[0] == len(first.articles) - 1
    computed.clear()
    per_document(cache, "count", ["other places"], corpus.documents, count)
    assert len(computed) == len(corpus.documents), "a change of the shared inputs re-does every document"
