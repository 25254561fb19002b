"""Pages: golden Markdown on the fixture corpus, consistency of facts and pages, stable URLs."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from atlas.build import generate
from atlas.pipeline import Timings
from atlas.project import Project
from atlas.tools.url_list import missing_urls, published_urls, read_list
from tests.conftest import ROOT, fixture_project

GOLDEN = ROOT / "tests" / "golden"
GOLDEN_PAGES = {"pays/kz.md": "pays-kz.md", "regions/by-hr.md": "regions-by-hr.md",
                "villes/moguilev.md": "villes-moguilev.md"}


@pytest.fixture(scope="module")
def fixture_files(tmp_path_factory) -> dict[str, str | bytes]:
    root = fixture_project(tmp_path_factory.mktemp("fixture"))
    return generate(Project.at(root), Timings(), epoch=0)


@pytest.mark.parametrize("page", sorted(GOLDEN_PAGES))
def test_golden_pages(fixture_files, page, update_golden):
    expected = GOLDEN / GOLDEN_PAGES[page]
    actual = fixture_files[page]
    if update_golden:
        expected.write_text(actual, encoding="utf-8")
    assert expected.exists(), f"{expected} missing: run pytest --update-golden once"
    assert actual == expected.read_text(encoding="utf-8"), f"{page} differs from {expected} (--update-golden)"


def test_fixture_pages_carry_every_part(fixture_files):
    region = fixture_files["regions/by-hr.md"]
    for part in ("# Région de Grodno", "Autres noms et graphies", "Hrodna", "BY-HR", "## Partenaires",
                 "[Région de Karaganda](../regions/kz-35.md)", "## Chiffres", "## Mentions dans les sources",
                 "## Citer cette page", "(../donnees/pages/by-hr.csv)", "#p-1"):
        assert part in region, part


def _page_text(site: Path, url: str) -> str:
    return (site / url).read_text(encoding="utf-8")


def _targets(site: Path, url: str) -> set[str]:
    """Site-relative targets of every link of a page (without anchors)."""
    base = posixpath.dirname(url)
    hrefs = re.findall(r'href="([^"#]+)', _page_text(site, url))
    return {posixpath.normpath(posixpath.join(base, h)) for h in hrefs}


def test_every_fact_is_on_the_pages_of_both_parties(built_site):
    import csv

    rows = list(csv.DictReader((built_site / "donnees" / "partenariats.csv").open(encoding="utf-8-sig")))
    entities = {r["id"]: r for r in csv.DictReader((built_site / "donnees" / "entites.csv").open(encoding="utf-8-sig"))}
    assert rows
    for row in rows:
        anchor = row["paragraph_url"].split("#")[1]
        for side, other in (("by_id", "partner_id"), ("partner_id", "by_id")):
            url = entities[row[side]]["url"]
            assert url, f"{row[side]} has a fact but no page"
            html = _page_text(built_site, url)
            assert f"#{anchor}" in html, (row["id"], url)
            if row[other] != row[side]:
                assert entities[row[other]]["url"] in _targets(built_site, url), (row["id"], url, row[other])


def test_every_entity_with_a_fact_has_exactly_one_page(built_site):
    import csv

    entities = list(csv.DictReader((built_site / "donnees" / "entites.csv").open(encoding="utf-8-sig")))
    facts = list(csv.DictReader((built_site / "donnees" / "partenariats.csv").open(encoding="utf-8-sig")))
    involved = {f["by_id"] for f in facts} | {f["partner_id"] for f in facts}
    urls = [e["url"] for e in entities if e["url"]]
    assert len(urls) == len(set(urls)), "two entities share a page"
    for e in entities:
        if e["id"] in involved:
            assert e["url"] and (built_site / e["url"]).is_file(), e["id"]


def test_listed_urls_still_exist(built_site):
    listed = read_list()
    assert len(listed) > 200
    assert missing_urls(built_site, listed) == []


def test_every_published_page_is_listed(built_site):
    unlisted = sorted(set(published_urls(built_site)) - set(read_list()))
    assert unlisted == [], "new pages: after make site, run `python -m atlas.tools.url_list --update`, commit the list"


def test_legacy_kazakh_codes_redirect_to_current_codes(built_site):
    html = _page_text(built_site, "regions/kz-kar.html")
    assert re.search(r'http-equiv="refresh" content="0; url=kz-35.html"', html)
    assert (built_site / "regions" / "kz-35.html").is_file()


def test_article_pages_link_places_and_facts(built_site):
    html = _page_text(built_site, "articles/000_dde7657066dac0dc-09.html")
    assert re.search(r'<a class="atlas-place" href="../regions/by-hm.html"[^>]*>Minsk</a>', html)
    assert "Faits tirés de ce paragraphe" in html


def test_chronology_spans_the_years_and_filters_by_region(built_site):
    html = _page_text(built_site, "chronologie.html")
    for year in ("1992", "1994", "2021"):
        assert f">{year}<" in html
    for region in ("by-br", "by-ho", "by-hr", "by-ma", "by-mi", "by-vi", "by-hm"):
        assert f'<option value="{region.upper()}">' in html and f'id="{region}"' in html
        assert f'data-by="{region.upper()}"' in html


NEW_DOCUMENT = "La région de Vitebsk et la région de Pskov ont signé un accord de coopération en 2023.\n"


def test_a_new_document_yields_unverified_facts_until_it_is_curated(tmp_path):
    root = fixture_project(tmp_path / "project")
    (root / "corpus" / "010_nouveau.txt").write_text(NEW_DOCUMENT, encoding="utf-8")
    with pytest.warns(UserWarning, match="010_nouveau.txt: no entry"):
        files = generate(Project.at(root), Timings(), epoch=0)
    page = files["regions/by-vi.md"]
    assert "[Région de Pskov](../regions/ru-psk.md) | Accord de coopération *(automatique, non vérifié)* | 2023" in page
    assert "origin" in files["donnees/partenariats.csv"] and ",automatique," in files["donnees/partenariats.csv"]

    sha = __import__("hashlib").sha256(NEW_DOCUMENT.encode()).hexdigest()
    with (root / "corpus" / "metadata.yaml").open("a", encoding="utf-8") as f:
        f.write(f"  - file: 010_nouveau.txt\n    title: Nouveau\n    curated: true\n    sha256: {sha}\n")
    curated = generate(Project.at(root), Timings(), epoch=0)
    assert "automatique" not in curated["regions/by-vi.md"]
