"""A real server and a real browser for the page tests, one of each per test session.

The server is ``broadsheet serve`` on a free 127.0.0.1 port over a scratch SQLite database
seeded by ``broadsheet seed``, plus the articles of ``corpus.py`` sent through the API.
The browser is Debian's Chromium driven by Playwright; without it the browser tests skip,
except in CI, where they fail."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import IN_CI
from tests.web.server import running_server

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        message = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
        if IN_CI:
            pytest.fail(message + "; CI requires it")
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory, chromium: Path) -> Iterator[str]:
    """The address of a running server holding the seed article and the test corpus."""
    with running_server(tmp_path_factory.mktemp("web")) as base:
        yield base


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium))
        yield launched
        launched.close()


class Watched:
    """A browser tab that records every request it makes and every console error."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        # Nothing may leave this origin: any such request is recorded above and refused.
        page.route("**/*", self._only_here)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._console)

    def _only_here(self, route: Any) -> None:
        if route.request.url.startswith(self.base + "/"):
            route.continue_()
        else:
            route.abort()

    def _console(self, message: Any) -> None:
        # A failed API request is logged by the browser itself; the tests that cause one
        # check the page shows it. Anything else (a CSP refusal, a script error) is a bug.
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.errors.append(message.text)

    def open(self, path: str) -> Any:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return self.page


@pytest.fixture
def tab(browser: Any, base_url: str) -> Iterator[Watched]:
    """A fresh desktop-sized tab; afterwards, no request may have left 127.0.0.1 and no
    script or policy error may have happened."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page(), base_url)
    yield watched
    context.close()
    outside = [url for url in watched.requests if not url.startswith(base_url + "/")]
    assert outside == [], "requests left 127.0.0.1"
    assert watched.requests, "the tab made no request"
    assert watched.errors == []
