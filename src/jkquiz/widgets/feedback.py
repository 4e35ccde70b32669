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
    """The feedback panel: verdict label, the right answer, why, both sides, sources."""
    css, label = LABELS[feedback.status]
    message = f" {escape(feedback.verdict.message)}" if feedback.verdict.message else ""
    parts = [f'<div class="jkq-feedback {css}" role="status"><p class="jkq-verdict"><strong>{label}</strong>{message}</p>']
    if feedback.status == "invalid":
        return parts[0] + "</div>"
    if feedback.status != "correct" or feedback.verdict.message:
        parts.append(f"<p><strong>Answer:</strong> {escape(feedback.answer)}</p>")
    parts.extend(f"<p>{escape(note)}</p>" for note in feedback.choice_notes)
    parts.append(f"<p>{escape(feedback.explanation)}</p>")
    for side in feedback.perspectives:
        parts.append(
            '<div class="jkq-sides">'
            f'<div class="jkq-side"><strong>Japan\'s government</strong><br>{escape(side.japan)}</div>'
            f'<div class="jkq-side"><strong>South Korea\'s government</strong><br>{escape(side.korea)}</div>'
            "</div>"
        )
    if feedback.sources:
        items = "".join(f"<li>{safe_link(s.url, s.title)}: “{escape(s.quote)}”</li>" for s in feedback.sources)
        parts.append(f'<p><strong>Source{"s" * (len(feedback.sources) > 1)}</strong></p><ul class="jkq-sources">{items}</ul>')
    if feedback.repeated:
        parts.append('<p class="jkq-warning">You already answered this question; this is your first answer.</p>')
    if feedback.warning:
        parts.append(f'<p class="jkq-warning">⚠ {escape(feedback.warning)}</p>')
    parts.append("</div>")
    return "".join(parts)


def results_html(session: QuizSession) -> str:
    """The final score and one line per question."""
    s = session.summary()
    rows = []
    for number, item in enumerate(session.items, 1):
        if item.feedback is None:
            mark = "– skipped"
        else:
            mark = LABELS[item.feedback.status][1].rstrip(".")
        rows.append(f"<tr><td>{number}.</td><td>{escape(mark)}</td><td>{escape(item.question.prompt)}</td></tr>")
    points = f"{s.points:g}"
    return (
        f'<p class="jkq-score">You scored {points} of {s.total} ({s.percent}%)</p>'
        f"<p>{s.correct} correct, {s.partial} partly right, {s.wrong} wrong, {s.skipped} skipped.</p>"
        f'<table class="jkq-results"><caption class="jkq-head">Your answers</caption>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
