"""A friendly box shown instead of a quiz when the course cannot build one (e.g. a broken bank)."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from jkquiz.i18n import _
from jkquiz.widgets.style import stylesheet


class Notice(w.VBox):
    """A plain-language message in the quiz's frame, with what to do next."""

    def __init__(self, title: str, message: str, advice: str = "") -> None:
        body = f'<div class="jkq-feedback jkq-partial" role="alert"><p class="jkq-verdict"><strong>⚠ {escape(title)}</strong></p>'
        body += f"<p>{escape(message)}</p>" + (f"<p>{escape(advice)}</p>" if advice else "") + "</div>"
        super().__init__([w.HTML(stylesheet()), w.HTML(body)])
        self.add_class("jkquiz")
        self.title, self.message = title, message

    def __repr__(self) -> str:
        return f"<jkquiz notice: {self.title}>"


def bank_problem_notice(problem_count: int, first: str) -> Notice:
    """The notice for a bank that does not load."""
    if problem_count > 1:
        message = _("The course's question bank has a mistake in it: {problem} (and {count} more).").format(
            problem=first, count=problem_count - 1)
    else:
        message = _("The course's question bank has a mistake in it: {problem}.").format(problem=first)
    return Notice(
        _("This quiz cannot be shown right now"),
        message,
        _("Your progress is safe. Please tell your instructor; they can run `jkquiz validate` to see every problem."),
    )
