"""QuizView: renders a QuizSession and forwards the learner's input to it; no grading here."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from jkquiz.engine import Feedback, QuizSession
from jkquiz.widgets.feedback import feedback_html, progress_html, results_html
from jkquiz.widgets.inputs import Renderer, render_input
from jkquiz.widgets.style import stylesheet
from jkquiz.types import get_type


class QuizView(w.VBox):
    """A quiz: progress, the question, its input, Check, feedback, Next; then the score."""

    def __init__(self, session: QuizSession, *, single: bool = False,
                 new_session: Callable[[], QuizSession] | None = None) -> None:
        super().__init__()
        self.add_class("jkquiz")
        self.session, self.single, self.new_session = session, single, new_session
        self.style_html = w.HTML(stylesheet())
        self.head = w.HTML()
        self.note = w.HTML()
        self.prompt = w.HTML()
        self.area = w.Box(layout=w.Layout(width="100%"))
        self.feedback = w.HTML()
        self.check_button = w.Button(description="Check", button_style="primary", tooltip="Check your answer")
        self.next_button = w.Button(description="Skip", tooltip="Go to the next question")
        self.try_again_button = w.Button(description="Try again", tooltip="Answer this question once more")
        self.check_button.on_click(lambda _b: self.check())
        self.next_button.on_click(lambda _b: self.next())
        self.try_again_button.on_click(lambda _b: self.try_again())
        self.buttons = w.HBox([self.check_button] + ([] if single else [self.next_button]))
        self.buttons.add_class("jkq-actions")
        self.renderer: Renderer | None = None
        self._show_question()

    def __repr__(self) -> str:
        """What a notebook shows where the widget is not running yet (a stored output, a page without a kernel):
        how to bring it up. Stable text, so notebook outputs compare run to run (widget ids do not)."""
        if self.single:
            return "Run this cell (Shift+Enter) to see the question."
        count = len(self.session.items)
        title = f" “{self.session.title}”" if self.session.title else ""
        return f"Run this cell (Shift+Enter) to see the quiz{title} ({count} question{'s' * (count != 1)})."

    # --- what a learner does -------------------------------------------------------------
    def check(self) -> Feedback | None:
        """Grade the current input (the Check button, or Enter in a text box)."""
        if self.session.finished or self.renderer is None:
            return None
        item = self.session.current
        result = self.session.submit(item.question.id, self.renderer.response())
        self.feedback.value = feedback_html(result)
        if result.status != "invalid":
            self.renderer.lock()
            self.renderer.mark(result.verdict)
            self.check_button.disabled = True
            self._label_next()
            self._update_head()
            if self.single and result.status != "correct":  # a quick check: learn it now, not at the end
                self.buttons.children = (self.check_button, self.try_again_button)
        return result

    def try_again(self) -> None:
        """A quick check answered wrongly: the same question once more (the first answer stays recorded)."""
        self.session = self.session.retry_missed()
        self.buttons.children = (self.check_button,)
        self._show_question()

    def next(self) -> None:
        """Go on (skipping an unanswered question); after the last, show the score."""
        self.session.advance()
        if self.session.finished:
            self._show_results()
        else:
            self._show_question()

    def review_missed(self) -> None:
        """Start a new round of only the questions missed."""
        self.session = self.session.retry_missed()
        self._show_question()

    def restart(self) -> None:
        """Start a freshly drawn quiz."""
        if self.new_session is not None:
            self.session = self.new_session()
            self._show_question()

    # --- rendering ---------------------------------------------------------------------------
    def _show_question(self) -> None:
        item = self.session.current
        self.renderer = render_input(item, self.check)
        self.note.value = f'<p class="jkq-note">{escape(self.session.note)}</p>' if self.session.note else ""
        hint = get_type(item.question.type).hint
        hint_html = f'<p class="jkq-hint">{hint}</p>' if hint else ""
        self.prompt.value = f'<p class="jkq-prompt">{escape(item.question.prompt)}</p>{hint_html}'
        self.area.children = (self.renderer.widget,)
        self.feedback.value = ""
        self.check_button.disabled = False
        self._label_next()
        self._update_head()
        header = [self.head]
        self.children = [self.style_html, *header, self.note, self.prompt, self.area, self.buttons, self.feedback]

    def _label_next(self) -> None:
        answered = self.session.current.feedback is not None
        last = self.session.index == len(self.session.items) - 1
        self.next_button.description = ("See results" if last else "Next →") if answered else "Skip"
        self.next_button.button_style = "primary" if answered else ""
        self.next_button.tooltip = "Go on" if answered else "Skip this question (it counts as missed)"

    def _update_head(self) -> None:
        s = self.session
        if self.single:
            self.head.value = f'<div class="jkq-head"><span class="jkq-title">{escape(s.title)}</span></div>'
            return
        summary = s.summary()
        done = summary.correct + summary.partial + summary.wrong
        label = f"Question {min(s.index + 1, len(s.items))} of {len(s.items)}"
        self.head.value = progress_html(s.title, label, len(s.items), done, summary.points)

    def _show_results(self) -> None:
        self.renderer = None
        missed = self.session.missed()
        self.review_button = review = w.Button(
            description=f"Review missed questions ({len(missed)})", button_style="warning",
            disabled=not missed, tooltip="Answer again only the questions you missed")
        review.on_click(lambda _b: self.review_missed())
        actions = [review]
        if self.new_session is not None:
            again = w.Button(description="New quiz", tooltip="Draw a new set of questions")
            again.on_click(lambda _b: self.restart())
            actions.append(again)
        s = self.session
        summary = s.summary()
        done = summary.correct + summary.partial + summary.wrong
        self.head.value = progress_html(s.title, "Results", len(s.items), done, summary.points)
        self.results = w.HTML(results_html(s))
        self.children = [self.style_html, self.head, self.results, w.HBox(actions)]
