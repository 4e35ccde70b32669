"""Attempt: one graded answer, the one model the session makes, the store keeps, exports carry and reports read."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Literal, get_args

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_serializer, field_validator

from jkquiz.types.base import SLUG

Recorded = Literal["correct", "partial", "wrong"]  # the statuses an answer can be recorded with (not 'invalid')
RECORDED: tuple[str, ...] = get_args(Recorded)
COLUMNS = ("learner", "question_id", "topic", "content_hash", "response", "response_text", "status", "score",
           "seconds", "answered_at", "session_id")  # the progress database's attempts table
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


class Attempt(BaseModel):
    """One graded answer: what was asked (id, topic, content hash), the response, its grade, when and in which session."""

    # extra: newer export lines may carry more; defer_build: the validator is built with the first answer, not at import
    model_config = ConfigDict(frozen=True, extra="ignore", defer_build=True)

    question_id: str = Field(pattern=SLUG)
    topic: str = Field(pattern=SLUG)
    content_hash: str = Field(min_length=1, max_length=64)
    response: Any
    response_text: str
    status: Recorded
    score: float = Field(ge=0, le=1)
    seconds: float = Field(ge=0)
    answered_at: AwareDatetime
    session_id: str = Field(min_length=1)

    def __init__(self, *args: Any, **data: Any) -> None:
        """Fields by name, or positionally in their order."""
        data.update(zip(type(self).model_fields, args))
        super().__init__(**data)

    @field_validator("answered_at")
    @classmethod
    def _in_utc(cls, value: datetime) -> datetime:
        return value.astimezone(timezone.utc)

    @field_serializer("answered_at")
    def _stamped(self, value: datetime) -> str:
        return stamp(value)

    def line(self) -> dict[str, Any]:
        """The attempt as one line of a progress export (answered_at as a stamp)."""
        return self.model_dump(mode="json")

    def row(self, learner: str) -> tuple[Any, ...]:
        """The values of an attempts-table row, in COLUMNS order (a response JSON cannot hold is kept as text)."""
        return (
            learner, self.question_id, self.topic, self.content_hash,
            json.dumps(self.response, ensure_ascii=False, separators=(",", ":"), default=str), self.response_text,
            self.status, float(self.score), float(self.seconds), stamp(self.answered_at), self.session_id,
        )

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Attempt:
        """An Attempt from a row in COLUMNS order (learner first), trusted as the store wrote it (not re-checked)."""
        _, qid, topic, chash, response, text, status, score, seconds, answered_at, session_id = row
        return cls.model_construct(
            question_id=qid, topic=topic, content_hash=chash, response=json.loads(response), response_text=text,
            status=status, score=score, seconds=seconds, answered_at=parse_stamp(answered_at), session_id=session_id,
        )
