"""The few words the builder writes into a page itself, in the page's language (navigation, contents, notes).

A small table rather than the interface catalogs: a built notebook is the same whatever language the
process that built it speaks, and these words are part of the lesson's text, not of the interface.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """What the builder writes in one language."""

    contents: str  # the navigation's link to the start page's contents
    minutes: str  # a reading time in the contents list; {n} is the number of minutes
    notes: str  # the heading of a section's numbered citations


WORDS = {
    "en": Words(contents="Contents", minutes="about {n} minutes", notes="**Notes**"),
    "ko": Words(contents="목차", minutes="약 {n}분", notes="**출처**"),
    "ja": Words(contents="目次", minutes="約{n}分", notes="**出典**"),
}


def words(lang: str) -> Words:
    """The builder's words in `lang` (English for a language without its own)."""
    return WORDS.get(lang, WORDS["en"])
