"""grade(question, response) -> Verdict, through the question's type (jkquiz.types)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from jkquiz.types import get_type
from jkquiz.types.base import QuestionBase, Status, Verdict, invalid
from jkquiz.types.number import parse_number
from jkquiz.types.text import TYPO_MIN_LENGTH, TYPO_SCORE

__all__ = ["TYPO_MIN_LENGTH", "TYPO_SCORE", "Status", "Verdict", "answer_text", "grade", "invalid", "parse_number",
           "response_text"]


def grade(question: QuestionBase, response: Any) -> Verdict:
    """Grade a learner's response to a question."""
    return get_type(question.type).grade(question, response)


def answer_text(question: QuestionBase) -> str:
    """The right answer as a learner reads it."""
    return get_type(question.type).answer_text(question)


def response_text(question: QuestionBase, response: Any) -> str:
    """A learner's response as text (for records and reports)."""
    if isinstance(response, bool):
        return "True" if response else "False"
    if isinstance(response, Mapping):
        return "; ".join(f"{k} → {v}" for k, v in response.items())
    if isinstance(response, (list, tuple, set, frozenset)) and not isinstance(response, str):
        items: Sequence[Any] = sorted(response) if isinstance(response, (set, frozenset)) else response
        return get_type(question.type).response_sep.join(map(str, items))
    return "" if response is None else str(response)
