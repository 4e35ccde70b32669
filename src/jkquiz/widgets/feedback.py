"""Feedback, notes and results as HTML: every text from the bank is escaped here."""

from __future__ import annotations

from html import escape
from urllib.parse import urlparse

from jkquiz.engine import Feedback, QuizSession
from jkquiz.i18n import N_, _, format_number

LABELS = {  # the verdict words: translated when shown (_(LABELS[status][1]))
    "correct": ("jkq-correct", N_("✔ Correct.")),
    "partial": ("jkq-partial", N_("◐ Partly right.")),
    "wrong": ("jkq-wrong", N_("✘ Not quite.")),
    "invalid": ("jkq-invalid", N_("ℹ Not checked yet.")),
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
    head = [f'<p class="jkq-verdict"><strong>{_(label)}</strong>{message}</p>']
    if feedback.status == "invalid":
        return _verdict_block(head), ""
    if feedback.status != "correct" or feedback.verdict.message:
        your, right = _("Your answer:"), _("Right answer:")
        yours = f"<strong>{your}</strong> {escape(feedback.response)} · " if feedback.response else ""
        head.append(f"<p>{yours}<strong>{right}</strong> {escape(feedback.answer)}</p>")
    parts = [f"<p>{escape(note)}</p>" for note in feedback.choice_notes]
    parts.append(f"<p>{escape(feedback.explanation)}</p>")
    japan, korea = _("Japan's government"), _("South Korea's government")
    for side in feedback.perspectives:
        parts.append(
            '<div class="jkq-sides">'
            f'<div class="jkq-side"><strong>{japan}</strong><br>{escape(side.japan)}</div>'
            f'<div class="jkq-side"><strong>{korea}</strong><br>{escape(side.korea)}</div>'
            "</div>"
        )
    if feedback.sources:
        parts.append(sources_html(feedback))
    if feedback.repeated:
        repeated = _("You already answered this question; this is your first answer.")
        parts.append(f'<p class="jkq-warning">{repeated}</p>')
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
    heading = _("Sources") if len(grouped) > 1 else _("Source")
    return f'<p><strong>{heading}</strong></p><ul class="jkq-sources">{items}</ul>'


def progress_html(title: str, label: str, total: int, answered: int, points: float) -> str:
    """'Title · Question 3 of 5 · 2 answered, score 1.5' over a native progress bar (a progressbar to assistive tech)."""
    name = f'<span class="jkq-title">{escape(title)}</span> · ' if title else ""
    done = (_("{answered} answered, score {points}").format(answered=answered, points=format_number(points))
            if answered else _("{answered} answered").format(answered=answered))
    of = _("{answered} of {total} answered").format(answered=answered, total=total)
    return (
        f'<div class="jkq-head">{name}{escape(label)} · {escape(done)}</div>'
        f'<progress class="jkq-progress" value="{answered}" max="{total}" aria-label="{escape(of, quote=True)}"></progress>'
    )


def results_html(session: QuizSession) -> str:
    """The final score and one line per question."""
    s = session.summary()
    rows = []
    for number, item in enumerate(session.items, 1):
        if item.feedback is None:
            mark = _("– skipped")
        else:
            mark = _(LABELS[item.feedback.status][1]).rstrip(".。")
        rows.append(f"<tr><td>{number}.</td><td>{escape(mark)}</td><td>{escape(item.text.prompt)}</td></tr>")
    score = _("You scored {points} of {total} ({percent}%)").format(
        points=format_number(s.points), total=format_number(s.total), percent=s.percent)
    counts = _("{correct} correct, {partial} partly right, {wrong} wrong, {skipped} skipped.").format(
        correct=s.correct, partial=s.partial, wrong=s.wrong, skipped=s.skipped)
    return (
        f'<p class="jkq-score" tabindex="-1">{escape(score)}</p>'
        f"<p>{escape(counts)}</p>"
        '<table class="jkq-results"><caption class="jkq-head">' + escape(_("Your answers")) + "</caption>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
