"""Recognition and extraction per document: the same result as over the whole corpus, and a
changed document re-does only its own work."""

from __future__ import annotations

import dataclasses
import warnings

from atlas import extract, recognise
from atlas.cache import StageCache
from atlas.corpus import Corpus, load_corpus
from atlas.gazetteer import load_gazetteer
from atlas.per_document import merge_candidates, merge_mentions, only, per_document
from atlas.pipeline import place_index
from atlas.project import ROOT, Project


def find_mentions(corpus, index):
    return recognise.recognise_corpus(corpus, index)


def test_per_document_results_equal_whole_corpus_results():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(ROOT / "corpus")
    project = Project.at(ROOT)
    gazetteer = load_gazetteer(project.places)
    index = place_index(project, gazetteer)
    cache = StageCache(None)
    whole = find_mentions(corpus, index)
    mentions = merge_mentions(per_document(cache, "m", [], corpus.documents, lambda d: find_mentions(only(d), index)))
    assert mentions == whole
    candidates = merge_candidates(per_document(cache, "e", [], corpus.documents,
                                               lambda d: extract.extract_all(only(d), mentions, gazetteer)))
    assert candidates == extract.extract_all(corpus, whole, gazetteer)
    assert candidates.partnerships


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
