"""What every page generator needs: the data and which places get a page.

Where each page lives is atlas/site_urls.py's business.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from atlas.corpus import Article, Corpus, Paragraph
from atlas.facts import Facts, Figure, Partnership
from atlas.gazetteer import Gazetteer
from atlas.recognise import Mention
from atlas.vocabulary import Vocabulary


@dataclass
class SiteData:
    corpus: Corpus
    gazetteer: Gazetteer
    facts: Facts
    mentions: dict[tuple[str, str], list[Mention]]
    version: str
    vocabulary: Vocabulary
    maps: dict[str, str] = field(default_factory=dict)  # entity id -> map file (docs-relative)
    _paragraphs: dict[tuple[str, str], tuple[Article, Paragraph]] = field(default_factory=dict)
    _mentions_by_entity: dict[str, list[tuple[Article, Paragraph, Mention]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._paragraphs = self.corpus.paragraph_index()
        self._mentions_by_entity = self._index_mentions()
        self.paged = select_pages(self.gazetteer, self.facts, self.mentions)

    def paragraph(self, document: str, paragraph: str) -> tuple[Article, Paragraph]:
        return self._paragraphs[(document, paragraph)]

    def partnerships_of(self, eid: str) -> list[Partnership]:
        return [p for p in self.facts.partnerships if eid in (p.by, p.partner)]

    def figures_of(self, eid: str) -> list[Figure]:
        return [f for f in self.facts.figures if eid in (f.subject, f.counterpart)]

    def mentions_of(self, eid: str) -> list[tuple[Article, Paragraph, Mention]]:
        """Paragraphs naming the place, in document order, with its first mention in each."""
        return self._mentions_by_entity.get(eid, [])

    def _index_mentions(self) -> dict[str, list[tuple[Article, Paragraph, Mention]]]:
        out: dict[str, list[tuple[Article, Paragraph, Mention]]] = {}
        for (doc, pid), mentions in sorted(self.mentions.items(), key=lambda kv: _order(kv[0])):
            article, paragraph = self.paragraph(doc, pid)
            seen: set[str] = set()
            for mention in mentions:
                if mention.entity_id not in seen:
                    seen.add(mention.entity_id)
                    out.setdefault(mention.entity_id, []).append((article, paragraph, mention))
        return out


def _order(key: tuple[str, str]) -> tuple[str, int]:
    return key[0], int(key[1].split("-")[1])


def select_pages(gazetteer: Gazetteer, facts: Facts, mentions: dict[tuple[str, str], list[Mention]]) -> set[str]:
    """Which places get a page: every country and region the corpus names or a fact involves,
    the Belarusian regions always, every city or district that has a partnership, and the region
    of every other city named (its page lists them)."""
    named = {m.entity_id for ms in mentions.values() for m in ms}
    in_facts = {p.by for p in facts.partnerships} | {p.partner for p in facts.partnerships}
    in_figures = {f.subject for f in facts.figures} | {f.counterpart for f in facts.figures if f.counterpart}
    paged = set()
    for entity in gazetteer:
        if entity.kind in ("pays", "region", "organisation") and entity.id in named | in_facts | in_figures:
            paged.add(entity.id)
        elif entity.kind in ("ville", "district") and entity.id in in_facts:
            paged.add(entity.id)
        elif entity.kind in ("ville", "district") and entity.id in named and entity.parent:
            paged.add(entity.parent)  # the region page lists the cities named without a page
        if entity.kind == "region" and entity.country == gazetteer.home:
            paged.add(entity.id)
    paged.add(gazetteer.home)
    # a page's parents get pages too, so that every "part of" link resolves
    for eid in list(paged):
        for parent in gazetteer.ancestors(eid):
            paged.add(parent)
    return paged


def fold(text: str) -> str:
    """Accent-free form of Latin text, so that a search without accents finds the page.

    Other scripts are left alone: removing the breve of Cyrillic й would misspell the name.
    """
    return "".join(_fold_char(c) for c in text)


def _fold_char(char: str) -> str:
    if not ("LATIN" in unicodedata.name(char, "") or char.isascii()):
        return char
    return "".join(c for c in unicodedata.normalize("NFD", char) if unicodedata.category(c) != "Mn")


def country_name(gazetteer: Gazetteer, eid: str) -> str:
    entity = gazetteer[eid]
    return gazetteer[entity.country].name_fr if entity.country in gazetteer else entity.country


def group_by(items, key):
    out = defaultdict(list)
    for item in items:
        out[key(item)].append(item)
    return out
