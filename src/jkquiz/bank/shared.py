"""The course's bank, loaded once per process (every notebook-facing call and figure shares it)."""

from __future__ import annotations

from functools import lru_cache

from jkquiz.bank.bank import Bank
from jkquiz.bank.localize import Localizer


@lru_cache(maxsize=1)
def course_bank() -> Bank:
    """The course's bank, loaded once: compiled when a compiled bank matches the YAML files (no PyYAML needed)."""
    from jkquiz.bank.compiled import load_course_bank

    return load_course_bank()


@lru_cache(maxsize=4)
def course_localizer(lang: str) -> Localizer:
    """The course bank's texts in `lang` (English: as written), translations read once per process."""
    from jkquiz.bank.compiled import load_course_translation

    bank = course_bank()
    if lang == "en":
        return Localizer(bank)
    return Localizer(bank, lang, load_course_translation(bank, lang))


def is_course_bank(bank: Bank) -> bool:
    """Whether `bank` is the course's bank, without loading the course's bank to find out."""
    return course_bank.cache_info().currsize > 0 and bank is course_bank()
