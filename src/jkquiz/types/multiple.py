"""Multiple choice: several right choices, partial credit."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any, Literal

from pydantic import Field

from jkquiz.errors import UsageProblem
from jkquiz.i18n import N_, _
from jkquiz.types.base import PickCounts, QuestionBase, QuestionType, Text, Verdict, from_score, invalid
from jkquiz.types.export import Notes, choice_inputs, gift_choice_lines, html_list, multiple_grades, percent
from jkquiz.types.fields import form_lines
from jkquiz.types.single import choice_flags, jupyterquiz_choices, lay_out_choices, moodle_choices

NAME = "multiple"


class MultipleQuestion(QuestionBase):
    """Several right choices; partial credit."""

    type: Literal["multiple"] = Field(description="Several right choices.")
    choices: list[Text] = Field(min_length=2, description="The choices.")
    answers: list[Text] = Field(min_length=1, description="The right choices; each must be one of `choices`.")
    choice_feedback: dict[str, Text] = Field(default_factory=dict, description="Optional: feedback per choice.")
    shuffle: bool = Field(True, description="Shuffle the choices for each attempt.")


def grade(q: MultipleQuestion, response: Any) -> Verdict:
    """Several choices; partial credit: right picks add, wrong picks subtract (never below 0)."""
    picked = set(response or ())
    if not picked:
        return invalid(_("Select at least one choice."))
    unknown = picked - set(q.choices)
    if unknown:
        return invalid(_("'{response}' is not one of the choices.").format(response=sorted(unknown)[0]))
    right, wrong = set(q.answers), set(q.choices) - set(q.answers)
    hits, false = len(picked & right), len(picked & wrong)
    score = hits / len(right) - (false / len(wrong) if wrong else 0.0)
    if picked == right:
        return from_score(1.0)
    if false:
        message = _("{hits} of {right} right choices selected, {wrong} wrong.").format(hits=hits, right=len(right),
                                                                                     wrong=false)
    else:
        message = _("{hits} of {right} right choices selected.").format(hits=hits, right=len(right))
    return from_score(min(score, 0.99), message=message)


def picked(q: Any, response: Any) -> list[str]:
    """Every choice a response picks (for choice feedback)."""
    return [response] if isinstance(response, str) else list(response or ())


def count_picks(q: MultipleQuestion, responses: list[Any]) -> PickCounts:
    """How often each choice was picked, and picks that are none of the choices."""
    counted = Counter(c for r in responses if isinstance(r, list) for c in {x for x in r if isinstance(x, str)})
    other = sum(n for c, n in counted.items() if c not in q.choices) + sum(not isinstance(r, list) for r in responses)
    return [(c, c in q.answers, counted[c]) for c in q.choices], other


def from_flags(args: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"answers": args.answer}
    choice_flags(args, data)
    return data


def _picks(text: str, choices: list[str]) -> list[str]:
    numbers = [t.strip() for t in text.split(",") if t.strip()]
    if not numbers or not all(n.isdigit() and 1 <= int(n) <= len(choices) for n in numbers):
        raise UsageProblem(f"type numbers from 1 to {len(choices)}, separated by commas")
    return [choices[int(n) - 1] for n in dict.fromkeys(numbers)]


def ask(asker: Any, args: Any) -> dict[str, Any]:
    choices = args.choice or asker.lines("Choices", minimum=2)
    asker.say("Choices: " + "; ".join(f"{i}. {c}" for i, c in enumerate(choices, 1)))
    answers = args.answer or asker.line("Right choices (numbers separated by commas)", check=lambda t: _picks(t, choices))
    return {"choices": choices, "answers": answers}


def gift(q: MultipleQuestion, notes: Notes) -> str:
    """Each right choice earns an equal share, each wrong one costs an equal share (as the grader scores)."""
    if not q.shuffle:
        notes.add("the choice order cannot be fixed (Moodle's quiz settings decide whether to shuffle)", q.id)
    weights = {c: f"~%{percent(grade)}%" for c, grade in multiple_grades(q, notes).items()}
    return gift_choice_lines(q, weights)


def moodle_body(element: ET.Element, q: MultipleQuestion, notes: Notes) -> None:
    # equal shares, as the grader scores: right picks add, wrong picks subtract
    grades = {c: percent(grade) for c, grade in multiple_grades(q, notes).items()}
    moodle_choices(element, q, grades, single=False)


def jupyterquiz(q: MultipleQuestion, notes: Notes, right: Any) -> dict[str, Any]:
    notes.add("many_choice questions are not scored: no partial credit", q.id)
    return jupyterquiz_choices(q, set(q.answers), "many_choice", right)


TYPE = QuestionType(
    name=NAME,
    model=MultipleQuestion,
    grade=grade,
    answer_text=lambda q: ", ".join(q.answers),
    label="Several right choices",
    help="several right choices",
    lay_out=lay_out_choices,
    hint=N_("Select every right answer."),
    picked=picked,
    count_picks=count_picks,
    flags=("prompt", "choice", "answer"),
    from_flags=from_flags,
    ask=ask,
    form_fields=("choices", "answers"),
    from_form=lambda form: {"choices": form_lines(form.choices.value), "answers": list(form.answers.value)},
    gift=gift,
    moodle_type=lambda q, order_as: "multichoice",
    moodle_body=moodle_body,
    anki_choices=lambda q: "<p>Choose every right answer.</p>" + html_list(q.choices),
    html_data=lambda q: {"choices": q.choices, "answers": q.answers},
    html_input=lambda q, options, pid: '<p class="jkq-sr">Select every right answer.</p>' + choice_inputs(
        "checkbox", q, [(str(i), o) for i, o in enumerate(options)], pid),
    jupyterquiz=jupyterquiz,
)
