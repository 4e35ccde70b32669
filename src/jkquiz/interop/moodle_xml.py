"""Moodle XML export: the structure qformat_xml imports, a category per topic, every type Moodle has.

Texts are HTML (format="html") built from escaped bank text; the XML layer escapes again,
so Moodle reads back exactly what the bank says. Short-answer and numerical answers are
plain text, as Moodle reads them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from html import escape
from typing import Any, Literal

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase
from jkquiz.interop.common import (
    ExportResult,
    Notes,
    accepted_spellings,
    by_topic,
    category_path,
    feedback_html,
    multiple_grades,
    percent,
    position_label,
)
from jkquiz.text import format_number

OrderAs = Literal["matching", "ordering"]
QTYPES = {"single": "multichoice", "multiple": "multichoice", "true_false": "truefalse", "number": "numerical",
          "text": "shortanswer", "order": "matching", "match": "matching"}


def export_moodle_xml(bank: Bank, questions: Iterable[QuestionBase], *, order_as: OrderAs = "matching") -> ExportResult:
    """The questions as a Moodle XML `<quiz>`; order questions as matching (any Moodle) or ordering."""
    notes = Notes("Moodle XML")
    quiz = ET.Element("quiz")
    count = 0
    for topic_id, group in by_topic(questions).items():
        quiz.append(ET.Comment(f" topic: {topic_id} "))
        quiz.append(_category(bank, topic_id))
        for q in group:
            quiz.append(question_element(bank, q, notes, order_as))
            count += 1
    ET.indent(quiz, space="  ")
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8") + b"\n"
    return ExportResult(data=data, count=count, warnings=notes.lines())


def _category(bank: Bank, topic_id: str) -> ET.Element:
    element = ET.Element("question", type="category")
    _text(element, "category", category_path(topic_id))
    title = bank.topics[topic_id].title if topic_id in bank.topics else topic_id
    _text(element, "info", f"<p>{escape(title)}</p>", format="html")
    return element


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    """<tag attrs><text>text</text></tag> under parent."""
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = text
    return element


def _html(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def question_element(bank: Bank, q: QuestionBase, notes: Notes, order_as: OrderAs = "matching") -> ET.Element:
    """One <question> with the fields Moodle's importer reads for its type."""
    qtype = "ordering" if q.type == "order" and order_as == "ordering" else QTYPES[q.type]  # type: ignore[attr-defined]
    element = ET.Element("question", type=qtype)
    _text(element, "name", q.id)
    _text(element, "questiontext", _html(q.prompt), format="html")
    _text(element, "generalfeedback", feedback_html(bank, q), format="html")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "1" if q.type == "true_false" else "0.3333333"  # type: ignore[attr-defined]
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = q.id
    _BODIES[qtype](element, q, notes)
    tags = ET.SubElement(element, "tags")
    for tag in dict.fromkeys([q.topic, f"difficulty-{q.difficulty}", *q.tags]):
        _text(tags, "tag", tag)
    return element


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str = "", *, fmt: str = "html") -> ET.Element:
    answer = ET.SubElement(parent, "answer", fraction=fraction, format=fmt)
    ET.SubElement(answer, "text").text = text
    _text(answer, "feedback", feedback, format="html")
    return answer


def _multichoice(element: ET.Element, q: Any, notes: Notes) -> None:
    single = q.type == "single"
    ET.SubElement(element, "single").text = "true" if single else "false"
    ET.SubElement(element, "shuffleanswers").text = "true" if q.shuffle else "false"
    ET.SubElement(element, "answernumbering").text = "abc"
    if single:
        grades = {c: ("100" if c == q.answer else "0") for c in q.choices}
    else:  # equal shares, as the grader scores: right picks add, wrong picks subtract
        grades = {c: percent(grade) for c, grade in multiple_grades(q, notes).items()}
    for choice in q.choices:
        note = q.choice_feedback.get(choice)
        _answer(element, grades[choice], _html(choice), _html(note) if note else "")


def _truefalse(element: ET.Element, q: Any, notes: Notes) -> None:
    _answer(element, "100" if q.answer else "0", "true", fmt="moodle_auto_format")
    _answer(element, "0" if q.answer else "100", "false", fmt="moodle_auto_format")


def _numerical(element: ET.Element, q: Any, notes: Notes) -> None:
    answer = _answer(element, "100", format_number(q.answer), fmt="moodle_auto_format")
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


def _shortanswer(element: ET.Element, q: Any, notes: Notes) -> None:
    notes.add("Moodle accepts only the listed spellings (case ignored): jkquiz's typo, space and punctuation tolerance is lost", q.id)
    ET.SubElement(element, "usecase").text = "0"
    for spelling in accepted_spellings(q):
        _answer(element, "100", spelling, fmt="moodle_auto_format")


def _matching(element: ET.Element, q: Any, notes: Notes) -> None:
    if q.type == "order":
        notes.add("exported as matching (position -> item), one mark per right position", q.id)
        pairs = [(position_label(i), item) for i, item in enumerate(q.items)]
    else:
        pairs = list(q.pairs)
    ET.SubElement(element, "shuffleanswers").text = "true"
    for left, right in pairs:
        sub = _text(element, "subquestion", _html(left), format="html")
        answer = ET.SubElement(sub, "answer")
        ET.SubElement(answer, "text").text = right


def _ordering(element: ET.Element, q: Any, notes: Notes) -> None:
    notes.add("exported as Moodle's Ordering type (standard in recent Moodle, a plugin in older ones)", q.id)
    ET.SubElement(element, "layouttype").text = "VERTICAL"
    ET.SubElement(element, "selecttype").text = "ALL"
    ET.SubElement(element, "selectcount").text = str(len(q.items))
    ET.SubElement(element, "gradingtype").text = "ABSOLUTE_POSITION"  # a mark per item in its place, as jkquiz grades
    ET.SubElement(element, "showgrading").text = "SHOW"
    for position, item in enumerate(q.items, 1):
        answer = ET.SubElement(element, "answer", fraction=str(position), format="html")
        ET.SubElement(answer, "text").text = _html(item)


_BODIES = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "numerical": _numerical,
    "shortanswer": _shortanswer,
    "matching": _matching,
    "ordering": _ordering,
}
