"""jupyterquiz export run by jupyterquiz's own JavaScript in Chromium."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jkquiz.interop.common import choose_questions
from jkquiz.interop.jupyterquiz import export_jupyterquiz

from .export_browser import guarded_page, open_browser


def exported(bank) -> tuple[list[dict[str, Any]], list[str]]:
    result = export_jupyterquiz(bank, choose_questions(bank, authored_only=True))
    return json.loads(result.data), result.warnings


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from open_browser()


def quiz_page(tmp_path: Path, questions: list[dict[str, Any]]) -> Path:
    """A page made with jupyterquiz's own renderer and scripts, as display_quiz builds it in a notebook."""
    from jupyterquiz.dynamic.loader import load_questions_script
    from jupyterquiz.dynamic.renderer import build_script, build_styles, render_div

    prefix, static, url = load_questions_script(questions, "jqtest")
    div = render_div("jqtest", False, False, False, 1_000_000, 600, 10, "left")
    styles = build_styles("jqtest", {"--jq-correct-color": "#009113"})
    script = build_script(prefix, static, url, "jqtest", True)
    path = tmp_path / "jupyterquiz.html"
    path.write_text(f"<!doctype html><html><body>{div}</div>{styles}<script>{script}</script></body></html>", encoding="utf-8")
    return path


def test_jupyterquiz_runs_the_export(browser: Any, tmp_path: Path, mini_bank) -> None:
    items, _ = exported(mini_bank)
    page, guard = guarded_page(browser)
    page.goto(quiz_page(tmp_path, items).as_uri())
    quizzes = page.locator(".Quiz")
    assert quizzes.count() == len(items)
    single = quizzes.nth(0)
    assert single.inner_text().startswith("Under which treaty did Japan and South Korea establish relations?")
    single.get_by_text("Treaty of Ganghwa").click()
    assert "That was the 1876 treaty" in single.locator(".Feedback").inner_text()
    single.get_by_text("Treaty on Basic Relations").click()
    assert single.locator(".correctButton").inner_text() == "Treaty on Basic Relations"
    assert "The Treaty on Basic Relations of 1965." in single.locator(".Feedback").inner_text()
    number = quizzes.nth(3)
    number.locator("input").click()
    page.keyboard.type("1965")
    page.keyboard.press("Enter")
    assert "correctButton" in number.locator("input").get_attribute("class")
    poll = quizzes.nth(6)
    poll.locator("input").click()
    page.keyboard.type("15")  # within the tolerance of 2, upper bound included as jkquiz grades it
    page.keyboard.press("Enter")
    assert "correctButton" in poll.locator("input").get_attribute("class")
    text = quizzes.nth(4)
    text.locator("input").click()
    page.keyboard.type("tokdo")
    page.keyboard.press("Enter")
    assert "correctButton" in text.locator("input").get_attribute("class")
    page.close()
    guard.check()
