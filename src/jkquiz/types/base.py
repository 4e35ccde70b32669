"""What every question type shares: field types, the question base model, Verdict, Layout and the QuestionType hooks."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, StringConstraints

SLUG = r"^[a-z0-9][a-z0-9-]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG, max_length=80)]
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")


def _scalar_to_str(value: Any) -> Any:
    """Let a number stand where text is expected (choices like 1965, 1966)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_scalar_to_str), StringConstraints(min_length=1, strip_whitespace=True)]


class Strict(BaseModel):
    """Base of every bank model: unknown keys are an error.

    Validators are built on first validation (defer_build): a kernel that loads the compiled bank
    (already validated, see jkquiz.bank.compiled) never builds them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class QuestionBase(Strict):
    """Fields every question type has."""

    id: Slug = Field(description="Question id (slug), unique across the bank.")
    prompt: Text = Field(description="The question as the learner reads it.")
    facts: list[Slug] = Field(min_length=1, description="Ids of the facts the question rests on.")
    explanation: Text = Field(description="Why the answer is right; shown after answering.")
    difficulty: int = Field(ge=1, le=3, description="1 easy, 2 medium, 3 hard.")
    tags: list[Slug] = Field(default_factory=list, description="Free tags (slugs).")
    type: str = Field(description="The question type (each type's model narrows it to its own name).")
    renamed_from: list[Slug] = Field(
        default_factory=list,
        description="Ids this question had before (oldest first): learners' answers and review schedule under "
        "them carry over to this id.",
    )

    _topic: str = PrivateAttr("")
    _generated: bool = PrivateAttr(False)

    def model_post_init(self, context: Any) -> None:
        """Take the topic (and whether it was generated) from the validation context, never set afterwards."""
        if isinstance(context, dict):
            self._topic = str(context.get("topic", ""))
            self._generated = bool(context.get("generated", False))

    @property
    def topic(self) -> str:
        """Id of the topic the question belongs to."""
        return self._topic

    @property
    def generated(self) -> bool:
        """True for questions generated from facts rather than written in a file."""
        return self._generated


Status = Literal["correct", "partial", "wrong", "invalid"]
STATUSES: tuple[Status, ...] = ("correct", "partial", "wrong", "invalid")


@dataclass(frozen=True)
class Verdict:
    """The grade of one response: status, score 0..1, a message, and per-part marks."""

    status: Status
    score: float = 0.0
    message: str = ""
    parts: tuple[bool, ...] = field(default_factory=tuple)  # per position (order) or pair (match)

    @property
    def correct(self) -> bool:
        """True only for a fully right answer."""
        return self.status == "correct"

    @property
    def valid(self) -> bool:
        """False when the response could not be graded (empty, not a number)."""
        return self.status != "invalid"


def invalid(message: str) -> Verdict:
    """A response that cannot be graded, with what to do instead."""
    return Verdict("invalid", 0.0, message)


def from_score(score: float, parts: tuple[bool, ...] = (), message: str = "") -> Verdict:
    """A verdict from a score 0..1: correct at 1, wrong at 0, partial between."""
    status: Status = "correct" if score >= 1 else "wrong" if score <= 0 else "partial"
    return Verdict(status, round(max(0.0, min(1.0, score)), 4), message, parts)


@dataclass(frozen=True)
class Layout:
    """How a question is shown in one attempt: the order of its choices, items or right-hand options."""

    options: tuple[str, ...] = ()


def no_layout(question: Any, rng: random.Random) -> Layout:
    """Nothing to shuffle (typed answers)."""
    return Layout()


def picked_one(question: Any, response: Any) -> list[str]:
    """The choice a single-pick response names (for choice feedback)."""
    return [response] if isinstance(response, str) else []


PickCounts = tuple[list[tuple[str, bool, int]], int]  # (choice, right, times picked) in the bank's order; other picks


@dataclass(frozen=True)
class QuestionType:
    """One question type: its model and every hook the engine, the authoring tools and the exporters call.

    A hook left as None means the format cannot hold the type (the exporter says so).
    """

    name: str
    model: type[QuestionBase]
    grade: Callable[[Any, Any], Verdict]
    answer_text: Callable[[Any], str]
    label: str  # instructor's form: "Match pairs"
    help: str  # `jkquiz add -i`: "match pairs"
    # grading that looks at the rest of the quiz: (question, response, what other questions accept or offer)
    grade_among: Callable[[Any, Any, frozenset[str]], Verdict] | None = None
    lay_out: Callable[[Any, random.Random], Layout] = no_layout
    hint: str = ""  # shown to the learner under the prompt
    response_sep: str = ", "  # joins a list response in records and reports
    picked: Callable[[Any, Any], list[str]] = picked_one
    count_picks: Callable[[Any, list[Any]], PickCounts] | None = None  # the class report counts each choice
    # authoring: `jkquiz add` flags, `-i` prompts, the instructor's form
    flags: tuple[str, ...] = ("prompt", "answer")
    from_flags: Callable[[Any], dict[str, Any]] | None = None
    ask: Callable[[Any, Any], dict[str, Any]] | None = None
    form_fields: tuple[str, ...] = ()  # the form's controls for this type, by attribute name
    form_keys: tuple[tuple[str, str], ...] = ()  # (bank key, form control) where the names differ
    from_form: Callable[[Any], dict[str, Any]] | None = None
    # exporters
    gift: Callable[[Any, Any], str | None] | None = None
    moodle_type: Callable[[Any, str], str] | None = None
    moodle_body: Callable[[Any, Any, Any], None] | None = None
    moodle_penalty: str = "0.3333333"
    anki_choices: Callable[[Any], str] | None = None
    anki_answer: Callable[[Any], str] | None = None
    html_data: Callable[[Any], dict[str, Any]] | None = None
    html_input: Callable[[Any, list[str], str], str] | None = None
    jupyterquiz: Callable[[Any, Any, Callable[[str], str]], dict[str, Any]] | None = None


def join_response(items: Sequence[Any] | Mapping[str, Any], sep: str) -> str:
    """A list response as text."""
    return sep.join(map(str, items))
