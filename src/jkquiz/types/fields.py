"""Parsing what an instructor types for a question's fields (`jkquiz add` flags, `-i` prompts, the form)."""

from __future__ import annotations

from jkquiz.errors import UsageProblem


def split_pair(text: str, flag: str) -> tuple[str, str]:
    """'Eisaku Sato -> Japan' -> ('Eisaku Sato', 'Japan')."""
    if "->" not in text:
        raise UsageProblem(f"{flag} '{text}' needs the form 'LEFT -> RIGHT'")
    left, right = text.split("->", 1)
    return left.strip(), right.strip()


def parse_bool(text: str) -> bool:
    """true/false, yes/no, t/f (any case)."""
    value = text.strip().lower()
    if value in ("true", "t", "yes", "y"):
        return True
    if value in ("false", "f", "no", "n"):
        return False
    raise UsageProblem(f"'{text}' is not true or false")


def parse_float(text: str, what: str) -> float:
    """A number, or a plain complaint."""
    try:
        return float(text.replace(",", ""))
    except ValueError:
        raise UsageProblem(f"{what} '{text}' is not a number") from None


def form_lines(text: str) -> list[str]:
    """The non-empty lines of a text area, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]
