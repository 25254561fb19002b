"""Corpus stage: read the source documents, check them against their metadata, and split them
into articles and paragraphs with stable ids and their source line spans.

A document is a UTF-8 `.txt` file in `corpus/`. Its metadata (title, dates, language, sha256)
lives in `corpus/metadata.yaml`; a document without an entry still builds, with defaults and a
warning, so adding a document needs no code change.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from atlas import cleaning
from atlas.cleaning import Footnote
from atlas.errors import DataError
from atlas.readers import read_yaml_entries

METADATA_FILE = "metadata.yaml"
#: parse(document id, text, title from metadata or None) -> articles
Parser = Callable[[str, str, "str | None"], "list[Article]"]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of clean text; `id` (p-N) is unique within its document."""

    id: str
    document: str
    text: str
    line_start: int
    line_end: int
    footnotes: tuple[Footnote, ...] = ()
    heading: bool = False


@dataclass(frozen=True)
class Article:
    id: str
    document: str
    number: int
    title: str
    line_start: int
    line_end: int
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Document:
    id: str
    file: str
    title: str
    date_span: str
    language: str
    sha256: str
    articles: tuple[Article, ...]
    #: read by a curator, every fact recorded by hand: its automatic candidates are not published
    curated: bool = False

    def paragraphs(self) -> list[Paragraph]:
        return [p for a in self.articles for p in a.paragraphs]


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    warnings: tuple[str, ...] = field(default=())

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def articles(self) -> list[Article]:
        return [a for d in self.documents for a in d.articles]

    def paragraph_index(self) -> dict[tuple[str, str], tuple[Article, Paragraph]]:
        """(document id, paragraph id) → its article and paragraph, for citing facts."""
        return {(a.document, p.id): (a, p) for a in self.articles() for p in a.paragraphs}


def normalise_space(text: str) -> str:
    """Whitespace-normalised text: the only normalisation allowed when matching quotes."""
    return " ".join(text.split())


# --- reading (the I/O edge) -------------------------------------------------------------


def read_text(path: Path) -> str:
    """Read a document as UTF-8, naming the file and line of the first invalid byte."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise DataError(path, f"not valid UTF-8 (byte {err.start}): {err.reason}", line) from None
    if not text.strip():
        raise DataError(path, "document is empty")
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_metadata(corpus_dir: Path) -> dict[str, dict]:
    """Entries of `metadata.yaml` by file name; each entry remembers its line for messages."""
    path = corpus_dir / METADATA_FILE
    if not path.exists():
        return {}
    entries: dict[str, dict] = {}
    for line, entry in read_yaml_entries(path, list_key="documents"):
        if not isinstance(entry, dict) or "file" not in entry:
            raise DataError(path, "each document entry needs a 'file'", line)
        if entry["file"] in entries:
            raise DataError(path, f"document {entry['file']} listed twice", line)
        entries[entry["file"]] = {**entry, "_line": line}
    return entries


def load_corpus(corpus_dir: Path, parse: Parser | None = None) -> Corpus:
    """Read every `.txt` document of the corpus folder, checked against the metadata.

    `parse` (default `parse_document`) lets the build put a cache in front of the parser.
    """
    if not corpus_dir.is_dir():
        raise DataError(corpus_dir, "corpus folder not found")
    metadata = read_metadata(corpus_dir)
    meta_path = corpus_dir / METADATA_FILE
    files = sorted(p for p in corpus_dir.glob("*.txt"))
    names = {p.name for p in files}
    for name, entry in sorted(metadata.items()):
        if name not in names:
            raise DataError(meta_path, f"document {name} is listed but missing from {corpus_dir}", entry["_line"])
    notes: list[str] = []
    documents = []
    for path in files:
        entry = metadata.get(path.name)
        documents.append(_load_document(path, entry, meta_path, notes, parse or parse_document))
    if not documents:
        raise DataError(corpus_dir, "no .txt document in the corpus folder")
    for note in notes:
        warnings.warn(note, stacklevel=2)
    return Corpus(tuple(documents), tuple(notes))


def _load_document(path: Path, entry: dict | None, meta_path: Path, notes: list[str], parse: Parser) -> Document:
    text = read_text(path)
    digest = sha256_of(path)
    if entry is None:
        notes.append(f"{path}: no entry in {meta_path.name}; using defaults (title from its first article)")
        entry = {}
    elif entry.get("sha256") != digest:
        raise DataError(
            meta_path,
            f"sha256 of {path.name} is {digest}, metadata says {entry.get('sha256')}: "
            "the document changed; update its metadata entry if the change is intended",
            entry.get("_line"),
        )
    doc_id = path.stem
    articles = parse(doc_id, text, entry.get("title"))
    return Document(
        id=doc_id,
        file=path.name,
        title=entry.get("title") or articles[0].title,
        date_span=str(entry.get("date_span") or "non renseigné"),
        language=str(entry.get("language") or "fr"),
        sha256=digest,
        articles=tuple(articles),
        curated=bool(entry.get("curated", False)),
    )


# --- parsing (pure) ------------------------------------------------------------------------


@dataclass
class _Block:
    """Source lines of one paragraph or title while parsing."""

    lines: list[str]
    start: int
    end: int
    title: bool = False


def parse_document(doc_id: str, text: str, default_title: str | None = None) -> list[Article]:
    """Split a document into articles (at title lines) and paragraphs of clean text."""
    lines = [cleaning.strip_stray_html(line) for line in text.split("\n")]
    blocks = _blocks(lines)
    pieces = [piece for block in blocks if not block.title for piece in _pieces(block)]
    cleaned = cleaning.detach_footnotes([piece.text for piece in pieces])
    for piece, (clean, notes) in zip(pieces, cleaned, strict=True):
        piece.text, piece.footnotes = clean, notes
    return _articles(doc_id, blocks, pieces, default_title, len(lines))


@dataclass
class _Piece:
    """A paragraph being built: its block, text and source line span."""

    block: _Block
    text: str
    start: int
    end: int
    footnotes: tuple[Footnote, ...] = ()


def _pieces(block: _Block) -> list[_Piece]:
    text, starts = cleaning.join_lines_mapped(block.lines, block.start)
    out = []
    for begin, finish in cleaning.split_long(text):
        first = _line_at(starts, begin)
        last = _line_at(starts, max(begin, finish - 1))
        out.append(_Piece(block, text[begin:finish].strip(), first, last))
    return out


def _line_at(starts: list[tuple[int, int]], offset: int) -> int:
    line = starts[0][1]
    for start, number in starts:
        if start > offset:
            break
        line = number
    return line


def is_title_start(lines: list[str], index: int) -> bool:
    """Article titles stand on a line that starts with a space, e.g. ` Biélorussie - Kazakhstan :`.

    Other lines also start with a space (the first line of a printed page), so a title must also
    begin with a capital letter, follow a finished sentence, and end its block at a blank line
    within three lines (title, subtitle, blank).
    """
    line = lines[index]
    stripped = line.strip()
    if not line.startswith(" ") or not stripped or not stripped[0].isupper():
        return False
    previous = next(
        (p for p in reversed(lines[:index]) if p.strip() and not cleaning.is_page_number(p)), None
    )
    if previous is not None and not cleaning.ends_sentence(previous):
        return False
    return any(cleaning.is_blank(lines[j]) for j in range(index + 1, min(index + 4, len(lines))))


def _blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        number = index + 1
        if cleaning.is_page_number(line) or cleaning.is_blank(line):
            if current is not None and _closes_at_gap(current):
                blocks.append(current)
                current = None
            index += 1
            continue
        if is_title_start(lines, index):
            if current is not None:
                blocks.append(current)
            end = index
            while end + 1 < len(lines) and not cleaning.is_blank(lines[end + 1]):
                end += 1
            blocks.append(_Block(lines[index : end + 1], number, end + 1, title=True))
            current = None
            index = end + 1
            continue
        if current is None:
            current = _Block([line], number, number)
        else:
            current.lines.append(line)
            current.end = number
        if cleaning.ends_paragraph(line, next_is_blank=False) or cleaning.starts_new_sentence(
            line, _next_text_line(lines, index)
        ):
            blocks.append(current)
            current = None
        index += 1
    if current is not None:
        blocks.append(current)
    return blocks


def _next_text_line(lines: list[str], index: int) -> str:
    for j in range(index + 1, len(lines)):  # no slice: a copy of the rest at every line is quadratic
        if lines[j].strip() and not cleaning.is_page_number(lines[j]):
            return lines[j]
    return ""


def _closes_at_gap(block: _Block) -> bool:
    """At a blank or page-number line, a paragraph ends only if its last line ends a sentence."""
    return cleaning.ends_paragraph(block.lines[-1], next_is_blank=True)


def _articles(
    doc_id: str,
    blocks: list[_Block],
    pieces: list[_Piece],
    default_title: str | None,
    line_count: int,
) -> list[Article]:
    groups: list[tuple[_Block | None, list[_Piece]]] = []
    pieces_of: dict[int, list[_Piece]] = {}
    for piece in pieces:
        pieces_of.setdefault(id(piece.block), []).append(piece)
    blocks = _merge_subtitles(blocks)
    for block in blocks:
        if block.title or not groups:
            groups.append((block if block.title else None, []))
        if not block.title:
            groups[-1][1].extend(pieces_of.get(id(block), []))
    articles = []
    counter = 0
    for number, (title_block, members) in enumerate(groups, start=1):
        paragraphs = []
        for piece in members:
            if not piece.text.strip():
                continue
            counter += 1
            paragraphs.append(
                Paragraph(
                    id=f"p-{counter}",
                    document=doc_id,
                    text=piece.text,
                    line_start=piece.start,
                    line_end=piece.end,
                    footnotes=piece.footnotes,
                    heading=_is_heading(piece),
                )
            )
        title = _title(title_block, paragraphs, default_title)
        start = title_block.start if title_block else (members[0].start if members else 1)
        end = members[-1].end if members else (title_block.end if title_block else line_count)
        articles.append(
            Article(f"{doc_id}-{number:02d}", doc_id, number, title, start, end, tuple(paragraphs))
        )
    return articles


def _merge_subtitles(blocks: list[_Block]) -> list[_Block]:
    """A short unpunctuated line right after a title, past a blank line, still belongs to it
    (` Biélorussie - Kazakhstan :` / blank / `plans pour l'avenir - dans la feuille de route`)."""
    out: list[_Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.title
            and len(block.lines) == 1
            and len(block.lines[0].strip()) < cleaning.SHORT_LINE
            and not cleaning.ends_sentence(block.lines[0])
        ):
            out[-1] = _Block(previous.lines + block.lines, previous.start, block.end, title=True)
            continue
        out.append(block)
    return out


def _is_heading(piece: _Piece) -> bool:
    """A lone short line without final punctuation is a sub-heading (as in the news item)."""
    text = piece.text
    return len(piece.block.lines) == 1 and len(text) < cleaning.SHORT_LINE and not cleaning.ends_sentence(text)


def _title(title_block: _Block | None, paragraphs: list[Paragraph], default: str | None) -> str:
    if title_block is not None:
        title = cleaning.join_lines(title_block.lines)
        return title.rstrip(" :")
    if default:
        return default
    first = paragraphs[0].text if paragraphs else "Document sans titre"
    return _shorten(first, 90)


def _shorten(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + " …"


# --- finding a quote ---------------------------------------------------------------------


def locate(corpus: Corpus, doc_id: str, quote: str) -> Paragraph:
    """The paragraph whose text contains the quote (whitespace-normalised)."""
    wanted = normalise_space(quote)
    hits = [p for p in corpus.document(doc_id).paragraphs() if wanted in normalise_space(p.text)]
    if not hits:
        raise LookupError(f"quote not found in {doc_id}: {quote!r}")
    return hits[0]
