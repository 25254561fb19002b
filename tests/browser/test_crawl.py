"""Every built page opened from file:// with the network blocked, and every link of the site checked.

The crawl reuses one browser page and waits only for each page's `load` event: ~400 pages in
about a minute. Maps are embedded as lazy iframes, so map files are opened directly as well.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import Recorder
from tests.hostile import DOC_ID, hostile_site
from tests.sitecheck import broken_links, is_redirect

pytestmark = pytest.mark.browser


def crawl(browser, pages: list[Path]) -> dict[str, list[str]]:
    """Open each page in turn; page name → what went wrong there (requests out, console errors, dialogs)."""
    context = browser.new_context()
    page = context.new_page()
    recorder = Recorder(page)
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(f"{dialog.type} dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    problems: dict[str, list[str]] = {}
    try:
        for path in pages:
            recorder.requests.clear()
            recorder.errors.clear()
            dialogs.clear()
            try:
                page.goto(path.as_uri(), wait_until="load", timeout=30000)
            except Exception as err:  # noqa: BLE001 - reported with the page name
                problems[str(path)] = [f"did not load: {err}"]
                continue
            found = [f"request left file://: {url}" for url in recorder.outside()]
            found += [f"console error: {text}" for text in recorder.errors] + list(dialogs)
            if found:
                problems[str(path)] = found
    finally:
        context.close()
    return problems


def test_every_page_loads_offline_with_no_outside_request_and_no_console_error(built_site, browser):
    # 404.html is for web servers (which serve it at any path), so its links are root-absolute:
    # it cannot work from file:// and never opens there
    # redirect pages (moved URLs) only point at a page opened anyway; the link check checks their target
    pages = sorted(p for p in built_site.rglob("*.html") if p != built_site / "404.html" and not is_redirect(p))
    assert len(pages) > 100
    problems = crawl(browser, pages)
    report = "\n".join(f"{Path(name).relative_to(built_site)}: {'; '.join(found[:5])}"
                       for name, found in sorted(problems.items()))
    assert not problems, f"{len(problems)} page(s) with problems:\n{report}"


def test_no_broken_link_or_anchor_in_the_built_site(built_site):
    broken = broken_links(built_site)
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(broken[:50])


def test_hostile_pages_and_their_search_raise_no_dialog(browser, tmp_path_factory):
    site = hostile_site(tmp_path_factory)
    article = site / "articles" / f"{DOC_ID}-01.html"
    pages = [article, site / "articles" / "index.html", site / "regions" / "by-vi.html", site / "pays" / "ru.html",
             site / "cartes" / "regions-by-vi.html"]
    assert not crawl(browser, pages)
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(article.as_uri())
        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially("piégé", delay=20)  # the hostile title; results are shown as HTML
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        page.evaluate("document.querySelectorAll('.md-search-result details').forEach(d => d.open = true)")
        page.wait_for_timeout(300)
        results = page.locator(".md-search-result").inner_html()
        injected = page.locator(".md-search-result img, .md-search-result script").count()
    finally:
        context.close()
    assert dialogs == []
    assert "&lt;script&gt;alert(1)" in results and injected == 0
