"""Text: a typed answer; alternates in other scripts and romanizations are accepted."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape
from collections.abc import Collection
from typing import Any, Literal

from pydantic import Field

from jkquiz.text import normalize, slips, slips_allowed, squash
from jkquiz.i18n import N_, _
from jkquiz.types.base import QuestionBase, QuestionType, Text, Verdict, from_score, invalid
from jkquiz.types.export import TRY_AGAIN, Notes, accepted_spellings, escape_gift, quiz_html, typed_input, xml_answer
from jkquiz.types.fields import form_lines

NAME = "text"
TYPO_MIN_LENGTH = 4  # shorter answers must be typed exactly (see jkquiz.text.slips_allowed)
FUZZY_THRESHOLD = 0.85  # jupyterquiz's Levenshtein ratio, close to the grader's rapidfuzz ratio of 85
FUZZY_MIN_LENGTH = 4


class TextQuestion(QuestionBase):
    """A typed answer; alternates in other scripts and romanizations are accepted."""

    type: Literal["text"] = Field(description="A typed answer.")
    answer: Text = Field(description="The spelling shown as correct.")
    alternates: list[Text] = Field(default_factory=list, description="Other accepted spellings and scripts.")


def grade(q: TextQuestion, response: Any, rivals: Collection[str] = ()) -> Verdict:
    """A typed answer: any accepted spelling or script, ignoring case, accents, spaces and punctuation, and
    forgiving one slip in 4-7 characters, two in longer answers (jkquiz.text.slips_allowed).

    `rivals`: what other questions of the same quiz accept or offer; a typed text that is one of them, or is
    as close to one of them as to this answer, is not taken for a slip.
    """
    if not isinstance(response, str) or not normalize(response):
        return invalid(_("Type an answer first."))
    accepted = [squash(a) for a in [q.answer, *q.alternates]]
    given = squash(response)
    if given in accepted:
        return from_score(1.0)
    others = {squash(r) for r in rivals} - set(accepted)
    if given in others:
        return from_score(0.0)
    distance, best = min((slips(given, a), a) for a in accepted)
    if distance <= slips_allowed(best) and not any(slips(given, r, distance) <= distance for r in others):
        return from_score(1.0, message=_("Accepted; correct spelling: {answer}").format(answer=q.answer))
    return from_score(0.0)


def ask(asker: Any, args: Any) -> dict[str, Any]:
    answer = args.answer[0] if args.answer else asker.line("Answer (the spelling shown as correct)")
    return {"answer": answer, "alternates": args.alternate or asker.lines("Other accepted spellings (optional)")}


def gift(q: TextQuestion, notes: Notes) -> str:
    notes.add("Moodle accepts only the listed spellings (case ignored): jkquiz's typo, space and punctuation tolerance is lost", q.id)
    # "=%100%" keeps a one-letter answer such as T or F from being read as true/false.
    return "".join(f"\t=%100%{escape_gift(s)}\n" for s in accepted_spellings(q))


def moodle_body(element: ET.Element, q: TextQuestion, notes: Notes) -> None:
    notes.add("Moodle accepts only the listed spellings (case ignored): jkquiz's typo, space and punctuation tolerance is lost", q.id)
    ET.SubElement(element, "usecase").text = "0"
    for spelling in accepted_spellings(q):
        xml_answer(element, "100", spelling, fmt="moodle_auto_format")


def anki_answer(q: TextQuestion) -> str:
    answer = escape(q.answer)
    if q.alternates:
        answer += f"<br><small>Also accepted: {escape(', '.join(q.alternates))}</small>"
    return answer


def jupyterquiz(q: TextQuestion, notes: Notes, right: Any) -> dict[str, Any]:
    notes.add("typed answers: case is ignored and typos get a similar (not identical) tolerance; spaces and punctuation must match", q.id)
    answers: list[dict[str, Any]] = []
    for spelling in accepted_spellings(q):
        answer: dict[str, Any] = {"answer": spelling, "correct": True, "match_case": False, "feedback": right("")}
        if len(squash(spelling)) >= FUZZY_MIN_LENGTH:
            answer["fuzzy_threshold"] = FUZZY_THRESHOLD
        answers.append(answer)
    answers.append({"type": "default", "feedback": TRY_AGAIN})
    return {"question": quiz_html(q.prompt), "type": "string", "answers": answers}


TYPE = QuestionType(
    name=NAME,
    model=TextQuestion,
    grade=grade,
    answer_text=lambda q: str(q.answer),
    label="A typed answer",
    help="a typed answer",
    from_flags=lambda args: dict(answer=args.answer[0], alternates=args.alternate),
    ask=ask,
    form_fields=("text_answer", "alternates"),
    form_keys=(("answer", "text_answer"),),
    from_form=lambda form: dict(answer=form.text_answer.value.strip(), alternates=form_lines(form.alternates.value)),
    gift=gift,
    moodle_type=lambda q, order_as: "shortanswer",
    moodle_body=moodle_body,
    anki_answer=anki_answer,
    grade_among=grade,
    html_data=lambda q: {"answer": q.answer, "accepted": [squash(a) for a in [q.answer, *q.alternates]]},
    html_input=lambda q, options, pid: typed_input(q, N_("Type your answer and press Enter"), "text"),
    jupyterquiz=jupyterquiz,
)
