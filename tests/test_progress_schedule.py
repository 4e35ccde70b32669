"""FSRS review cards and the review plan: what is due, in what order, and when the next review is."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from jkquiz.engine import Attempt
from jkquiz.progress import DueItem, due_phrase, plan_review
from jkquiz.progress.schedule import advance, due_items, next_due, replay

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def answer(status: str, at: datetime, qid: str = "q-a", chash: str = "h") -> Attempt:
    return Attempt(qid, "t", chash, None, "", status, {"correct": 1.0, "partial": 0.5, "wrong": 0.0}[status], 1.0, at, "s")


def test_right_answers_space_reviews_out_and_a_lapse_brings_it_back_soon() -> None:
    card = None
    gaps = []
    at = T0
    for _ in range(5):  # answered right each time it falls due
        card = advance(card, answer("correct", at))
        gaps.append(card.due - at)
        at = card.due
    assert gaps[0] == timedelta(minutes=10) and all(b > a for a, b in zip(gaps, gaps[1:]))
    assert gaps[-1] > timedelta(days=20)
    lapsed = advance(card, answer("wrong", at))
    assert lapsed.due - at == timedelta(minutes=10) and lapsed.last_status == "wrong"  # relearning step
    assert lapsed.stability < card.stability


def test_partial_is_rated_between_wrong_and_right() -> None:
    after = {s: advance(None, answer(s, T0)) for s in ("wrong", "partial", "correct")}
    assert after["wrong"].stability < after["partial"].stability < after["correct"].stability


def test_replay_is_deterministic_and_equals_live_updates() -> None:
    answers = [answer(s, T0 + timedelta(hours=7 * i)) for i, s in enumerate(["correct", "wrong", "partial", "correct"])]
    live = None
    for a in answers:
        live = advance(live, a)
    assert replay(reversed(answers)) == {"q-a": live} == replay(answers)  # no random fuzz in the schedule


def test_due_items_most_overdue_first_and_changed_content_due_now() -> None:
    cards = [advance(None, answer("wrong", T0 + timedelta(hours=h), qid=q)) for q, h in [("q-a", 3), ("q-b", 1), ("q-c", 2)]]
    now = T0 + timedelta(hours=5)
    assert [d.question_id for d in due_items(cards, now)] == ["q-b", "q-c", "q-a"]
    current = {"q-a": "h", "q-b": "new", "q-c": "h"}
    items = due_items(cards, now, current)
    assert [(d.question_id, d.changed) for d in items] == [("q-c", False), ("q-a", False), ("q-b", True)]
    assert next_due(cards, T0, current) == T0 + timedelta(hours=2, minutes=1)


def test_plan_review_takes_the_most_overdue_and_mixes_topics() -> None:
    items = [DueItem(f"q{i}", topic, T0 + timedelta(minutes=i))
             for i, topic in enumerate(["war", "war", "war", "trade", "trade", "culture", "war", "trade"])]
    plan = plan_review(items, 6)
    assert {p.question_id for p in plan} == {"q0", "q1", "q2", "q3", "q4", "q5"}  # the six most overdue
    assert [p.question_id for p in plan] == ["q0", "q3", "q5", "q1", "q4", "q2"]  # topics take turns
    assert plan_review(items, 0) == [] and len(plan_review(items, 50)) == 8


def test_due_phrase_in_words() -> None:
    now = T0
    assert due_phrase(now - timedelta(minutes=1), now) == "now"
    assert due_phrase(now + timedelta(seconds=20), now).endswith("(in less than a minute)")
    assert due_phrase(now + timedelta(minutes=10), now).endswith("(in 10 minutes)")
    assert due_phrase(now + timedelta(hours=1), now).endswith("(in 1 hour)")
    text = due_phrase(now + timedelta(days=3, hours=2), now)
    local = (now + timedelta(days=3, hours=2)).astimezone()
    assert text == f"on {local:%a} {local.day} {local:%b %Y} at {local:%H:%M} (in 3 days)"
