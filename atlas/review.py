"""The review queue: every automatic candidate of a document, with a human decision.

`make review` writes one file per corpus document, `data/review/<document>.yaml`, listing the
candidates no curated fact confirms, each with its quote, paragraph, parties, relation or
figure, and a `decision` a maintainer fills in:

  * `accept`  — the candidate is right: it is published as a verified fact;
  * `reject`  — it is wrong: it is never published again;
  * `correct` — right passage, some field wrong: `correction` gives the fields to change
    (values of data/schema.yaml's vocabularies, gazetteer ids, a quote found in the paragraph);
  * empty     — pending: published marked "automatique, non vérifié" (uncurated documents only).

Candidate ids come from the document, the quote and the parties, so re-running the extractor
keeps every decision. A decision whose candidate is gone is carried to a new candidate of the
same paragraph, parties and relation (or figure) when there is one, else kept under `orphans:`
with all its fields and reported; an accepted orphan is still published. A document whose
sha256 differs from the one its decisions were taken on gives a warning naming the file and line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from atlas.corpus import Corpus, normalise_space
from atlas.errors import DataError
from atlas.facts import Facts, Figure, Partnership, Source
from atlas.readers import LINE, read_yaml

DECISIONS = ("accept", "reject", "correct")
PARTNERSHIP_FIELDS = ("by", "partner", "relation", "year", "status")
FIGURE_FIELDS = ("subject", "counterpart", "indicator", "measure", "value", "unit", "qualifier", "period_start",
                 "period_end")
#: fields of a correction checked against a vocabulary of data/schema.yaml
ENUM_FIELDS = ("relation", "status", "indicator", "measure", "unit", "qualifier")
PLACE_FIELDS = ("by", "partner", "subject", "counterpart")
HEADER = ("# Review queue of corpus/{file}: one entry per automatic candidate (`make review` rewrites it,\n"
          "# keeping every decision). Set `decision:` to accept, reject or correct; with correct, give the\n"
          "# fields to change under `correction:` (e.g. {{relation: jumelage, year: 2019}}). See README.\n")

Fact = Partnership | Figure


def candidate_id(fact: Fact) -> str:
    """Stable id from the document, the quote and the parties (and the relation, or a figure's value:
    one sentence may state two relations of one pair)."""
    if isinstance(fact, Partnership):
        parts = [fact.by, fact.partner, fact.relation]
    else:
        parts = [fact.subject, fact.counterpart or "", fact.indicator, f"{fact.value:g}"]
    raw = "|".join([fact.source.document, normalise_space(fact.source.quote), *parts])
    prefix = "p" if isinstance(fact, Partnership) else "c"
    return f"{prefix}-{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:10]}"


def _near_key(fact: Fact | Mapping[str, Any]) -> tuple:
    """What survives a better quote: paragraph, parties, and relation or figure."""
    get = (lambda k: getattr(fact, k, None)) if not isinstance(fact, Mapping) else fact.get
    paragraph = fact.source.paragraph if not isinstance(fact, Mapping) else fact.get("paragraph")
    if (get("kind") or ("partenariat" if isinstance(fact, Partnership) else "chiffre")) == "partenariat":
        return (paragraph, frozenset((get("by"), get("partner"))), get("relation"))
    return (paragraph, get("subject"), get("counterpart"), get("indicator"), float(get("value") or 0))


def entry_of(fact: Fact, link: str | None = None) -> dict[str, Any]:
    """The review entry of a candidate (decision empty); `link`: its paragraph on the site."""
    kind = "partenariat" if isinstance(fact, Partnership) else "chiffre"
    fields = PARTNERSHIP_FIELDS if kind == "partenariat" else FIGURE_FIELDS
    entry: dict[str, Any] = {"id": candidate_id(fact), "kind": kind, "paragraph": fact.source.paragraph,
                             "link": link, "quote": fact.source.quote}
    entry.update({name: getattr(fact, name) for name in fields})
    entry.update({"decision": None, "correction": {}})
    return entry


@dataclass(frozen=True)
class Review:
    """A document's review file, read: its entries (with their lines) and orphans."""

    path: Path
    document: str
    sha256: str | None
    sha_line: int
    entries: tuple[dict[str, Any], ...]
    orphans: tuple[dict[str, Any], ...]

    def decided(self) -> list[dict[str, Any]]:
        return [e for e in (*self.entries, *self.orphans) if e.get("decision")]


def read_review(path: Path, text: str | None = None) -> Review:
    data = read_yaml(path, lines=True, text=text) or {}
    source = text if text is not None else path.read_text(encoding="utf-8")
    sha_line = next((i for i, line in enumerate(source.splitlines(), 1) if line.startswith("sha256:")), 1)
    if not isinstance(data, dict) or "document" not in data:
        raise DataError(path, "a review file is a mapping with 'document', 'sha256', 'candidates'", 1)
    entries, orphans = data.get("candidates") or [], data.get("orphans") or []
    for entry in (*entries, *orphans):
        if not isinstance(entry, dict) or "id" not in entry:
            raise DataError(path, "each candidate is a mapping with an 'id'", getattr(entry, "get", dict().get)(LINE))
    return Review(path, str(data["document"]), data.get("sha256"), sha_line, tuple(entries), tuple(orphans))


class DecisionChecker:
    """A decision must be known, its corrections in the vocabularies, its quote in the corpus."""

    def __init__(self, enums: Mapping[str, Iterable[str]], entity_ids: Iterable[str], corpus: Corpus) -> None:
        self.enums = {name: set(values) for name, values in enums.items()}
        self.entity_ids = set(entity_ids)
        self.paragraphs = {key: para.text for key, (_, para) in corpus.paragraph_index().items()}

    def check(self, review: Review, entry: dict[str, Any]) -> None:
        line, decision = entry.get(LINE), entry.get("decision")
        if decision not in DECISIONS:
            raise DataError(review.path, f"candidate {entry['id']}: unknown decision {decision!r} "
                            f"(allowed: {', '.join(DECISIONS)}, or empty while pending)", line)
        correction = entry.get("correction") or {}
        if not isinstance(correction, dict):
            raise DataError(review.path, f"candidate {entry['id']}: 'correction' must be a mapping of fields", line)
        if decision == "correct" and not correction:
            raise DataError(review.path, f"candidate {entry['id']}: decision 'correct' needs a 'correction'", line)
        fields = PARTNERSHIP_FIELDS if entry.get("kind") == "partenariat" else FIGURE_FIELDS
        for name, value in correction.items():
            if name == LINE:
                continue
            if name not in (*fields, "quote"):
                raise DataError(review.path, f"candidate {entry['id']}: cannot correct {name!r} "
                                f"(fields: {', '.join((*fields, 'quote'))})", line)
            if name in ENUM_FIELDS and value is not None and value not in self.enums.get(name, ()):
                raise DataError(review.path, f"candidate {entry['id']}: {name} {value!r} is not in the vocabulary "
                                f"({', '.join(sorted(self.enums.get(name, ())))})", line)
            if name in PLACE_FIELDS and value is not None and value not in self.entity_ids:
                raise DataError(review.path, f"candidate {entry['id']}: unknown place id {value!r} in {name!r}", line)
        if decision != "reject":
            quote = correction.get("quote", entry.get("quote"))
            text = self.paragraphs.get((review.document, entry.get("paragraph")))
            if text is None or not isinstance(quote, str) or normalise_space(quote) not in normalise_space(text):
                raise DataError(review.path, f"candidate {entry['id']}: quote not found in "
                                f"{review.document}#{entry.get('paragraph')}: {quote!r}", line)


@dataclass(frozen=True)
class Outcome:
    """What the decisions give: verified facts, pending candidates, and what to tell the maintainer."""

    verified: Facts
    pending: Facts
    #: (document, candidate id) of every rejected candidate
    rejected: frozenset[tuple[str, str]]
    notes: tuple[str, ...]

    def rejected_by(self, document: str) -> list[str]:
        return [cid for doc, cid in self.rejected if doc == document]


def apply_reviews(queue: Facts, reviews: Iterable[Review], checker: DecisionChecker,
                  sha256: Mapping[str, str]) -> Outcome:
    """Sort the queued candidates by their decisions; check every decision (DataError if bad)."""
    by_id = {candidate_id(f): f for f in (*queue.partnerships, *queue.figures)}
    by_near = {(f.source.document, _near_key(f)): cid for cid, f in by_id.items()}
    decided: dict[str, tuple[Review, dict[str, Any]]] = {}
    verified: list[Fact] = []
    notes: list[str] = []
    for review in reviews:
        if review.document not in sha256:
            notes.append(f"{review.path}:1: document {review.document} is not in the corpus; its decisions are "
                         "kept but not applied")
            continue
        if review.sha256 != sha256[review.document]:
            notes.append(f"{review.path}:{review.sha_line}: corpus/{review.document}.txt changed since these "
                         "decisions were taken (sha256 differs): check the accepted quotes, then run `make review`")
        for entry in review.decided():
            checker.check(review, entry)
            cid = entry["id"] if entry["id"] in by_id else by_near.get((review.document, _near_key(entry)))
            if cid is None:
                notes.append(f"{review.path}:{entry.get(LINE)}: candidate {entry['id']} is no longer extracted; "
                             f"its decision ({entry['decision']}) is kept under 'orphans'")
                if entry["decision"] != "reject":
                    verified.append(_from_entry(review, entry))
                continue
            decided[cid] = (review, entry)
    for cid, (review, entry) in decided.items():
        if entry["decision"] != "reject":
            verified.append(_decided(by_id[cid], review, entry))
    pending = [f for cid, f in by_id.items() if cid not in decided]
    rejected = frozenset((r.document, cid) for cid, (r, e) in decided.items() if e["decision"] == "reject")
    return Outcome(_facts(verified), _facts(pending), rejected, tuple(notes))


def _facts(facts: Iterable[Fact]) -> Facts:
    facts = list(facts)
    return Facts(tuple(sorted((f for f in facts if isinstance(f, Partnership)), key=lambda f: f.id)),
                 tuple(sorted((f for f in facts if isinstance(f, Figure)), key=lambda f: f.id)))


def _decided(fact: Fact, review: Review, entry: dict[str, Any]) -> Fact:
    """The candidate as a verified fact, cited from its review entry, with its corrections."""
    changes = {k: v for k, v in (entry.get("correction") or {}).items() if k not in (LINE, "quote")}
    quote = normalise_space((entry.get("correction") or {}).get("quote", fact.source.quote))
    source = Source(str(review.path), entry.get(LINE, 0), fact.source.document, fact.source.paragraph, quote)
    if isinstance(fact, Figure) and "value" in changes:
        changes["value"] = float(changes["value"])
    return replace(fact, **changes, id=candidate_id(fact), source=source, origin="verifie")


def _from_entry(review: Review, entry: dict[str, Any]) -> Fact:
    """An accepted orphan, rebuilt from the fields stored in the review file."""
    fields = {**entry, **{k: v for k, v in (entry.get("correction") or {}).items() if k != LINE}}
    source = Source(str(review.path), entry.get(LINE, 0), review.document, entry["paragraph"],
                    normalise_space(fields["quote"]))
    if entry.get("kind") == "partenariat":
        return Partnership(entry["id"], fields["by"], fields["partner"], fields["relation"], fields.get("year"),
                           fields["status"], source)
    return Figure(entry["id"], fields["subject"], fields.get("counterpart"), fields["indicator"], fields["measure"],
                  float(fields["value"]), fields["unit"], fields.get("qualifier"), fields.get("period_start"),
                  fields.get("period_end"), source)


def render_review(document: str, file: str, sha256: str, queue: Iterable[Fact],
                  previous: Review | None, links: Mapping[str, str] | None = None) -> tuple[str, list[str]]:
    """The review file of one document: its candidates with the previous decisions carried over,
    and the decisions left without a candidate under `orphans`; also what changed, for the report."""
    links = links or {}
    ordered = sorted(queue, key=lambda f: (_para_number(f.source.paragraph), candidate_id(f)))
    entries = [entry_of(f, links.get(f.source.paragraph)) for f in ordered]
    ids = {e["id"]: e for e in entries}
    near = {_near_key(e): e for e in entries}
    orphans, notes = [], []
    for old in previous.decided() if previous else []:
        target = ids.get(old["id"]) or near.get(_near_key(old))
        if target is not None and not target["decision"]:
            target["decision"], target["correction"] = old["decision"], _plain(old.get("correction") or {})
            if target["id"] != old["id"]:
                notes.append(f"decision on {old['id']} carried to {target['id']} (same paragraph, parties and fact)")
        else:
            orphans.append(_plain(old))
            notes.append(f"{previous.path}:{old.get(LINE)}: candidate {old['id']} no longer extracted; "
                         "decision kept under 'orphans'")
    data = {"document": document, "sha256": sha256, "candidates": entries, "orphans": orphans}
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None)
    return HEADER.format(file=file) + body, notes


def _plain(entry: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (_plain(v) if isinstance(v, Mapping) else v) for k, v in entry.items() if k != LINE}


def _para_number(paragraph: str) -> int:
    digits = "".join(c for c in paragraph if c.isdigit())
    return int(digits) if digits else 0
