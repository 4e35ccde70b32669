"""Pydantic models of a bank file: Topic, Fact, Source and one class per question type."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    TypeAdapter,
    field_validator,
)

SLUG = r"^[a-z0-9][a-z0-9-]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG, max_length=80)]
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")


def _scalar_to_str(value: Any) -> Any:
    """Let a number stand where text is expected (choices like 1965, 1966)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _partial_date(value: Any) -> Any:
    """Accept 1965, "1965-12" or "1965-12-18" and keep it as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and not PARTIAL_DATE.match(value):
        raise ValueError(f"'{value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    return value


Text = Annotated[str, BeforeValidator(_scalar_to_str), StringConstraints(min_length=1, strip_whitespace=True)]
PartialDate = Annotated[str, BeforeValidator(_partial_date)]


class Strict(BaseModel):
    """Base of every bank model: unknown keys are an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a fact comes from, with the words that support it."""

    title: Text = Field(description="Title of the source (page, book, statement, or 'seed text (...)').")
    url: str | None = Field(None, description="Address of the source, if it is online.")
    quote: Text = Field(description="Words copied exactly from the source that support the fact.")


class Terms(Strict):
    """Native-script names of a place, person or term."""

    ko: str | None = Field(None, description="Korean name in Hangul.")
    ja: str | None = Field(None, description="Japanese name (Kanji/Kana).")
    hanja: str | None = Field(None, description="Korean name in Hanja, where useful.")


class Perspectives(Strict):
    """What each government holds on a contested matter."""

    japan: Text | None = Field(None, description="What Japan's government holds, attributed.")
    korea: Text | None = Field(None, description="What South Korea's government holds, attributed.")


class Topic(Strict):
    """A lesson's topic: one per bank file."""

    id: Slug = Field(description="Topic id (slug); the file is named NN-<id>.yaml.")
    title: Text = Field(description="Title shown to learners.")
    summary: Text | None = Field(None, description="One or two sentences on what the lesson covers.")
    objectives: list[Text] = Field(min_length=1, description="What a learner can do after the lesson.")


Kind = Literal["event", "person", "place", "term", "statistic", "document"]


class Fact(Strict):
    """A cited statement that questions rest on."""

    id: Slug = Field(description="Fact id (slug), unique across the bank.")
    statement: Text = Field(description="One or two sentences, true as written.")
    label: Annotated[Text, StringConstraints(max_length=80)] | None = Field(
        None, description="Short name (<= 80 characters) used in generated timelines and choices."
    )
    when: PartialDate | None = Field(None, description="Date of the fact: YYYY, YYYY-MM or YYYY-MM-DD.")
    answer: Text | None = Field(
        None, description="The key datum a generated question asks for; appears verbatim in the statement."
    )
    kind: Kind = Field(description="What the fact is about.")
    as_of: PartialDate | None = Field(
        None, description="The fact is true only as of this date; questions on it must say 'As of ...'."
    )
    value: float | None = Field(None, description="Statistics: the number.")
    unit: str | None = Field(None, description="Statistics: the unit of value ('%', 'billion US$').")
    series: Text | None = Field(None, description="Statistics: the chart series this value belongs to.")
    coords: tuple[float, float] | None = Field(None, description="Places: [latitude, longitude] in decimal degrees.")
    terms: Terms | None = Field(None, description="Native-script names (Hangul, Japanese, Hanja).")
    contested: bool = Field(False, description="True when the two governments disagree on the matter.")
    perspectives: Perspectives | None = Field(
        None, description="What each government holds; both are required when the fact is contested."
    )
    tags: list[Slug] = Field(default_factory=list, description="Free tags (slugs).")
    sources: list[Source] = Field(min_length=1, description="At least one source with a supporting quote.")

    _topic: str = PrivateAttr("")

    @property
    def topic(self) -> str:
        """Id of the topic whose file holds this fact."""
        return self._topic

    @property
    def year(self) -> int | None:
        """The year of `when`, if any."""
        return int(self.when[:4]) if self.when else None

    @field_validator("coords")
    @classmethod
    def _coords_on_earth(cls, value: tuple[float, float] | None) -> tuple[float, float] | None:
        if value is not None and not (-90 <= value[0] <= 90 and -180 <= value[1] <= 180):
            raise ValueError("coords must be [latitude, longitude] with latitude in -90..90, longitude in -180..180")
        return value


class QuestionBase(Strict):
    """Fields every question type has."""

    id: Slug = Field(description="Question id (slug), unique across the bank.")
    prompt: Text = Field(description="The question as the learner reads it.")
    facts: list[Slug] = Field(min_length=1, description="Ids of the facts the question rests on.")
    explanation: Text = Field(description="Why the answer is right; shown after answering.")
    difficulty: int = Field(ge=1, le=3, description="1 easy, 2 medium, 3 hard.")
    tags: list[Slug] = Field(default_factory=list, description="Free tags (slugs).")

    _topic: str = PrivateAttr("")
    _generated: bool = PrivateAttr(False)

    @property
    def topic(self) -> str:
        """Id of the topic the question belongs to."""
        return self._topic

    @property
    def generated(self) -> bool:
        """True for questions generated from facts rather than written in a file."""
        return self._generated


class SingleQuestion(QuestionBase):
    """One right choice among several."""

    type: Literal["single"] = Field(description="One right choice.")
    choices: list[Text] = Field(min_length=2, description="The choices, the right one among them.")
    answer: Text = Field(description="The right choice; must be one of `choices`.")
    choice_feedback: dict[str, Text] = Field(
        default_factory=dict, description="Optional: why a given choice is wrong (or right)."
    )
    shuffle: bool = Field(True, description="Shuffle the choices for each attempt.")


class MultipleQuestion(QuestionBase):
    """Several right choices; partial credit."""

    type: Literal["multiple"] = Field(description="Several right choices.")
    choices: list[Text] = Field(min_length=2, description="The choices.")
    answers: list[Text] = Field(min_length=1, description="The right choices; each must be one of `choices`.")
    choice_feedback: dict[str, Text] = Field(default_factory=dict, description="Optional: feedback per choice.")
    shuffle: bool = Field(True, description="Shuffle the choices for each attempt.")


class TrueFalseQuestion(QuestionBase):
    """A statement to judge true or false."""

    type: Literal["true_false"] = Field(description="True or false.")
    answer: bool = Field(description="true or false.")


class NumberQuestion(QuestionBase):
    """A number (years are numbers), within a tolerance."""

    type: Literal["number"] = Field(description="A number.")
    answer: float = Field(description="The right number.")
    tolerance: float = Field(0, ge=0, description="Accepted distance from the answer (default 0).")
    min: float | None = Field(None, description="Optional: smallest plausible answer (shown as the input's range).")
    max: float | None = Field(None, description="Optional: largest plausible answer.")
    unit: str | None = Field(None, description="Optional unit shown next to the input ('%', 'km').")


class TextQuestion(QuestionBase):
    """A typed answer; alternates in other scripts and romanizations are accepted."""

    type: Literal["text"] = Field(description="A typed answer.")
    answer: Text = Field(description="The spelling shown as correct.")
    alternates: list[Text] = Field(default_factory=list, description="Other accepted spellings and scripts.")


class OrderQuestion(QuestionBase):
    """Put items in order; they are listed here in the right order."""

    type: Literal["order"] = Field(description="Put items in order.")
    items: list[Text] = Field(min_length=2, description="The items in the RIGHT order (first to last).")


class MatchQuestion(QuestionBase):
    """Pair each left item with its right item (one-to-one)."""

    type: Literal["match"] = Field(description="Match pairs.")
    pairs: list[tuple[Text, Text]] = Field(min_length=2, description="The right pairs as [left, right].")


QUESTION_TYPES: dict[str, type[QuestionBase]] = {
    "single": SingleQuestion,
    "multiple": MultipleQuestion,
    "true_false": TrueFalseQuestion,
    "number": NumberQuestion,
    "text": TextQuestion,
    "order": OrderQuestion,
    "match": MatchQuestion,
}

Question = Annotated[
    Union[
        SingleQuestion,
        MultipleQuestion,
        TrueFalseQuestion,
        NumberQuestion,
        TextQuestion,
        OrderQuestion,
        MatchQuestion,
    ],
    Field(discriminator="type"),
]
QUESTION_ADAPTER: TypeAdapter[QuestionBase] = TypeAdapter(Question)


class BankFile(Strict):
    """One bank file: a topic, its facts and its questions."""

    model_config = ConfigDict(
        extra="forbid",
        title="jkquiz bank file",
        json_schema_extra={"$comment": "Generated by `jkquiz schema`; do not edit by hand."},
    )

    topic: Topic = Field(description="The topic of this file.")
    facts: list[Fact] = Field(default_factory=list, description="Cited facts.")
    questions: list[Question] = Field(default_factory=list, description="Questions resting on the facts.")


_HASH_EXCLUDE = {"explanation", "tags", "difficulty", "choice_feedback", "shuffle"}


def content_hash(question: QuestionBase) -> str:
    """A short hash of what the learner is asked and what counts as right (not of the explanation)."""
    import hashlib
    import json

    data = question.model_dump(mode="json", exclude=_HASH_EXCLUDE)
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
