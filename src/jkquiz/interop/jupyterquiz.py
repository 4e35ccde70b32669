"""jupyterquiz export: the JSON list that `jupyterquiz.display_quiz(...)` shows.

jupyterquiz puts question, answer and feedback strings into the page as HTML and reads
`$...$` as LaTeX and `[text](url)` as links, so every bank text is HTML-escaped and `$`,
`[` and `]` become character references. Its types: multiple_choice, many_choice,
numeric, string; order and match questions have no counterpart and are left out (noted).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import partial

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase
from jkquiz.interop.common import ExportResult, feedback_html
from jkquiz.types import get_type
from jkquiz.types.export import Notes, quiz_html
from jkquiz.types.text import FUZZY_MIN_LENGTH, FUZZY_THRESHOLD

__all__ = ["FUZZY_MIN_LENGTH", "FUZZY_THRESHOLD", "export_jupyterquiz", "quiz_html"]


def export_jupyterquiz(bank: Bank, questions: Iterable[QuestionBase]) -> ExportResult:
    """The questions as jupyterquiz JSON (a list of question objects)."""
    notes = Notes("jupyterquiz")
    items = []
    for q in questions:
        builder = get_type(q.type).jupyterquiz
        if builder is None:
            notes.add(f"jupyterquiz has no {q.type} questions: left out", q.id)
            continue
        items.append(builder(q, notes, partial(_right, bank, q)))
    data = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    return ExportResult(data=data.encode("utf-8"), count=len(items), warnings=notes.lines())


def _right(bank: Bank, q: QuestionBase, note: str = "") -> str:
    lead = f"<p>{quiz_html(note)}</p>" if note else ""
    return "<p><strong>Correct.</strong></p>" + lead + _jq(feedback_html(bank, q))


def _jq(html: str) -> str:
    """Already-escaped HTML with jupyterquiz's triggers neutralised."""
    return html.replace("$", "&#36;").replace("[", "&#91;").replace("]", "&#93;")
