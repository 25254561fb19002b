"""Automatic partnerships: relation triggers, pairing of the parties, year, status, quote.

The rules are described in `atlas.extract`'s docstring; each has a test on a real sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from atlas.extract_dates import link_year, unsplit
from atlas.extract_text import (
    AUTO,
    BRACKET_YEAR,
    JOINED_BY_ET,
    SPACE,
    MentionLike,
    ParagraphLike,
    Party,
    Trigger,
    clauses,
    make_quote,
    sentence_parties,
    source_of,
    year_after,
)
from atlas.facts import Partnership
from atlas.gazetteer import Entity, Gazetteer

# Order matters only for overlaps: the first pattern that covers a span claims it.
_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rel, re.compile(pat, re.IGNORECASE)) for rel, pat in (
        ("accord", r"\bjumelées" + SPACE + r"ou" + SPACE + r"en" + SPACE + r"partenariat"),
        ("relations_amicales", r"\b(?:relations|contacts|liens)" + SPACE + r"(?:amicales|amicaux)\b"),
        ("jumelage", r"\b(?:jumel\w*|jumeaux?|jumelles?|villes" + SPACE + r"jumelles)\b"),
        ("accord_chambres", r"\bchambres?" + SPACE + r"de" + SPACE + r"commerce\b"),
        ("conseil_affaires", r"\bconseils?" + SPACE + r"(?:d'|d’)affaires\b|\bconseils?" + SPACE
         + r"de" + SPACE + r"coopération" + SPACE + r"commerciale\b"),
        ("groupe_travail", r"\bgroupes?" + SPACE + r"de" + SPACE + r"travail\b"),
        ("feuille_de_route", r"\bfeuilles?" + SPACE + r"de" + SPACE + r"route\b"),
        ("plan_action", r"\bplans?" + SPACE + r"(?:d'|d’)action\b|\bprogrammes?" + SPACE + r"de" + SPACE
         + r"mesures\b|\bprogrammes?" + SPACE + r"de" + SPACE + r"coopération" + SPACE + r"(?:pour|pour les années)"
         + SPACE + r"\d{4}"),
        ("memorandum", r"\bmémorandums?\b"),
        ("autre", r"\bcommissions?" + SPACE + r"(?:intergouvernementale|mixte|conjointe)s?\b|\bcomité"
         + SPACE + r"intergouvernemental\b|\bpartenariat" + SPACE + r"stratégique\b|\brelations" + SPACE
         + r"diplomatiques\b|\bdéclaration" + SPACE + r"d[e']|\b(?:lettre|protocole)" + SPACE + r"d'intention\b"),
        ("_signe", r"\b(?:a|ont|été)" + SPACE + r"signée?s?\b"),
        ("accord", r"\baccords?\b|\bdocuments?" + SPACE + r"sur" + SPACE + r"la"
         + SPACE + r"coopération\b"),
    )
)


# "mémorandum/accord sur l'établissement de relations de jumelage" is a twinning, not a memorandum
_ABSORBED_BY = {"accord": ("jumelage", "relations_amicales", "accord_chambres"),
                "memorandum": ("jumelage", "relations_amicales")}


_ABSORB_WINDOW = 80


#: Every trigger at once: most sentences have none, and one search tells (same answer, 4× faster).
_ANY_TRIGGER = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _TRIGGERS), re.IGNORECASE)


def find_triggers(text: str) -> list[Trigger]:
    """Relation triggers of a sentence, one per relation type (the first occurrence)."""
    if not _ANY_TRIGGER.search(text):
        return []
    found: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    for relation, pattern in _TRIGGERS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            found.append(Trigger(relation, match.start(), match.end()))
    found = [t for t in found if not _absorbed(t, found)]
    if not _AGREED.search(text):  # a chamber of commerce alone is no agreement
        found = [t for t in found if t.relation != "accord_chambres"]
    # "ont signé" alone is an agreement; beside a named instrument it is that instrument's verb
    if any(t.relation != "_signe" for t in found):
        found = [t for t in found if t.relation != "_signe"]
    found = [Trigger("accord", t.start, t.end) if t.relation == "_signe" else t for t in found]
    first: dict[str, Trigger] = {}
    for trig in sorted(found, key=lambda t: t.start):
        first.setdefault(trig.relation, trig)
    return sorted(first.values(), key=lambda t: t.start)


_AGREED = re.compile(r"\baccords?\b|sign|convenu|mémorandum", re.IGNORECASE)


def _absorbed(trig: Trigger, found: list[Trigger]) -> bool:
    """An "accord"/"mémorandum" followed closely by a more specific relation is that relation."""
    stronger = _ABSORBED_BY.get(trig.relation, ())
    return any(o.relation in stronger and 0 <= o.start - trig.end <= _ABSORB_WINDOW
               or (o.relation == "accord_chambres" and trig.relation == "accord"
                   and abs(o.start - trig.start) <= _ABSORB_WINDOW * 2)
               for o in found)


_LIST_GLUE = re.compile(r"^\s*(?:,|et|,\s*et)\s*(?:(?:de|du|des|d'|d’)\s*)?(?:(?:la|le|les|l'|l’)\s*)?$",
                        re.IGNORECASE)
_HEAD = re.compile(r"^\s*(?:-|–|—)\s*(?:avec\s+)?|^\s+est\s+(?:la|le|l'|l’)?\s*|^\s+avec\s+", re.IGNORECASE)


def _runs(parties: list[Party], text: str) -> list[list[Party]]:
    """Consecutive places of one side joined only by list glue (", ", " et ", "de", articles)."""
    runs: list[list[Party]] = []
    for party in parties:
        if runs and runs[-1][-1].by == party.by and _LIST_GLUE.match(text[runs[-1][-1].end:party.start]):
            runs[-1].append(party)
        else:
            runs.append([party])
    return runs


def pair_parties(parties: list[Party], text: str) -> list[tuple[Party, Party]]:
    """(Belarusian, foreign) pairs of one sentence, by the three rules of the module docstring."""
    parties = sorted(parties, key=lambda p: (p.start, not p.by))
    pairs: list[tuple[Party, Party]] = []
    coupled: set[int] = set()
    for i in range(len(parties) - 1):
        a, b = parties[i], parties[i + 1]
        if a.by != b.by and i not in coupled and JOINED_BY_ET.match(text[a.end:b.start]):
            pairs.append((a, b) if a.by else (b, a))
            coupled.update((i, i + 1))
    rest = [p for i, p in enumerate(parties) if i not in coupled]
    runs = _runs(rest, text)
    used: set[int] = set()
    for i, run in enumerate(runs):
        if i + 1 < len(runs) and _HEAD.match(text[run[-1].end:runs[i + 1][0].start]):
            j = i + 1
            while j < len(runs) and runs[j][0].by != run[0].by:
                pairs.extend(_cross(run, runs[j]))
                used.update((i, j))
                j += 1
    for i, run in enumerate(runs):
        if run[0].by or i in used:
            continue
        partner = _nearest_by_run(runs, i)
        if partner is not None:
            pairs.extend(_cross(run, partner))
    return pairs


def _cross(a: list[Party], b: list[Party]) -> list[tuple[Party, Party]]:
    return [(x, y) if x.by else (y, x) for x in a for y in b]


def _nearest_by_run(runs: list[list[Party]], i: int) -> list[Party] | None:
    for j in range(i - 1, -1, -1):
        if runs[j][0].by:
            return runs[j]
    for j in range(i + 1, len(runs)):
        if runs[j][0].by:
            return runs[j]
    return None


def _level(by_id: str, partner_id: str, gazetteer: Gazetteer) -> str:
    """A Belarusian city facing a foreign region speaks for its region ("Gomel - Sichuan")."""
    by, partner = gazetteer[by_id], gazetteer[partner_id]
    if by.kind == "ville" and partner.kind == "region" and by.parent in gazetteer and gazetteer.is_home(by.parent):
        parent = gazetteer[by.parent] if by.parent in gazetteer else None
        if parent is not None and _same_name(by.name_fr, parent.name_fr):
            return parent.id
    return by_id


def _same_name(city: str, region: str) -> bool:
    return city.lower() in region.lower()


_STATUS = (
    ("renouvele", re.compile(r"\b(?:renouvel\w*|prolong\w*|reprendre|repris\w*|élargir)\b", re.IGNORECASE)),
    ("projet", re.compile(r"\b(?:projets? d(?:'|’|e |u )(?:accord|mémorandum|feuille|plan|programme|document)\w*"
                          r"|(?:stade|état) de projet|en cours d'élaboration|en cours de (?:rédaction|finalisation)"
                          r"|en préparation|à l'étude|doit être élaboré\w*)", re.IGNORECASE)),
    ("prevu", re.compile(r"\b(?:prévoi\w*|prévu\w*|envisag\w*|l'intention de|devrai\w*|convenu de|décidé de"
                         r"|préparer)\b", re.IGNORECASE)),
)


# a participle saying the document exists, next to it: "Le mémorandum …, signé en novembre 2021,
# devrait contribuer…" is signed (the "devrait" is about its effect); "devrait être signé" is not
_DONE = re.compile(r"(?<!être )(?<!sera )(?<!seront )\b(?:signée?s?|conclue?s?|adoptée?s?|approuvée?s?)\b",
                   re.IGNORECASE)
_DONE_WINDOW = 100


def sentence_status(sentence: str, trigger: int | None = None) -> str:
    """Status from the verbs of the sentence; "signe" when it states the link as existing.

    With the trigger's offset in the sentence, a past participle of signing closer to the
    trigger than the status word wins: "Le mémorandum …, signé en novembre 2021, devrait
    contribuer…" is signed (the "devrait" is about its effect).
    """
    for status, pattern in _STATUS:
        match = pattern.search(sentence)
        if match:
            if trigger is not None and _signed_closer(sentence, trigger, abs(match.start() - trigger)):
                return "signe"
            return status
    return "signe"


def _signed_closer(sentence: str, trigger: int, than: int) -> bool:
    return any(abs(m.start() - trigger) < min(than, _DONE_WINDOW) for m in _DONE.finditer(sentence))


def auto_id(by: str, partner: str, relation: str, year: int | None) -> str:
    """Stable id of a candidate, e.g. auto--by-br--cn-hb--accord--1994 (nd: no year)."""
    return f"auto--{by.lower()}--{partner.lower()}--{relation}--{year if year else 'nd'}"


def extract_partnerships(paragraph: ParagraphLike, mentions: Sequence[MentionLike],
                         gazetteer: Gazetteer, event_year: int | None = None) -> list[Partnership]:
    """Candidate partnerships of one paragraph (pure: same input, same output).

    A sentence without trigger still counts when it carries on the previous triggered sentence
    ("Par exemple, la région de Brest est la province de Hubei (depuis 1994)…"; "Parmi eux
    figurent Dzerjinsk (2005)…"): it inherits its triggers and, if it names no Belarusian place,
    its Belarusian party. A triggered sentence that names only one side but refers back ("les
    parties", "cette région russe", "la province chinoise") takes the missing side from the
    places named earlier in the paragraph.
    """
    text = paragraph.text
    out: dict[str, Partnership] = {}
    previous: tuple[list[Trigger], list[Party]] | None = None
    earlier: list[Party] = []
    earlier_pairs: list[tuple[Party, Party]] = []
    spans = clauses(text)
    for lo, hi in spans:
        sentence = text[lo:hi]
        parties = sentence_parties(text, mentions, gazetteer, lo, hi)
        triggers = [Trigger(t.relation, t.start + lo, t.end + lo) for t in find_triggers(sentence)]
        if not triggers and previous is not None and _CONTINUES.match(sentence):
            triggers = previous[0]
            if not any(p.by for p in parties):
                parties = [p for p in previous[1] if p.by][-1:] + parties
        pairs = pair_parties(parties, text)
        if triggers:
            if not pairs and _ANAPHOR.search(sentence) and not _COUNTED.search(sentence):
                pairs = _resolve_anaphor(parties, earlier, earlier_pairs)
            for cand in _candidates(paragraph, pairs, triggers, (lo, hi), gazetteer, event_year, spans):
                out.setdefault(cand.id, cand)
            previous = (triggers, parties)
        else:
            previous = None
        earlier.extend(parties)
        earlier_pairs.extend(p for p in pairs if _plausible(
            gazetteer, gazetteer[_level(p[0].entity_id, p[1].entity_id, gazetteer)], gazetteer[p[1].entity_id]))
    return list(out.values())


# a sentence that carries on a listing: an opening "for instance", or the elliptic "X - avec Y"
_CONTINUES = re.compile(r"\s*(?:par exemple|ainsi|en particulier|notamment|parmi (?:eux|elles|ceux-ci)|il s'agit)\b"
                        r"|.*\s[-–]\s*avec\s", re.IGNORECASE | re.DOTALL)


# a sentence that names a party by a pronoun or a description: "Elle a en outre signé…", "les
# parties", "les deux régions", "la région hôte", "la capitale turkmène", "cette province"
_ANAPHOR = re.compile(r"^\s*(?:elle|il|elles|ils|celle-ci|celui-ci)\s|\b(?:les (?:deux )?parties|(?:ces|les) deux "
                      r"(?:régions|villes|capitales|provinces)|entre elles"
                      r"|(?:cette|cet) (?:région|province|ville|oblast)"
                      r"|(?:la|le|l'|l’) ?(?:région|province|ville|capitale|oblast|comité exécutif) "
                      r"(?!de\b|du\b|des\b|d'|d’)[a-zà-ÿ]+(?:e|ne|se|al)\b)", re.IGNORECASE)
# "27 accords et programmes ont été signés entre les régions": a count, not a link of named parties
_COUNTED = re.compile(r"\b\d+\s+(?:accords|documents|mémorandums|programmes|conventions|contrats)\b", re.IGNORECASE)


def _resolve_anaphor(parties: list[Party], earlier: list[Party],
                     earlier_pairs: list[tuple[Party, Party]]) -> list[tuple[Party, Party]]:
    """Fill the side a sentence only refers to with the last place of that side named before it.

    With no place at all ("Les deux parties ont signé un mémorandum"), the last pair named before.
    """
    if not parties:
        return [max(earlier_pairs, key=lambda p: max(p[0].end, p[1].end))] if earlier_pairs else []
    by = [p for p in parties if p.by] or [p for p in earlier if p.by][-1:]
    foreign = [p for p in parties if not p.by] or [p for p in earlier if not p.by][-1:]
    return [(b, f) for b in by for f in foreign]


def _candidates(paragraph: ParagraphLike, pairs: list[tuple[Party, Party]], triggers: list[Trigger],
                span: tuple[int, int], gazetteer: Gazetteer, event_year: int | None,
                spans: list[tuple[int, int]]) -> Iterable[Partnership]:
    text = paragraph.text
    lo, hi = span
    for (by, partner), trigs in _assign_triggers(pairs, triggers).items():
        by_id = _level(by.entity_id, partner.entity_id, gazetteer)
        if not _plausible(gazetteer, gazetteer[by_id], gazetteer[partner.entity_id]):
            continue
        for t in trigs:
            status = sentence_status(unsplit(text[lo:hi]), t.start - lo if lo <= t.start < hi else None)
            year = (year_after(text, partner.end) or year_after(text, by.end)
                    or link_year(text, lo, hi, partner.start if lo <= partner.start < hi else t.start, status,
                                 event_year, spans, t.start if lo <= t.start < hi else None))
            inside = [x for x in (by, partner) if lo <= x.start < hi]
            start = min([t.start] + [x.start for x in inside])
            end = max([t.end] + [x.end for x in inside])
            if not lo <= t.start < hi:  # inherited trigger: quote the pair and its year
                inside = [x for x in (by, partner) if lo <= x.start < hi]
                start, end = min(x.start for x in inside), max(x.end for x in inside)
                bracket = BRACKET_YEAR.match(text[end:end + 20])
                end += bracket.end() if bracket else 0
            source = source_of(paragraph, make_quote(text, start, end, t))
            yield Partnership(auto_id(by_id, partner.entity_id, t.relation, year), by_id, partner.entity_id,
                              t.relation, year, status, source, None, AUTO)


def _plausible(gazetteer: Gazetteer, by: Entity, partner: Entity) -> bool:
    """Levels that face each other: a region or city never signs with a whole foreign country."""
    if by.id == partner.id or gazetteer.is_home(partner.id) or "organisation" in (by.kind, partner.kind):
        return False  # agreements with the EAEU, the CIS or the EU are memberships, not partnerships
    if partner.kind == "pays":
        return by.kind == "pays"
    return not (by.kind == "pays" and partner.kind in ("ville", "district"))


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _assign_triggers(pairs: list[tuple[Party, Party]],
                     triggers: list[Trigger]) -> dict[tuple[Party, Party], list[Trigger]]:
    """Each pair gets its nearest trigger, and each trigger goes to its nearest pair.

    "l'accord … entre la région de Minsk et la Carinthie, ainsi que … les relations de jumelage
    entre le district d'octobre de Minsk et la ville de Linz": accord for the first pair only.
    """
    def span(pair: tuple[Party, Party]) -> tuple[int, int]:
        return min(pair[0].start, pair[1].start), max(pair[0].end, pair[1].end)

    out: dict[tuple[Party, Party], list[Trigger]] = {}
    if not pairs or not triggers:
        return out
    for pair in pairs:
        nearest = min(triggers, key=lambda t: _distance(span(pair), (t.start, t.end)))
        out.setdefault(pair, []).append(nearest)
    for trig in triggers:
        best = min(_distance(span(p), (trig.start, trig.end)) for p in pairs)
        for pair in pairs:
            if _distance(span(pair), (trig.start, trig.end)) == best and trig not in out[pair]:
                out[pair].append(trig)
    return out
