"""Moodle XML export: valid against the structure Moodle's importer reads, with the grades Moodle accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, html

from jkquiz.bank import load_bank
from jkquiz.interop.common import choose_questions
from jkquiz.interop.moodle_xml import export_moodle_xml

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = etree.RelaxNG(etree.parse(str(FIXTURES / "moodle-xml-subset.rng")))


def exported(bank, **options) -> etree._Element:
    data = export_moodle_xml(bank, choose_questions(bank), **options).data
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    return etree.fromstring(data)


def valid(root: etree._Element) -> None:
    if not SCHEMA.validate(root):
        pytest.fail("\n".join(str(e) for e in SCHEMA.error_log))


def by_name(root: etree._Element) -> dict[str, etree._Element]:
    return {q.findtext("name/text"): q for q in root.iter("question") if q.get("type") != "category"}


def html_text(element: etree._Element, path: str) -> str:
    """The words Moodle shows for an HTML text field."""
    return html.fragment_fromstring(element.findtext(path), create_parent="div").text_content()


@pytest.mark.parametrize("order_as", ["matching", "ordering"])
def test_mini_and_special_banks_validate(mini_bank, order_as: str) -> None:
    valid(exported(mini_bank, order_as=order_as))
    valid(exported(load_bank(FIXTURES / "special"), order_as=order_as))


def test_the_schema_is_not_a_rubber_stamp(mini_bank) -> None:
    root = exported(mini_bank)
    answer = root.find("question[@type='multichoice']/answer")
    answer.set("fraction", "37")  # not a grade Moodle accepts
    assert not SCHEMA.validate(root)
    root = exported(mini_bank)
    question = root.find("question[@type='numerical']")
    question.remove(question.find("name"))
    assert not SCHEMA.validate(root)


def test_answers_and_grades_follow_the_grader(mini_bank) -> None:
    questions = by_name(exported(mini_bank))
    single = questions["q-s-single"]
    assert single.findtext("single") == "true" and single.findtext("idnumber") == "q-s-single"
    grades = {html_text(a, "text"): a.get("fraction") for a in single.findall("answer")}
    assert grades == {"Treaty on Basic Relations": "100", "Treaty of San Francisco": "0", "Treaty of Ganghwa": "0"}
    feedback = {html_text(a, "text"): html_text(a, "feedback/text") for a in single.findall("answer")}
    assert feedback["Treaty of Ganghwa"] == "That was the 1876 treaty that opened Korean ports."
    multiple = questions["q-s-multiple"]
    assert multiple.findtext("single") == "false"
    assert {html_text(a, "text"): a.get("fraction") for a in multiple.findall("answer")} == {
        "Eisaku Sato": "50", "Park Chung-hee": "50", "Kim Dae-jung": "-50", "Keizo Obuchi": "-50"}
    tf = questions["q-s-tf"]
    assert {a.findtext("text"): a.get("fraction") for a in tf.findall("answer")} == {"true": "0", "false": "100"}
    poll = questions["q-s-poll"]
    assert (poll.findtext("answer/text"), poll.findtext("answer/tolerance")) == ("13", "2")
    assert poll.findtext("units/unit/unit_name") == "%" and poll.findtext("unitgradingtype") == "0"
    text = questions["q-s-text-name"]
    assert [a.findtext("text") for a in text.findall("answer")] == ["Eisaku Satō", "Eisaku Sato", "佐藤栄作", "Sato Eisaku"]
    match = questions["q-s-match"]
    assert [(html_text(s, "text"), s.findtext("answer/text")) for s in match.findall("subquestion")] == [
        ("Eisaku Sato", "Japan"), ("Park Chung-hee", "South Korea")]
    order = questions["q-s-order"]
    assert order.get("type") == "matching"
    assert [s.findtext("answer/text") for s in order.findall("subquestion")] == [
        "Diplomatic relations established", "Kono Statement", "Obuchi–Kim declaration"]
    assert [t.findtext("text") for t in single.findall("tags/tag")] == ["sample", "difficulty-1"]
    general = html_text(questions["q-s-text"], "generalfeedback/text")
    assert general.startswith("Korea calls them Dokdo (독도).") and "South Korea's government:" in general


def test_ordering_type_when_asked(mini_bank) -> None:
    order = by_name(exported(mini_bank, order_as="ordering"))["q-s-order"]
    assert order.get("type") == "ordering" and order.findtext("gradingtype") == "ABSOLUTE_POSITION"
    assert [(a.get("fraction"), html_text(a, "text")) for a in order.findall("answer")] == [
        ("1", "Diplomatic relations established"), ("2", "Kono Statement"), ("3", "Obuchi–Kim declaration")]


def test_markup_in_bank_text_is_shown_as_text_not_run() -> None:
    special = load_bank(FIXTURES / "special")
    questions = by_name(exported(special))
    single = questions["q-sp-single"]
    assert html_text(single, "questiontext/text") == special.questions["q-sp-single"].prompt
    assert [html_text(a, "text") for a in single.findall("answer")] == special.questions["q-sp-single"].choices  # type: ignore[attr-defined]
    fragment = html.fragment_fromstring(single.findtext("generalfeedback/text"), create_parent="div")
    assert fragment.xpath("//script") == []  # '<script>' in the explanation stays text
    links = fragment.xpath("//a/@href")
    assert links == ["https://example.org/a?b=1&c=<2>"]
    match = questions["q-sp-match"]
    links = html.fragment_fromstring(match.findtext("generalfeedback/text"), create_parent="div").xpath("//a/@href")
    assert "javascript:alert(1)" not in links  # only http(s) sources become links


def test_partial_credit_that_moodle_cannot_grade_exactly_is_rounded_and_reported(tmp_path: Path) -> None:
    """7 right answers of 8: 1/7 is a Moodle grade (14.28571); 1 wrong answer: -100."""
    choices = [f"c{i}" for i in range(8)]
    (tmp_path / "01-many.yaml").write_text(
        "topic: {id: many, title: Many, objectives: [x]}\n"
        "facts: [{id: m-f, statement: A fact., kind: event, sources: [{title: T, quote: A fact.}]}]\n"
        "questions:\n"
        f"  - {{id: q-seven, type: multiple, prompt: Which?, choices: {choices}, answers: {choices[:7]},"
        " facts: [m-f], explanation: E., difficulty: 1}\n"
        f"  - {{id: q-thirteen, type: multiple, prompt: Which ones?, choices: {choices[:7] + ['d' + str(i) for i in range(13)]},"
        f" answers: {choices[:7]}, facts: [m-f], explanation: E., difficulty: 1}}\n",
        encoding="utf-8")
    bank = load_bank(tmp_path)
    result = export_moodle_xml(bank, choose_questions(bank))
    root = etree.fromstring(result.data)
    valid(root)
    seven = by_name(root)["q-seven"]
    assert sorted({a.get("fraction") for a in seven.findall("answer")}) == ["-100", "14.28571"]
    assert any("rounded to the nearest grade Moodle allows — 1 question (q-thirteen)" in w for w in result.warnings)
