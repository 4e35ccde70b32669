"""True or false: a statement to judge."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any, Literal

from pydantic import Field

from jkquiz.types.base import Layout, PickCounts, QuestionBase, QuestionType, Verdict, from_score, invalid
from jkquiz.types.export import TRY_AGAIN, Notes, choice_inputs, quiz_html, xml_answer
from jkquiz.types.fields import parse_bool
from jkquiz.i18n import N_, _

NAME = "true_false"


class TrueFalseQuestion(QuestionBase):
    """A statement to judge true or false."""

    type: Literal["true_false"] = Field(description="True or false.")
    answer: bool = Field(description="true or false.")


def grade(q: TrueFalseQuestion, response: Any) -> Verdict:
    """True or false."""
    if isinstance(response, str) and response.strip().lower() in ("true", "false"):
        response = response.strip().lower() == "true"
    if not isinstance(response, bool):
        return invalid(_("Choose True or False first."))
    return from_score(1.0 if response == q.answer else 0.0)


def lay_out(q: Any, rng: random.Random) -> Layout:
    return Layout(("True", "False"))


def count_picks(q: TrueFalseQuestion, responses: list[Any]) -> PickCounts:
    """How often True and False were picked, and responses that are neither."""
    counted = Counter(r for r in responses if isinstance(r, bool))
    return [(str(value), value is q.answer, counted[value]) for value in (True, False)], len(responses) - sum(counted.values())


def ask(asker: Any, args: Any) -> dict[str, Any]:
    return {"answer": parse_bool(args.answer[0]) if args.answer else asker.line("Answer (true or false)", check=parse_bool)}


def moodle_body(element: Any, q: TrueFalseQuestion, notes: Notes) -> None:
    xml_answer(element, "100" if q.answer else "0", "true", fmt="moodle_auto_format")
    xml_answer(element, "0" if q.answer else "100", "false", fmt="moodle_auto_format")


def jupyterquiz(q: TrueFalseQuestion, notes: Notes, right: Any) -> dict[str, Any]:
    answers = [
        {"answer": label, "correct": value == q.answer, "feedback": right("") if value == q.answer else TRY_AGAIN}
        for label, value in (("True", True), ("False", False))
    ]
    return {"question": quiz_html(q.prompt), "type": "multiple_choice", "answers": answers}


TYPE = QuestionType(
    name=NAME,
    model=TrueFalseQuestion,
    grade=grade,
    answer_text=lambda q: _("True") if q.answer else _("False"),  # as the learner reads it
    label="True or false",
    help="true or false",
    lay_out=lay_out,
    hint=N_("True or false?"),
    count_picks=count_picks,
    from_flags=lambda args: {"answer": parse_bool(args.answer[0])},
    ask=ask,
    form_fields=("truth",),
    form_keys=(("answer", "truth"),),
    from_form=lambda form: {"answer": form.truth.value},
    gift=lambda q, notes: "\tTRUE\n" if q.answer else "\tFALSE\n",
    moodle_type=lambda q, order_as: "truefalse",
    moodle_body=moodle_body,
    moodle_penalty="1",
    anki_choices=lambda q: "<p>True or false?</p>",
    html_data=lambda q: {"answer": q.answer},
    html_input=lambda q, options, pid: choice_inputs("radio", q, [("true", _("True")), ("false", _("False"))], pid),
    jupyterquiz=jupyterquiz,
)
