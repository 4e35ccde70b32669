"""Single choice: one right choice among several."""

from __future__ import annotations

import random
from collections import Counter
import xml.etree.ElementTree as ET
from typing import Any, Literal

from pydantic import Field

from jkquiz.types.base import Layout, PickCounts, QuestionBase, QuestionType, Text, Verdict, from_score, invalid
from jkquiz.i18n import _
from jkquiz.types.export import (
    Notes,
    choice_inputs,
    gift_choice_lines,
    html_list,
    para,
    quiz_html,
    xml_answer,
)
from jkquiz.types.fields import form_lines, split_pair

NAME = "single"


class SingleQuestion(QuestionBase):
    """One right choice among several."""

    type: Literal["single"] = Field(description="One right choice.")
    choices: list[Text] = Field(min_length=2, description="The choices, the right one among them.")
    answer: Text = Field(description="The right choice; must be one of `choices`.")
    choice_feedback: dict[str, Text] = Field(
        default_factory=dict, description="Optional: why a given choice is wrong (or right)."
    )
    shuffle: bool = Field(True, description="Shuffle the choices for each attempt.")


def grade(q: SingleQuestion, response: Any) -> Verdict:
    """One choice; right or wrong."""
    if response in (None, ""):
        return invalid(_("Choose an answer first."))
    if response not in q.choices:
        return invalid(_("'{response}' is not one of the choices.").format(response=response))
    return from_score(1.0 if response == q.answer else 0.0)


def lay_out_choices(q: Any, rng: random.Random) -> Layout:
    """The choices, shuffled unless the question says not to."""
    options = list(q.choices)
    if q.shuffle:
        rng.shuffle(options)
    return Layout(tuple(options))


def count_picks(q: SingleQuestion, responses: list[Any]) -> PickCounts:
    """How often each choice was picked, and picks that are none of the choices."""
    counted = Counter(r for r in responses if isinstance(r, str))
    other = len(responses) - sum(counted[c] for c in q.choices)
    return [(c, c == q.answer, counted[c]) for c in q.choices], other


def choice_flags(args: Any, data: dict[str, Any]) -> None:
    """Choices, their feedback and --no-shuffle from `jkquiz add` flags."""
    data["choices"] = args.choice
    data["choice_feedback"] = dict(split_pair(x, "--choice-feedback") for x in args.choice_feedback)
    if args.no_shuffle:
        data["shuffle"] = False


def from_flags(args: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"answer": args.answer[0]}
    choice_flags(args, data)
    return data


def ask(asker: Any, args: Any) -> dict[str, Any]:
    choices = args.choice or asker.lines("Choices", minimum=2)
    answer = args.answer[0] if args.answer else asker.choose("Right choice (number or text)", choices)
    return {"choices": choices, "answer": answer}


def from_form(form: Any) -> dict[str, Any]:
    return {"choices": form_lines(form.choices.value), "answer": form.answer.value}


def gift(q: SingleQuestion, notes: Notes) -> str:
    if not q.shuffle:
        notes.add("the choice order cannot be fixed (Moodle's quiz settings decide whether to shuffle)", q.id)
    return gift_choice_lines(q, {c: "=" if c == q.answer else "~" for c in q.choices})


def moodle_choices(element: ET.Element, q: Any, grades: dict[str, str], single: bool) -> None:
    """Moodle multichoice fields and one answer per choice."""
    ET.SubElement(element, "single").text = "true" if single else "false"
    ET.SubElement(element, "shuffleanswers").text = "true" if q.shuffle else "false"
    ET.SubElement(element, "answernumbering").text = "abc"
    for choice in q.choices:
        note = q.choice_feedback.get(choice)
        xml_answer(element, grades[choice], para(choice), para(note) if note else "")


def moodle_body(element: ET.Element, q: SingleQuestion, notes: Notes) -> None:
    moodle_choices(element, q, {c: ("100" if c == q.answer else "0") for c in q.choices}, single=True)


def jupyterquiz_choices(q: Any, right_set: set[str], kind: str, right: Any) -> dict[str, Any]:
    """jupyterquiz choices, each with its feedback."""
    answers = []
    for choice in q.choices:
        note = q.choice_feedback.get(choice, "")
        feedback = right(note) if choice in right_set else quiz_html(note or "Not quite — try again.")
        answers.append({"answer": quiz_html(choice), "correct": choice in right_set, "feedback": feedback})
    return {"question": quiz_html(q.prompt), "type": kind, "answers": answers}


TYPE = QuestionType(
    name=NAME,
    model=SingleQuestion,
    grade=grade,
    answer_text=lambda q: str(q.answer),
    label="One right choice",
    help="one right choice",
    lay_out=lay_out_choices,
    count_picks=count_picks,
    flags=("prompt", "choice", "answer"),
    from_flags=from_flags,
    ask=ask,
    form_fields=("choices", "answer"),
    from_form=from_form,
    gift=gift,
    moodle_type=lambda q, order_as: "multichoice",
    moodle_body=moodle_body,
    anki_choices=lambda q: "<p>Choose one.</p>" + html_list(q.choices),
    html_data=lambda q: {"choices": q.choices, "answer": q.answer},
    html_input=lambda q, options, pid: choice_inputs("radio", q, [(str(i), o) for i, o in enumerate(options)], pid),
    jupyterquiz=lambda q, notes, right: jupyterquiz_choices(q, {q.answer}, "multiple_choice", right),
)
