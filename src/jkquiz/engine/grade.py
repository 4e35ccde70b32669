"""grade(question, response) -> Verdict, one grader per question type."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from jkquiz.bank.model import (
    MatchQuestion,
    MultipleQuestion,
    NumberQuestion,
    OrderQuestion,
    QuestionBase,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from jkquiz.text import format_number, normalize, squash

Status = Literal["correct", "partial", "wrong", "invalid"]
TYPO_SCORE = 85.0  # rapidfuzz ratio (0-100) above which a typed answer counts, with a spelling note
TYPO_MIN_LENGTH = 4


@dataclass(frozen=True)
class Verdict:
    """The grade of one response: status, score 0..1, a message, and per-part marks."""

    status: Status
    score: float = 0.0
    message: str = ""
    parts: tuple[bool, ...] = field(default_factory=tuple)  # per position (order) or pair (match)

    @property
    def correct(self) -> bool:
        """True only for a fully right answer."""
        return self.status == "correct"

    @property
    def valid(self) -> bool:
        """False when the response could not be graded (empty, not a number)."""
        return self.status != "invalid"


def invalid(message: str) -> Verdict:
    """A response that cannot be graded, with what to do instead."""
    return Verdict("invalid", 0.0, message)


def _from_score(score: float, parts: tuple[bool, ...] = (), message: str = "") -> Verdict:
    status: Status = "correct" if score >= 1 else "wrong" if score <= 0 else "partial"
    return Verdict(status, round(max(0.0, min(1.0, score)), 4), message, parts)


def grade_single(q: SingleQuestion, response: Any) -> Verdict:
    """One choice; right or wrong."""
    if response in (None, ""):
        return invalid("Choose an answer first.")
    if response not in q.choices:
        return invalid(f"'{response}' is not one of the choices.")
    return _from_score(1.0 if response == q.answer else 0.0)


def grade_multiple(q: MultipleQuestion, response: Any) -> Verdict:
    """Several choices; partial credit: right picks add, wrong picks subtract (never below 0)."""
    picked = set(response or ())
    if not picked:
        return invalid("Select at least one choice.")
    unknown = picked - set(q.choices)
    if unknown:
        return invalid(f"'{sorted(unknown)[0]}' is not one of the choices.")
    right, wrong = set(q.answers), set(q.choices) - set(q.answers)
    hits, false = len(picked & right), len(picked & wrong)
    score = hits / len(right) - (false / len(wrong) if wrong else 0.0)
    if picked == right:
        return _from_score(1.0)
    message = f"{hits} of {len(right)} right choices selected" + (f", {false} wrong" if false else "") + "."
    return _from_score(min(score, 0.99), message=message)


def grade_true_false(q: TrueFalseQuestion, response: Any) -> Verdict:
    """True or false."""
    if isinstance(response, str) and response.strip().lower() in ("true", "false"):
        response = response.strip().lower() == "true"
    if not isinstance(response, bool):
        return invalid("Choose True or False first.")
    return _from_score(1.0 if response == q.answer else 0.0)


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


def parse_number(response: Any, unit: str | None = None) -> float | None:
    """'1965', ' 1965 ', '1965.0', '1,965', '１９６５', '13 %' -> a float; anything else -> None."""
    if isinstance(response, bool):
        return None
    if isinstance(response, (int, float)):
        return float(response) if math.isfinite(response) else None
    if not isinstance(response, str):
        return None
    text = unicodedata.normalize("NFKC", response).strip().replace("\u2212", "-")
    if unit and text.lower().endswith(unit.lower()):
        text = text[: -len(unit)].rstrip()
    if _GROUPED.match(text):
        text = text.replace(",", "")
    if not _NUMBER.match(text):
        return None
    return float(text)


def grade_number(q: NumberQuestion, response: Any) -> Verdict:
    """A number within the tolerance; a non-number is asked again, not marked wrong."""
    value = parse_number(response, q.unit)
    if value is None:
        if isinstance(response, str) and not response.strip():
            return invalid("Type a number first.")
        return invalid(f"'{response}' is not a number. Please type digits only, for example 42.")
    if abs(value - q.answer) <= q.tolerance + 1e-9:
        return _from_score(1.0)
    direction = "high" if value > q.answer else "low"
    return _from_score(0.0, message=f"{format_number(value)} is too {direction}.")


def grade_text(q: TextQuestion, response: Any) -> Verdict:
    """A typed answer: any accepted spelling or script, ignoring case, accents, spaces and punctuation."""
    if not isinstance(response, str) or not normalize(response):
        return invalid("Type an answer first.")
    accepted = [q.answer, *q.alternates]
    given = squash(response)
    if any(given == squash(a) for a in accepted):
        return _from_score(1.0)
    from jkquiz.fuzzy import ratio  # rapidfuzz, or the same ratio in pure Python (the browser)

    best = max(accepted, key=lambda a: ratio(given, squash(a)))
    if len(squash(best)) >= TYPO_MIN_LENGTH and ratio(given, squash(best)) >= TYPO_SCORE:
        return _from_score(1.0, message=f"Accepted; correct spelling: {q.answer}")
    return _from_score(0.0)


def grade_order(q: OrderQuestion, response: Any) -> Verdict:
    """Items in order; credit per item in its right position."""
    order = list(response or ())
    if sorted(order) != sorted(q.items):
        return invalid("Place every item exactly once.")
    parts = tuple(a == b for a, b in zip(order, q.items))
    return _from_score(sum(parts) / len(parts), parts)


def grade_match(q: MatchQuestion, response: Any) -> Verdict:
    """Pairs; credit per right pair."""
    chosen: Mapping[str, Any] = response if isinstance(response, Mapping) else {}
    if any(chosen.get(left) in (None, "") for left, _ in q.pairs):
        return invalid("Match every item first.")
    parts = tuple(chosen[left] == right for left, right in q.pairs)
    return _from_score(sum(parts) / len(parts), parts)


GRADERS: dict[str, Callable[[Any, Any], Verdict]] = {
    "single": grade_single,
    "multiple": grade_multiple,
    "true_false": grade_true_false,
    "number": grade_number,
    "text": grade_text,
    "order": grade_order,
    "match": grade_match,
}


def grade(question: QuestionBase, response: Any) -> Verdict:
    """Grade a learner's response to a question."""
    return GRADERS[question.type](question, response)  # type: ignore[attr-defined]


def answer_text(question: QuestionBase) -> str:
    """The right answer as a learner reads it."""
    q: Any = question
    if q.type == "single" or q.type == "text":
        return str(q.answer)
    if q.type == "multiple":
        return ", ".join(q.answers)
    if q.type == "true_false":
        return "True" if q.answer else "False"
    if q.type == "number":
        shown = format_number(q.answer) + (f" {q.unit}" if q.unit and q.unit != "%" else q.unit or "")
        return shown + (f" (± {format_number(q.tolerance)})" if q.tolerance else "")
    if q.type == "order":
        return " → ".join(q.items)
    return "; ".join(f"{left} → {right}" for left, right in q.pairs)


def response_text(question: QuestionBase, response: Any) -> str:
    """A learner's response as text (for records and reports)."""
    if isinstance(response, bool):
        return "True" if response else "False"
    if isinstance(response, Mapping):
        return "; ".join(f"{k} → {v}" for k, v in response.items())
    if isinstance(response, (list, tuple, set, frozenset)) and not isinstance(response, str):
        items: Sequence[Any] = sorted(response) if isinstance(response, (set, frozenset)) else response
        return (" → " if question.type == "order" else ", ").join(map(str, items))  # type: ignore[attr-defined]
    return "" if response is None else str(response)
