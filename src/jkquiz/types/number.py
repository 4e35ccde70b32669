"""Number: a number (years are numbers), within a tolerance."""

from __future__ import annotations

import math
import re
import unicodedata
import xml.etree.ElementTree as ET
from html import escape
from typing import Any, Literal

from pydantic import Field

from jkquiz.text import format_number
from jkquiz.i18n import N_, _
from jkquiz.types.base import QuestionBase, QuestionType, Verdict, from_score, invalid
from jkquiz.types.export import TRY_AGAIN, Notes, quiz_html, typed_input, xml_answer
from jkquiz.types.fields import parse_float

NAME = "number"
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


class NumberQuestion(QuestionBase):
    """A number (years are numbers), within a tolerance."""

    type: Literal["number"] = Field(description="A number.")
    answer: float = Field(description="The right number.")
    tolerance: float = Field(0, ge=0, description="Accepted distance from the answer (default 0).")
    min: float | None = Field(None, description="Optional: smallest plausible answer (shown as the input's range).")
    max: float | None = Field(None, description="Optional: largest plausible answer.")
    unit: str | None = Field(None, description="Optional unit shown next to the input ('%', 'km').")


def parse_number(response: Any, unit: str | None = None) -> float | None:
    """'1965', ' 1965 ', '1965.0', '1,965', '１９６５', '13 %' -> a float; anything else -> None."""
    if isinstance(response, bool):
        return None
    if isinstance(response, (int, float)):
        return float(response) if math.isfinite(response) else None
    if not isinstance(response, str):
        return None
    text = unicodedata.normalize("NFKC", response).strip().replace("\u2212", "-")
    if unit and text.lower().endswith(unit.lower()):
        text = text[: -len(unit)].rstrip()
    if _GROUPED.match(text):
        text = text.replace(",", "")
    if not _NUMBER.match(text):
        return None
    return float(text)


def grade(q: NumberQuestion, response: Any) -> Verdict:
    """A number within the tolerance; a non-number is asked again, not marked wrong."""
    value = parse_number(response, q.unit)
    if value is None:
        if isinstance(response, str) and not response.strip():
            return invalid(_("Type a number first."))
        return invalid(_("'{response}' is not a number. Please type digits only, for example 42.").format(response=response))
    if abs(value - q.answer) <= q.tolerance + 1e-9:
        return from_score(1.0)
    message = _("{number} is too high.") if value > q.answer else _("{number} is too low.")
    return from_score(0.0, message=message.format(number=format_number(value)))


def answer_text(q: NumberQuestion) -> str:
    shown = format_number(q.answer) + (f" {q.unit}" if q.unit and q.unit != "%" else q.unit or "")
    return shown + (f" (± {format_number(q.tolerance)})" if q.tolerance else "")


def from_flags(args: Any) -> dict[str, Any]:
    return dict(answer=parse_float(args.answer[0], "--answer"), tolerance=args.tolerance, min=args.min, max=args.max,
                unit=args.unit)


def ask(asker: Any, args: Any) -> dict[str, Any]:
    answer = parse_float(args.answer[0], "answer") if args.answer else asker.line("Answer (a number)", check=lambda t: parse_float(t, "answer"))
    tolerance = args.tolerance if args.tolerance is not None else asker.line(
        "Tolerance (accepted distance from the answer)", default="0", check=lambda t: parse_float(t, "tolerance"))
    unit = args.unit or asker.line("Unit (optional, e.g. % or km)", required=False)
    return {"answer": answer, "tolerance": tolerance or None, "unit": unit}


def _form_number(text: str) -> float | str | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text  # the model then says plainly that it must be a number


def from_form(form: Any) -> dict[str, Any]:
    return dict(answer=_form_number(form.number.value), tolerance=form.tolerance.value or None, unit=form.unit.value.strip())


def gift(q: NumberQuestion, notes: Notes) -> str:
    if q.unit:
        notes.add("GIFT has no units: learners type the number only (the unit is dropped)", q.id)
    if q.min is not None or q.max is not None:
        notes.add("the plausible range (min/max) is only an input hint and is not exported", q.id)
    return f"\t#{format_number(q.answer)}:{format_number(q.tolerance)}\n"


def moodle_body(element: ET.Element, q: NumberQuestion, notes: Notes) -> None:
    answer = xml_answer(element, "100", format_number(q.answer), fmt="moodle_auto_format")
    ET.SubElement(answer, "tolerance").text = format_number(q.tolerance)
    if q.min is not None or q.max is not None:
        notes.add("the plausible range (min/max) is only an input hint and is not exported", q.id)
    if q.unit:
        # Units optional and not graded, as jkquiz accepts '13' and '13 %' alike.
        units = ET.SubElement(element, "units")
        unit = ET.SubElement(units, "unit")
        ET.SubElement(unit, "multiplier").text = "1"
        ET.SubElement(unit, "unit_name").text = q.unit
        ET.SubElement(element, "unitgradingtype").text = "0"
        ET.SubElement(element, "unitpenalty").text = "0.1000000"
        ET.SubElement(element, "showunits").text = "0"
        ET.SubElement(element, "unitsleft").text = "0"
    else:
        ET.SubElement(element, "showunits").text = "3"


def jupyterquiz(q: NumberQuestion, notes: Notes, right: Any) -> dict[str, Any]:
    prompt = q.prompt
    if q.unit:
        notes.add("the answer box takes digits only: the unit is named in the prompt instead", q.id)
        prompt += f" (in {q.unit})"
    if q.tolerance:
        # jupyterquiz's range is [low, high); the tiny step keeps the upper bound inside, as the grader does.
        answer: dict[str, Any] = {"type": "range", "range": [q.answer - q.tolerance, q.answer + q.tolerance + 1e-9]}
    else:
        answer = {"type": "value", "value": q.answer}
    answer.update(correct=True, feedback=right(""))
    default = {"type": "default", "feedback": TRY_AGAIN}
    return {"question": quiz_html(prompt), "type": "numeric", "answers": [answer, default]}


def anki_choices(q: NumberQuestion) -> str:
    return f"<p>(in {escape(q.unit)})</p>" if q.unit else ""


TYPE = QuestionType(
    name=NAME,
    model=NumberQuestion,
    grade=grade,
    answer_text=answer_text,
    label="A number",
    help="a number (years too)",
    from_flags=from_flags,
    ask=ask,
    form_fields=("number", "tolerance", "unit"),
    form_keys=(("answer", "number"),),
    from_form=from_form,
    gift=gift,
    moodle_type=lambda q, order_as: "numerical",
    moodle_body=moodle_body,
    anki_choices=anki_choices,
    html_data=lambda q: {"answer": q.answer, "tolerance": q.tolerance, "unit": q.unit},
    html_input=lambda q, options, pid: typed_input(q, N_("Type a number and press Enter"), "decimal"),
    jupyterquiz=jupyterquiz,
)
