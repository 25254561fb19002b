"""The data stages of the pipeline, wired once: corpus → places → mentions → facts → candidates.

`prepare` is the one place that runs these stages in order; the build (`atlas.build`), the live
preview, the benchmark, the evaluation and the curator report all start from it, so they all
see the same data. Pages, maps and exports are drawn from its result by `atlas.build`.
"""

from __future__ import annotations

import functools
import time
import warnings
from dataclasses import dataclass, field, replace
from typing import Any

from atlas import extract, facts, recognise, review
from atlas.ambiguity import load_rules
from atlas.cache import StageCache
from atlas.corpus import Corpus, Document, load_corpus, parse_document
from atlas.facts import Facts
from atlas.gazetteer import Gazetteer
from atlas.per_document import merge_candidates, merge_mentions, only, per_document
from atlas.project import Project
from atlas.recognise import Mention, PlaceIndex
from atlas.vocabulary import Vocabulary, vocabulary_from_schema
from atlas.world import load_places, places_only


@dataclass
class Timings:
    """Seconds spent in each stage, printed by the build and by `make bench`."""

    stages: dict[str, float] = field(default_factory=dict)

    def run(self, name, func, *args, **kwargs):
        start = time.perf_counter()
        result = func(*args, **kwargs)
        self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start
        return result


@dataclass(frozen=True)
class Stages:
    """What the data stages give: the corpus, the places and their mentions, and the facts."""

    corpus: Corpus
    gazetteer: Gazetteer
    mentions: dict[tuple[str, str], list[Mention]]
    schema: dict[str, Any]
    #: the schema's vocabularies, French labels and home country
    words: Vocabulary
    #: curated facts, checked against the corpus and the gazetteer
    curated: Facts
    #: automatic candidates of every document
    candidates: Facts
    #: what the site publishes: curated facts, reviewed candidates, and the pending candidates
    #: of uncurated documents
    published: Facts
    #: the review queue sorted by the maintainers' decisions (data/review/)
    review: review.Outcome | None = None


def prepare(project: Project, cache: StageCache | None = None, timings: Timings | None = None) -> Stages:
    """Run the data stages of `project`; the slow pure ones go through `cache`, keyed by the
    files `project` declares for them (recognition and extraction per document, also keyed by
    the document's own content). Facts are validated
    at every run."""
    cache = cache or StageCache(None)
    timings = timings or Timings()

    def parse(doc_id: str, text: str, title: str | None) -> list:
        return cache.get("parse", [doc_id, text, title or ""], lambda: parse_document(doc_id, text, title))

    corpus = timings.run("corpus", load_corpus, project.corpus, parse)
    schema = facts.load_schema(project.schema)
    words = vocabulary_from_schema(schema, project.schema)
    gazetteer = timings.run("gazetteer", cache.get, "gazetteer", project.inputs("gazetteer"),
                            lambda: load_places(project.places))
    gazetteer = replace(gazetteer, home=words.home)

    # Recognition and extraction are cached document by document (atlas/per_document.py): one new
    # or changed document re-does its own work only.
    index = functools.cache(lambda: place_index(project, gazetteer))  # built only if a document is new

    def find_mentions(document: Document) -> dict[tuple[str, str], list[Mention]]:
        return recognise.recognise_corpus(only(document), index())

    mentions = timings.run("recognise", lambda: merge_mentions(per_document(
        cache, "mentions", project.inputs("mentions"), corpus.documents, find_mentions)))
    curated = timings.run("facts", facts.load_facts, facts.read_fact_files(project.fact_folders), schema, corpus,
                          [e.id for e in gazetteer])
    places = places_only(mentions, gazetteer)
    candidates = timings.run("extract", lambda: merge_candidates(per_document(
        cache, "extract", project.inputs("extract"), corpus.documents,
        lambda document: extract.extract_all(only(document), places, gazetteer))))
    outcome = timings.run("review", review_outcome, project, corpus, curated, candidates, schema,
                          [e.id for e in gazetteer])
    uncurated = {d.id for d in corpus.documents if not d.curated}
    pending = Facts(tuple(p for p in outcome.pending.partnerships if p.source.document in uncurated),
                    tuple(f for f in outcome.pending.figures if f.source.document in uncurated))
    published = Facts(curated.partnerships + outcome.verified.partnerships + pending.partnerships,
                      curated.figures + outcome.verified.figures + pending.figures)
    return Stages(corpus, gazetteer, mentions, schema, words, curated, candidates, published, outcome)


def review_outcome(project: Project, corpus: Corpus, curated: Facts, candidates: Facts, schema: dict[str, Any],
                   entity_ids: list[str]) -> review.Outcome:
    """The candidates no curated fact confirms, sorted by the decisions of data/review/ (checked);
    what the maintainer should know (changed documents, orphan decisions) is given as warnings."""
    queue = extract.unconfirmed(curated, candidates)
    files = sorted(project.review.glob("*.yaml")) if project.review.is_dir() else []
    reviews = [review.read_review(path) for path in files]
    checker = review.DecisionChecker(schema["enums"], entity_ids, corpus)
    outcome = review.apply_reviews(queue, reviews, checker, {d.id: d.sha256 for d in corpus.documents})
    for note in outcome.notes:
        warnings.warn(note, stacklevel=2)
    return outcome


def place_index(project: Project, gazetteer: Gazetteer) -> PlaceIndex:
    """The recognition index of `project`: its gazetteer and its word lists."""
    return recognise.build_index(gazetteer, recognise.load_first_names(project.first_names),
                                 recognise.load_organisation_words(project.organisation_words),
                                 load_rules(project.ambiguity_words))
