"""Years and periods of the extraction rules: which year of a paragraph dates a link or a figure.

French news texts date a link in several ways, and most years in a sentence are not its date:
  * "le 14 mars 2023", "en juin 2023", "(2015)", "depuis 2012": the year itself;
  * a footnote number glued to a year, "en octobre 201944 ." (2019 + note 44): the year;
  * a span "2024-2026", "pour 2021-2023": a plan's period, not its signature;
  * a comparison or a horizon, "par rapport à 2021", "jusqu'en 2026", "d'ici 2025": not a date;
  * a renewal, "a renouvelé l'accord conclu en 2014": 2014 is the old signing, not the renewal;
  * "la même année", "Cette année-là": the last year stated before;
  * "C'était en octobre 2019." or "Le groupe, créé en 2019, …" right after the sentence: that year;
  * none in the sentence, a link signed at the event the article reports ("Lors du forum, … a
    signé …"): the year the article's opening paragraph gives the event;
  * a relative date alone ("en mars dernier", "l'année prochaine"): no year.
Planned and draft links have no year (the key convention: not yet established).
"""

from __future__ import annotations

import re

from atlas.facts import YEARS

_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_YEAR = re.compile(r"(?<![\d,.-])(19\d\d|20\d\d)(?!\d|,\d|\s*[-–]\s*\d)")
# a footnote number glued to a year after a date word: "en 201944 .", "octobre 202117"
_GLUED = re.compile(rf"\b(?:en|depuis|année|{_MONTHS})\s+(19\d\d|20\d\d)\d{{1,3}}(?=\s*[.,;:\"»)]|\s)", re.IGNORECASE)
_PERIOD = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d(?!\d)")
_NOT_A_DATE = re.compile(r"(?:par rapport (?:à|a)|comparé (?:à|a)|jusqu'(?:en|à|au)|d'ici(?: à| a)?|à l'horizon|"
                         r"avant|après)\s+(?:l'an(?:née)?\s+|fin\s+)?(?:19|20)\d\d", re.IGNORECASE)
_OLD_SIGNING = re.compile(r"\b(?:conclu|signé|adopté|établi)e?s?\s+(?:en|le)\s+(?:\d{1,2}\s+)?(?:(?:" + _MONTHS
                          + r")\s+)?(?:19|20)\d\d", re.IGNORECASE)
_SAME_YEAR = re.compile(r"\b(?:la même année|cette année-là|la même année-là)\b", re.IGNORECASE)
# the next sentence dates it: "C'était en octobre 2019.", "Le groupe, créé en 2019, a constaté…"
_NEXT_SAYS_WHEN = re.compile(r"\s*(?:c'était|cela s'est passé|ce fut)\b|\s*(?:le|la|l'|l’|ce|cet|cette)\s*"
                             r"(?:groupe|conseil|accord|document|mémorandum|plan|programme|feuille|commission)\w*"
                             r"[^.]{0,30}?\b(?:créée?|signée?|conclue?|adoptée?|établie?)\s+en\b", re.IGNORECASE)
# a verb reporting a signing as news (passé composé): dated by the event the article reports
_REPORTED = re.compile(r"\b(?:a|ont)\s+(?:\w+\s+){0,3}?(?:signé|conclu|adopté|approuvé|renouvelé|prolongé|"
                       r"paraphé)\b", re.IGNORECASE)


# "a conclu 26 accords": a running total, not a signing at the event
_COUNT = re.compile(r"\b\d+\s+(?:accords|documents|mémorandums|programmes|conventions)\b", re.IGNORECASE)


_RELATIVE = re.compile(r",\s*(?:dont|où)\b", re.IGNORECASE)


def trigger_end(text: str, anchor: int) -> int:
    """End of the word at `anchor` (the clause test starts after the party or trigger)."""
    match = re.compile(r"\w*").match(text, anchor)
    return match.end() if match else anchor


def unsplit(text: str) -> str:
    """Words a line break split and the cleaning left hyphenated ("re-nouvelé"), rejoined: for
    matching verbs only (offsets change; quotes are always cut from the original text)."""
    return _SPLIT.sub("", text)


_SPLIT = re.compile(r"(?<=[a-zà-ÿ])- ?(?=[a-zà-ÿ]{3})")


def unsplit_with_offsets(text: str) -> tuple[str, list[int]]:
    """`unsplit(text)` and, for each of its characters, its offset in `text`."""
    kept = [True] * len(text)
    for match in _SPLIT.finditer(text):
        for i in range(match.start(), match.end()):
            kept[i] = False
    where = [i for i, keep in enumerate(kept) if keep]
    return "".join(text[i] for i in where), where


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def years_in(text: str, renewal: bool = False) -> list[tuple[int, int]]:
    """(offset, year) of the years of `text` that can date something, in text order."""
    chunk = _blank(_blank(text, _PERIOD), _NOT_A_DATE)
    if renewal:
        chunk = _blank(chunk, _OLD_SIGNING)
    found = {m.start(1): int(m.group(1)) for m in _YEAR.finditer(chunk)}
    found.update({m.start(1): int(m.group(1)) for m in _GLUED.finditer(chunk)})
    return sorted((pos, y) for pos, y in found.items() if YEARS[0] <= y <= YEARS[1])


def sentence_year(text: str, lo: int, hi: int) -> int | None:
    """The only year of a sentence that can date it (periods, comparisons left out), else None."""
    years = {y for _, y in years_in(text[lo:hi])}
    return years.pop() if len(years) == 1 else None


def period_of(text: str, lo: int, hi: int) -> tuple[str, str] | None:
    """The period a figure's sentence states: a span "2019-2021" or one year, else None."""
    span = _PERIOD.search(text, lo, hi)
    if span:
        first, last = re.split(r"\s*[-–]\s*", span.group())
        last = last if len(last) == 4 else first[:2] + last
        return first, last
    year = sentence_year(text, lo, hi)
    return (str(year), str(year)) if year else None


_EVENT = re.compile(r"\b(?:forum|visite|sommet|session|réunion|rencontre|conférence|foire|exposition)s?\b",
                    re.IGNORECASE)


def article_year(paragraphs: list[str]) -> int | None:
    """The year of the event an article reports: the first date of an opening paragraph that
    names an event (a forum, a visit, a session); None for a survey or a history."""
    for text in paragraphs[:1]:
        years = years_in(text)
        if years and _EVENT.search(text):
            return years[0][1]
    return None


def link_year(text: str, lo: int, hi: int, anchor: int, status: str, event_year: int | None,
              sentence_spans: list[tuple[int, int]], trigger: int | None = None) -> int | None:
    """The year of a link stated in text[lo:hi] (its foreign party at `anchor`, its trigger at
    `trigger`), by the module's rules."""
    if status in ("prevu", "projet", "inconnu"):
        return None
    own = years_in(text[lo:hi], renewal=status == "renouvele")
    # "… avec la République tchouvache, dont la capitale accueille depuis 2019 une maison de
    # commerce": a relative clause after the link speaks of something else
    after = max(trigger_end(text, anchor), trigger_end(text, trigger if trigger is not None else anchor))
    clause = _RELATIVE.search(text, after, hi)
    if clause:
        own = [(pos, y) for pos, y in own if lo + pos < clause.start()]
    if own:
        return min(own, key=lambda item: abs(lo + item[0] - anchor))[1]
    if _SAME_YEAR.search(text, lo, hi):
        before = years_in(text[:lo])
        if before:
            return before[-1][1]
    following = [s for s in sentence_spans if s[0] >= hi][:1]
    for s_lo, s_hi in following:
        if _NEXT_SAYS_WHEN.match(text[s_lo:s_hi]):
            years = years_in(text[s_lo:s_hi])
            if years:
                return years[0][1]
    if event_year and _REPORTED.search(unsplit(text[lo:hi])) and not _COUNT.search(text, lo, hi):
        return event_year
    return None
