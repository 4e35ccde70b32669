"""What a notebook calls: quiz(), ask(); the course's bank is loaded once per kernel."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from jkquiz.bank import Bank
from jkquiz.bank.shared import course_bank
from jkquiz.errors import BankError
from jkquiz.notebook.language import localizer_for
from jkquiz.engine import AttemptHook, QuizSession, check_question, select_questions
from jkquiz.i18n import _

__all__ = ["ask", "course_bank", "quiz"]

if TYPE_CHECKING:
    from jkquiz.widgets import QuizView
    from jkquiz.widgets.notice import Notice


def _bank_notice(exc: BankError) -> Notice:
    from jkquiz.widgets.notice import bank_problem_notice

    return bank_problem_notice(len(exc.problems), str(exc.problems[0]) if exc.problems else str(exc))


def _recorder(bank: Bank) -> AttemptHook | None:
    """The progress store's hook for recording attempts (the store opens on first use, once per kernel)."""
    from jkquiz.notebook.study import recorder

    return recorder(bank)


def quiz(
    topic: str | Sequence[str] | None = None,
    n: int = 5,
    seed: int | None = None,
    *,
    tags: Iterable[str] | None = None,
    difficulty: int | Iterable[int] | None = None,
    types: Iterable[str] | None = None,
    title: str | None = None,
    bank: Bank | None = None,
) -> QuizView | Notice:
    """A quiz widget of `n` questions drawn from one or several topics (all when None).

    A broken bank gives a notice a learner understands instead of a traceback.
    """
    from jkquiz.widgets import QuizView

    try:
        bank = bank or course_bank()
    except BankError as exc:
        return _bank_notice(exc)
    tag_list = list(tags) if tags is not None else None
    if title is None:
        names = [topic] if isinstance(topic, str) else list(topic or [])
        title = " + ".join(localizer_for(bank).topic_title(t) for t in names if t in bank.topics) or _("Quiz")

    def new_session(draw_seed: int | None = seed) -> QuizSession:
        rng = random.Random(draw_seed)
        from jkquiz.notebook.study import met_questions

        # questions met already in this lesson (its quick checks) come last: the end quiz repeats none of them
        chosen = select_questions(bank, rng, topic, n, tags=tag_list, difficulty=difficulty, types=types,
                                  answered=met_questions(bank))
        return QuizSession(chosen.questions, bank, seed=draw_seed, title=title or "", note=chosen.note,
                           on_attempt=_recorder(bank), localizer=localizer_for(bank))

    session = new_session()
    return QuizView(session, new_session=lambda: new_session(None))


def ask(qid: str, *, seed: int | None = None, bank: Bank | None = None) -> QuizView | Notice:
    """One question inline, for a quick check inside a lesson."""
    from jkquiz.widgets import QuizView

    try:
        bank = bank or course_bank()
    except BankError as exc:
        return _bank_notice(exc)
    question = check_question(bank, qid)
    from jkquiz.notebook.study import meet

    meet(question.id)
    return QuizView(QuizSession([question], bank, seed=seed, title=_("Quick check"), on_attempt=_recorder(bank),
                                localizer=localizer_for(bank)), single=True)
