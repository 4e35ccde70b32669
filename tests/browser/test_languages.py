"""A lesson and its quizzes in Korean and in Japanese, in the course app (Voilà) and in JupyterLab.

A learner who chose Korean or Japanese meets no English on the way through a lesson: every interface
string (buttons, headings, verdicts, labels, placeholders, names for screen readers, navigation) is in
their language, and every Hangul, Kana and Han character on the page is one the course's font can draw
(none falls back to a box). Content may hold Latin letters (IHO, S-23, a source's name), the interface may not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from course_servers import CourseServer
from playwright.sync_api import Page, expect

from jkquiz.fonts.build import covered, needs_cjk_font
from jkquiz.i18n.catalogs import translations

from .conftest import ARTIFACTS, _serve
from .quizdriver import Learner
from .test_fonts import _assert_cjk_drawn
from .test_lab import run_all

LESSON = "03-territory.ipynb"
LESSON_TIMEOUT = 120_000
# The interface: what jkquiz itself writes around the bank's content.
INTERFACE = (".jkquiz button, .jkquiz .jkq-head, .jkquiz .jkq-verdict, .jkquiz .jkq-hint, .jkquiz .jkq-note, "
             ".jkquiz .jkq-details > p > strong, .jkquiz .jkq-side > strong, .jkquiz .jkq-score, "
             ".jkquiz caption, .jkquiz .jkq-results td:nth-child(2)")
ATTRIBUTES = ".jkquiz [placeholder], .jkquiz button[aria-label], .jkquiz [title]"  # other names repeat the content
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED = {"km", "Enter", "null"}  # a unit and a key cap both languages write in Latin letters; ipywidgets
# writes title="null" for no tooltip


@pytest.fixture(scope="module", params=["ko", "ja"])
def app_in(request: pytest.FixtureRequest, chromium: str, course_notebooks: Path,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, CourseServer]]:
    """`jkquiz app --lang ko|ja` on the course."""
    lang = request.param
    for server in _serve("app", course_notebooks, tmp_path_factory, "--lang", lang):
        yield lang, server


@pytest.fixture(scope="module", params=["ko", "ja"])
def lab_in(request: pytest.FixtureRequest, chromium: str, course_notebooks: Path,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, CourseServer]]:
    """`jkquiz lab --lang ko|ja` on the course."""
    lang = request.param
    for server in _serve("lab", course_notebooks, tmp_path_factory, "--lang", lang):
        yield lang, server


def _english_left(page: Page) -> list[str]:
    """Interface texts and attributes on the page that still hold a Latin-script word."""
    texts = page.locator(INTERFACE).evaluate_all("els => els.map(e => e.innerText || e.textContent || '')")
    attributes = page.locator(ATTRIBUTES).evaluate_all(
        "els => els.flatMap(e => ['placeholder', 'aria-label', 'title'].map(a => e.getAttribute(a)).filter(Boolean))")
    found = []
    for text in [*texts, *attributes]:
        words = set(LATIN_WORD.findall(text)) - ALLOWED
        if words:
            found.append(text)
    return found


def _tofu(page: Page, inside: str) -> list[str]:
    """Characters on the page that need a CJK font and that the course's subsets cannot draw."""
    text = page.locator(inside).first.evaluate("e => e.innerText")
    drawable = set().union(*covered().values())
    return sorted({c for c in text if needs_cjk_font(c) and ord(c) not in drawable})


def _take_quiz(page: Page, lang: str) -> None:
    """Answer the lesson's first quick check wrong, its end quiz's first question right; feedback in `lang`."""
    learner = Learner(page, lang=lang)
    quizzes = page.locator(".jkquiz")
    end = quizzes.filter(has=page.locator("progress"))
    expect(end).to_be_visible(timeout=LESSON_TIMEOUT)
    say = translations(lang).gettext
    learner.answer(quizzes.first, right=False)
    expect(quizzes.first.locator(".jkq-feedback")).to_contain_text(say("✘ Not quite."))
    learner.answer(end, right=True)
    expect(end.locator(".jkq-feedback")).to_contain_text(say("✔ Correct."))
    expect(end.get_by_role("button", name=say("Next question"), exact=True)).to_be_visible()


def test_a_lesson_and_its_quizzes_in_the_app_speak_the_learners_language(app_in, page: Page) -> None:
    lang, server = app_in
    page.goto(server.at(f"/voila/render/{lang}/{LESSON}"))
    _take_quiz(page, lang)
    page.evaluate("document.fonts.ready")
    page.screenshot(path=str(ARTIFACTS / f"language-app-{lang}.png"), full_page=False)
    assert _english_left(page) == []
    assert _tofu(page, "body") == []
    _assert_cjk_drawn(page, "#rendered_cells .jp-RenderedHTMLCommon")


def test_a_lesson_and_its_quizzes_in_jupyterlab_speak_the_learners_language(lab_in, page: Page) -> None:
    lang, server = lab_in
    run_all(page, server, f"{lang}/{LESSON}", lang)
    _take_quiz(page, lang)
    page.screenshot(path=str(ARTIFACTS / f"language-lab-{lang}.png"), full_page=False)
    assert _english_left(page) == []
    assert _tofu(page, ".jp-NotebookPanel") == []


def test_the_start_page_switches_to_the_learners_language(lab_in, page: Page) -> None:
    """The English start page's first line links to it in Korean and Japanese; the link opens that page."""
    lang, server = lab_in
    page.goto(server.at("/lab/tree/00-start-here.ipynb"))
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    expect(panel.get_by_role("heading", name=re.compile("^Start here"))).to_be_visible(timeout=60_000)
    name = {"ko": "한국어", "ja": "日本語"}[lang]
    panel.locator(".jp-RenderedMarkdown").first.get_by_role("link", name=name, exact=True).click()
    title = {"ko": "시작하기: 이 강의의 진행 방식", "ja": "はじめに：この講座の進め方"}[lang]
    opened = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    expect(opened.get_by_role("heading", name=re.compile("^" + re.escape(title)))).to_be_visible(timeout=60_000)
    expect(page.get_by_role("tab", name=re.compile("00-start-here.ipynb"))).to_have_count(2)
