"""What every exporter shares: choosing questions, feedback text, accepted spellings, Moodle grades, notes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlparse

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase
from jkquiz.engine.explain import explain
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
    about = explain(bank, q)
    lines = [about.explanation]
    for side in about.perspectives:
        lines.append(f"Japan's government: {side.japan}")
        lines.append(f"South Korea's government: {side.korea}")
    for s in about.sources:
        lines.append(f"Source: {s.title}: “{s.quote}”" + (f" ({s.url})" if s.url else ""))
    return lines


def sources_of(bank: Bank, q: QuestionBase) -> list[tuple[str, str | None, str]]:
    """(title, url, quote) of every source behind a question, without repeats."""
    return [(s.title, s.url, s.quote) for s in explain(bank, q).sources]


def safe_link(url: str | None, text: str) -> str:
    """An escaped link, only for http(s) addresses; otherwise the escaped text."""
    if url and urlparse(url).scheme in ("http", "https"):
        return f'<a href="{escape(url, quote=True)}">{escape(text)}</a>'
    return escape(text)


def explanation_html(bank: Bank, q: QuestionBase) -> str:
    """The explanation and each government's position on contested facts, as escaped HTML."""
    about = explain(bank, q)
    parts = [f"<p>{escape(about.explanation)}</p>"]
    for side in about.perspectives:
        parts.append(f"<p><strong>Japan's government:</strong> {escape(side.japan)}<br>"
                     f"<strong>South Korea's government:</strong> {escape(side.korea)}</p>")
    return "".join(parts)


def sources_html(bank: Bank, q: QuestionBase) -> str:
    """The sources as an escaped HTML list; links only for http(s) addresses."""
    sources = explain(bank, q).sources
    if not sources:
        return ""
    items = "".join(f"<li>{safe_link(s.url, s.title)}: “{escape(s.quote)}”</li>" for s in sources)
    return f"<p><strong>Source{'s' * (len(sources) > 1)}</strong></p><ul>{items}</ul>"


def feedback_html(bank: Bank, q: QuestionBase) -> str:
    """Explanation, positions and sources as one escaped HTML block."""
    return explanation_html(bank, q) + sources_html(bank, q)


def category_path(topic_id: str) -> str:
    """The Moodle question category of a topic."""
    return f"{CATEGORY_ROOT}/{topic_id}"
