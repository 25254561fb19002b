"""Cleaning rules for the machine-translated corpus.

The source text is a PDF dump: lines are wrapped at about 90 characters, page numbers stand on
their own lines, footnote numbers (1, 2, … in document order) are glued to words, and one stray
`<br />` survives. Each rule below is a small function so that it can be tested on real lines and
documented on the methodology page. The rules only remove layout noise: words are never changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A wrapped line of the corpus is never shorter than this; a shorter line ends its paragraph.
SHORT_LINE = 65

PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
STRAY_BREAK = re.compile(r"<\s*br\s*/?\s*>?|^\s*/>", re.IGNORECASE)
TERMINAL = tuple('.;:!?"»)…')


def is_page_number(line: str) -> bool:
    """A line holding only a number is a page number of the printed source."""
    return bool(PAGE_NUMBER.match(line))


def is_blank(line: str) -> bool:
    return not line.strip()


def strip_stray_html(line: str) -> str:
    """Drop line-break tags left by the PDF export (`<br />`, possibly split over two lines).

    Any other markup stays in the text and is escaped when pages are written, so it is shown
    as text and never interpreted.
    """
    cleaned = STRAY_BREAK.sub(" ", line)
    return cleaned if line.startswith(" ") else cleaned.lstrip()


#: A footnote number at the end of a line.
_TRAILING_NUMBER = re.compile(r"\s*\d{1,3}\s*$")


def ends_sentence(line: str) -> bool:
    """True when the line ends with sentence punctuation, ignoring a trailing footnote number."""
    text = line.rstrip()
    if text.endswith(TERMINAL):
        return True
    # only a line ending with a digit can carry a footnote number (the regex is the slow part)
    return text[-1:].isdecimal() and _TRAILING_NUMBER.sub("", text).endswith(TERMINAL)


def ends_paragraph(line: str, next_is_blank: bool) -> bool:
    """Decide whether a source line closes its paragraph.

    Wrapped lines are long; a short line ends a paragraph. A long line ends one only when a blank
    line follows and it closes a sentence: a long line without final punctuation followed by blank
    lines is a page break in the middle of a sentence, and the paragraph goes on after it.
    """
    text = line.strip()
    if text.endswith("-") and not text.endswith(" -"):
        return False
    if len(text) < SHORT_LINE:
        return True
    return next_is_blank and ends_sentence(text)


def starts_new_sentence(line: str, next_line: str) -> bool:
    """The source lost its paragraph breaks (its lines are re-wrapped at a fixed width), so a
    sentence that ends exactly at a line end, followed by a capitalised line, is taken as a
    paragraph end: this gives citable units of a few sentences, the same at every build.
    """
    following = next_line.strip().lstrip('"«» ')
    return ends_sentence(line) and following[:1].isupper()


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines; a word split at a line end (`post-` + `soviétique`) is rejoined."""
    return join_lines_mapped(lines, 1)[0]


def join_lines_mapped(lines: list[str], first_line: int) -> tuple[str, list[tuple[int, int]]]:
    """Join lines and remember where each source line starts in the joined text.

    Returns the text and (offset, line number) pairs, so that a piece of the text can be traced
    back to its source lines.
    """
    out = ""
    starts: list[tuple[int, int]] = []
    for number, raw in enumerate(lines, start=first_line):
        piece = re.sub(r"[ \t]{2,}", " ", raw.strip())
        if not piece:
            continue
        if out and not (out.endswith("-") and piece[:1].islower()):
            out += " "
        starts.append((len(out), number))
        out += piece
    return out, starts


#: A paragraph longer than this is cut at sentence ends into pieces of about this size.
LONG_PARAGRAPH = 1200
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»]?\s*(?:\d{1,3}\s*)?\.?(?=\s*[A-ZÀ-Ý«\"])\s*")


def split_long(text: str, limit: int = LONG_PARAGRAPH) -> list[tuple[int, int]]:
    """Cut an over-long paragraph at sentence ends; returns (start, end) offsets of the pieces.

    The source lost its paragraph breaks, so some "paragraphs" run for pages. Pieces of a few
    sentences keep mentions and quotes precise, and the cut is the same at every build.
    """
    if len(text) <= limit:
        return [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() - start >= limit * 2 // 3 and len(text) - match.end() >= limit // 3:
            pieces.append((start, match.end()))
            start = match.end()
    pieces.append((start, len(text)))
    return pieces


@dataclass(frozen=True)
class Footnote:
    """A footnote marker detached from the text: its number and its offset in the clean text."""

    number: int
    offset: int


# A footnote number glued after a word or a quote, or standing after a space before punctuation,
# or glued before the next word ("257Les"). Data numbers ("de 15 bus", "4,3%") do not fit these.
_GLUED_AFTER = r"(?<=[^\W\d_]|[\"»)\].…])"
_SPACED = r"(?<=[\"»)\].…] )|(?<=[^\W\d_] )"
_FOLLOW_GLUED = r"(?=[\s\"».,;:!?)…\[(]|$|[^\W\d_])"
_FOLLOW_SPACED = r"(?=\s*[\".,;:!?…)]|\s*$|\s+[A-ZÀ-Ý])"


def _footnote_pattern(number: str = r"\d{1,3}") -> re.Pattern[str]:
    """The footnote positions, for one number or (by default) for any number of 1 to 3 digits."""
    n = number
    return re.compile(
        rf"(?:{_GLUED_AFTER}(?<!\d){n}(?!\d){_FOLLOW_GLUED})"
        rf"|(?:(?:{_SPACED})(?<!\d){n}(?![\d%]|[,.]\d){_FOLLOW_SPACED})"
        rf"|(?:(?<=\s){n}(?=[A-ZÀ-ÝА-Я](?:[a-zà-ÿ'’]|\s[^\W\d_])))"
        rf"|(?:(?<=[\"»] ){n}(?=[a-zà-ÿ]))"
        rf"|(?:(?<=\s){n}(?!e\b|er\b|ème|eme|ère|re\b)(?=[a-zà-ÿ]{{2,}}))"
        rf"|(?:(?<=\d ){n}(?=\.\s))"
        rf"|(?:^{n}(?=[A-ZÀ-Ý][a-zà-ÿ]))"
        rf"|(?:(?<=\D(?:19|20)\d\d){n}(?=\s|$))"
    )


#: Compiled once: every place where some footnote number could stand.
_ANY_FOOTNOTE = _footnote_pattern()


def detach_footnotes(paragraphs: list[str], limit: int = 400) -> list[tuple[str, tuple[Footnote, ...]]]:
    """Remove footnote numbers from the text of a document and keep them as markers.

    Footnotes are numbered 1, 2, 3… in document order, so the search for number n starts where
    n-1 was found: a data number can only be taken for a footnote if it sits in a footnote-like
    position right where the next footnote is expected. A number not found is skipped (the
    translation lost some), and the search goes on with the next one from the same place.
    """
    texts = list(paragraphs)
    notes: list[list[Footnote]] = [[] for _ in texts]
    position = (0, 0)
    misses = 0
    number = 1
    while number <= limit and misses < 25:
        found = _find_from(texts, number, position)
        if found is None:
            misses += 1
            number += 1
            continue
        misses = 0
        index, start, end = found
        text, offset = _cut(texts[index], start, end)
        texts[index] = text
        notes[index].append(Footnote(number, offset))
        position = (index, offset)
        number += 1
    return [(t, tuple(n)) for t, n in zip(texts, notes, strict=True)]


#: Footnotes come every few lines; the next one is looked for within this many characters, so
#: that a missing footnote never makes the search jump to a data number pages later.
WINDOW = 5000


def _find_from(texts: list[str], number: int, position: tuple[int, int]) -> tuple[int, int, int] | None:
    """First footnote position holding `number`, within WINDOW characters after `position`.

    Looks only where the number's digits stand (str.find), and there asks the footnote pattern:
    the same answer as scanning every number of the window with it, several times faster."""
    first, offset = position
    budget = WINDOW
    digits = str(number)
    for index in range(first, len(texts)):
        text = texts[index]
        start = offset if index == first else 0
        end = start + budget
        at = text.find(digits, start, end)
        while at != -1:
            match = _ANY_FOOTNOTE.match(text, at, end)
            if match and match.group() == digits:
                return index, match.start(), match.end()
            at = text.find(digits, at + 1, end)
        budget -= len(text) - start
        if budget <= 0:
            return None
    return None


def _cut(text: str, start: int, end: int) -> tuple[str, int]:
    """Cut a footnote number out, leaving the surrounding words spaced as a reader expects."""
    before, after = text[:start], text[end:]
    if before.endswith(" ") and (not after or after[:1] in " .,;:!?\"»…)"):
        before = before.rstrip(" ")
    if re.match(r" [.,;:]", after) and before and not before.endswith(" "):
        after = after[1:]
    if after[:1].isalpha() and before and not before.endswith(" "):
        after = " " + after
    # the marker goes right after the word or punctuation it annotates, not after a space
    return before + after, len(before.rstrip(" "))
