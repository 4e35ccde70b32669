"""The few words the builder writes into a page itself, in the page's language (navigation, contents, notes).

They come from the interface's catalogs (jkquiz.i18n, src/jkquiz/i18n/locale/<lang>/LC_MESSAGES/jkquiz.po),
asked for in the page's language rather than the language of the process that builds it.
"""

from __future__ import annotations

from dataclasses import dataclass

from jkquiz.i18n import N_
from jkquiz.i18n.catalogs import translations

CONTENTS = N_("Contents")  # the navigation's link to the start page's list of pages
MINUTES = N_("about {n} minutes")  # a page's reading time in that list
NOTES = N_("Notes")  # the heading of a section's numbered citations


@dataclass(frozen=True)
class Words:
    """What the builder writes in one language."""

    contents: str
    minutes: str  # {n} is the number of minutes
    notes: str  # Markdown: the heading in bold


def words(lang: str) -> Words:
    """The builder's words in `lang` (English where a catalog lacks them)."""
    say = translations(lang).gettext
    return Words(contents=say(CONTENTS), minutes=say(MINUTES), notes=f"**{say(NOTES)}**")
