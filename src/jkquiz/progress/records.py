"""How attempts and review cards look in the database: timestamps, rows, and the card state."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from jkquiz.engine.session import Attempt

STATUSES = ("correct", "partial", "wrong")  # what a graded (recorded) answer can be
_STAMP_LENGTH = len("2026-11-25T14:03:11.123456Z")


def stamp(moment: datetime) -> str:
    """A UTC timestamp as fixed-width text, so text order is time order ('2026-11-25T14:03:11.123456Z')."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must carry a time zone")
    if moment.tzinfo is not timezone.utc:
        moment = moment.astimezone(timezone.utc)
    return moment.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"  # isoformat: 5x faster than strftime


def parse_stamp(text: str) -> datetime:
    """The datetime of a stored timestamp (UTC)."""
    if len(text) != _STAMP_LENGTH or text[-1] != "Z":
        raise ValueError(f"not a stored timestamp: {text!r}")
    return datetime.fromisoformat(text[:-1]).replace(tzinfo=timezone.utc)  # 30x faster than strptime


ATTEMPT_COLUMNS = (
    "learner", "question_id", "topic", "content_hash", "response", "response_text",
    "status", "score", "seconds", "answered_at", "session_id",
)


def attempt_row(learner: str, attempt: Attempt) -> tuple[Any, ...]:
    """The values of an attempts-table row, in ATTEMPT_COLUMNS order (a response JSON cannot hold is kept as text)."""
    return (
        learner, attempt.question_id, attempt.topic, attempt.content_hash,
        json.dumps(attempt.response, ensure_ascii=False, separators=(",", ":"), default=str), attempt.response_text,
        attempt.status, float(attempt.score), float(attempt.seconds), stamp(attempt.answered_at), attempt.session_id,
    )


def row_attempt(row: tuple[Any, ...]) -> Attempt:
    """An Attempt from a row in ATTEMPT_COLUMNS order (learner first, not part of the Attempt)."""
    _, qid, topic, chash, response, text, status, score, seconds, answered_at, session_id = row
    return Attempt(
        question_id=qid, topic=topic, content_hash=chash, response=json.loads(response), response_text=text,
        status=status, score=score, seconds=seconds, answered_at=parse_stamp(answered_at), session_id=session_id,
    )


def attempt_dict(attempt: Attempt) -> dict[str, Any]:
    """An attempt as one line of a progress export."""
    return {
        "question_id": attempt.question_id,
        "topic": attempt.topic,
        "content_hash": attempt.content_hash,
        "response": attempt.response,
        "response_text": attempt.response_text,
        "status": attempt.status,
        "score": attempt.score,
        "seconds": attempt.seconds,
        "answered_at": stamp(attempt.answered_at),
        "session_id": attempt.session_id,
    }


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
