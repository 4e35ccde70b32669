"""Bank models rebuilt from their own JSON dump without validating them again (the compiled bank).

`model_dump(mode="json")` of a validated model loses only what JSON cannot hold: nested models become
objects, tuples become arrays, a float may come back as an int. `rebuild` puts those back, field by
field as each model's annotations say, and builds the model with `model_construct`: no validator
runs (nor is built), and the model equals the one validation gives (tests/test_bank_compiled.py). A model with a field whose
annotation is not understood here is validated instead, so nothing unchecked slips through.
`dump` is the way back, `model_dump(mode="json")` without building pydantic's serializer.
"""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Callable
from functools import lru_cache
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

__all__ = ["dump", "rebuild"]

M = TypeVar("M", bound=BaseModel)
Convert = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _to_float(value: Any) -> Any:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


_PLAIN = (str, bool, int, Any)  # JSON gives these back as they were dumped


def _float_json(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None  # pydantic's default for inf and nan in JSON
    return _to_float(value)


def _converter(annotation: Any, out: bool = False) -> Convert | None:
    """How to turn a JSON value back into the field's Python value (`out`: the Python value into its JSON value),
    or None when the annotation is not understood."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _converter(get_args(annotation)[0], out)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) != 1:
            return None
        inner = _converter(options[0], out)
        if inner is None:
            return None
        return inner if inner is _same else (lambda value: None if value is None else inner(value))
    if origin is typing.Literal or annotation in _PLAIN:
        return _same
    if annotation is float:
        return _float_json if out else _to_float
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        plan = _plan(annotation, out)
        if plan is None:
            return None
        if out:
            return lambda value: _dump(value, plan, frozenset())
        return lambda value: _construct(annotation, plan, value)
    if origin is list or origin is tuple:
        args = get_args(annotation)
        if origin is list:
            found = _converter(args[0], out)
            if found is None:
                return None
            item: Convert = found
            return (lambda value: list(value)) if item is _same else (lambda value: [item(v) for v in value])
        if not args or args[-1] is Ellipsis:
            return None
        parts = [c for c in (_converter(a, out) for a in args) if c is not None]
        if len(parts) != len(args):
            return None
        made: Callable[[Any], Any] = list if out else tuple
        return lambda value: made(p(v) for p, v in zip(parts, value))
    if origin is dict:
        key_value = [_converter(a, out) for a in get_args(annotation)]
        return (lambda value: dict(value)) if key_value == [_same, _same] else None
    return None


@lru_cache(maxsize=None)
def _plan(model: type[BaseModel], out: bool = False) -> tuple[tuple[str, Convert], ...] | None:
    """Each field's converter (only those that change something), or None when some field is not understood."""
    if model.__pydantic_decorators__.field_serializers or model.__pydantic_decorators__.model_serializers:
        return None
    if model.__pydantic_computed_fields__:
        return None
    plan = []
    for name, info in model.model_fields.items():
        if info.alias not in (None, name) or info.validation_alias not in (None, name) or info.exclude:
            return None
        convert = _converter(info.annotation, out)
        if convert is None:
            return None
        if convert is not _same:
            plan.append((name, convert))
    return tuple(plan)


def _construct(model: type[M], plan: tuple[tuple[str, Convert], ...], data: dict[str, Any],
               context: dict[str, Any] | None = None) -> M:
    values = dict(data)
    for name, convert in plan:
        if name in values:
            values[name] = convert(values[name])
    if values.keys() != model.__pydantic_fields__.keys():  # not a full dump: pydantic fills in the defaults
        built = model.model_construct(**values)
        if context is not None:
            built.model_post_init(context)
        return built
    # every field given, in order: what model_construct does, without its per-field alias and default lookups
    built = model.__new__(model)
    _set(built, "__dict__", values)
    _set(built, "__pydantic_fields_set__", set(values))
    _set(built, "__pydantic_extra__", None)
    _set(built, "__pydantic_private__", None)
    if model.__pydantic_post_init__:
        built.model_post_init(context)  # sets the private attributes' defaults, then takes the context
    return built


_set = object.__setattr__


def rebuild(model: type[M], data: dict[str, Any], context: dict[str, Any] | None = None) -> M:
    """The model that `model.model_validate(data, context=context)` gives, `data` being a model_dump(mode="json") of it.

    Only for data that was validated when it was dumped. The context goes to model_post_init, as in validation.
    """
    plan = _plan(model)
    if plan is None:
        return model.model_validate(data, context=context)
    return _construct(model, plan, data, context)


def _dump(model: BaseModel, plan: tuple[tuple[str, Convert], ...], exclude: frozenset[str] | set[str]) -> dict[str, Any]:
    data = {name: value for name, value in model.__dict__.items() if name not in exclude}
    for name, convert in plan:
        if name in data:
            data[name] = convert(data[name])
    return data


def dump(model: BaseModel, exclude: set[str] | frozenset[str] = frozenset()) -> dict[str, Any]:
    """`model.model_dump(mode="json", exclude=exclude)`, computed here when every field's annotation is understood."""
    plan = _plan(type(model), True)
    if plan is None:
        return model.model_dump(mode="json", exclude=set(exclude))
    return _dump(model, plan, exclude)
