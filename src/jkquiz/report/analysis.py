"""The class report's figures: learners' scores by topic, and item analysis (facility, discrimination, picks).

Every figure uses each learner's FIRST answer to each question: later answers (reviews, retries) show what the
learner learned from the feedback, not how hard the question is. Answers to an older wording of a question,
or to a question no longer in the bank, are analysed apart and never counted in the scores.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jkquiz.bank import Bank, QuestionBase
from jkquiz.progress.summary import current_hashes
from jkquiz.report.collect import ClassRecord, Key, collect
from jkquiz.report.ondisk import Learners
from jkquiz.report.running import ItemSums, LearnerRow
from jkquiz.types import get_type

EASY_ABOVE = 0.9  # facility above this: too easy
HARD_BELOW = 0.2  # facility below this: too hard
MIN_ANSWERS = 10  # flags need at least this many learners' answers: fewer say little about a question
NEGATIVE, HARD, EASY = "discriminates negatively", "too hard", "too easy"  # flags, in the order items are sorted
FLAG_ORDER = (NEGATIVE, HARD, EASY)
CURRENT, OLDER, GONE = "current", "older wording", "not in bank"


@dataclass(frozen=True)
class Pick:
    """How many learners picked one choice of a choice question (first answers)."""

    choice: str
    right: bool
    count: int


@dataclass(frozen=True)
class ItemRow:
    """Item analysis of one version of a question."""

    question_id: str
    topic: str
    type: str
    content_hash: str
    version: str  # CURRENT, OLDER or GONE
    prompt: str
    answered: int  # learners whose first answer is counted
    facility: float  # mean score 0..1
    discrimination: float | None  # corrected item-total correlation; None: too few answers or no spread
    flags: tuple[str, ...] = ()
    picks: tuple[Pick, ...] = ()  # choice questions in their current wording
    other_picks: int = 0  # picks that are none of the choices (edited by hand)


@dataclass
class ClassReport:
    """Everything the class report shows."""

    learners: Learners  # on disk, read back by name (case aside, then exactly) a row at a time
    items: list[ItemRow]  # current wording, flagged first
    older: list[ItemRow]  # older wordings and questions no longer in the bank
    topics: list[str]  # topics with answers, in bank order
    titles: dict[str, str]  # topic id -> title
    min_answers: int = MIN_ANSWERS
    files_read: int = 0
    files_skipped: int = 0
    answers: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def class_report(paths: Iterable[Path], bank: Bank, *, min_answers: int = MIN_ANSWERS) -> ClassReport:
    """Read the exports (one at a time) and analyse them against the bank."""
    return analyse(collect(paths, bank), bank, min_answers=min_answers)


def analyse(record: ClassRecord, bank: Bank, *, min_answers: int = MIN_ANSWERS) -> ClassReport:
    """The report's figures from the running sums collected."""
    current = current_hashes(bank)
    items: list[ItemRow] = []
    older: list[ItemRow] = []
    for key, sums in record.items.items():
        row = _item(key, sums, bank, current, min_answers, record.topics)
        (items if row.version == CURRENT else older).append(row)
    order = {qid: i for i, qid in enumerate(bank.questions)}
    items.sort(key=lambda r: (_flag_rank(r.flags), order[r.question_id]))
    older.sort(key=lambda r: (r.version != OLDER, order.get(r.question_id, len(order)), r.question_id, r.content_hash))
    return ClassReport(record.learners, items, older, [t for t in bank.topics if t in record.answered_topics],
                       {t: topic.title for t, topic in bank.topics.items()}, min_answers, record.files_read,
                       record.files_skipped, record.answers, list(record.problems), list(record.notes))


def _item(key: Key, sums: ItemSums, bank: Bank, current: dict[str, str], min_answers: int,
          topics: dict[str, str]) -> ItemRow:
    """One version's facility, discrimination, flags and picks."""
    qid, chash = key
    question = bank.questions.get(qid)
    version = CURRENT if current.get(qid) == chash else OLDER if question is not None else GONE
    facility = sums.facility
    discrimination = sums.correlation
    flags = []
    if discrimination is not None and discrimination < 0 and sums.pairs >= min_answers:
        flags.append(NEGATIVE)
    if sums.answered >= min_answers:
        flags += [HARD] if facility < HARD_BELOW else [EASY] if facility > EASY_ABOVE else []
    picks, other = _picks(question, sums) if version == CURRENT and question else ((), 0)
    return ItemRow(qid, question.topic if question else topics.get(qid, ""), question.type if question else "",
                   chash, version, question.prompt if question and version == CURRENT else "", sums.answered,
                   facility, discrimination, tuple(flags), picks, other)


def _picks(question: QuestionBase, sums: ItemSums) -> tuple[tuple[Pick, ...], int]:
    """How often each choice was picked, in the bank's order, and picks that are none of the choices.

    The type counts the picks of a list of responses; counts add up, so each distinct response is counted once
    and weighted by the learners who gave it (never a list of every learner's response)."""
    count = get_type(question.type).count_picks
    if count is None:
        return (), 0
    picks, other = count(question, [])
    totals = [n for _, _, n in picks]
    for response, learners in sums.distinct_responses():
        these, extra = count(question, [response])
        totals = [t + learners * n for t, (_, _, n) in zip(totals, these)]
        other += learners * extra
    return tuple(Pick(choice, right, n) for (choice, right, _), n in zip(picks, totals)), other


def _flag_rank(flags: tuple[str, ...]) -> int:
    return min((FLAG_ORDER.index(f) for f in flags), default=len(FLAG_ORDER))
