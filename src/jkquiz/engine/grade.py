"""grade(question, response) -> Verdict, through the question's type (jkquiz.types)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from jkquiz.i18n import _
from jkquiz.types import get_type
from jkquiz.types.base import QuestionBase, Status, Verdict, invalid
from jkquiz.types.number import parse_number
from jkquiz.types.text import TYPO_MIN_LENGTH

__all__ = ["TYPO_MIN_LENGTH", "Status", "Verdict", "answer_text", "grade", "invalid", "offered", "parse_number",
           "response_text"]


def grade(question: QuestionBase, response: Any, rivals: frozenset[str] = frozenset()) -> Verdict:
    """Grade a learner's response to a question; `rivals`: what the quiz's other questions accept or offer."""
    kind = get_type(question.type)
    if rivals and kind.grade_among is not None:
        return kind.grade_among(question, response, rivals)
    return kind.grade(question, response)


def offered(question: QuestionBase) -> set[str]:
    """Every answer text a question accepts or shows as a choice (a rival for the others in its quiz)."""
    found: set[str] = set()
    fields = question.model_dump(include={"answer", "answers", "alternates", "choices", "items", "pairs"})
    stack: list[Any] = list(fields.values())
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
    return found


def answer_text(question: QuestionBase) -> str:
    """The right answer as a learner reads it."""
    return get_type(question.type).answer_text(question)


def response_text(question: QuestionBase, response: Any, *, shown: bool = False) -> str:
    """A learner's response as text (for records and reports: always English; `shown`: as the learner reads it)."""
    if isinstance(response, bool):
        if shown:
            return _("True") if response else _("False")
        return "True" if response else "False"
    if isinstance(response, Mapping):
        return "; ".join(f"{k} → {v}" for k, v in response.items())
    if isinstance(response, (list, tuple, set, frozenset)) and not isinstance(response, str):
        items: Sequence[Any] = sorted(response) if isinstance(response, (set, frozenset)) else response
        return get_type(question.type).response_sep.join(map(str, items))
    return "" if response is None else str(response)
