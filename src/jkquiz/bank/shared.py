"""The course's bank, loaded once per process (every notebook-facing call and figure shares it)."""

from __future__ import annotations

from functools import lru_cache

from jkquiz.bank.bank import Bank


@lru_cache(maxsize=1)
def course_bank() -> Bank:
    """The course's bank, loaded once: compiled when a compiled bank matches the YAML files (no PyYAML needed)."""
    from jkquiz.bank.compiled import load_course_bank

    return load_course_bank()
