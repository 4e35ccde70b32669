"""QuizSession: the drawn questions, the learner's responses and score; submit() returns Feedback."""

from __future__ import annotations

import logging
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from jkquiz.bank.bank import Bank
from jkquiz.bank.localize import Localizer, QuestionText, shown_question, shown_value
from jkquiz.bank.model import QuestionBase, content_hash
from jkquiz.engine.attempt import Attempt
from jkquiz.engine.explain import Perspective, SourceNote, explain
from jkquiz.engine.grade import Verdict, grade, offered, response_text
from jkquiz.engine.select import Layout, lay_out
from jkquiz.errors import JkquizError, QuizError
from jkquiz.i18n import N_, _
from jkquiz.types import get_type


log = logging.getLogger("jkquiz")
UNEXPECTED = N_("Your answer could not be saved because of an unexpected error in jkquiz (described in jkquiz.log "
              "beside your progress file). Your feedback is below; please tell your instructor.")


@dataclass(frozen=True)
class Feedback:
    """What the learner sees after checking an answer."""

    question_id: str
    verdict: Verdict
    answer: str = ""
    explanation: str = ""
    sources: tuple[SourceNote, ...] = ()
    perspectives: tuple[Perspective, ...] = ()
    choice_notes: tuple[str, ...] = ()
    response: str = ""  # the learner's answer as text
    repeated: bool = False  # the question was already answered: this is the first answer's feedback
    warning: str = ""  # set when the answer could not be saved

    @property
    def status(self) -> str:
        """correct, partial, wrong or invalid."""
        return self.verdict.status


AttemptHook = Callable[[Attempt], None]


@dataclass
class QuizItem:
    """A question as laid out in this session."""

    question: QuestionBase
    layout: Layout
    text: QuestionText  # what the learner reads, in their language (choices keep their English identity)
    feedback: Feedback | None = None
    skipped: bool = False


@dataclass
class Summary:
    """The result of a session."""

    total: int
    correct: int
    partial: int
    wrong: int
    skipped: int
    points: float

    @property
    def percent(self) -> int:
        """Points as a whole percentage of the total."""
        return round(100 * self.points / self.total) if self.total else 0


class QuizSession:
    """Holds a quiz's questions in order, the learner's answers and the score."""

    def __init__(
        self,
        questions: Sequence[QuestionBase],
        bank: Bank,
        *,
        seed: int | None = None,
        title: str = "",
        note: str = "",
        on_attempt: AttemptHook | None = None,
        clock: Callable[[], float] = time.monotonic,
        localizer: Localizer | None = None,
    ) -> None:
        if not questions:
            raise QuizError("a quiz needs at least one question")
        self.bank, self.title, self.note, self.seed = bank, title, note, seed
        self.on_attempt, self._clock = on_attempt, clock
        self.localizer = localizer or Localizer(bank)
        self.id = uuid.uuid4().hex[:12]
        rng = random.Random(seed)
        self.items = [QuizItem(q, lay_out(q, rng), self.localizer.question(q)) for q in questions]
        self._by_id = {item.question.id: item for item in self.items}
        self.index = 0
        self._shown_at = {self.items[0].question.id: clock()}
        self._offered: dict[str, set[str]] | None = None  # each question's answers and choices (see _rivals)

    @property
    def current(self) -> QuizItem:
        """The item being shown."""
        return self.items[self.index]

    @property
    def finished(self) -> bool:
        """True once the learner has moved past the last question."""
        return self.index >= len(self.items)

    def item(self, qid: str) -> QuizItem:
        """The item of a question in this session."""
        try:
            return self._by_id[qid]
        except KeyError:
            raise QuizError(f"question '{qid}' is not part of this quiz") from None

    def _rivals(self, question: QuestionBase) -> frozenset[str]:
        """What the other questions of this quiz accept or offer: a typed answer equal to one is no slip.
        Worked out once per quiz, at its first answer (building a quiz stays cheap)."""
        if self._offered is None:
            self._offered = {item.question.id: offered(item.question) | set(item.text.labels.values()) | set(item.text.accepted)
                             for item in self.items}
        return frozenset(text for qid, texts in self._offered.items() if qid != question.id for text in texts)

    def submit(self, qid: str, response: Any) -> Feedback:
        """Grade a response; record it once; a repeat returns the first feedback unchanged."""
        item = self.item(qid)
        if item.feedback is not None:
            return _replace(item.feedback, repeated=True)
        verdict = grade(_accepting(item.question, item.text), response, self._rivals(item.question))
        if not verdict.valid:
            return Feedback(qid, verdict)
        feedback = self._feedback(item, verdict, response)
        now = self._clock()
        seconds = now - self._shown_at.get(qid, now)
        item.feedback, item.skipped = feedback, False
        if self.on_attempt is not None:
            try:
                self.on_attempt(self._attempt(item.question, response, verdict, seconds))
            except (JkquizError, OSError) as exc:  # the store says what went wrong, in a learner's words
                item.feedback = feedback = _replace(feedback, warning=_("Your answer could not be saved: {error}").format(error=exc))
            except Exception:  # a bug: the learner keeps the feedback and a plain message; the log gets the traceback
                log.exception("saving the answer to %s failed", qid)
                item.feedback = feedback = _replace(feedback, warning=_(UNEXPECTED))
        return feedback

    def skip(self, qid: str) -> None:
        """Leave a question unanswered; it counts as missed."""
        item = self.item(qid)
        if item.feedback is None:
            item.skipped = True

    def advance(self) -> QuizItem | None:
        """Move to the next question (skipping the current one if unanswered); None at the end."""
        if self.finished:
            return None
        if self.current.feedback is None:
            self.skip(self.current.question.id)
        self.index += 1
        if self.finished:
            return None
        self._shown_at.setdefault(self.current.question.id, self._clock())
        return self.current

    def summary(self) -> Summary:
        """Counts and points so far."""
        statuses = [i.feedback.status if i.feedback else ("skipped" if i.skipped else "open") for i in self.items]
        points = sum(i.feedback.verdict.score for i in self.items if i.feedback)
        return Summary(len(self.items), statuses.count("correct"), statuses.count("partial"),
                       statuses.count("wrong"), statuses.count("skipped"), round(points, 2))

    def missed(self) -> list[QuestionBase]:
        """Questions answered less than fully right, or skipped."""
        return [i.question for i in self.items if i.skipped or (i.feedback is not None and not i.feedback.verdict.correct)]

    def retry_missed(self) -> QuizSession:
        """A new session of only the missed questions, freshly shuffled."""
        missed = self.missed()
        if not missed:
            raise QuizError("nothing was missed: there is nothing to review")
        seed = None if self.seed is None else self.seed + 1
        return QuizSession(missed, self.bank, seed=seed, title=self.title, on_attempt=self.on_attempt, clock=self._clock,
                           localizer=self.localizer)

    def _feedback(self, item: QuizItem, verdict: Verdict, response: Any) -> Feedback:
        q, text = item.question, item.text
        about = explain(self.bank, q, self.localizer, text)
        picked = get_type(q.type).picked(q, response)
        notes = tuple(_choice_note(text.label(c), about.choice_feedback[c]) for c in picked if c in about.choice_feedback)
        shown = response_text(shown_question(q, text), shown_value(response, text), shown=True)
        return Feedback(q.id, verdict, about.answer, about.explanation, about.sources, about.perspectives, notes, shown)

    def _attempt(self, q: QuestionBase, response: Any, verdict: Verdict, seconds: float) -> Attempt:
        return Attempt(
            question_id=q.id,
            topic=q.topic,
            content_hash=content_hash(q),
            response=_jsonable(response),
            response_text=response_text(q, response),
            status=verdict.status,
            score=verdict.score,
            seconds=round(max(0.0, seconds), 3),
            answered_at=datetime.now(timezone.utc),
            session_id=self.id,
        )


def _accepting(question: QuestionBase, text: QuestionText) -> QuestionBase:
    """A text question that also accepts the spellings of the learner's language (graded, never recorded)."""
    if not text.accepted or question.type != "text":
        return question
    english = [getattr(question, "answer"), *getattr(question, "alternates", [])]
    answer = text.answer or english[0]  # the spelling a slip is corrected to, in the learner's language
    alternates = [a for a in dict.fromkeys([*english, *text.accepted]) if a != answer]
    return question.model_copy(update={"answer": answer, "alternates": alternates})


def _choice_note(choice: str, text: str) -> str:
    """'Seoul: Seoul is where ...' reads twice; name the choice only when the note does not."""
    return text if text.casefold().startswith(choice.casefold()) else f"{choice}: {text}"


def _replace(feedback: Feedback, **changes: Any) -> Feedback:
    from dataclasses import replace

    return replace(feedback, **changes)


def _jsonable(response: Any) -> Any:
    if isinstance(response, (set, frozenset)):
        return sorted(response)
    if isinstance(response, tuple):
        return list(response)
    if isinstance(response, dict):
        return {str(k): v for k, v in response.items()}
    return response
