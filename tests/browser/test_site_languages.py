"""The static site in Korean and Japanese: the landing page offers each language in its own words, its link
opens JupyterLite's JupyterLab with menus in that language on that language's start page, and a lesson's quiz
answers in it, with no request to another origin (JupyterLab's translations ship with the site)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from jkquiz.i18n.catalogs import translations

from .conftest import ARTIFACTS
from .test_languages import LESSON, _english_left, _take_quiz
from .test_site import assert_course_font, open_browser, run_all, site_url  # noqa: F401 (site_url: the fixture, shared)

START_TITLE = {"ko": "시작하기: 이 강의의 진행 방식", "ja": "はじめに：この講座の進め方"}


@pytest.mark.parametrize("lang", ["ko", "ja"])
def test_the_site_in_the_learners_language(lang: str, site_url: str, chromium: str, tmp_path: Path) -> None:  # noqa: F811
    from playwright.sync_api import sync_playwright

    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    with sync_playwright() as playwright:
        context, guard = open_browser(playwright, chromium, tmp_path / "profile", origin)
        page = guard.watch(context.new_page())
        try:
            page.goto(site_url)
            page.get_by_role("link", name=translations(lang).gettext("Open the course"), exact=True).click()
            expect(page).to_have_url(re.compile(rf"/lab/lab-{lang}/index\.html\?path={lang}/00-start-here\.ipynb$"))
            shown = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
            expect(shown.get_by_role("heading", name=re.compile("^" + re.escape(START_TITLE[lang])))).to_be_visible(
                timeout=120_000)
            run_all(page, site_url, f"{lang}/{LESSON}", lang)
            _take_quiz(page, lang)
            assert _english_left(page) == []
            assert_course_font(page, page.locator(".jp-OutputArea-output .jkquiz").first)
            guard.check(page)
        finally:
            page.screenshot(path=str(ARTIFACTS / f"site-{lang}.png"))
            context.close()
