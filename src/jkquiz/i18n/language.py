"""Which language the interface speaks in this process: set_language(), else $JKQUIZ_LANG, else the learner's
remembered choice, else English."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "LOCALES", "LanguageError", "get_language", "normalize_language",
           "remember_language", "set_language", "speaking"]

LANGUAGES = ("en", "ko", "ja")
LANGUAGE_NAMES = {"en": "English", "ko": "한국어", "ja": "日本語"}  # each in its own language, for a switch
LOCALES = {"en": "en", "ko": "ko_KR", "ja": "ja_JP"}  # Babel's locale for dates and numbers
ENV = "JKQUIZ_LANG"


class LanguageError(ValueError):
    """A language the course does not speak was asked for."""


_chosen: str | None = None  # set_language() in this process
_remembered: str | None = None  # the learner's choice, read from the progress store when it opens


def normalize_language(value: object) -> str | None:
    """'ko', 'KO', 'ko-KR', 'ko_KR.UTF-8' -> 'ko'; None for anything the course does not speak."""
    if not isinstance(value, str):
        return None
    code = value.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def choices() -> str:
    """The three choices, for a message: "'en' (English), 'ko' (한국어) or 'ja' (日本語)"."""
    named = [f"'{code}' ({LANGUAGE_NAMES[code]})" for code in LANGUAGES]
    return ", ".join(named[:-1]) + " or " + named[-1]


def set_language(lang: str | None) -> str:
    """Speak `lang` ('en', 'ko' or 'ja') in this process from now on; None forgets the choice. Returns the code."""
    global _chosen
    if lang is None:
        _chosen = None
        return get_language()
    code = normalize_language(lang)
    if code is None:
        raise LanguageError(f"The course speaks {choices()}; {lang!r} is not one of them.")
    _chosen = code
    return code


@contextmanager
def speaking(lang: str) -> Iterator[str]:
    """Speak `lang` inside the `with` block, then whatever was chosen before (or nothing)."""
    global _chosen
    before = _chosen
    try:
        yield set_language(lang)
    finally:
        _chosen = before


def remember_language(lang: str | None) -> None:
    """The learner's remembered choice (from their progress), used when neither set_language nor $JKQUIZ_LANG decide."""
    global _remembered
    _remembered = normalize_language(lang)


def get_language() -> str:
    """The interface language now: set_language(), else $JKQUIZ_LANG when valid, else the remembered choice, else 'en'."""
    if _chosen is not None:
        return _chosen
    return normalize_language(os.environ.get(ENV)) or _remembered or "en"
