"""set_language() as a notebook calls it: the interface in English, Korean or Japanese, remembered with the
learner's progress so the next session opens in it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jkquiz import i18n
from jkquiz.bank import Bank
from jkquiz.bank.localize import Localizer
from jkquiz.bank.shared import course_localizer, is_course_bank
from jkquiz.errors import ProgressError
from jkquiz.i18n import _
from jkquiz.progress.current import LANGUAGE_KEY, progress_store

__all__ = ["choose_language", "localizer_for", "remember", "set_language"]

if TYPE_CHECKING:
    from jkquiz.widgets.language import LanguageSwitch


def remember(code: str) -> bool:
    """Save `code` as the learner's language in their progress store; False when the store cannot take it now."""
    try:
        progress_store().set_setting(LANGUAGE_KEY, code)
    except ProgressError:
        return False
    return True


def set_language(lang: str, *, remember_choice: bool = True, quiet: bool = False) -> None:
    """Speak `lang` ('en', 'ko' or 'ja') from now on, in this notebook and (remembered) in the next sessions.

    A translated lesson's hidden first cell passes remember_choice=False, quiet=True: the page speaks its own
    language without a word, and opening it does not change the language the learner chose for the course.
    """
    code = i18n.set_language(lang)
    if not remember_choice:
        return
    saved = remember(code)
    if quiet:
        return
    name = i18n.LANGUAGE_NAMES[code]
    if saved:
        print(_("The course now speaks {language}. Run a quiz's cell again to see it in this language.").format(
            language=name))
    else:
        print(_("The course now speaks {language} in this session (it could not be remembered for the next one).")
              .format(language=name))


def localizer_for(bank: Bank) -> Localizer:
    """The course bank's texts in the learner's language; another bank's as written (it has no translations)."""
    if not is_course_bank(bank):
        return Localizer(bank)
    return course_localizer(i18n.get_language())


def choose_language() -> LanguageSwitch:
    """Buttons to choose the course's language (remembered), with a link to the lessons in the language chosen."""
    from jkquiz.i18n.switch import language_links
    from jkquiz.widgets.language import LanguageSwitch

    def choose(code: str) -> bool:
        i18n.set_language(code)
        return remember(code)

    return LanguageSwitch(choose, lambda: language_links(Path.cwd()))
