"""Spaced repetition with FSRS: each answer updates its question's card; what is due, in review order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jkquiz.engine.attempt import Attempt
from jkquiz.progress.records import CardState

if TYPE_CHECKING:
    from fsrs import Scheduler

# How a verdict rates the recall, on FSRS's scale (1 Again, 2 Hard, 3 Good, 4 Easy).
RATINGS = {"correct": 3, "partial": 2, "wrong": 1}


@lru_cache(maxsize=1)
def scheduler() -> Scheduler:
    """The FSRS scheduler: default parameters and steps, no random fuzz (replaying gives the same schedule)."""
    from fsrs import Scheduler

    return Scheduler(enable_fuzzing=False)


@lru_cache(maxsize=1)
def _fsrs() -> tuple[Any, Any, Any]:
    """fsrs's Card, Rating and State, imported once on first use."""
    from fsrs import Card, Rating, State

    return Card, Rating, State


def advance(card: CardState | None, attempt: Attempt) -> CardState:
    """The card after one more answer; a question whose content changed starts again as new."""
    Card, Rating, State = _fsrs()  # noqa: N806 (classes)
    if card is None or card.content_hash != attempt.content_hash:
        # card_id and due are given so fsrs neither sleeps to make ids unique nor reads the clock
        fsrs_card, reviews = Card(card_id=1, due=attempt.answered_at), 0
    else:
        fsrs_card = Card(card_id=1, state=State(card.state), step=card.step, stability=card.stability,
                         difficulty=card.difficulty, due=card.due, last_review=card.last_review)
        reviews = card.reviews
    fsrs_card, _ = scheduler().review_card(fsrs_card, Rating(RATINGS[attempt.status]),
                                           review_datetime=attempt.answered_at)
    return CardState(
        question_id=attempt.question_id, topic=attempt.topic, content_hash=attempt.content_hash,
        state=int(fsrs_card.state), step=fsrs_card.step, stability=fsrs_card.stability,
        difficulty=fsrs_card.difficulty, due=fsrs_card.due, last_review=attempt.answered_at,
        last_status=attempt.status, reviews=reviews + 1,
    )


def replay(attempts: Iterable[Attempt]) -> dict[str, CardState]:
    """Every question's card, rebuilt from its answers in the order they were given."""
    cards: dict[str, CardState] = {}
    for attempt in sorted(attempts, key=lambda a: a.answered_at):
        cards[attempt.question_id] = advance(cards.get(attempt.question_id), attempt)
    return cards


@dataclass(frozen=True)
class DueItem:
    """A question due for review: since when, and whether it changed since it was learned."""

    question_id: str
    topic: str
    due: datetime
    changed: bool = False


def due_items(cards: Iterable[CardState], now: datetime, current: Mapping[str, str] | None = None) -> list[DueItem]:
    """Cards due at `now`, most overdue first; with `current` (id -> content hash) only questions that
    still exist, and a question whose content changed is due at once, as new."""
    items = []
    for card in cards:
        if current is not None:
            if card.question_id not in current:
                continue  # the question left the bank: it cannot be asked again
            if current[card.question_id] != card.content_hash:
                items.append(DueItem(card.question_id, card.topic, now, changed=True))
                continue
        if card.due <= now:
            items.append(DueItem(card.question_id, card.topic, card.due))
    items.sort(key=lambda item: (item.due, item.question_id))
    return items


def next_due(cards: Iterable[CardState], now: datetime, current: Mapping[str, str] | None = None) -> datetime | None:
    """When the next card falls due after `now` (None when no card is scheduled)."""
    later = [c.due for c in cards if c.due > now and (current is None or current.get(c.question_id) == c.content_hash)]
    return min(later, default=None)


def plan_review(items: list[DueItem], n: int) -> list[DueItem]:
    """The `n` most overdue items, topics taking turns (the most overdue topic first)."""
    queues: dict[str, list[DueItem]] = {}
    for item in items[: max(n, 0)]:
        queues.setdefault(item.topic, []).append(item)
    planned: list[DueItem] = []
    while queues:
        for topic in list(queues):
            planned.append(queues[topic].pop(0))
            if not queues[topic]:
                del queues[topic]
    return planned
