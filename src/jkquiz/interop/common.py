"""What every exporter shares: choosing questions, feedback text, accepted spellings, Moodle grades, notes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlparse

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase
from jkquiz.engine.select import check_topics
from jkquiz.errors import JkquizError
from jkquiz.types.export import (
    MOODLE_FRACTIONS,
    Notes,
    accepted_spellings,
    moodle_fraction,
    multiple_grades,
    percent,
    position_label,
    strip_accents,
)

__all__ = [
    "CATEGORY_ROOT", "MOODLE_FRACTIONS", "ExportError", "ExportResult", "Notes", "accepted_spellings", "by_topic",
    "category_path", "choose_questions", "explanation_html", "feedback_html", "feedback_lines", "moodle_fraction",
    "multiple_grades", "percent", "position_label", "safe_link", "sources_html", "sources_of", "strip_accents",
]

CATEGORY_ROOT = "$course$/jkquiz"


class ExportError(JkquizError):
    """An export cannot be written as asked."""


@dataclass
class ExportResult:
    """What an exporter produced: one file's bytes (or one page per topic), how many questions, and notes."""

    data: bytes = b""
    count: int = 0
    warnings: list[str] = field(default_factory=list)
    pages: dict[str, bytes] = field(default_factory=dict)  # html: file name -> page


def choose_questions(bank: Bank, topics: Iterable[str] | None = None, *, authored_only: bool = False) -> list[QuestionBase]:
    """The questions to export, in bank order: of the given topics (all when None), generated ones too unless told."""
    names = check_topics(bank, topics) if topics else None
    return bank.questions_for(names, generated=not authored_only)


def by_topic(questions: Iterable[QuestionBase]) -> dict[str, list[QuestionBase]]:
    """Questions grouped by topic, topics in first-seen order."""
    groups: dict[str, list[QuestionBase]] = {}
    for q in questions:
        groups.setdefault(q.topic, []).append(q)
    return groups


def feedback_lines(bank: Bank, q: QuestionBase) -> list[str]:
    """The explanation, each government's position on contested facts, and the sources, as plain lines."""
    lines = [q.explanation]
    for fact in bank.facts_of(q):
        if fact.contested and fact.perspectives is not None:
            lines.append(f"Japan's government: {fact.perspectives.japan or ''}")
            lines.append(f"South Korea's government: {fact.perspectives.korea or ''}")
    for source in sources_of(bank, q):
        title, url, quote = source
        lines.append(f"Source: {title}: “{quote}”" + (f" ({url})" if url else ""))
    return lines


def sources_of(bank: Bank, q: QuestionBase) -> list[tuple[str, str | None, str]]:
    """(title, url, quote) of every source behind a question, without repeats."""
    seen: dict[tuple[str, str | None, str], None] = {}
    for fact in bank.facts_of(q):
        for s in fact.sources:
            seen.setdefault((s.title, s.url, s.quote), None)
    return list(seen)


def safe_link(url: str | None, text: str) -> str:
    """An escaped link, only for http(s) addresses; otherwise the escaped text."""
    if url and urlparse(url).scheme in ("http", "https"):
        return f'<a href="{escape(url, quote=True)}">{escape(text)}</a>'
    return escape(text)


def explanation_html(bank: Bank, q: QuestionBase) -> str:
    """The explanation and each government's position on contested facts, as escaped HTML."""
    parts = [f"<p>{escape(q.explanation)}</p>"]
    for fact in bank.facts_of(q):
        if fact.contested and fact.perspectives is not None:
            parts.append(f"<p><strong>Japan's government:</strong> {escape(fact.perspectives.japan or '')}<br>"
                         f"<strong>South Korea's government:</strong> {escape(fact.perspectives.korea or '')}</p>")
    return "".join(parts)


def sources_html(bank: Bank, q: QuestionBase) -> str:
    """The sources as an escaped HTML list; links only for http(s) addresses."""
    sources = sources_of(bank, q)
    if not sources:
        return ""
    items = "".join(f"<li>{safe_link(url, title)}: “{escape(quote)}”</li>" for title, url, quote in sources)
    return f"<p><strong>Source{'s' * (len(sources) > 1)}</strong></p><ul>{items}</ul>"


def feedback_html(bank: Bank, q: QuestionBase) -> str:
    """Explanation, positions and sources as one escaped HTML block."""
    return explanation_html(bank, q) + sources_html(bank, q)


def category_path(topic_id: str) -> str:
    """The Moodle question category of a topic."""
    return f"{CATEGORY_ROOT}/{topic_id}"
