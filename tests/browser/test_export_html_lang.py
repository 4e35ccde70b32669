"""The static HTML export in Japanese, answered in headless Chromium: the page's own words and its script's
messages (static/quiz.js reads them from the page) are Japanese; grading is unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .export_browser import guarded_page, open_browser
from jkquiz.bank import load_located
from jkquiz.i18n import set_language
from jkquiz.interop.common import choose_questions
from jkquiz.interop.html import export_html

from fixture_paths import FIXTURES


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from open_browser()


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    bank, locations = load_located(FIXTURES / "mini")
    set_language("ja")
    path = tmp_path / "01-sample.html"
    path.write_bytes(export_html(bank, choose_questions(bank), files=locations.files).pages["01-sample.html"])
    page, guard = guarded_page(browser)
    page.goto(path.as_uri())
    yield page
    page.close()
    guard.check()


def test_japanese_page_answered(page: Any) -> None:
    q = page.locator('li.jkq-card[data-qid="q-s-single"]')
    check = q.get_by_role("button", name="答え合わせ")
    check.click()  # nothing chosen yet
    assert q.locator(".jkq-feedback").inner_text() == "ℹ まだ採点していません。 先に答えを選んでください。"
    q.get_by_label("Treaty on Basic Relations").check()
    check.click()
    text = q.locator(".jkq-feedback").inner_text()
    assert text.startswith("✔ 正解です。") and "出典" in text
    assert page.locator("#jkq-score").inner_text() == "18問中1問解答 · 1点"
    assert page.get_by_role("button", name="最初からやり直す").is_visible()
    number = page.locator('li.jkq-card[data-qid="q-s-number"]')
    number.locator("input").fill("nineteen")
    number.get_by_role("button", name="答え合わせ").click()
    assert "「nineteen」は数字ではありません。" in number.locator(".jkq-feedback").inner_text()
