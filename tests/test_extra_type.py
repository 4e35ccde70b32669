"""A new question type is one module's worth of code plus its widget renderer: registered, it is loaded,
quizzed (widgets included), graded, exported and described by the schema, with nothing else changed."""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from html import escape
from pathlib import Path
from typing import Any, Literal

import ipywidgets as w
import pytest
from pydantic import Field

from jkquiz.bank import load_bank
from jkquiz.bank.schema import bank_schema
from jkquiz.engine import QuizSession, grade, lay_out
from jkquiz.interop.anki import export_anki
from jkquiz.interop.gift import export_gift
from jkquiz.interop.html import export_html
from jkquiz.interop.jupyterquiz import export_jupyterquiz
from jkquiz.interop.moodle_xml import export_moodle_xml
from jkquiz.types import QuestionType, register, unregister
from jkquiz.types.base import Layout, QuestionBase, Text, Verdict, from_score, invalid
from jkquiz.types.export import Notes, escape_gift, para, xml_answer
from jkquiz.widgets import QuizView
from jkquiz.widgets.inputs import RENDERERS, Renderer

# --- the whole "initial" type: a name's first letter, as a small new maintainer would write it ---------


class InitialQuestion(QuestionBase):
    """The first letter of a name."""

    type: Literal["initial"] = Field(description="The first letter of the answer.")
    answer: Text = Field(description="The name whose first letter is asked for.")


def grade_initial(q: InitialQuestion, response: Any) -> Verdict:
    if not isinstance(response, str) or len(response.strip()) != 1:
        return invalid("Type one letter.")
    return from_score(1.0 if response.strip().upper() == q.answer[0].upper() else 0.0)


def gift_initial(q: InitialQuestion, notes: Notes) -> str:
    return f"\t=%100%{escape_gift(q.answer[0])}\n"


def moodle_initial(element: ET.Element, q: InitialQuestion, notes: Notes) -> None:
    ET.SubElement(element, "usecase").text = "0"
    xml_answer(element, "100", q.answer[0], fmt="moodle_auto_format")


INITIAL = QuestionType(
    name="initial",
    model=InitialQuestion,
    grade=grade_initial,
    answer_text=lambda q: q.answer[0].upper(),
    label="First letter",
    help="the first letter of a name",
    lay_out=lambda q, rng: Layout(),
    hint="Type one letter.",
    gift=gift_initial,
    moodle_type=lambda q, order_as: "shortanswer",
    moodle_body=moodle_initial,
    anki_choices=lambda q: para("Type the first letter."),
    html_data=lambda q: {"answer": q.answer[0]},
    html_input=lambda q, options, pid: f'<input type="text" maxlength="1" id="in-{escape(q.id)}">',
)


class InitialRenderer(Renderer):
    """A one-letter box."""

    def build(self) -> w.Widget:
        return w.Text(value="", description="Letter")

    def response(self) -> Any:
        return self.widget.value


QUESTION = """
  - id: q-s-initial
    type: initial
    prompt: With which letter does the name of the Prime Minister who signed the 1965 treaty begin?
    answer: Eisaku Sato
    facts: [s-sato]
    explanation: Eisaku Sato was Prime Minister of Japan in 1965.
    difficulty: 1
"""


@pytest.fixture
def initial_bank(tmp_path: Path, mini_bank_dir: Path):
    """The mini bank plus one 'initial' question, with the type and its renderer registered."""
    register(INITIAL)
    RENDERERS["initial"] = InitialRenderer
    folder = tmp_path / "bank"
    shutil.copytree(mini_bank_dir, folder)
    path = folder / "01-sample.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nquestions:\n" in text
    path.write_text(text.replace("\nquestions:\n", "\nquestions:" + QUESTION, 1), encoding="utf-8")
    try:
        yield load_bank(folder)
    finally:
        unregister("initial")
        RENDERERS.pop("initial", None)


def test_a_registered_type_is_loaded_graded_and_quizzed(initial_bank) -> None:
    q = initial_bank.questions["q-s-initial"]
    assert isinstance(q, InitialQuestion) and q.topic == "sample"
    assert grade(q, "e").correct and not grade(q, "K").correct and not grade(q, "Ei").valid
    assert lay_out(q, random.Random(1)) == Layout()

    session = QuizSession([q], initial_bank, seed=1)
    feedback = session.submit("q-s-initial", "e")
    assert feedback.verdict.correct and feedback.answer == "E"
    assert feedback.sources[0].quote == "Eisaku Sato (佐藤栄作)"

    view = QuizView(QuizSession([q], initial_bank, seed=1), single=True)
    assert "Type one letter." in view.prompt.value
    view.area.children[0].value = "k"
    view.check_button.click()
    text = re.sub(r"<[^>]+>", "", view.feedback.value)
    assert "✘ Not quite." in text and "Your answer: k · Right answer: E" in text


def test_a_registered_type_is_exported_and_in_the_schema(initial_bank) -> None:
    questions = [initial_bank.questions["q-s-initial"]]
    gift = export_gift(initial_bank, questions)
    assert gift.count == 1 and "::q-s-initial::[plain]" in gift.data.decode() and "\t=%100%E\n" in gift.data.decode()

    quiz = ET.fromstring(export_moodle_xml(initial_bank, questions).data)
    element = quiz.find("question[@type='shortanswer']")
    assert element is not None and element.findtext("answer/text") == "E"

    html = export_html(initial_bank, questions, files={"sample": "01-sample.yaml"})  # pages are named like the bank files
    page = html.pages["01-sample.html"].decode()
    assert 'maxlength="1" id="in-q-s-initial"' in page and '"type":"initial"' in page

    anki = export_anki(initial_bank, questions, timestamp=1_700_000_000)
    assert anki.count == 1 and zipfile.is_zipfile(io.BytesIO(anki.data))

    jq = export_jupyterquiz(initial_bank, questions)  # no hook: left out, and said so
    assert jq.count == 0 and json.loads(jq.data) == []
    assert jq.warnings == ["jupyterquiz: jupyterquiz has no initial questions: left out — 1 question (q-s-initial)"]

    schema = json.dumps(bank_schema())
    assert '"initial"' in schema and "The first letter of the answer." in schema


def test_unregistered_the_type_is_unknown_again(initial_bank, mini_bank_dir: Path) -> None:
    unregister("initial")
    assert '"initial"' not in json.dumps(bank_schema())
    assert "q-s-initial" not in load_bank(mini_bank_dir).questions
