"""Moodle XML export: the structure qformat_xml imports, a category per topic, every type Moodle has.

Texts are HTML (format="html") built from escaped bank text; the XML layer escapes again,
so Moodle reads back exactly what the bank says. Short-answer and numerical answers are
plain text, as Moodle reads them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from html import escape
from typing import Literal

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase
from jkquiz.interop.common import ExportResult, by_topic, category_path, feedback_html
from jkquiz.types import get_type
from jkquiz.types.export import Notes, para, xml_text

OrderAs = Literal["matching", "ordering"]


def export_moodle_xml(bank: Bank, questions: Iterable[QuestionBase], *, order_as: OrderAs = "matching") -> ExportResult:
    """The questions as a Moodle XML `<quiz>`; order questions as matching (any Moodle) or ordering."""
    notes = Notes("Moodle XML")
    quiz = ET.Element("quiz")
    count = 0
    for topic_id, group in by_topic(questions).items():
        quiz.append(ET.Comment(f" topic: {topic_id} "))
        quiz.append(_category(bank, topic_id))
        for q in group:
            element = question_element(bank, q, notes, order_as)
            if element is not None:
                quiz.append(element)
                count += 1
    ET.indent(quiz, space="  ")
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8") + b"\n"
    return ExportResult(data=data, count=count, warnings=notes.lines())


def _category(bank: Bank, topic_id: str) -> ET.Element:
    element = ET.Element("question", type="category")
    xml_text(element, "category", category_path(topic_id))
    title = bank.topics[topic_id].title if topic_id in bank.topics else topic_id
    xml_text(element, "info", f"<p>{escape(title)}</p>", format="html")
    return element


def question_element(bank: Bank, q: QuestionBase, notes: Notes, order_as: OrderAs = "matching") -> ET.Element | None:
    """One <question> with the fields Moodle's importer reads for its type (None, noted, when Moodle has none)."""
    kind = get_type(q.type)
    if kind.moodle_type is None or kind.moodle_body is None:
        notes.add(f"Moodle has no {q.type} questions: left out", q.id)
        return None
    element = ET.Element("question", type=kind.moodle_type(q, order_as))
    xml_text(element, "name", q.id)
    xml_text(element, "questiontext", para(q.prompt), format="html")
    xml_text(element, "generalfeedback", feedback_html(bank, q), format="html")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = kind.moodle_penalty
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = q.id
    kind.moodle_body(element, q, notes)
    tags = ET.SubElement(element, "tags")
    for tag in dict.fromkeys([q.topic, f"difficulty-{q.difficulty}", *q.tags]):
        xml_text(tags, "tag", tag)
    return element
