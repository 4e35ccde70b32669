"""Static HTML export: the page loads nothing from elsewhere (answered in Chromium in tests/browser/test_export_html.py)."""

from __future__ import annotations

import re

from fixture_paths import FIXTURES
from jkquiz.bank import load_located
from jkquiz.interop.common import choose_questions
from jkquiz.interop.html import export_html


def test_page_is_self_contained() -> None:
    bank, locations = load_located(FIXTURES / "mini")
    page = export_html(bank, choose_questions(bank), files=locations.files).pages["01-sample.html"].decode("utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing loaded from elsewhere
    assert "default-src 'none'" in page and "<script src" not in page and "<link" not in page
