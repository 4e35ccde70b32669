"""The learner's record in a notebook: answers saved as they are given, review(), dashboard(), set_learner()."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

from jkquiz.bank import Bank
from jkquiz.bank.shared import course_bank
from jkquiz.engine import Attempt, QuizSession
from jkquiz.errors import ProgressError, QuizError
from jkquiz.i18n import N_, _, ngettext
from jkquiz.notebook.language import localizer_for
from jkquiz.progress import Overview, ProgressStore, current_hashes, due_phrase, plan_review, topic_progress
from jkquiz.progress import current
from jkquiz.progress.current import (
    DEFAULT_LEARNER, LEARNER_KEY, ProgressWarning, learner, name_learner, progress_store, store_for,
)

__all__ = ["DEFAULT_LEARNER", "LEARNER_KEY", "NOTHING_YET", "ProgressWarning", "Recorder", "dashboard", "forget_store",
           "learner", "meet", "met_questions", "name_learner", "overview", "progress_store", "recorder", "review", "set_learner", "store_for"]

if TYPE_CHECKING:
    from jkquiz.widgets.dashboard import DashboardView
    from jkquiz.widgets.review import ReviewView

NOTHING_YET = N_("Nothing to review yet. Answer the quizzes in the lessons: each question comes back here "
               "when it is due for review.")


def forget_store() -> None:
    """Close the store, so the next use opens it afresh (after JKQUIZ_HOME changed, in tests); answers waiting too."""
    current.forget_store()
    _RECORDER.pending.clear()
    _MET.clear()


_MET: set[str] = set()  # questions shown as quick checks in this kernel (a lesson's page), or answered in it


def meet(question_id: str) -> None:
    """Note that this kernel showed a question (a quick check on the lesson's page)."""
    _MET.add(question_id)


def met_questions(bank: Bank) -> set[str]:
    """Questions the learner met already: shown or answered in this kernel, or answered before (the store)."""
    met = set(_MET)
    try:
        met.update(card.question_id for card in store_for(bank).cards(learner()))
    except ProgressError:
        pass  # no record to read: the kernel's own questions are enough to avoid a repeat
    return met


def set_learner(name: str) -> None:
    """Save answers under `name` from now on (remembered); answers given before any name was set move with it."""
    clean = name_learner(progress_store(), name)
    print(_("Your answers are saved as {name}.").format(name=clean))


class Recorder:
    """The quiz's attempt hook: saves each answer; one that cannot be saved is kept and retried with the next."""

    def __init__(self) -> None:
        self.pending: list[Attempt] = []

    def __call__(self, attempt: Attempt) -> None:
        _MET.add(attempt.question_id)
        self.pending.append(attempt)
        store, who = progress_store(), learner()
        try:
            while self.pending:
                store.record(self.pending[0], who)
                self.pending.pop(0)
        except ProgressError as exc:
            waiting = len(self.pending)
            kept = ngettext("It is kept and will be saved with your next answer.",
                            "{count} answers are kept and will be saved with your next answer.", waiting)
            raise ProgressError(f"{exc} {kept.format(count=waiting)}") from exc


_RECORDER = Recorder()


def recorder(bank: Bank | None = None) -> Recorder:
    """The hook quizzes call for every graded answer (opens the store now, so a warning shows in the cell)."""
    if bank is None:
        progress_store()
    else:
        store_for(bank)
    return _RECORDER


def review(n: int = 10, *, now: datetime | None = None, bank: Bank | None = None) -> ReviewView:
    """A quiz of up to `n` questions due for review, most overdue first, topics mixed; or when the next is due."""
    from jkquiz.widgets.review import ReviewView

    if not isinstance(n, int) or n < 1:
        raise QuizError(f"n must be a whole number of at least 1, not {n!r}")
    bank = bank or course_bank()
    store, who = store_for(bank), learner()
    now = now or datetime.now(timezone.utc)
    hashes = current_hashes(bank)
    planned = plan_review(store.due(who, now, hashes), n)
    if not planned:
        return ReviewView(None, _nothing_due(store, who, now, hashes), warning=store.warning)
    changed = sum(item.changed for item in planned)
    note = ("" if not changed else _("One question here changed since you last answered it, so it starts afresh.")
            if changed == 1 else _("{count} questions here changed since you last answered them, so they start afresh.")
            .format(count=changed))
    session = QuizSession([bank.questions[i.question_id] for i in planned], bank, title=_("Review"), note=note,
                          on_attempt=recorder(bank), localizer=localizer_for(bank))
    return ReviewView(session, "", warning=store.warning)


def _nothing_due(store: ProgressStore, who: str, now: datetime, hashes: dict[str, str]) -> str:
    if not store.count(who):
        return _(NOTHING_YET)
    upcoming = store.next_due(who, now, hashes)
    if upcoming is None:
        return _("Nothing is due for review.")
    return _("Nothing is due for review. Your next review is due {when}.").format(when=due_phrase(upcoming, now))


def overview(*, now: datetime | None = None, bank: Bank | None = None) -> Overview:
    """The figures the dashboard shows, read afresh from the store."""

    bank = bank or course_bank()
    store, who = store_for(bank), learner()
    now = now or datetime.now(timezone.utc)
    hashes = current_hashes(bank)
    cards = store.cards(who)
    rows = topic_progress(bank, cards, store.due(who, now, hashes), hashes)
    return Overview(who, rows, store.next_due(who, now, hashes), now, store.warning)


def dashboard(*, bank: Bank | None = None) -> DashboardView:
    """Progress by topic: a chart and a table of questions answered, right and due; Refresh reads it again."""
    from jkquiz.widgets.dashboard import DashboardView

    return DashboardView(lambda: overview(bank=bank), record=record_text)


def record_text() -> str:
    """The learner's record as a progress export (what `jkquiz progress export` writes), for a download."""
    from jkquiz.progress.transfer import export_lines

    return "".join(line + "\n" for line in export_lines(progress_store(), learner()))
