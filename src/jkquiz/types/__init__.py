"""Question types: one module each (model, grader, answer text, layout, authoring fields, export hooks), one registry.

A new type is a module defining `TYPE = QuestionType(...)`, added to `_BUILT_IN` (or passed to
`register`), plus its widget renderer (`jkquiz.widgets.inputs.RENDERERS`) and its grader in
`interop/static/quiz.js` for the static HTML page.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter

from jkquiz.types import match, multiple, number, order, single, text, true_false
from jkquiz.types.base import Layout, QuestionBase, QuestionType, Status, Verdict

__all__ = [
    "Layout",
    "QuestionBase",
    "QuestionType",
    "Status",
    "TYPES",
    "Verdict",
    "get_type",
    "question_adapter",
    "question_union",
    "register",
    "unregister",
]

_BUILT_IN = (single, multiple, true_false, number, text, order, match)
TYPES: dict[str, QuestionType] = {m.TYPE.name: m.TYPE for m in _BUILT_IN}


def get_type(name: str) -> QuestionType:
    """The registered type of this name (KeyError for an unknown one: the bank models never let one through)."""
    return TYPES[name]


def register(question_type: QuestionType) -> None:
    """Add a question type (or replace one of the same name); the bank models then accept it."""
    TYPES[question_type.name] = question_type
    _changed()


def unregister(name: str) -> None:
    """Remove a question type added with `register`."""
    TYPES.pop(name, None)
    _changed()


def _changed() -> None:
    question_union.cache_clear()
    question_adapter.cache_clear()


@lru_cache(maxsize=1)
def question_union() -> Any:
    """The pydantic tagged union of every registered question model."""
    models = tuple(t.model for t in TYPES.values())
    return Annotated[Union[models], Field(discriminator="type")]  # a union built from the registry at run time


@lru_cache(maxsize=1)
def question_adapter() -> TypeAdapter[QuestionBase]:
    """Validates one question of any registered type."""
    return TypeAdapter(question_union())
