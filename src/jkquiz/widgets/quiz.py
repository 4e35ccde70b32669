"""QuizView: renders a QuizSession and forwards the learner's input to it; no grading here."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from jkquiz.engine import Feedback, QuizSession
from jkquiz.i18n import _, ngettext
from jkquiz.widgets.feedback import LABELS, feedback_parts, progress_html, results_html
from jkquiz.widgets.inputs import Renderer, render_input
from jkquiz.widgets.keys import Keys
from jkquiz.widgets.style import stylesheet
from jkquiz.types import get_type


class FeedbackBox(w.VBox):
    """The feedback: the verdict (focused after Check), the "Next question" control, then the why and sources."""

    def __init__(self, verdict: w.HTML, nav: w.Box, details: w.HTML) -> None:
        super().__init__([verdict, nav, details])
        self.add_class("jkq-feedback")
        self.verdict, self.details = verdict, details

    @property
    def value(self) -> str:
        """The feedback's HTML, verdict and details together (what the learner reads)."""
        return self.verdict.value + self.details.value


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
        self.area.add_class("jkq-area")
        # the feedback: verdict (focused after Check), "Next question", then the why and the sources
        self.verdict, self.details = w.HTML(), w.HTML()
        self.next_question_button = w.Button(description=_("Next question"), button_style="primary",
                                             tooltip=_("Go to the next question"))
        self.next_question_button.on_click(lambda _b: self.next_question())
        self.nav = w.HBox([self.next_question_button])
        self.nav.add_class("jkq-actions")
        self.feedback = FeedbackBox(self.verdict, self.nav, self.details)
        self.keyboard = Keys()
        self.check_button = w.Button(description=_("Check"), button_style="primary", tooltip=_("Check your answer"))
        self.next_button = w.Button(description=_("Skip"), tooltip=_("Go to the next question"))
        self.try_again_button = w.Button(description=_("Try again"), tooltip=_("Answer this question once more"))
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
            return _("Run this cell (Shift+Enter) to see the question.")
        count = len(self.session.items)
        if self.session.title:
            return ngettext("Run this cell (Shift+Enter) to see the quiz “{title}” ({count} question).",
                            "Run this cell (Shift+Enter) to see the quiz “{title}” ({count} questions).",
                            count).format(title=self.session.title, count=count)
        return ngettext("Run this cell (Shift+Enter) to see the quiz ({count} question).",
                        "Run this cell (Shift+Enter) to see the quiz ({count} questions).", count).format(count=count)

    # --- what a learner does -------------------------------------------------------------
    def check(self) -> Feedback | None:
        """Grade the current input (the Check button, or Enter in a text box)."""
        if self.session.finished or self.renderer is None:
            return None
        item = self.session.current
        result = self.session.submit(item.question.id, self.renderer.response())
        self._show_feedback(result)
        if result.status != "invalid":
            self.renderer.lock()
            self.renderer.mark(result.verdict)
            self.check_button.disabled = True
            self._label_next()
            self._update_head()
            if self.single and result.status != "correct":  # a quick check: learn it now, not at the end
                self.buttons.children = (self.check_button, self.try_again_button)
            elif not self.single:
                self.buttons.children = (self.check_button,)  # "Next question" is in the feedback now
            self.keyboard.to_feedback()  # Check is disabled now: the focus would fall to the page
        return result

    def next_question(self) -> None:
        """The feedback's "Next question": the quiz's next item, or (a quick check) the next quiz on the page."""
        if self.single:
            self.keyboard.to_next_quiz()
        else:
            self.next()

    def try_again(self) -> None:
        """A quick check answered wrongly: the same question once more (the first answer stays recorded)."""
        self.session = self.session.retry_missed()
        self.buttons.children = (self.check_button,)
        self._show_question()
        self.keyboard.to_first_control()

    def next(self) -> None:
        """Go on (skipping an unanswered question); after the last, show the score."""
        self.session.advance()
        if self.session.finished:
            self._show_results()
            self.keyboard.to_results()
        else:
            self._show_question()
            self.keyboard.to_first_control()

    def review_missed(self) -> None:
        """Start a new round of only the questions missed."""
        self.session = self.session.retry_missed()
        self._show_question()
        self.keyboard.to_first_control()

    def restart(self) -> None:
        """Start a freshly drawn quiz."""
        if self.new_session is not None:
            self.session = self.new_session()
            self._show_question()
            self.keyboard.to_first_control()

    # --- rendering ---------------------------------------------------------------------------
    def _show_question(self) -> None:
        item = self.session.current
        self.renderer = render_input(item, self.check)
        self.note.value = f'<p class="jkq-note">{escape(self.session.note)}</p>' if self.session.note else ""
        hint = get_type(item.question.type).hint
        hint_html = f'<p class="jkq-hint">{escape(_(hint))}</p>' if hint else ""
        untranslated = self.session.localizer.untranslated_note if not item.text.translated else ""
        note = f'<p class="jkq-note jkq-untranslated">{escape(untranslated)}</p>' if untranslated else ""
        self.prompt.value = f'{note}<p class="jkq-prompt">{escape(item.text.prompt)}</p>{hint_html}'
        self.area.children = (self.renderer.widget,)
        self._show_feedback(None)
        self.check_button.disabled = False
        if not self.single:
            self.buttons.children = (self.check_button, self.next_button)
        self._label_next()
        self._update_head()
        header = [self.head]
        self.children = [self.style_html, *header, self.note, self.prompt, self.area, self.buttons, self.feedback,
                         self.keyboard]

    def _show_feedback(self, result: Feedback | None) -> None:
        """The feedback box for `result` (hidden when None); its "Next question" only once the answer counts."""
        for css, _label in LABELS.values():
            self.feedback.remove_class(css)
        if result is None:
            self.verdict.value = self.details.value = ""
            self.feedback.layout.display = "none"
            return
        self.feedback.add_class(LABELS[result.status][0])
        self.verdict.value, self.details.value = feedback_parts(result)
        self.nav.layout.display = "none" if result.status == "invalid" else "flex"
        self.feedback.layout.display = "flex"  # explicit: a null display is not undone in every front end (JupyterLite)

    def _label_next(self) -> None:
        last = self.session.index == len(self.session.items) - 1
        self.next_button.description = _("Skip")
        self.next_button.tooltip = _("Skip this question (it counts as missed)")
        if not self.single:
            self.next_question_button.description = _("See results") if last else _("Next question")
            self.next_question_button.tooltip = _("See your score") if last else _("Go to the next question")

    def _update_head(self) -> None:
        s = self.session
        if self.single:
            self.head.value = f'<div class="jkq-head"><span class="jkq-title">{escape(s.title)}</span></div>'
            return
        summary = s.summary()
        done = summary.correct + summary.partial + summary.wrong
        label = _("Question {number} of {count}").format(number=min(s.index + 1, len(s.items)), count=len(s.items))
        self.head.value = progress_html(s.title, label, len(s.items), done, summary.points)

    def _show_results(self) -> None:
        self.renderer = None
        missed = self.session.missed()
        self.review_button = review = w.Button(
            description=_("Review missed questions ({count})").format(count=len(missed)), button_style="warning",
            disabled=not missed, tooltip=_("Answer again only the questions you missed"))
        review.on_click(lambda _b: self.review_missed())
        actions = [review]
        if self.new_session is not None:
            again = w.Button(description=_("New quiz"), tooltip=_("Draw a new set of questions"))
            again.on_click(lambda _b: self.restart())
            actions.append(again)
        s = self.session
        summary = s.summary()
        done = summary.correct + summary.partial + summary.wrong
        self.head.value = progress_html(s.title, _("Results"), len(s.items), done, summary.points)
        self.results = w.HTML(results_html(s))
        self.children = [self.style_html, self.head, self.results, w.HBox(actions), self.keyboard]
