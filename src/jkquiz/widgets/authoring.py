"""The instructor's form: a question (fields per type, a live preview as learners see it) or a fact, saved through `jkquiz add`'s checks."""

from __future__ import annotations

import os
from html import escape
from typing import Any

import ipywidgets as w

from jkquiz.bank import Bank, inspect_bank
from jkquiz.bank.locations import Locations
from jkquiz.bank.edit import (
    EditError,
    UnknownTopicError,
    add_question,
    check_items,
    draft_problems,
    suggest_id,
    tidy,
    validate_item,
)
from jkquiz.engine import QuizSession
from jkquiz.types import TYPES, get_type
from jkquiz.types.fields import form_lines as _lines
from jkquiz.widgets.fact_form import FactForm
from jkquiz.widgets.form_parts import LABEL, FactPicker, area, problems_html, wide
from jkquiz.widgets.quiz import QuizView
from jkquiz.widgets.style import plain_stylesheet

COMMON_CONTROLS = ("topic", "qtype", "prompt", "facts", "explanation", "difficulty", "tags", "qid")


class AuthoringForm(w.VBox):
    """Write a question, see it as a learner will, and save it to its topic's bank file."""

    def __init__(self, bank: str | os.PathLike[str] | None = None) -> None:
        super().__init__(layout=w.Layout(max_width="820px", width="100%"))
        self.add_class("jkq-authoring")
        self.bank_path = bank
        self.reload_bank()
        self._build_fields()
        self.preview = w.Box(layout=wide())
        self.messages = w.HTML()
        self.save_button = w.Button(description="Save to bank", button_style="primary", icon="save",
                                    tooltip="Check the question and add it to the topic's file")
        self.save_button.on_click(lambda _b: self.save())
        for control in self._inputs():
            control.observe(lambda _change: self.refresh(), names="value")
        self.topic.observe(lambda _c: self.topic_changed(), names="value")
        self.qtype.observe(lambda _c: self._show_type_fields(), names="value")
        self.choices.observe(lambda _c: self._choices_changed(), names="value")
        self.topic_changed()
        self._show_type_fields()
        self.question_box = w.VBox([
            self.qtype, self.prompt, self.answer_box, self.facts, self.explanation, self.difficulty, self.tags,
            self.qid, self.messages, w.HTML("<h4>Preview: what learners will see</h4>"), self.preview, self.save_button,
        ], layout=wide())
        self.fact_form = FactForm(self)
        self.what = w.ToggleButtons(description="Add", options=[("A question", "question"), ("A fact", "fact")],
                                    value="question", style=LABEL, layout=w.Layout(width="auto"))
        self.what.observe(lambda _c: self._show_section(), names="value")
        self.heading = w.HTML()
        self._show_section()
        self.refresh()

    def _show_section(self) -> None:
        fact = self.what.value == "fact"
        self.heading.value = "<h3>New fact</h3>" if fact else "<h3>New question</h3>"
        self.children = [w.HTML(plain_stylesheet()), self.heading, self.what, self.topic, self.fact_form if fact else self.question_box]

    def __repr__(self) -> str:
        """A stable text form (notebook outputs are compared run to run)."""
        return f"<jkquiz question form: {len(self.bank.topics)} topics>"

    # --- building ------------------------------------------------------------------------------
    def _build_fields(self) -> None:
        self.topic = w.Dropdown(description="Topic", options=[(t.title, t.id) for t in self.bank.topics.values()],
                                style=LABEL, layout=wide())
        self.qtype = w.Dropdown(description="Type", options=[(t.label, name) for name, t in TYPES.items()],
                                value="single", style=LABEL)
        self.prompt = area("Prompt", "The question as learners read it", 2)
        self.choices = area("Choices", "One choice per line", 4)
        self.answer = w.Dropdown(description="Right choice", options=[], style=LABEL, layout=wide())
        self.answers = w.SelectMultiple(description="Right choices", options=[], style=LABEL, layout=wide())
        self.truth = w.ToggleButtons(description="Answer", options=[("True", True), ("False", False)], style=LABEL)
        self.number = w.Text(description="Answer", placeholder="1965", style=LABEL, continuous_update=False)
        self.tolerance = w.FloatText(description="Tolerance", value=0, style=LABEL)
        self.unit = w.Text(description="Unit", placeholder="optional: %, km", style=LABEL, continuous_update=False)
        self.text_answer = w.Text(description="Answer", placeholder="The spelling shown as correct", style=LABEL,
                                  layout=wide(), continuous_update=False)
        self.alternates = area("Also accepted", "Other spellings or scripts, one per line", 2)
        self.items = area("Items in order", "One item per line, in the RIGHT order (first to last)", 4)
        self.pairs = area("Pairs", "One pair per line: left -> right", 4)
        self.answer_box = w.VBox(layout=wide())
        self.facts = FactPicker("Facts")
        self.explanation = area("Explanation", "Why the answer is right (shown after answering)", 3)
        self.difficulty = w.ToggleButtons(description="Difficulty", options=[("1 easy", 1), ("2 medium", 2), ("3 hard", 3)],
                                          value=2, style=LABEL, layout=w.Layout(width="auto"))
        self.tags = w.Text(description="Tags", placeholder="optional, separated by commas", style=LABEL, layout=wide(),
                           continuous_update=False)
        self.qid = w.Text(description="Id", placeholder="made from the prompt when left empty", style=LABEL,
                          layout=wide(), continuous_update=False)

    def _inputs(self) -> list[w.Widget]:
        return [self.topic, self.qtype, self.prompt, self.choices, self.answer, self.answers, self.truth, self.number,
                self.tolerance, self.unit, self.text_answer, self.alternates, self.items, self.pairs, self.facts,
                self.explanation, self.difficulty, self.tags, self.qid]

    def _show_type_fields(self) -> None:
        self.answer_box.children = [getattr(self, name) for name in get_type(self.qtype.value).form_fields]

    def topic_changed(self) -> None:
        """Offer the facts of the topic chosen (also after a fact is saved)."""
        facts = self.bank.facts_for(self.topic.value) if self.topic.value else []
        self.facts.set_facts([(f.id, f.statement) for f in facts])

    def _choices_changed(self) -> None:
        options = _lines(self.choices.value)
        keep = self.answer.value if self.answer.value in options else None
        self.answer.options = options
        self.answer.value = keep
        self.answers.options = options

    # --- the draft, its preview, saving ---------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        """The question as the form describes it (empty fields left out)."""
        kind = self.qtype.value
        data: dict[str, Any] = {"id": self.qid.value.strip(), "type": kind, "prompt": self.prompt.value.strip()}
        from_form = get_type(kind).from_form
        if from_form is not None:
            data.update(from_form(self))
        data.update(facts=list(self.facts.value), explanation=self.explanation.value.strip(),
                    difficulty=self.difficulty.value,
                    tags=[t.strip() for t in self.tags.value.split(",") if t.strip()])
        if not data["id"] and data["prompt"] and self.topic.value:
            data["id"] = suggest_id(self.bank, self.topic.value, data["prompt"])
        return tidy(data)

    def refresh(self) -> None:
        """Check the draft; show its problems, or the question as learners will see it."""
        draft = self.draft()
        if not draft.get("prompt"):
            self.messages.value = "<p>Start with the prompt; the preview appears when the question is complete.</p>"
            self.preview.children = []
            return
        try:
            check_items(self.bank, self.locations, "questions", [draft])
            question = validate_item("questions", draft)
            problems = draft_problems(self.bank, self.locations, question, self.topic.value)
        except EditError as exc:
            problems = exc.problems
        if problems:
            self._show_problems(problems)
            self.preview.children = [w.HTML("<p><em>The preview appears when the question is complete.</em></p>")]
            return
        self.messages.value = ""
        self.preview.children = [QuizView(QuizSession([question], self.bank, seed=0, title="Preview"), single=True)]

    def reload_bank(self) -> None:
        """Read the bank (and where its items are written) from its files."""
        loaded = inspect_bank(self.bank_path)
        self.bank: Bank = loaded.bank
        self.locations: Locations = loaded.locations

    def save(self) -> bool:
        """Add the question to its topic's file with every check `jkquiz add` makes; say what happened."""
        try:
            result = add_question(self.topic.value, self.draft(), bank=self.bank_path)
        except (EditError, UnknownTopicError) as exc:
            self._show_problems(getattr(exc, "problems", None) or [str(exc)], heading="Not saved")
            return False
        self.reload_bank()  # the next question is checked against this one too
        self.qid.value = ""
        self.messages.value = (f'<p class="jkq-saved" style="color:#1a5e2a"><strong>Saved</strong> '
                               f"'{escape(result.ids[0])}' to {escape(result.file)}.</p>")
        return True

    def _show_problems(self, problems: list[Any], heading: str = "To fix before saving") -> None:
        self.messages.value = problems_html(problems, self.label_of, heading)

    def label_of(self, field: str) -> str | None:
        """The label the form shows for a bank field of the question ('answer' -> 'Right choice'), or None."""
        key = field.split(".")[0]
        controls = {"id": "qid", "type": "qtype", **dict(get_type(self.qtype.value).form_keys)}
        name = controls.get(key, key)
        if name not in (*get_type(self.qtype.value).form_fields, *COMMON_CONTROLS):
            return None
        return str(getattr(self, name).description)


def authoring_form(bank: str | os.PathLike[str] | None = None) -> AuthoringForm:
    """The form for instructors (a question or a fact), on the course's bank (or the bank folder given)."""
    return AuthoringForm(bank)
