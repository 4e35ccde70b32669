"""A keyboard-only walk through lesson 06, in the app (Voilà) and in JupyterLab: after Check the focus is on
the feedback, never on the page; "Next question" reaches the next question's first control in at most 3 key
presses (the lesson's links stay in the Tab order); a question's choices are one Tab stop, with arrow keys.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from .conftest import ARTIFACTS
from .quizdriver import Learner
from .test_lab import run_all

LESSON = "06-economy.ipynb"
MAX_PRESSES = 3  # from the feedback of one question to the first control of the next
FOCUS_TIMEOUT = 15_000

FOCUS_IN = "el => el.contains(document.activeElement)"
LINKS_BETWEEN = """([a, b]) => Array.from(document.querySelectorAll('a[href]')).filter(l =>
    (a.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING) && !a.contains(l) &&
    (b.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_PRECEDING) && l.tabIndex >= 0).length"""


def focused_tag(page: Page) -> str:
    """What has the focus, e.g. 'body', 'div.jkq-feedback-focus'."""
    return page.evaluate("() => { const f = document.activeElement;"
                         " return f ? f.tagName.toLowerCase() + (f.className ? '.' + String(f.className).split(' ')[0] : '') : 'none'; }")


def wait_focus_in(page: Page, target: Locator, what: str) -> None:
    try:
        page.wait_for_function(FOCUS_IN, arg=target.element_handle(), timeout=FOCUS_TIMEOUT)
    except Exception as exc:  # noqa: BLE001 - said plainly below
        raise AssertionError(f"the focus never reached {what}; it is on {focused_tag(page)}") from exc


def after_check(page: Page, quiz: Locator) -> str:
    """Where the focus is once the feedback shows (it must be on the feedback, not the page)."""
    wait_focus_in(page, quiz.locator(".jkq-feedback-focus"), "the feedback")
    where = focused_tag(page)
    assert where != "body"
    return where


def presses_to_next(page: Page, quiz: Locator, next_quiz: Locator, learner: Learner) -> int:
    """From the feedback: Tab to "Next question" (or "See results") and Enter; the presses it took."""
    button = quiz.locator(".jkq-feedback").get_by_role("button")
    presses = 0
    while not learner._focused(button.first) and presses < 10:
        page.keyboard.press("Tab")
        presses += 1
    page.keyboard.press("Enter")
    presses += 1
    wait_focus_in(page, next_quiz.locator(".jkq-area"), "the next question's first control")
    return presses


def one_tab_stop(page: Page, quiz: Locator, learner: Learner) -> None:
    """The choices of a single-answer question are one Tab stop: Tab from the group goes to Check."""
    group = quiz.get_by_role("radiogroup")
    learner.tab_to(group)
    page.keyboard.press("Tab")
    expect(quiz.get_by_role("button", name="Check", exact=True)).to_be_focused()
    page.keyboard.press("Shift+Tab")
    wait_focus_in(page, group, "the choices again")


def walk(page: Page, quizzes: Locator, where: str) -> list[dict[str, Any]]:
    """Answer every quick check and two questions of the end quiz by keyboard; what was measured at each."""
    learner = Learner(page, keys=True)
    checks = quizzes.filter(has_not=page.locator("progress"))
    end_quiz = quizzes.filter(has=page.locator("progress"))
    count = checks.count()
    assert count >= 2, f"lesson {LESSON} should have quick checks ({count})"
    checks.first.locator(".jkq-prompt").click()  # start the walk at the first quick check (JupyterLab's focus)
    measured, grouped = [], False
    for index in range(count):
        check = checks.nth(index)
        if not grouped and check.get_by_role("radiogroup").count():
            one_tab_stop(page, check, learner)
            grouped = True
        question = learner.answer(check, right=index % 2 == 0)
        focus = after_check(page, check)
        if index == 0:
            check.screenshot(path=str(ARTIFACTS / f"keys-{where}-feedback-focused.png"))
        following = checks.nth(index + 1) if index + 1 < count else end_quiz
        links = page.evaluate(LINKS_BETWEEN, [check.element_handle(), following.element_handle()])
        presses = presses_to_next(page, check, following, learner)
        measured.append({"question": question.id, "type": question.type, "focus after Check": focus,
                         "presses to next": presses, "links between": links})
    for step in range(2):  # the end quiz: its Next question goes to its next item
        question = learner.answer(end_quiz, right=step == 0)
        focus = after_check(page, end_quiz)
        if step == 0:
            end_quiz.screenshot(path=str(ARTIFACTS / f"keys-{where}-quiz-feedback-focused.png"))
        presses = presses_to_next(page, end_quiz, end_quiz, learner)
        expect(end_quiz.locator(".jkq-head")).to_contain_text(f"Question {step + 2} of")
        measured.append({"question": question.id, "type": question.type, "focus after Check": focus,
                         "presses to next": presses, "links between": 0})
    print(f"\n{where}: keyboard walk through {LESSON}")
    for row in measured:
        print("  ", row)
    return measured


def check_walk(measured: list[dict[str, Any]]) -> None:
    assert all(row["focus after Check"].startswith("div.jkq-feedback-focus") for row in measured), measured
    worst = max(row["presses to next"] for row in measured)
    assert worst <= MAX_PRESSES, f"{worst} key presses from a question's feedback to the next question: {measured}"


@pytest.mark.parametrize("server", ["app"])
def test_keyboard_walk_through_a_lesson_in_the_app(app_server, page: Page, server: str) -> None:
    page.goto(app_server.at(f"/voila/render/{LESSON}"))
    quizzes = page.locator(".jkquiz")
    expect(quizzes.filter(has=page.locator("progress"))).to_be_visible(timeout=90_000)
    check_walk(walk(page, quizzes, "app"))


def test_keyboard_walk_through_a_lesson_in_jupyterlab(lab_server, page: Page) -> None:
    run_all(page, lab_server, LESSON)
    quizzes = page.locator(".jp-OutputArea-output .jkquiz")
    expect(quizzes.filter(has=page.locator("progress"))).to_be_visible(timeout=90_000)
    check_walk(walk(page, quizzes, "lab"))
