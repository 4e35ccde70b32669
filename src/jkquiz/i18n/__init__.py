"""The interface in English, Korean and Japanese: gettext catalogs (Babel), the chosen language, dates and numbers.

    from jkquiz.i18n import N_, _
    CHECK = N_("Check")          # a constant stays English at import (N_ only marks it for extraction) ...
    button.description = _(CHECK)  # ... and is translated when shown, in the language chosen then

Messages are English in the code; translations live in locale/<lang>/LC_MESSAGES/jkquiz.po (extract with
`pybabel extract -F babel.cfg`, see README). The language: set_language(), else $JKQUIZ_LANG, else the
learner's remembered choice (the progress store tells remember_language() when it opens), else English.
This is the lowest layer: it imports nothing of jkquiz's except its own modules.
"""

from __future__ import annotations

from typing import Any

from jkquiz.i18n.catalogs import translations
from jkquiz.i18n.formats import format_date, format_datetime, format_number, format_percent, format_time
from jkquiz.i18n.language import (
    LANGUAGE_NAMES, LANGUAGES, LOCALES, LanguageError, choices, get_language, normalize_language, remember_language,
    set_language, speaking,
)

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "LOCALES", "LanguageError", "N_", "_", "choices", "format_date",
           "format_datetime", "format_number", "format_percent", "format_time", "forget_catalogs", "get_language", "gettext",
           "install_jinja", "ngettext", "normalize_language", "remember_language", "set_language", "speaking"]


def N_(message: str) -> str:
    """Mark `message` for the catalogs without translating it now (module constants); show it with _()."""
    return message


def gettext(message: str) -> str:
    """`message` in the current language (itself when it has no translation)."""
    return translations(get_language()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the current language (Korean and Japanese have one form)."""
    return translations(get_language()).ngettext(singular, plural, n)


def forget_catalogs() -> None:
    """Read the catalogs afresh on next use (after a .po file changed, in tests)."""
    translations.cache_clear()


def install_jinja(environment: Any) -> None:
    """Give a Jinja2 environment `{% trans %}` and `_()` in the language current when a page is rendered."""
    environment.add_extension("jinja2.ext.i18n")
    environment.install_gettext_callables(gettext, ngettext, newstyle=True)
