"""Draw questions for a quiz, and lay out each one's choices for an attempt."""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase
from jkquiz.errors import QuizError
from jkquiz.i18n import ngettext
from jkquiz.types import get_type
from jkquiz.types.base import Layout

GENERATED_SHARE = 1 / 3  # at most this share of a quiz is generated when authored questions suffice


@dataclass(frozen=True)
class Selection:
    """The questions drawn, and a note for the learner when fewer than asked were available."""

    questions: list[QuestionBase]
    note: str = ""


def check_topics(bank: Bank, topics: Iterable[str]) -> list[str]:
    """The topics, each checked to exist; an unknown one raises QuizError naming the nearest ids."""
    names = list(topics)
    for name in names:
        if name not in bank.topics:
            raise QuizError(f"no topic '{name}'{_nearest(name, list(bank.topics))}; topics are: {', '.join(bank.topics)}")
    return names


def check_question(bank: Bank, qid: str) -> QuestionBase:
    """The question with this id; an unknown id raises QuizError naming the nearest ids."""
    if qid not in bank.questions:
        raise QuizError(f"no question '{qid}'{_nearest(qid, list(bank.questions))}")
    return bank.questions[qid]


def select_questions(
    bank: Bank,
    rng: random.Random,
    topics: str | Sequence[str] | None = None,
    n: int = 5,
    *,
    tags: Iterable[str] | None = None,
    difficulty: int | Iterable[int] | None = None,
    types: Iterable[str] | None = None,
    generated: bool = True,
    answered: Collection[str] = (),
) -> Selection:
    """Draw `n` questions: authored and generated mixed, no two on the same fact when avoidable, easiest first.

    Questions whose ids are in `answered` (met already in this lesson) are drawn only when the others run out;
    the draw stays the same for the same seed and the same `answered`.
    """
    if n < 1:
        raise QuizError(f"n must be at least 1, not {n}")
    topic_list = [topics] if isinstance(topics, str) else list(topics) if topics is not None else None
    if topic_list is not None:
        check_topics(bank, topic_list)
    pool = bank.questions_for(topic_list, tags=tags, difficulty=difficulty, types=types, generated=generated)
    if not pool:
        raise QuizError("no questions match this quiz's topics and filters")
    authored = [q for q in pool if not q.generated]
    made = [q for q in pool if q.generated]
    rng.shuffle(authored)
    rng.shuffle(made)
    want_made = min(len(made), max(n - len(authored), round(n * GENERATED_SHARE)))
    share = n - want_made
    ordered = authored[:share] + made[:want_made] + authored[share:] + made[want_made:]
    fresh = [q for q in ordered if q.id not in answered]
    chosen = _spread_over_facts(fresh, n)
    if len(chosen) < n:  # too few questions not met yet: the ones met already, spread the same way
        chosen += _spread_over_facts([q for q in ordered if q.id in answered], n - len(chosen))
    chosen.sort(key=lambda q: q.difficulty)
    note = ""
    if len(pool) < n:
        note = ngettext("Only {count} question matches this quiz, so you get all of them (you asked for {asked}).",
                        "Only {count} questions match this quiz, so you get all of them (you asked for {asked}).",
                        len(pool)).format(count=len(pool), asked=n)
    return Selection(chosen, note)


def _spread_over_facts(candidates: list[QuestionBase], n: int) -> list[QuestionBase]:
    """Pick up to n, preferring questions whose facts are not yet covered."""
    chosen: list[QuestionBase] = []
    covered: set[str] = set()
    for q in candidates:
        if len(chosen) < n and not covered.intersection(q.facts):
            chosen.append(q)
            covered.update(q.facts)
    for q in candidates:
        if len(chosen) >= n:
            break
        if q not in chosen:
            chosen.append(q)
    return chosen


def lay_out(question: QuestionBase, rng: random.Random) -> Layout:
    """Shuffle what the learner picks from, so each attempt differs (order never starts solved)."""
    return get_type(question.type).lay_out(question, rng)


def _nearest(word: str, ids: list[str]) -> str:
    from jkquiz.fuzzy import closest

    matches = closest(word, ids, limit=3, cutoff=60)
    return f" (did you mean {' or '.join(repr(m) for m in matches)}?)" if matches else ""
