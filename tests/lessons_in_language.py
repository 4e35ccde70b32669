"""A start page in Korean or Japanese, built by the real builder into a copy of the course's notebooks.

The course's own translations are written on other branches; the tests of a course served in a language
use the tiny fixture start pages in tests/fixtures/lessons/<lang>/ instead, so they never depend on them.
"""

from __future__ import annotations

from pathlib import Path

from fixture_paths import FIXTURES, ROOT

START = "00-start-here.ipynb"


def write_start_page(notebooks: Path, lang: str) -> Path:
    """notebooks/<lang>/00-start-here.ipynb from tests/fixtures/lessons/<lang>/00-start-here.md; its path."""
    from jkquiz.api import course_bank
    from jkquiz.build_course import _write
    from jkquiz.build_course.assemble import Edition, build_notebook
    from jkquiz.build_course.source import read_page, read_pages

    english = read_pages(ROOT / "notebooks" / "src")
    page = read_page(FIXTURES / "lessons" / lang / "00-start-here.md", lang)
    assert not page.problems, page.problems
    notebook = build_notebook(page, english, course_bank(), Edition(lang, {page.notebook_name: page}))
    target = notebooks / lang / START
    _write(notebook, target)
    return target
