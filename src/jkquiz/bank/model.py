"""Pydantic models of a bank file: Topic, Fact, Source and one class per question type."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import GenericAlias
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias, get_args

from pydantic import BeforeValidator, ConfigDict, Field, PrivateAttr, StringConstraints, TypeAdapter, create_model, field_validator

from jkquiz.types import TYPES, question_adapter, question_union
from jkquiz.types.base import PARTIAL_DATE, SLUG, QuestionBase, Slug, Strict, Text
from jkquiz.types.match import MatchQuestion
from jkquiz.types.multiple import MultipleQuestion
from jkquiz.types.number import NumberQuestion
from jkquiz.types.order import OrderQuestion
from jkquiz.types.single import SingleQuestion
from jkquiz.types.text import TextQuestion
from jkquiz.types.true_false import TrueFalseQuestion

__all__ = [
    "KINDS", "PARTIAL_DATE", "QUESTION_ADAPTER", "QUESTION_TYPES", "SLUG", "BankFile", "Fact", "Kind", "MatchQuestion", "MultipleQuestion",
    "NumberQuestion", "OrderQuestion", "Perspectives", "QuestionBase", "SingleQuestion", "Slug", "Source", "Strict",
    "Rename", "Terms", "Text", "TextQuestion", "Topic", "TrueFalseQuestion", "bank_file_model", "content_hash", "renames",
]



def _partial_date(value: Any) -> Any:
    """Accept 1965, "1965-12" or "1965-12-18" and keep it as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and not PARTIAL_DATE.match(value):
        raise ValueError(f"'{value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    return value


PartialDate = Annotated[str, BeforeValidator(_partial_date)]


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
KINDS: tuple[str, ...] = get_args(Kind)


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

    def model_post_init(self, context: Any) -> None:
        """Take the topic from the validation context (context={"topic": ...}), never set afterwards."""
        if isinstance(context, dict):
            self._topic = str(context.get("topic", ""))

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


class _Models(Mapping[str, type[QuestionBase]]):
    """Question type name -> model class, read live from the type registry."""

    def __getitem__(self, name: str) -> type[QuestionBase]:
        return TYPES[name].model

    def __iter__(self) -> Iterator[str]:
        return iter(TYPES)

    def __len__(self) -> int:
        return len(TYPES)


QUESTION_TYPES: Mapping[str, type[QuestionBase]] = _Models()


if TYPE_CHECKING:
    _Question: TypeAlias = QuestionBase
    QUESTION_ADAPTER: TypeAdapter[QuestionBase]
else:
    _Question = question_union()  # the built-in types' tagged union (bank_file_model() follows the registry)


def __getattr__(name: str) -> Any:
    """QUESTION_ADAPTER (the built-in types' adapter), built on first use: building it builds every question validator."""
    if name == "QUESTION_ADAPTER":
        adapter = globals()["QUESTION_ADAPTER"] = question_adapter()
        return adapter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class BankFile(Strict):
    """One bank file: a topic, its facts and its questions."""

    model_config = ConfigDict(
        extra="forbid",
        title="jkquiz bank file",
        json_schema_extra={"$comment": "Generated by `jkquiz schema`; do not edit by hand."},
    )

    topic: Topic = Field(description="The topic of this file.")
    facts: list[Fact] = Field(default_factory=list, description="Cited facts.")
    questions: list[_Question] = Field(default_factory=list, description="Questions resting on the facts.")


_BANK_FILES: dict[tuple[str, ...], type[BankFile]] = {tuple(TYPES): BankFile}


def bank_file_model() -> type[BankFile]:
    """The bank file model for the question types registered now (BankFile itself for the built-in ones)."""
    key = tuple(TYPES)
    if key not in _BANK_FILES:
        questions_type: Any = GenericAlias(list, (question_union(),))  # list[<union built at run time>]
        _BANK_FILES[key] = create_model(
            "BankFile", __base__=BankFile,
            questions=(questions_type, Field(default_factory=list, description="Questions resting on the facts.")),
        )
    return _BANK_FILES[key]


_HASH_EXCLUDE = {"explanation", "tags", "difficulty", "choice_feedback", "shuffle", "renamed_from"}


def content_hash(question: QuestionBase, *, as_id: str | None = None) -> str:
    """A short hash of what the learner is asked and what counts as right (not of the explanation).

    `as_id`: the hash the same question had under an earlier id (see renamed_from).
    """
    import hashlib
    import json

    from jkquiz.bank.construct import dump

    data = dump(question, _HASH_EXCLUDE)  # model_dump(mode="json", exclude=...) without building the serializer
    if as_id is not None:
        data["id"] = as_id
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Rename:
    """A question's earlier id, its id now, and its content hash under each (equal content, different id)."""

    old_id: str
    new_id: str
    old_hash: str
    new_hash: str


def renames(questions: Iterable[QuestionBase]) -> list[Rename]:
    """Every earlier id the questions declare in `renamed_from`."""
    return [Rename(old, q.id, content_hash(q, as_id=old), content_hash(q)) for q in questions for old in q.renamed_from]
