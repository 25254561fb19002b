"""Corpus stage: metadata checks, article and paragraph splitting, on the fixture and the real corpus."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from atlas.corpus import load_corpus, locate, normalise_space
from atlas.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "corpus")


def test_fixture_articles_and_paragraphs():
    fixture = load_corpus(FIXTURE)
    doc = fixture.documents[0]
    assert [a.title for a in doc.articles] == [
        "Biélorussie - Kazakhstan : un partenariat de test pour le parseur",
        "Biélorussie - Chine : les villes jumelles",
    ]
    texts = [p.text for p in doc.paragraphs()]
    assert texts[0].startswith("La région de Grodno et la région de Karaganda ont signé un accord de coopération en")
    assert "en 2019\". Le document" in texts[0]
    assert "post-soviétique" in texts[0]
    assert all("<br" not in t and "/>" not in t for t in texts)
    assert not any(t.strip() == "12" for t in texts), "page number dropped"
    assert [p.id for p in doc.paragraphs()] == [f"p-{i}" for i in range(1, len(texts) + 1)]
    assert doc.paragraphs()[0].footnotes[0].number == 3
    assert doc.articles[1].paragraphs[-1].line_start == 15


def test_real_corpus_has_its_seventeen_articles(corpus):
    doc = corpus.document("000_dde7657066dac0dc")
    titles = [a.title for a in doc.articles]
    assert len(titles) == 17
    assert titles[3] == "Biélorussie - Kazakhstan : plans pour l'avenir - dans la feuille de route"
    assert titles[8] == "Minsk - Changchun : un jumelage tourné vers l'avenir"
    assert not any(t.startswith("Prokhladnensky") for t in titles), "a page-start line is not a title"


def test_real_corpus_footnotes_are_in_order_and_nearly_all_found(corpus):
    numbers = [n.number for p in corpus.document("000_dde7657066dac0dc").paragraphs() for n in p.footnotes]
    assert numbers == sorted(numbers)
    assert len(numbers) >= 255  # 261 in the source, a few lost by the translation


def test_no_markup_or_page_numbers_survive(corpus):
    for doc in corpus.documents:
        for p in doc.paragraphs():
            assert "<br" not in p.text
            assert p.text.strip() and not p.text.strip().isdigit()


def test_paragraph_line_spans_point_at_the_source(corpus):
    doc = corpus.document("000_dde7657066dac0dc")
    lines = (ROOT / "corpus" / doc.file).read_text(encoding="utf-8").split("\n")
    p = locate(corpus, doc.id, "la province de Hubei")
    source = normalise_space(" ".join(lines[p.line_start - 1 : p.line_end]))
    assert "Hubei" in source


def test_news_item_without_titles_is_one_article_with_headings(corpus):
    doc = corpus.document("004_8466434a70f9dd68")
    assert len(doc.articles) == 1
    headings = [p.text for p in doc.paragraphs() if p.heading]
    assert headings == ["Une coopération économique en plein essor",
                        "Un développement multidimensionnel et tourné vers l’avenir"]
    assert not any(p.footnotes for p in doc.paragraphs()), "1.800 emplois is not a footnote"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURE, target)
    return target


def test_missing_document_is_an_error(tmp_path):
    folder = _copy(tmp_path)
    (folder / "001_fixture.txt").unlink()
    (folder / "other.txt").write_text(" Titre :\nsous-titre\n\nTexte.\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"metadata.yaml:\d+: document 001_fixture.txt is listed but missing"):
        load_corpus(folder)


def test_changed_document_is_an_error(tmp_path):
    folder = _copy(tmp_path)
    with (folder / "001_fixture.txt").open("a", encoding="utf-8") as f:
        f.write("Une phrase ajoutée.\n")
    with pytest.raises(DataError, match="sha256 of 001_fixture.txt"):
        load_corpus(folder)


def test_empty_and_non_utf8_documents_are_errors(tmp_path):
    folder = _copy(tmp_path)
    (folder / "002_vide.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(DataError, match="002_vide.txt: document is empty"):
        load_corpus(folder)
    (folder / "002_vide.txt").write_bytes("Ligne un\nLigne deux \xe9t\xe9\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"002_vide.txt:2: not valid UTF-8"):
        load_corpus(folder)


def test_new_document_without_metadata_builds_with_a_warning(tmp_path):
    folder = _copy(tmp_path)
    (folder / "010_nouveau.txt").write_text(
        "La région de Vitebsk a signé un accord avec la région de Pskov en 2023.\n", encoding="utf-8"
    )
    with pytest.warns(UserWarning, match="010_nouveau.txt: no entry in metadata.yaml"):
        corpus = load_corpus(folder)
    doc = corpus.document("010_nouveau")
    assert doc.title.startswith("La région de Vitebsk a signé")


def test_malformed_metadata_names_the_line(tmp_path):
    folder = _copy(tmp_path)
    (folder / "metadata.yaml").write_text("documents:\n  - file: a.txt\n    title: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"metadata.yaml:\d+: malformed YAML"):
        load_corpus(folder)


def test_metadata_field_given_twice_is_an_error(tmp_path):
    """YAML would keep the second sha256 silently; the build names the entry's line instead."""
    folder = _copy(tmp_path)
    path = folder / "metadata.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("sha256:"))
    lines.insert(at + 1, lines[at])
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataError, match=r"metadata\.yaml:\d+: entry '[^']+\.txt': field\(s\) sha256 given twice"):
        load_corpus(folder)


PARSE_DIGEST = (
    "import hashlib, pathlib, sys; from atlas.corpus import parse_document; "
    "text = pathlib.Path(sys.argv[1]).read_text(encoding='utf-8'); "
    "print(hashlib.sha256(repr(parse_document('x', text)).encode()).hexdigest())"
)


def test_parse_does_not_depend_on_the_hash_seed():
    """Two processes with different string hashing parse a document the same way (a set or dict
    order leaking into paragraph ids would show here, and in published URLs)."""
    digests = set()
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", PARSE_DIGEST, str(FIXTURE / "001_fixture.txt")],
                              capture_output=True, text=True, check=True, cwd=ROOT,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        digests.add(done.stdout.strip())
    assert len(digests) == 1 and len(digests.pop()) == 64
