"""Plain-language sentences for pydantic validation errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jkquiz.bank.model import QUESTION_TYPES, Fact, Strict


def suggest(word: str, choices: list[str] | tuple[str, ...], cutoff: float = 70) -> str:
    """' (did you mean X?)' when a close choice exists, else ''."""
    from jkquiz.fuzzy import closest

    match = closest(word, choices, cutoff=cutoff)
    return f" (did you mean '{match[0]}'?)" if match else ""


def allowed_keys(model: type[Strict]) -> list[str]:
    """The keys a model accepts."""
    return list(model.model_fields)


def describe(error: Mapping[str, Any], model: type[Strict] | None) -> tuple[str, tuple[Any, ...]]:
    """A sentence for one pydantic error, and the error's location with union tags removed."""
    loc = tuple(error["loc"])
    if model is None and loc and loc[0] in QUESTION_TYPES:
        model, loc = QUESTION_TYPES[loc[0]], loc[1:]  # tagged union: first step is the type
    name = ".".join(str(p) for p in loc) or "item"
    field = str(loc[-1]) if loc else "item"
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "missing":
        text = f"missing required field '{field}'"
        if field == "sources":
            text += "; every fact needs at least one source with a title and a quote"
        if field == "quote":
            text = "a source without a quote: add the words from the source that support the fact"
        return text, loc
    if kind == "extra_forbidden":
        known = allowed_keys(_model_at(model, loc[:-1]))
        return f"unknown field '{field}'{suggest(field, known)}", loc
    if kind == "union_tag_invalid":
        options = ", ".join(QUESTION_TYPES)
        return f"unknown question type '{ctx.get('tag')}'{suggest(str(ctx.get('tag')), list(QUESTION_TYPES))}; use one of {options}", ("type",)
    if kind == "union_tag_not_found":
        return f"missing required field 'type' (one of {', '.join(QUESTION_TYPES)})", ()
    if kind == "string_pattern_mismatch":
        return f"{name} '{value}' is not a valid id: use lowercase letters, digits and '-'", loc
    if kind in ("string_type", "str_type"):
        return f"{name} must be text, not {_kind_of(value)}", loc
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{name} must be a whole number, not {_kind_of(value)}", loc
    if kind in ("float_type", "float_parsing"):
        return f"{name} must be a number, not {_kind_of(value)}", loc
    if kind in ("bool_type", "bool_parsing"):
        return f"{name} must be true or false, not {_kind_of(value)}", loc
    if kind in ("list_type", "tuple_type"):
        return f"{name} must be a list, not {_kind_of(value)}", loc
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"{name} must be a block of fields (key: value), not {_kind_of(value)}", loc
    if kind in ("greater_than_equal", "less_than_equal"):
        if field == "difficulty":
            return f"difficulty must be 1, 2 or 3, not {value}", loc
        return f"{name} {error['msg'].lower()}, not {value}", loc
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        if field == "sources":
            return "a fact without a source: add at least one source with a title and a quote", loc
        if loc and loc[-1] in ("title", "quote", "statement", "prompt", "explanation", "answer"):
            return f"{name} is empty", loc
        return f"{name} needs at least {need} item{'s' if need != 1 else ''}", loc
    if kind == "too_long":
        return f"{name} is too long ({error['msg'].lower()})", loc
    if kind == "literal_error":
        return f"{name} must be one of {ctx.get('expected')}, not '{value}'", loc
    if kind == "value_error":
        return f"{name}: {str(ctx.get('error', error['msg']))}", loc
    return f"{name}: {error['msg']}", loc


def _model_at(model: type[Strict] | None, loc: tuple[Any, ...]) -> type[Strict]:
    """The nested model a location points into (for listing its allowed keys)."""
    current: Any = model or Fact
    for step in loc:
        if isinstance(step, int):
            continue
        info = getattr(current, "model_fields", {}).get(step)
        if info is None:
            break
        annotation = info.annotation
        for candidate in getattr(annotation, "__args__", (annotation,)):
            inner = getattr(candidate, "__args__", (candidate,))
            for option in (candidate, *inner):
                if isinstance(option, type) and issubclass(option, Strict):
                    current = option
                    break
    return current


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (int, float, str)):
        return f"'{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of fields"
    return type(value).__name__
