"""Headless Debian Chromium with the network blocked, recording every request a page makes."""

from __future__ import annotations

from pathlib import Path

import pytest

# One definition of the browser and of the blocked network, shared with `make eval`.
from atlas.tools.search_eval import BLOCKED_NETWORK, CHROMIUM


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: `make test` installs Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BLOCKED_NETWORK)
        yield browser
        browser.close()


class Recorder:
    """Requests and console errors of one page."""

    def __init__(self, page) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def outside(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file://", "data:", "about:", "blob:"))]


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.recorder = Recorder(page)
    yield page
    context.close()
