"""The course's bank, loaded once per process (every notebook-facing call and figure shares it)."""

from __future__ import annotations

from functools import lru_cache

from jkquiz.bank.bank import Bank
from jkquiz.bank.load import load_bank


@lru_cache(maxsize=1)
def course_bank() -> Bank:
    """The course's bank, loaded once."""
    return load_bank()
