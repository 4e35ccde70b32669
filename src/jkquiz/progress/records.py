"""How review cards look in the database; attempts' rows and lines are Attempt's own (engine/attempt.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jkquiz.engine.attempt import COLUMNS, Attempt, parse_stamp, stamp

__all__ = ["ATTEMPT_COLUMNS", "CARD_COLUMNS", "CardState", "attempt_dict", "attempt_row", "parse_stamp", "row_attempt",
           "stamp"]

ATTEMPT_COLUMNS = COLUMNS


def attempt_row(learner: str, attempt: Attempt) -> tuple[Any, ...]:
    """The values of an attempts-table row (Attempt.row)."""
    return attempt.row(learner)


def row_attempt(row: tuple[Any, ...]) -> Attempt:
    """An Attempt from an attempts-table row (Attempt.from_row)."""
    return Attempt.from_row(row)


def attempt_dict(attempt: Attempt) -> dict[str, Any]:
    """An attempt as one line of a progress export (Attempt.line)."""
    return attempt.line()


@dataclass(frozen=True)
class CardState:
    """A question's review schedule for one learner (the FSRS card, plus what the dashboard needs)."""

    question_id: str
    topic: str
    content_hash: str  # the content the schedule was learned on; a different hash starts afresh
    state: int  # FSRS state: 1 learning, 2 review, 3 relearning
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime
    last_status: str
    reviews: int  # answers given on this content

    def row(self, learner: str) -> tuple[Any, ...]:
        """The values of a cards-table row, in CARD_COLUMNS order."""
        return (
            learner, self.question_id, self.topic, self.content_hash, self.state, self.step, self.stability,
            self.difficulty, stamp(self.due), stamp(self.last_review), self.last_status, self.reviews,
        )

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> CardState:
        """A card from a row in CARD_COLUMNS order."""
        _, qid, topic, chash, state, step, stability, difficulty, due, last, status, reviews = row
        return cls(qid, topic, chash, state, step, stability, difficulty, parse_stamp(due), parse_stamp(last),
                   status, reviews)


CARD_COLUMNS = (
    "learner", "question_id", "topic", "content_hash", "state", "step", "stability", "difficulty",
    "due", "last_review", "last_status", "reviews",
)
