"""Dates and numbers as the learner's language writes them (Babel's CLDR data: ko_KR, ja_JP, en)."""

from __future__ import annotations

from datetime import date, datetime

from jkquiz.i18n.language import LOCALES, get_language

__all__ = ["format_date", "format_datetime", "format_number", "format_percent", "format_time"]

SKELETONS = {"weekday": "yMMMEd"}  # named CLDR skeletons: 'Wed, Dec 2, 2026', '2026년 12월 2일 (수)', '2026年12月2日(水)'


def _locale(lang: str | None) -> str:
    return LOCALES.get(lang or get_language(), "en")


def format_date(value: date | datetime, format: str = "medium", *, lang: str | None = None) -> str:
    """A date as the language writes it: 'Dec 4, 2026', '2026. 12. 4.', '2026/12/04' (format: short, medium, long,
    full, or 'weekday': the date with its day of the week)."""
    try:
        from babel.dates import format_date as babel_date, format_skeleton
    except ImportError:  # no Babel (a browser): the ISO form every language reads
        return value.strftime("%Y-%m-%d")
    day = value.date() if isinstance(value, datetime) else value
    if format in SKELETONS:
        return format_skeleton(SKELETONS[format], datetime(day.year, day.month, day.day), locale=_locale(lang))
    return babel_date(day, format=format, locale=_locale(lang))


def format_time(value: datetime, *, lang: str | None = None) -> str:
    """A time of day as the language writes it (short: '2:05 PM', '오후 2:05', '14:05'), in `value`'s own zone."""
    try:
        from babel.dates import format_time as babel_time
    except ImportError:
        return value.strftime("%H:%M")
    return babel_time(value, format="short", tzinfo=value.tzinfo, locale=_locale(lang))


def format_datetime(value: datetime, format: str = "medium", *, lang: str | None = None) -> str:
    """A moment as the language writes it, in the time zone `value` carries."""
    try:
        from babel.dates import format_datetime as babel_datetime
    except ImportError:
        return value.strftime("%Y-%m-%d %H:%M")
    return babel_datetime(value, format=format, tzinfo=value.tzinfo, locale=_locale(lang))


def format_number(value: float, *, lang: str | None = None) -> str:
    """A number with the language's separators: 12,345 or 1.5; whole floats without '.0'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        from babel.numbers import format_decimal
    except ImportError:
        return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"
    return format_decimal(value, locale=_locale(lang))


def format_percent(value: float, *, lang: str | None = None) -> str:
    """A share (0.75) as the language writes a percentage: '75%'."""
    try:
        from babel.numbers import format_percent as babel_percent
    except ImportError:
        return f"{value:.0%}"
    return babel_percent(value, locale=_locale(lang))
