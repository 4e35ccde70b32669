"""The static site in a real browser (JupyterLite, Pyodide), served from a sub-path on 127.0.0.1.

A lesson opens, Run All shows its figure (with alt text) and its quiz, a wrong then a right answer show
feedback with sources, Hangul and Kanji in the quiz are drawn with the course's font (shipped in the site); the answers survive a reload and a browser restart (the browser's own storage),
and the record downloaded from the review page is read by `jkquiz report`. Every request to another
origin is blocked and fails the test, as do page errors, console errors and widgets that fail to show.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from jkquiz.cli import main
from jkquiz.fonts import FAMILY
from jkquiz.site.languages import start_url

from .conftest import ARTIFACTS, CHROMIUM_ARGS, WIDGET_ERROR, require_browser_or_skip
from .quizdriver import Learner, shown_question
from .test_fonts import _assert_cjk_drawn
from .test_lab import run_all_when_idle, skip_to_results

LESSON = "03-territory.ipynb"
SERVER: Any = None  # the static host of this module's test
REVIEW = "10-review.ipynb"


@pytest.fixture(scope="module")
def site_url(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site (cached between runs while its inputs are unchanged), served under /course/jkquiz/."""
    from site_build import built_site, serve_under_subpath

    server, url = serve_under_subpath(built_site(), tmp_path_factory.mktemp("static-host"))
    global SERVER
    SERVER = server
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


class SiteGuard:
    """Blocks and records requests to another origin (the page's and its workers'), page and console errors."""

    def __init__(self, context: Any, origin: str) -> None:
        self.origin, self.problems = origin, []
        context.route("**/*", self._route)

    def watch(self, page: Page) -> Page:
        page.on("pageerror", lambda error: self.problems.append(f"uncaught page error: {error}"))
        page.on("console", lambda m: self.problems.append(f"console error: {m.text}") if m.type == "error" else None)
        page.on("response", lambda r: self.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        return page

    def _route(self, route: Any) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("data", "blob", "about") or f"{parts.scheme}://{parts.netloc}" == self.origin:
            route.continue_()
        else:
            self.problems.append(f"request to another origin: {route.request.url}")
            route.abort("blockedbyclient")

    def check(self, page: Page) -> None:
        failed = page.get_by_text(WIDGET_ERROR).count()
        if failed:
            self.problems.append(f"{failed} widget(s) show '{WIDGET_ERROR}'")
        self.problems += [f"the site answered {line}" for line in SERVER.missing]
        SERVER.missing.clear()
        if self.problems:
            found, self.problems = self.problems, []
            pytest.fail("the page went wrong:\n" + "\n".join(found), pytrace=False)


def open_browser(playwright: Any, chromium: str, profile: Path, guard_origin: str) -> tuple[Any, SiteGuard]:
    """Chromium with a profile folder of its own: closing and opening it again is a browser restart."""
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=chromium, args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 1000},
        accept_downloads=True)
    context.set_default_timeout(60_000)
    return context, SiteGuard(context, guard_origin)


def run_all(page: Page, site_url: str, notebook: str, lang: str = "en") -> None:
    """Open a lesson in JupyterLite (JupyterLab speaking `lang`) and Run All once the kernel (Pyodide) is idle."""
    page.goto(f"{site_url}{start_url(lang).split('?')[0]}?path={notebook}")
    # after a reload JupyterLab also restores the notebooks open before: the one shown is the current one
    expect(page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")).to_be_visible(timeout=120_000)
    run_all_when_idle(page, notebook, "Python (Pyodide)", lang, timeout=120_000)


def assert_course_font(page: Page, quiz: Any) -> None:
    """Hangul and Kanji in a quiz drawn with the course's font, from the site's own fonts/ folder: declared by the
    page (lesson text uses it) and by the quiz's own stylesheet (the kernel knows where the files are)."""
    assert "../../fonts/" in (quiz.locator("style").first.text_content() or "")
    text = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown").first
    assert f'"{FAMILY}"' in text.evaluate("e => getComputedStyle(e).fontFamily")
    _assert_cjk_drawn(page, ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output .jkquiz")


def review_summary(page: Page) -> Any:
    summary = page.locator(".jp-OutputArea-output .jkquiz [role=status]", has_text="You have answered")
    expect(summary).to_be_visible(timeout=120_000)
    return summary


def download_record(page: Page, site_url: str, answered: int, folder: Path) -> Path:
    """Run the review page, see it count `answered` answers and download the record from it into `folder`."""
    run_all(page, site_url, REVIEW)
    expect(review_summary(page)).to_contain_text(f"You have answered {answered} of")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download your record").click()
    record = folder / "jkquiz-progress.jsonl"
    download_info.value.save_as(record)
    return record


def test_lesson_runs_in_the_browser_and_keeps_the_record(site_url: str, chromium: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    profile = tmp_path / "profile"
    with sync_playwright() as playwright:
        context, guard = open_browser(playwright, chromium, profile, origin)
        page = guard.watch(context.new_page())
        try:
            landing = page.goto(site_url)
            assert landing is not None and landing.ok
            expect(page.get_by_role("link", name="Open the course")).to_be_visible()
            run_all(page, site_url, LESSON)
            figure = page.locator(".jp-OutputArea-output img[alt*='Liancourt']").first
            expect(figure).to_be_visible(timeout=120_000)
            quiz = page.locator(".jp-OutputArea-output .jkquiz").filter(has=page.locator("progress"))
            expect(quiz).to_be_visible(timeout=120_000)
            learner = Learner(page)
            first = learner.answer(quiz, right=False)
            feedback = quiz.locator(".jkq-feedback")
            expect(feedback).to_contain_text("Not quite")
            expect(feedback).to_contain_text(" ".join(first.explanation.split()[:8]))
            assert feedback.locator("a[href^='http']").count() >= 1, "feedback names no source"
            skip_to_results(page, quiz)
            quiz.get_by_role("button", name=re.compile(r"^Review missed questions")).click()
            assert shown_question(quiz).id == first.id
            learner.answer(quiz, right=True)
            expect(quiz.locator(".jkq-feedback")).to_contain_text("Correct")
            assert_course_font(page, quiz)
            guard.check(page)

            page.reload()  # a new kernel: the answers come back from the browser's storage
            run_all(page, site_url, REVIEW)
            expect(review_summary(page)).to_contain_text("You have answered 1 of")
            guard.check(page)
        finally:
            page.screenshot(path=str(ARTIFACTS / "site_lesson.png"))
            context.close()

        context, guard = open_browser(playwright, chromium, profile, origin)  # a browser restart
        page = guard.watch(context.new_page())
        try:
            record = download_record(page, site_url, 1, tmp_path)
            guard.check(page)
        finally:
            page.screenshot(path=str(ARTIFACTS / "site_review.png"))
            context.close()

    lines = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["format"] == "jkquiz-progress"
    assert [(a["question_id"], a["status"]) for a in lines[1:]] == [(first.id, "wrong"), (first.id, "correct")]
    assert main(["report", str(record)]) == 0
