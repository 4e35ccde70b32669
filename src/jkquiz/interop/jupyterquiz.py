"""jupyterquiz export: the JSON list that `jupyterquiz.display_quiz(...)` shows.

jupyterquiz puts question, answer and feedback strings into the page as HTML and reads
`$...$` as LaTeX and `[text](url)` as links, so every bank text is HTML-escaped and `$`,
`[` and `]` become character references. Its types: multiple_choice, many_choice,
numeric, string; order and match questions have no counterpart and are left out (noted).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from html import escape
from typing import Any

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase
from jkquiz.interop.common import ExportResult, Notes, accepted_spellings, feedback_html
from jkquiz.text import squash

FUZZY_THRESHOLD = 0.85  # jupyterquiz's Levenshtein ratio, close to the grader's rapidfuzz ratio of 85
FUZZY_MIN_LENGTH = 4


def quiz_html(text: str) -> str:
    """Bank text made safe for jupyterquiz: HTML-escaped, with no LaTeX or Markdown-link triggers."""
    return escape(text).replace("$", "&#36;").replace("[", "&#91;").replace("]", "&#93;")


def export_jupyterquiz(bank: Bank, questions: Iterable[QuestionBase]) -> ExportResult:
    """The questions as jupyterquiz JSON (a list of question objects)."""
    notes = Notes("jupyterquiz")
    items = []
    for q in questions:
        builder = _BUILDERS.get(q.type)  # type: ignore[attr-defined]
        if builder is None:
            notes.add(f"jupyterquiz has no {q.type} questions: left out", q.id)  # type: ignore[attr-defined]
            continue
        items.append(builder(bank, q, notes))
    data = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    return ExportResult(data=data.encode("utf-8"), count=len(items), warnings=notes.lines())


def _right(bank: Bank, q: QuestionBase, note: str = "") -> str:
    lead = f"<p>{quiz_html(note)}</p>" if note else ""
    return "<p><strong>Correct.</strong></p>" + lead + _jq(feedback_html(bank, q))


def _jq(html: str) -> str:
    """Already-escaped HTML with jupyterquiz's triggers neutralised."""
    return html.replace("$", "&#36;").replace("[", "&#91;").replace("]", "&#93;")


def _choices(bank: Bank, q: Any, notes: Notes) -> dict[str, Any]:
    right = {q.answer} if q.type == "single" else set(q.answers)
    if q.type == "multiple":
        notes.add("many_choice questions are not scored: no partial credit", q.id)
    answers = []
    for choice in q.choices:
        note = q.choice_feedback.get(choice, "")
        feedback = _right(bank, q, note) if choice in right else quiz_html(note or "Not quite — try again.")
        answers.append({"answer": quiz_html(choice), "correct": choice in right, "feedback": feedback})
    kind = "multiple_choice" if q.type == "single" else "many_choice"
    return {"question": quiz_html(q.prompt), "type": kind, "answers": answers}


def _true_false(bank: Bank, q: Any, notes: Notes) -> dict[str, Any]:
    answers = [
        {"answer": label, "correct": value == q.answer,
         "feedback": _right(bank, q) if value == q.answer else "Not quite — try again."}
        for label, value in (("True", True), ("False", False))
    ]
    return {"question": quiz_html(q.prompt), "type": "multiple_choice", "answers": answers}


def _number(bank: Bank, q: Any, notes: Notes) -> dict[str, Any]:
    prompt = q.prompt
    if q.unit:
        notes.add("the answer box takes digits only: the unit is named in the prompt instead", q.id)
        prompt += f" (in {q.unit})"
    if q.tolerance:
        # jupyterquiz's range is [low, high); the tiny step keeps the upper bound inside, as the grader does.
        answer: dict[str, Any] = {"type": "range", "range": [q.answer - q.tolerance, q.answer + q.tolerance + 1e-9]}
    else:
        answer = {"type": "value", "value": q.answer}
    answer.update(correct=True, feedback=_right(bank, q))
    default = {"type": "default", "feedback": "Not quite — try again."}
    return {"question": quiz_html(prompt), "type": "numeric", "answers": [answer, default]}


def _text(bank: Bank, q: Any, notes: Notes) -> dict[str, Any]:
    notes.add("typed answers: case is ignored and typos get a similar (not identical) tolerance; spaces and punctuation must match", q.id)
    answers: list[dict[str, Any]] = []
    for spelling in accepted_spellings(q):
        answer: dict[str, Any] = {"answer": spelling, "correct": True, "match_case": False, "feedback": _right(bank, q)}
        if len(squash(spelling)) >= FUZZY_MIN_LENGTH:
            answer["fuzzy_threshold"] = FUZZY_THRESHOLD
        answers.append(answer)
    answers.append({"type": "default", "feedback": "Not quite — try again."})
    return {"question": quiz_html(q.prompt), "type": "string", "answers": answers}


_BUILDERS = {
    "single": _choices,
    "multiple": _choices,
    "true_false": _true_false,
    "number": _number,
    "text": _text,
}
