"""The explanation of a question, computed once: answer text, why, sources with quotes, both governments' positions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from jkquiz.bank.bank import Bank
from jkquiz.bank.localize import Localizer, QuestionText, shown_question
from jkquiz.bank.model import QuestionBase
from jkquiz.engine.grade import answer_text


@dataclass(frozen=True)
class SourceNote:
    """A source shown with feedback: where the fact comes from and the words that support it."""

    title: str
    url: str | None
    quote: str


@dataclass(frozen=True)
class Perspective:
    """What each government holds on a contested fact a question rests on."""

    fact_id: str
    japan: str
    korea: str


@dataclass(frozen=True)
class Explanation:
    """What every view of a question shows after it is answered (widgets, exports): the same for every response."""

    question_id: str
    answer: str
    explanation: str
    sources: tuple[SourceNote, ...] = ()  # without repeats, in the order of the question's facts
    perspectives: tuple[Perspective, ...] = ()
    choice_feedback: Mapping[str, str] = field(default_factory=dict)


def explain(bank: Bank, question: QuestionBase, localizer: Localizer | None = None,
            text: QuestionText | None = None) -> Explanation:
    """The explanation of `question` from its facts in `bank`, in the localizer's language (English by default).

    Sources and their quotes stay in their own words; `choice_feedback` stays keyed by the English choice.
    """
    localizer = localizer or Localizer(bank)
    text = text or localizer.question(question)
    facts = bank.facts_of(question)
    sources = tuple(dict.fromkeys(SourceNote(s.title, s.url, s.quote) for f in facts for s in f.sources))
    sides: dict[tuple[str, str], Perspective] = {}
    for f in facts:
        if f.contested and f.perspectives is not None:
            japan, korea = localizer.perspectives(f) if text.translated else (f.perspectives.japan or "", f.perspectives.korea or "")
            side = Perspective(f.id, japan, korea)
            sides.setdefault((side.japan, side.korea), side)  # two facts stating the same positions: one pair
    shown = answer_text(shown_question(question, text))
    return Explanation(question.id, shown, text.explanation, sources, tuple(sides.values()), dict(text.choice_feedback))
