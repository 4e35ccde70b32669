"""Mastery per topic: questions in the bank, answered, right at the last answer, due for review."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import content_hash
from jkquiz.i18n import _, format_date, format_time, get_language, ngettext
from jkquiz.progress.records import CardState
from jkquiz.progress.schedule import DueItem


@dataclass(frozen=True)
class TopicProgress:
    """One topic's row on the dashboard."""

    topic: str
    title: str
    questions: int
    answered: int  # questions answered at least once in their current wording
    correct: int  # of those, answered right the last time
    due: int  # due for review now

    @property
    def mastery(self) -> int:
        """Share of the topic's questions last answered right, as a whole percentage."""
        return round(100 * self.correct / self.questions) if self.questions else 0


def current_hashes(bank: Bank) -> dict[str, str]:
    """Every question's content hash: what a card must match to still count."""
    return {qid: content_hash(q) for qid, q in bank.questions.items()}


def topic_progress(bank: Bank, cards: Iterable[CardState], due: Iterable[DueItem],
                   hashes: dict[str, str] | None = None) -> list[TopicProgress]:
    """A row per topic of the bank, in bank order; answers to questions since changed do not count."""
    hashes = hashes if hashes is not None else current_hashes(bank)
    live = [c for c in cards if hashes.get(c.question_id) == c.content_hash]
    due_ids = {d.question_id for d in due}
    rows = []
    for tid, topic in bank.topics.items():
        qids = {q.id for q in bank.questions_for(tid)}
        mine = [c for c in live if c.question_id in qids]
        rows.append(TopicProgress(tid, topic.title, len(qids), len(mine),
                                  sum(c.last_status == "correct" for c in mine), len(due_ids & qids)))
    return rows


@dataclass(frozen=True)
class Overview:
    """What the dashboard shows: a row per topic, whose record it is, the next review, any store warning."""

    learner: str
    rows: list[TopicProgress] = field(default_factory=list)
    next_due: datetime | None = None
    now: datetime | None = None
    warning: str = ""

    @property
    def answered(self) -> int:
        """Questions answered, over all topics."""
        return sum(r.answered for r in self.rows)

    @property
    def due(self) -> int:
        """Questions due now, over all topics."""
        return sum(r.due for r in self.rows)


def due_phrase(moment: datetime, now: datetime) -> str:
    """When a review falls due, in local time and relative to now: 'on Tue 2 Dec 2026 at 14:05 (in 3 days)'."""
    seconds = (moment - now).total_seconds()
    local = moment.astimezone()
    if get_language() == "en":
        when = f"on {local:%a} {local.day} {local:%b %Y} at {local:%H:%M}"
    else:  # the language's own order and words: 2026년 12월 2일 (화) 오후 2:05 / 2026年12月2日(火) 14:05
        when = _("on {date} at {time}").format(date=format_date(local, "weekday"), time=format_time(local))
    if seconds <= 0:
        return _("now")
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            count = round(seconds / size)
            return _("{when} ({within})").format(when=when, within=_within(unit, count))
    return _("{when} ({within})").format(when=when, within=_("in less than a minute"))


def _within(unit: str, count: int) -> str:
    """'in 3 days', '3일 후', '3日後'."""
    if unit == "day":
        return ngettext("in {count} day", "in {count} days", count).format(count=count)
    if unit == "hour":
        return ngettext("in {count} hour", "in {count} hours", count).format(count=count)
    return ngettext("in {count} minute", "in {count} minutes", count).format(count=count)
