"""Citations in the browser: the formats can be saved as files, a fact's "citer" link shows
that fact's citation with its permanent URL."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def test_bibtex_saves_as_a_file_and_a_fact_shows_its_citation(built_site, page):
    page.goto((built_site / "regions" / "by-hr.html").as_uri())
    permalink = page.locator(".atlas-permalink").inner_text()
    page.locator("details.atlas-cite-format summary", has_text="BibTeX").click()
    with page.expect_download() as info:
        page.locator("button.atlas-cite-save", has_text="BibTeX").click()
    assert info.value.suggested_filename == "regions-by-hr.bib"
    assert f"url = {{{permalink}}}" in Path(info.value.path()).read_text(encoding="utf-8")
    link = page.locator("a.atlas-cite-fact").first
    fact_id = link.get_attribute("id")
    folded = link.locator("xpath=ancestor::details[not(@open)]")
    if folded.count():  # long sections are folded: a reader opens the group first
        folded.first.locator("summary").first.click()
    link.click()
    shown = page.locator("#atlas-fact-citation").inner_text()
    assert f"{permalink}#{fact_id}" in shown and page.url.endswith("#" + fact_id)
    assert page.recorder.outside() == [] and page.recorder.errors == []
