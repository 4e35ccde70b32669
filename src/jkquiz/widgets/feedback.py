"""Feedback, notes and results as HTML: every text from the bank is escaped here."""

from __future__ import annotations

from html import escape
from urllib.parse import urlparse

from jkquiz.engine import Feedback, QuizSession

LABELS = {
    "correct": ("jkq-correct", "✔ Correct."),
    "partial": ("jkq-partial", "◐ Partly right."),
    "wrong": ("jkq-wrong", "✘ Not quite."),
    "invalid": ("jkq-invalid", "ℹ Not checked yet."),
}


def safe_link(url: str | None, text: str) -> str:
    """An escaped link, only for http(s) addresses; otherwise the escaped text."""
    if url and urlparse(url).scheme in ("http", "https"):
        return f'<a href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{escape(text)}</a>'
    return escape(text)


def feedback_html(feedback: Feedback) -> str:
    """The whole feedback as one piece of HTML (the verdict, then the rest)."""
    head, rest = feedback_parts(feedback)
    return head + rest


def feedback_parts(feedback: Feedback) -> tuple[str, str]:
    """The feedback in two parts, so the quiz can put its "Next question" control between them:
    the verdict with the right answer (focused after Check, and announced), and the why, both sides, sources."""
    _css, label = LABELS[feedback.status]
    message = f" {escape(feedback.verdict.message)}" if feedback.verdict.message else ""
    head = [f'<p class="jkq-verdict"><strong>{label}</strong>{message}</p>']
    if feedback.status == "invalid":
        return _verdict_block(head), ""
    if feedback.status != "correct" or feedback.verdict.message:
        yours = f"<strong>Your answer:</strong> {escape(feedback.response)} · " if feedback.response else ""
        head.append(f"<p>{yours}<strong>Right answer:</strong> {escape(feedback.answer)}</p>")
    parts = [f"<p>{escape(note)}</p>" for note in feedback.choice_notes]
    parts.append(f"<p>{escape(feedback.explanation)}</p>")
    for side in feedback.perspectives:
        parts.append(
            '<div class="jkq-sides">'
            f'<div class="jkq-side"><strong>Japan\'s government</strong><br>{escape(side.japan)}</div>'
            f'<div class="jkq-side"><strong>South Korea\'s government</strong><br>{escape(side.korea)}</div>'
            "</div>"
        )
    if feedback.sources:
        parts.append(sources_html(feedback))
    if feedback.repeated:
        parts.append('<p class="jkq-warning">You already answered this question; this is your first answer.</p>')
    if feedback.warning:
        parts.append(f'<p class="jkq-warning">⚠ {escape(feedback.warning)}</p>')
    return _verdict_block(head), f'<div class="jkq-details">{"".join(parts)}</div>'


def _verdict_block(head: list[str]) -> str:
    # tabindex -1: the quiz moves the focus here after Check (not a Tab stop); role=status: announced when it changes
    return f'<div class="jkq-feedback-focus" role="status" aria-live="polite" tabindex="-1">{"".join(head)}</div>'


def sources_html(feedback: Feedback) -> str:
    """Sources grouped by title, each with the quotes that support the answer."""
    grouped: dict[tuple[str, str | None], list[str]] = {}
    for source in feedback.sources:
        quotes = grouped.setdefault((source.title, source.url), [])
        if any(source.quote in q for q in quotes):
            continue  # a longer quote from the same source already says it
        quotes[:] = [q for q in quotes if q not in source.quote] + [source.quote]
    items = "".join(
        f"<li>{safe_link(url, title)}: " + " … ".join(f"“{escape(q)}”" for q in quotes) + "</li>"
        for (title, url), quotes in grouped.items()
    )
    return f'<p><strong>Source{"s" * (len(grouped) > 1)}</strong></p><ul class="jkq-sources">{items}</ul>'


def progress_html(title: str, label: str, total: int, answered: int, points: float) -> str:
    """'Title · Question 3 of 5 · 2 answered, score 1.5' over a native progress bar (a progressbar to assistive tech)."""
    name = f'<span class="jkq-title">{escape(title)}</span> · ' if title else ""
    score = f", score {points:g}" if answered else ""
    return (
        f'<div class="jkq-head">{name}{escape(label)} · {answered} answered{score}</div>'
        f'<progress class="jkq-progress" value="{answered}" max="{total}" aria-label="{answered} of {total} answered"></progress>'
    )


def results_html(session: QuizSession) -> str:
    """The final score and one line per question."""
    s = session.summary()
    rows = []
    for number, item in enumerate(session.items, 1):
        if item.feedback is None:
            mark = "– skipped"
        else:
            mark = LABELS[item.feedback.status][1].rstrip(".")
        rows.append(f"<tr><td>{number}.</td><td>{escape(mark)}</td><td>{escape(item.text.prompt)}</td></tr>")
    points = f"{s.points:g}"
    return (
        f'<p class="jkq-score" tabindex="-1">You scored {points} of {s.total} ({s.percent}%)</p>'
        f"<p>{s.correct} correct, {s.partial} partly right, {s.wrong} wrong, {s.skipped} skipped.</p>"
        f'<table class="jkq-results"><caption class="jkq-head">Your answers</caption>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
