"""The course web app (`jkquiz app`, Voilà) as a learner uses it: contents, a lesson, quizzes by keyboard, axe."""

from __future__ import annotations

import re

from course_servers import CourseServer
from playwright.sync_api import Page, expect
from .conftest import EVERY_TYPE_PAGE
from .quizdriver import Learner

from jkquiz.course import lessons

LESSON_TIMEOUT = 60_000  # Voilà runs the whole lesson (figures included) before showing it


def lesson_quizzes(page: Page):  # type: ignore[no-untyped-def]
    """The quick checks and the end quiz of a rendered lesson, once every one is shown."""
    quizzes = page.locator(".jkquiz")
    expect(quizzes.filter(has=page.locator("progress"))).to_be_visible(timeout=LESSON_TIMEOUT)
    return quizzes


def test_contents_lists_every_lesson_with_objectives_time_and_score(app_server, page: Page) -> None:
    page.goto(app_server.at("/"))  # the front page leads to the contents
    expect(page).to_have_url(re.compile(r"/voila/render/index\.ipynb$"))
    course = lessons(app_server.notebooks)
    links = page.locator(".jkq-contents h2 a")
    expect(links).to_have_count(len(course), timeout=LESSON_TIMEOUT)
    assert links.all_inner_texts() == [lesson.title for lesson in course]
    entry = page.locator(".jkq-lesson").filter(has=page.get_by_role("link", name="Normalization, 1965", exact=True))
    normalization = next(lesson for lesson in course if lesson.topic == "normalization")
    expect(entry).to_contain_text(f"About {normalization.reading_minutes} minutes")
    expect(entry).to_contain_text("Your score so far: not started")
    for objective in normalization.objectives:
        expect(entry).to_contain_text(objective)


def test_lesson_by_keyboard_only_and_score_on_contents(app_server, page: Page) -> None:
    learner = Learner(page, keys=True)
    kernels_before = app_server.kernels()  # an earlier test's page may still be saying goodbye
    page.goto(app_server.url)
    link = page.get_by_role("link", name="Normalization, 1965", exact=True)
    expect(link).to_be_visible(timeout=LESSON_TIMEOUT)
    learner.press(link, "Enter")
    expect(page).to_have_url(re.compile(r"/voila/render/02-normalization\.ipynb$"))
    quizzes = lesson_quizzes(page)
    expect(page.get_by_role("button", name="Check", exact=True)).not_to_have_count(0)

    last_right: dict[str, bool] = {}  # question id -> right at its last answer, as the progress store keeps it
    check = quizzes.first  # the first quick check of the lesson
    last_right[learner.answer(check, right=True).id] = True
    expect(check.locator(".jkq-feedback")).to_contain_text("Correct")

    end_quiz = quizzes.filter(has=page.locator("progress"))
    last_right[learner.answer(end_quiz, right=False).id] = False
    expect(end_quiz.locator(".jkq-feedback")).to_contain_text("Not quite")
    learner.press(end_quiz.get_by_role("button", name="Next question", exact=True), "Enter")
    expect(end_quiz.locator(".jkq-head")).to_contain_text("Question 2 of")
    last_right[learner.answer(end_quiz, right=True).id] = True
    expect(end_quiz.locator(".jkq-feedback")).to_contain_text("Correct")

    learner.press(page.get_by_role("link", name="Contents", exact=True).last, "Enter")  # the navigation below
    expect(page).to_have_url(re.compile(r"/voila/render/index\.ipynb$"))
    entry = page.locator(".jkq-lesson").filter(has=page.get_by_role("link", name="Normalization, 1965", exact=True))
    score = f"Your score so far: {sum(last_right.values())} of {len(last_right)} answers right"  # 2 or 3 answered
    expect(entry).to_contain_text(score, timeout=LESSON_TIMEOUT)
    # contents -> lesson -> contents in one tab: each page left ends its kernel, only this contents page's runs
    running = app_server.wait_kernels(at_most=kernels_before + 1)
    assert running <= kernels_before + 1, "a page's kernel kept running after the learner left it"


def test_every_question_type_by_keyboard_only(app_server, page: Page) -> None:
    page.goto(app_server.at(f"/voila/render/{EVERY_TYPE_PAGE}"))
    checks = page.locator(".jkquiz")
    expect(checks).to_have_count(7, timeout=LESSON_TIMEOUT)
    learner = Learner(page, keys=True)
    answered = []
    for index in range(7):
        check = checks.nth(index)
        right = index % 2 == 0  # right and wrong answers alternate over the types
        answered.append(learner.answer(check, right=right).type)
        expect(check.locator(".jkq-feedback")).to_contain_text("Correct" if right else "Not quite")
    assert answered == ["single", "multiple", "true_false", "number", "text", "order", "match"]


def serious_violations(page: Page, context: str | None = None) -> list[str]:
    """axe-core's serious and critical findings on the page (or the part `context` selects)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context)
    return [
        f"{v['impact']}: {v['id']}: {v['help']} ({len(v['nodes'])} element(s), e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]


def answered_lesson(page: Page, server: CourseServer) -> None:
    """Lesson 03 in the app, a quick check answered wrongly and a quiz question rightly (both feedbacks shown)."""
    page.goto(server.at("/voila/render/03-territory.ipynb"))
    quizzes = lesson_quizzes(page)
    Learner(page).answer(quizzes.first, right=False)
    Learner(page).answer(quizzes.filter(has=page.locator("progress")), right=True)


def test_rendered_lesson_and_quizzes_have_no_serious_accessibility_violations(app_server, page: Page) -> None:
    answered_lesson(page, app_server)
    found = serious_violations(page)
    assert not found, "\n".join(found)
    # links in the text are underlined, not told apart by colour alone (axe passes some colours by contrast)
    lines = page.locator(".jp-RenderedMarkdown p a").evaluate_all("els => els.map(a => getComputedStyle(a).textDecorationLine)")
    assert lines and set(lines) == {"underline"}
