"""`jkquiz lab --lang ja` as a learner starts it: the Japanese start page opens, JupyterLab's own menus are in
Japanese (the official language pack, chosen for this server only), and the page's kernel speaks Japanese."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from course_servers import CourseServer, clear_outputs
from lessons_in_language import write_start_page
from playwright.sync_api import Page, expect

from .conftest import ROOT, _serve


@pytest.fixture(scope="module")
def lab_ja(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CourseServer]:
    """`jkquiz lab --lang ja` on the course (outputs cleared), with a Japanese start page."""
    notebooks = tmp_path_factory.mktemp("course-ja") / "notebooks"
    clear_outputs(ROOT / "notebooks", notebooks)
    write_start_page(notebooks, "ja")  # the fixture's page, whether or not the course's Japanese is built
    yield from _serve("lab", notebooks, tmp_path_factory, "--lang", "ja")


def test_lab_in_japanese_opens_the_japanese_start_page_with_japanese_menus(lab_ja: CourseServer, page: Page) -> None:
    assert lab_ja.url.split("?")[0].endswith("/lab/tree/ja/00-start-here.ipynb")
    page.goto(lab_ja.url)
    notebook = page.locator(".jp-Notebook")
    expect(notebook).to_be_visible(timeout=60_000)
    expect(notebook.get_by_role("heading", name=re.compile("^はじめに"))).to_be_visible()
    menu_bar = page.locator("#jp-menu-panel")
    expect(menu_bar.get_by_role("menuitem", name="ファイル", exact=True)).to_be_visible()
    expect(menu_bar.get_by_role("menuitem", name="実行", exact=True)).to_be_visible()
    assert menu_bar.get_by_role("menuitem", name="File", exact=True).count() == 0
    # the page's kernel speaks Japanese: the server gave its kernels JKQUIZ_LANG
    expect(page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| (Idle|アイドル)$"))).to_be_visible(
        timeout=60_000)
    kernels = [p for p in lab_ja.processes() if "ipykernel_launcher" in " ".join(p.cmdline())]
    assert kernels and all(k.environ().get("JKQUIZ_LANG") == "ja" for k in kernels)
