"""Recognition and extraction cached document by document.

Both stages read one paragraph at a time, so a document's mentions and candidates depend only
on that document (and on the places, word lists and code, which key every entry too). Caching
them per document means that adding or changing one document re-does that document's work
alone; the merged result is the same as running the stage over the whole corpus (documents in
corpus order; for candidates, the first citation of an id wins, as in `extract_all`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from atlas.cache import StageCache
from atlas.corpus import Corpus, Document
from atlas.facts import Facts


def per_document(cache: StageCache, stage: str, inputs: Sequence[Any], documents: Iterable[Document],
                 compute: Callable[[Document], Any]) -> list[Any]:
    """`compute(document)` for each document, each cached under the stage's inputs and the
    document's own content (its parsed paragraphs, not only its file name)."""
    return [cache.get(stage, [*inputs, document], lambda document=document: compute(document))
            for document in documents]


def only(document: Document) -> Corpus:
    """A corpus of one document, for the stages that take a corpus."""
    return Corpus((document,))


def merge_mentions(parts: Iterable[dict]) -> dict:
    merged: dict = {}
    for part in parts:
        merged.update(part)
    return merged


def merge_candidates(parts: Iterable[Facts]) -> Facts:
    """Candidates of every document, one per id: the first citation (in corpus order) wins."""
    partnerships: dict[str, Any] = {}
    figures: dict[str, Any] = {}
    for part in parts:
        for p in part.partnerships:
            partnerships.setdefault(p.id, p)
        for f in part.figures:
            figures.setdefault(f.id, f)
    return Facts(tuple(partnerships.values()), tuple(figures.values()))
