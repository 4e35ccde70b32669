"""A guarded headless Chromium for the export tests: file:// only, every console error fails the test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("JKQUIZ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]


def require_browser() -> None:
    """Skip with what to install, or fail in CI (JKQUIZ_REQUIRE_BROWSER=1), when Chromium is missing."""
    if Path(CHROMIUM).exists():
        return
    reason = f"Chromium not found at {CHROMIUM}: install it (sudo apt-get install chromium) or set JKQUIZ_CHROMIUM"
    if os.environ.get("JKQUIZ_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (JKQUIZ_REQUIRE_BROWSER=1: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


@dataclass
class Guard:
    """What a page tried that it must not: requests off file://, console errors, uncaught exceptions."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert self.blocked == [], f"the page tried to load: {self.blocked}"
        assert self.errors == [], f"errors in the page: {self.errors}"


def open_browser() -> Iterator[Any]:
    """A Chromium browser for a test module."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def guarded_page(browser: Any) -> tuple[Any, Guard]:
    """A new page whose every request not to file:// or 127.0.0.1 is aborted and recorded."""
    guard = Guard()
    page = browser.new_page()

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file://", "http://127.0.0.1", "data:", "about:")):
            r.continue_()
        else:
            guard.blocked.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: guard.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: guard.errors.append(str(e)))
    return page, guard
