"""JupyterLab as a learner uses it: `jkquiz lab`, open lesson 02, Run All, answer the quiz, progress saved."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

from course_servers import CourseServer
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from jkquiz.progress import open_store
from jkquiz.serve.launcher.language import LAB_LOCALES, LANGUAGE_PACKS

from .quizdriver import Learner, shown_question

LESSON = "02-normalization.ipynb"


def lab_says(lang: str, text: str) -> str:
    """JupyterLab's own word for `text` in `lang` (its language pack's catalog); `text` itself in English."""
    if lang == "en":
        return text
    package = importlib.import_module(LANGUAGE_PACKS[lang][0])
    catalog = Path(package.__file__).parent / "locale" / LAB_LOCALES[lang] / "LC_MESSAGES" / "jupyterlab.json"
    return json.loads(catalog.read_text(encoding="utf-8"))[text][0]


def run_all(page: Page, server: CourseServer | str, notebook: str, lang: str = "en") -> None:
    """Open a notebook in JupyterLab (speaking `lang`) and choose Run → Run All Cells once its kernel is idle."""
    path = f"/lab/tree/{notebook}"
    page.goto(server + path if isinstance(server, str) else server.at(path))  # str: a base already logged in
    expect(page.locator(".jp-Notebook")).to_be_visible(timeout=60_000)
    run_all_when_idle(page, notebook, "Python 3", lang, timeout=60_000)


def run_all_when_idle(page: Page, notebook: str, kernel: str, lang: str, timeout: float) -> None:
    """Once `notebook` (its path in the file browser) is the current tab and its kernel (`kernel` as the status bar
    names it) is idle, choose Run → Run All Cells, in JupyterLab's words for `lang`.

    JupyterLab first restores the tabs open before (a reload, a workspace) and then opens the one asked for: Run
    All meanwhile would run another. The toolbar says "idle" already before a kernel is attached; the status bar
    names the kernel once it is.
    """
    name = re.escape(notebook.rsplit("/", 1)[-1])
    tab = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current")  # title: "Name: …\nPath: …\n…"
    expect(tab).to_have_attribute("title", re.compile(rf": {name}\n[^\n]*: {re.escape(notebook)}(\n|$)"),
                                  timeout=120_000)
    idle = re.escape(lab_says(lang, "Idle"))
    kernel_idle = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(rf"^{re.escape(kernel)}.*\| {idle}$"))
    expect(kernel_idle).to_be_visible(timeout=timeout)
    page.get_by_role("menuitem", name=lab_says(lang, "Run"), exact=True).click()
    page.get_by_role("menuitem", name=lab_says(lang, "Run All Cells"), exact=True).click()


def skip_to_results(page: Page, quiz) -> None:  # type: ignore[no-untyped-def]
    """Press Next/Skip until the quiz shows its results, one kernel round trip at a time.

    Each press goes to the kernel; pressing again before the page shows the next question would be
    a press on a button that is about to be replaced (on a busy machine the round trip is slow).
    """
    head = quiz.locator("div.jkq-head").first  # the results table has a caption of that class too
    for _ in range(30):
        if quiz.locator(".jkq-score").count():
            return
        where = re.search(r"Question \d+ of \d+", head.inner_text())  # not the score: a Check may still update it
        try:  # a busy page may redraw the button under the pointer: look again rather than wait on a stale one
            quiz.get_by_role("button", name=re.compile(r"^(Skip|Next question|See results)$")).click(timeout=15_000)
        except PlaywrightTimeout:
            continue
        if where:
            expect(head).not_to_contain_text(where.group(0), timeout=60_000)
    raise AssertionError("the quiz never showed its results")


def red(color: str) -> bool:
    r, g, b = (int(x) for x in re.findall(r"\d+", color)[:3])
    return r > 150 and g < 90 and b < 90


def test_lesson_quiz_in_jupyterlab_wrong_then_right_is_saved(lab_server, page: Page) -> None:
    run_all(page, lab_server, LESSON)
    quiz = page.locator(".jp-OutputArea-output .jkquiz").filter(has=page.locator("progress"))  # the end quiz
    expect(quiz).to_be_visible(timeout=90_000)
    learner = Learner(page)
    total = int(re.search(r"Question 1 of (\d+)", quiz.locator(".jkq-head").inner_text()).group(1))

    first = learner.answer(quiz, right=False)
    feedback = quiz.locator(".jkq-feedback")
    expect(feedback).to_contain_text("Not quite")
    expect(feedback).to_contain_text(" ".join(first.explanation.split()[:8]))
    assert red(feedback.evaluate("el => getComputedStyle(el).borderLeftColor")), "wrong-answer feedback is not red"
    skip_to_results(page, quiz)
    expect(quiz.locator(".jkq-score")).to_have_text(re.compile(rf"^You scored 0 of {total} "))

    quiz.get_by_role("button", name=re.compile(r"^Review missed questions")).click()
    assert shown_question(quiz).id == first.id, "the review of missed questions should start with the first one"
    learner.answer(quiz, right=True)
    expect(quiz.locator(".jkq-feedback")).to_contain_text("Correct")
    skip_to_results(page, quiz)
    expect(quiz.locator(".jkq-score")).to_have_text(re.compile(rf"^You scored 1 of {total} "))

    store = open_store(lab_server.home / "progress.sqlite3")
    try:
        attempts = [a for a in store.attempts("learner", first.id)]
    finally:
        store.close()
    assert [a.status for a in attempts] == ["wrong", "correct"], attempts
    assert all(a.topic == "normalization" for a in attempts)

