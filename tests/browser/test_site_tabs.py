"""Two tabs of the static site open at once lose nothing: two lessons, two kernels, answers given in turn in each;
the review page then counts every answer and the downloaded record holds them all (issue 12, item 4).
The one built site of test_site.py, served the same way."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from jkquiz.cli import main

from .conftest import ARTIFACTS
from .quizdriver import Learner
from .test_site import download_record, open_browser, run_all, site_url  # noqa: F401  (site_url: the module's fixture)

SHOWN = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook a tab shows (JupyterLab may restore others)


def quick_checks(page: Page) -> list:  # type: ignore[type-arg]
    """The shown lesson's first two quick checks (one question each), once Run All has drawn them."""
    quizzes = page.locator(f"{SHOWN} .jp-OutputArea-output .jkquiz")
    expect(quizzes.nth(1)).to_be_visible(timeout=120_000)
    return [quizzes.nth(0), quizzes.nth(1)]


def test_two_tabs_answering_in_turn_lose_nothing(site_url: str, chromium: str, tmp_path: Path) -> None:  # noqa: F811
    from playwright.sync_api import sync_playwright

    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    with sync_playwright() as playwright:
        context, guard = open_browser(playwright, chromium, tmp_path / "profile", origin)
        first, second = guard.watch(context.new_page()), guard.watch(context.new_page())
        try:
            for page, lesson in ((first, "03-territory.ipynb"), (second, "04-history-memory.ipynb")):
                page.bring_to_front()  # the tab the learner looks at (a background tab's page is not drawn)
                run_all(page, site_url, lesson)
            tabs = [(first, quick_checks(first)), (second, quick_checks(second))]
            answered = []
            for turn in range(2):  # first tab, second tab, first tab, second tab: each kernel writes in between
                for page, quizzes in tabs:
                    page.bring_to_front()
                    question = Learner(page).answer(quizzes[turn], right=turn == 0)
                    expect(quizzes[turn].locator(".jkq-feedback")).to_be_visible(timeout=60_000)
                    answered.append(question.id)
            guard.check(first)
            guard.check(second)

            first.bring_to_front()
            record = download_record(first, site_url, len(answered), tmp_path)  # a third kernel reads both
            guard.check(first)
        finally:
            first.screenshot(path=str(ARTIFACTS / "site_two_tabs_review.png"))
            context.close()

    lines = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["format"] == "jkquiz-progress" and lines[0]["attempts"] == len(answered) == 4
    assert sorted(a["question_id"] for a in lines[1:]) == sorted(answered)
    assert main(["report", str(record)]) == 0
