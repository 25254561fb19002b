"""What readers see: public words only, one count per place everywhere, French grammar,
one chronology. Checked on the whole built site (the real corpus and facts)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from atlas.pages import french

#: Working references that must never reach a reader: source line numbers, fact ids, file hashes.
LINE_REF = re.compile(r"\bl\.\s?\d|\blignes?\s+\d")
FACT_ID = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)*--[a-z0-9]")
FILE_HASH = re.compile(r"\b\d{3}_[0-9a-f]{16}\b")
TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]*?>", re.S)
TITLE_ATTR = re.compile(r'\btitle="([^"]*)"')
#: a page's permanent address is a URL, not prose: its path may hold a document's file name
URL = re.compile(r"https?://[^\s\"'<>{}]+")
#: identifiers shown on purpose as data (the Données page's id scheme, ISO codes) are set in <code>
CODE = re.compile(r"<code\b[^>]*>.*?</code>", re.S)


def visible_text(page: str) -> str:
    """Text a reader sees: the content, and the hover titles; not URLs, not scripts."""
    main = page.split('<article', 1)[-1].split("</article>", 1)[0]
    text = html.unescape(TAG.sub(" ", CODE.sub(" ", main)) + " " + " ".join(TITLE_ATTR.findall(main)))
    return URL.sub(" ", text)


def content_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html")
                  if not p.is_relative_to(site / "cartes") and not p.is_relative_to(site / "assets"))


def test_published_text_has_no_line_reference_internal_id_or_file_hash(built_site):
    problems = []
    for page in content_pages(built_site):
        text = visible_text(page.read_text(encoding="utf-8"))
        for name, pattern in (("line reference", LINE_REF), ("internal id", FACT_ID), ("file hash", FILE_HASH)):
            for match in pattern.finditer(text):
                context = text[max(0, match.start() - 30):match.end() + 20]
                problems.append(f"{page.relative_to(built_site)}: {name} {context!r}")
    assert not problems, "\n".join(problems[:20])


def test_the_checks_catch_what_they_look_for():
    page = ('<article><p title="voir l.1469">Liste (l.1469), voir by-hm--cn-bj--jumelage-2016, '
            'document 000_dde7657066dac0dc</p><a href="../articles/000_dde7657066dac0dc-08.html">x</a></article>')
    text = visible_text(page)
    assert LINE_REF.search(text) and FACT_ID.search(text) and FILE_HASH.search(text)
    assert not FILE_HASH.search(visible_text('<article><a href="000_dde7657066dac0dc-08.html">art. 8</a></article>'))
    assert not FILE_HASH.search(visible_text('<article><code>https://x.org/articles/000_dde7657066dac0dc-08.html'
                                             '</code></article>'))


COUNT = re.compile(r"(\d+)\s+partenariats?\b")


def test_every_page_states_the_same_count_of_a_place(built_site):
    """The home page cards, the two indexes and the place pages agree (one definition)."""
    home = visible_text((built_site / "index.html").read_text(encoding="utf-8"))
    grodno = visible_text((built_site / "regions" / "by-hr.html").read_text(encoding="utf-8"))
    card = re.search(r"Région de Grodno\s+(\d+)\s+partenariats", home)
    profile = re.search(r"(\d+)\s+partenariats relevés", grodno)
    assert card and profile and card.group(1) == profile.group(1)
    countries = (built_site / "pays" / "index.html").read_text(encoding="utf-8")
    russia_row = re.search(r'href="ru.html">Russie</a></td>\s*<td>(\d+)</td>', countries)
    russia = visible_text((built_site / "pays" / "ru.html").read_text(encoding="utf-8"))
    russia_profile = re.search(r"(\d+)\s+partenariats relevés", russia)
    assert russia_row and russia_profile and russia_row.group(1) == russia_profile.group(1)
    regions_index = visible_text((built_site / "regions" / "index.html").read_text(encoding="utf-8"))
    assert re.search(rf"Région de Grodno\W+{card.group(1)}\s+partenariats", regions_index)


def test_no_template_french_slips(built_site):
    slips = re.compile(r"\b(?:de|à) (?:Bélarus|Kazakhstan|Émirats|Royaume-Uni)\b|\bde région de\b"
                       r"|\b(?:de|à) les? [A-ZÉ]|\(0 partenariat|\b1\s+partenariats\b|\b1\s+partenaires\b")
    problems = []
    for page in content_pages(built_site):
        if page.name in ("donnees.html", "methodologie.html") or page.is_relative_to(built_site / "articles"):
            continue  # the data page documents every word; articles are the sources' own text
        text = visible_text(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(built_site)}: {text[max(0, m.start() - 30):m.end() + 20]!r}"
                     for m in slips.finditer(text)]
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize(("name", "article", "of", "in_"), [
    ("Bélarus", "le", "du Bélarus", "au Bélarus"), ("Chine", "la", "de la Chine", "en Chine"),
    ("Iran", "l'", "de l'Iran", "en Iran"), ("Émirats arabes unis", "les", "des Émirats arabes unis",
                                               "aux Émirats arabes unis"),
    ("Israël", "none", "d'Israël", "à Israël"), ("Singapour", "none", "de Singapour", "à Singapour")])
def test_country_names_take_their_article(name, article, of, in_):
    assert french.of(name, article) == of
    assert french.in_(name, article) == in_


def test_grammar_data_covers_every_country_and_falls_back_on_the_usual_rule():
    from atlas.build import ROOT
    from atlas.gazetteer import read_yaml

    path = ROOT / "data" / "places" / "countries_fr.yaml"
    grammar = french.load_grammar(read_yaml(path), path)
    assert grammar.article("Kazakhstan", "KZ") == "le" and grammar.article("Chine", "CN") == "la"
    assert grammar.article("région de Moguilev") == "la" and grammar.article("Grodno") == "none"
    assert french.Grammar().article("Ouganda", "UG") == "l'"


def test_every_figure_on_a_place_page_says_what_it_measures(built_site):
    """No "Autre indicateur": each figure's indicator is given in words (curated data)."""
    pages = [p for kind in ("pays", "regions", "villes") for p in (built_site / kind).glob("*.html")]
    vague = [p.name for p in pages if "Autre indicateur" in visible_text(p.read_text(encoding="utf-8"))]
    assert pages and not vague, vague[:10]


def test_chronology_lists_each_event_once(built_site):
    page = (built_site / "chronologie.html").read_text(encoding="utf-8")
    items = re.findall(r"<li data-by=", page)
    dated = re.search(r"(\d+)\s+partenariats datés", visible_text(page))
    assert dated and len(items) == int(dated.group(1))
    for year in re.findall(r'id="annee-(\d{4})"', page):
        assert f'href="#annee-{year}"' in page
