"""Browser test fixtures: the course servers started as a learner starts them, and a guarded Chromium page.

- Servers: `jkquiz lab` / `jkquiz app` on 127.0.0.1 and a free port, with Jupyter's and jkquiz's
  folders in a temp dir; one per test module; stopped with Ctrl-C (SIGINT) as a learner would,
  then checked to have ended every process they started; the whole process group is killed
  whatever happens. Their log is attached to the report of a failing test.
- Pages: every request to a host other than 127.0.0.1 is blocked and fails the test, as do page
  errors, console errors and "Error displaying widget"; a screenshot of every test goes to
  test-artifacts/.
- Chromium missing: skipped with what to install, or a failure when JKQUIZ_REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from course_servers import CourseServer, clear_outputs

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("JKQUIZ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
WIDGET_ERROR = "Error displaying widget"


def require_browser_or_skip(reason: str) -> None:
    """Skip with `reason` locally; fail in CI (JKQUIZ_REQUIRE_BROWSER=1), where a skip would hide it."""
    if os.environ.get("JKQUIZ_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (JKQUIZ_REQUIRE_BROWSER=1: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def course_notebooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course's notebooks with outputs cleared, in a temp folder, plus a test page of every question type."""
    source = Path(os.environ.get("JKQUIZ_TEST_NOTEBOOKS", ROOT / "notebooks"))
    target = tmp_path_factory.mktemp("course") / "notebooks"
    clear_outputs(source, target)
    write_every_type_page(target / EVERY_TYPE_PAGE)
    return target


EVERY_TYPE_PAGE = "99-every-question-type.ipynb"


def write_every_type_page(path: Path) -> list[str]:
    """A page with one quick check of each question type (authored questions of the course's bank)."""
    from jkquiz.api import course_bank

    kinds = ["single", "multiple", "true_false", "number", "text", "order", "match"]
    questions = list(course_bank().questions.values())
    ids = [next(q.id for q in questions if q.type == kind and not q.generated) for kind in kinds]
    cells = [{"cell_type": "markdown", "id": "title", "metadata": {}, "source": "# Every question type (a test page)"},
             {"cell_type": "code", "id": "import", "metadata": {}, "execution_count": None, "outputs": [],
              "source": "import jkquiz"}]
    cells += [{"cell_type": "code", "id": f"ask-{n}", "metadata": {}, "execution_count": None, "outputs": [],
               "source": f"jkquiz.ask({qid!r})"} for n, qid in enumerate(ids)]
    notebook = {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}}
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return ids


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium (or $JKQUIZ_CHROMIUM), checked before any server starts."""
    if not Path(CHROMIUM).exists():
        require_browser_or_skip(f"Chromium not found at {CHROMIUM}: install it with `sudo apt-get install chromium` "
                                "(or set JKQUIZ_CHROMIUM to a Chromium binary)")
    return CHROMIUM


def _serve(command: str, course_notebooks: Path, tmp_path_factory: pytest.TempPathFactory,
           *extra: str) -> Iterator[CourseServer]:
    server = CourseServer(command, course_notebooks, tmp_path_factory.mktemp(f"{command}-server"), *extra).start()
    try:
        yield server
    finally:
        survivors = server.stop()
    assert server.returncode == 0, f"Ctrl-C: jkquiz {command} exited with {server.returncode}:\n{server.output()}"
    assert "is shut down" in server.output()
    assert not survivors, f"processes outlived jkquiz {command}: {survivors}"
    assert "Traceback" not in server.output()


@pytest.fixture(scope="module")
def lab_server(chromium: str, course_notebooks: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CourseServer]:
    """`jkquiz lab` on the course."""
    yield from _serve("lab", course_notebooks, tmp_path_factory)


@pytest.fixture(scope="module")
def app_server(chromium: str, course_notebooks: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CourseServer]:
    """`jkquiz app` on the course."""
    yield from _serve("app", course_notebooks, tmp_path_factory)


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (no downloaded browser); per module, as only one sync
    Playwright may run at a time and other test modules start their own."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_browser_or_skip("playwright is not installed: `python3 course.py test` installs it")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Guard:
    """Watches a page: blocks and records requests off 127.0.0.1, page errors and console errors."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.problems: list[str] = []
        page.route("**/*", self._route)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught page error: {error}"))
        page.on("console", self._console)
        page.on("websocket", lambda ws: self._check(ws.url, "websocket"))

    def _check(self, url: str, kind: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1":
            return True
        self.problems.append(f"{kind} to another host (the course must work offline): {url}")
        return False

    def _route(self, route: Any) -> None:
        if self._check(route.request.url, "request"):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def check(self) -> None:
        """Fail now on anything seen so far, or a widget that could not be displayed."""
        widget_errors = self.page.get_by_text(WIDGET_ERROR).count()
        if widget_errors:
            self.problems.append(f"{widget_errors} widget(s) show '{WIDGET_ERROR}'")
        if self.problems:
            found, self.problems = self.problems, []
            pytest.fail("the page went wrong:\n" + "\n".join(found), pytrace=False)


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh page, guarded; a screenshot of it is saved after the test, and the guard checked."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.guard = Guard(page)
    try:
        yield page
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        finally:
            try:
                page.guard.check()
            finally:
                page.goto("about:blank")  # leaving the page: Voilà's page asks the server to end its kernel
                context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Attach the server's log to the report of a failing test that used a server."""
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for name in ("lab_server", "app_server"):
            server = getattr(item, "funcargs", {}).get(name)
            if isinstance(server, CourseServer):
                report.sections.append((f"{name} log", server.server_log()[-30_000:]))
