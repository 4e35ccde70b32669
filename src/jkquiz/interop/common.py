"""What every exporter shares: choosing questions, feedback text, accepted spellings, Moodle grades, notes."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from html import escape
from urllib.parse import urlparse

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase, TextQuestion
from jkquiz.engine.select import check_topics
from jkquiz.errors import JkquizError

# Grades Moodle accepts for an answer (question_bank::fraction_options_full); an import
# with any other grade fails unless the teacher picks "nearest grade".
MOODLE_FRACTIONS = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25,
                    0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)
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


class Notes:
    """What a format cannot express, grouped by reason, each with the questions concerned."""

    def __init__(self, format_name: str) -> None:
        self.format_name = format_name
        self._ids: dict[str, list[str]] = {}
        self._general: list[str] = []

    def add(self, reason: str, qid: str) -> None:
        """Record that question `qid` loses something in this format, and why."""
        ids = self._ids.setdefault(reason, [])
        if qid not in ids:
            ids.append(qid)

    def general(self, reason: str) -> None:
        """Record something the format loses for every question."""
        if reason not in self._general:
            self._general.append(reason)

    def lines(self) -> list[str]:
        """One line per reason: what is lost, and in which questions (the first few named)."""
        out = [f"{self.format_name}: {reason}" for reason in self._general]
        for reason, ids in self._ids.items():
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            out.append(f"{self.format_name}: {reason} — {len(ids)} question{'s' * (len(ids) != 1)} ({shown})")
        return out


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


def strip_accents(text: str) -> str:
    """'Eisaku Satō' -> 'Eisaku Sato': Latin diacritics dropped, other scripts kept (as the grader folds them)."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.category(char) == "Mn" and kept and ord(kept[-1]) < 0x0370:
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def accepted_spellings(q: TextQuestion) -> list[str]:
    """Every spelling an exact-match tool should accept: answer, alternates, and their accent-free forms."""
    spellings: list[str] = []
    for text in [q.answer, *q.alternates]:
        for variant in (text, strip_accents(text)):
            if variant not in spellings:
                spellings.append(variant)
    return spellings


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


def moodle_fraction(share: float) -> tuple[float, bool]:
    """The Moodle grade nearest to `share` (-1..1), and whether it is exact."""
    sign = -1.0 if share < 0 else 1.0
    best = min(MOODLE_FRACTIONS, key=lambda f: abs(f - abs(share)))
    return sign * best, abs(best - abs(share)) < 1e-5


def multiple_grades(q: Any, notes: Any) -> dict[str, float]:
    """Moodle's grade for each choice of a multiple question: right picks share +100%, wrong ones -100%
    (as the grader scores); a note when Moodle's grade list forces rounding."""
    right = [c for c in q.choices if c in q.answers]
    wrong = [c for c in q.choices if c not in q.answers]
    plus, exact_plus = moodle_fraction(1 / len(right))
    minus, exact_minus = moodle_fraction(-1 / len(wrong)) if wrong else (0.0, True)
    if not (exact_plus and exact_minus):
        notes.add("partial credit rounded to the nearest grade Moodle allows", q.id)
    return {c: plus if c in right else minus for c in q.choices}


def percent(fraction: float) -> str:
    """A Moodle grade as the percentage text Moodle writes: 1 -> '100', 1/3 -> '33.33333'."""
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def position_label(index: int) -> str:
    """The left-hand label of an order question exported as matching: position -> item."""
    return f"Position {index + 1}"


def category_path(topic_id: str) -> str:
    """The Moodle question category of a topic."""
    return f"{CATEGORY_ROOT}/{topic_id}"
