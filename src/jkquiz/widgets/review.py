"""ReviewView: the review quiz (a QuizView of due questions), or a message saying when the next review is due."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from jkquiz.engine import QuizSession
from jkquiz.i18n import _
from jkquiz.widgets.quiz import QuizView
from jkquiz.widgets.style import stylesheet


def warning_html(warning: str) -> str:
    """A progress-store warning as a notice (empty when there is none)."""
    return f'<p class="jkq-note" role="alert">⚠ {escape(warning)}</p>' if warning else ""


class ReviewView(w.VBox):
    """Questions due for review as a quiz, or a message when none is due."""

    def __init__(self, session: QuizSession | None, message: str = "", *, warning: str = "") -> None:
        super().__init__()
        self.message, self.warning = message, warning
        self.quiz = QuizView(session) if session is not None else None
        self.notice = w.HTML(warning_html(warning))
        if self.quiz is not None:
            self.children = [self.notice, self.quiz] if warning else [self.quiz]
        else:
            self.add_class("jkquiz")
            title = escape(_("Review"))
            body = w.HTML(f'<p class="jkq-head"><span class="jkq-title">{title}</span></p>'
                          f'<p class="jkq-prompt" role="status">{escape(message)}</p>')
            self.children = [w.HTML(stylesheet()), self.notice, body] if warning else [w.HTML(stylesheet()), body]

    def __repr__(self) -> str:
        """A stable text form (notebook outputs are compared run to run)."""
        if self.quiz is None:
            return f"<jkquiz review: {self.message}>"
        return f"<jkquiz review: {len(self.quiz.session.items)} question(s) due>"
