"""The instructor's question form: fields per type, live preview, Save through the same checks as `jkquiz add`."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

import jkquiz
from jkquiz.bank import load_bank
from jkquiz.widgets import QuizView

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def form(tmp_path: Path, mini_bank_dir: Path):
    target = tmp_path / "bank"
    shutil.copytree(mini_bank_dir, target)
    return jkquiz.authoring_form(target)


def fill_single(form) -> None:
    form.prompt.value = "Which treaty did Japan and <b>Korea</b> sign in 1965?"
    form.choices.value = "Treaty on Basic Relations\nTreaty of Ganghwa\n\nTreaty of Portsmouth"
    form.answer.value = "Treaty on Basic Relations"
    form.facts.value = ("s-treaty",)
    form.explanation.value = "The Treaty on Basic Relations, June 1965."


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def problems(form) -> list[str]:
    """The problems the form lists, as the instructor reads them."""
    return [unescape(text_of(item)) for item in re.findall(r"<li>(.*?)</li>", form.messages.value)]


def test_fields_follow_the_type(form) -> None:
    shown = lambda: [c.description for c in form.answer_box.children]  # noqa: E731
    assert shown() == ["Choices", "Right choice"]
    form.qtype.value = "number"
    assert shown() == ["Answer", "Tolerance", "Unit"]
    form.qtype.value = "match"
    assert shown() == ["Pairs"]
    form.choices.value = "A\nB\n\nC"
    assert form.answer.options == ("A", "B", "C") and form.answers.options == ("A", "B", "C")
    assert list(form.facts.boxes) == ["s-treaty", "s-sato", "s-park", "s-kim", "s-kono", "s-islets", "s-poll"]


def test_preview_shows_the_question_as_learners_see_it(form) -> None:
    assert form.preview.children == () and "Start with the prompt" in form.messages.value
    form.prompt.value = "Which treaty did Japan and <b>Korea</b> sign in 1965?"
    assert "<li>Choices: this field is required</li>" in form.messages.value
    fill_single(form)
    assert form.messages.value == ""
    (view,) = form.preview.children
    assert isinstance(view, QuizView)
    assert "Which treaty did Japan and &lt;b&gt;Korea&lt;/b&gt; sign in 1965?" in view.prompt.value
    radio = view.area.children[0]
    assert sorted(radio.options) == ["Treaty of Ganghwa", "Treaty of Portsmouth", "Treaty on Basic Relations"]
    radio.value = "Treaty on Basic Relations"  # the instructor tries it out
    view.check_button.click()
    assert text_of(view.feedback.value).startswith("✔ Correct.")


def test_problems_are_shown_in_the_form_and_nothing_is_saved(form) -> None:
    fill_single(form)
    form.facts.value = ()
    assert problems(form) == ["Facts: this field is required"]
    form.facts.value = ("s-treaty",)
    form.prompt.value = "In which year, 1965 or another, was the Treaty on Basic Relations signed?"
    form.qtype.value = "number"
    form.number.value = "1965"
    assert "gives away the answer &#x27;1965&#x27;" in form.messages.value  # a bank check, before saving
    assert form.save() is False and "Not saved" in form.messages.value
    assert "1965 or another" not in (Path(form.bank_path) / "01-sample.yaml").read_text(encoding="utf-8")


def test_every_problem_names_its_field_as_the_form_labels_it(form) -> None:
    """Never the bank's keys ('answer', 'facts', 'pairs.1'): the label beside the field, and the line in a list."""
    form.prompt.value = "Which treaty?"
    assert problems(form) == ["Right choice: this field is required", "Choices: this field is required",
                              "Explanation: this field is required", "Facts: this field is required"]
    form.explanation.value = "Because."
    form.facts.value = ("s-treaty",)
    form.qtype.value = "number"
    form.number.value = "about 1965"
    assert problems(form) == ["Answer: must be a number, not 'about 1965'"]
    form.qtype.value = "text"
    assert problems(form) == ["Answer: this field is required"]
    form.qtype.value = "match"
    form.pairs.value = "Kono Statement -> 1993\nTreaty on Basic Relations"
    assert problems(form) == ["Pairs, line 2: this field is required"]
    form.qtype.value = "multiple"
    form.choices.value = "A\nB"
    form.qid.value = "Bad Id"
    form.tags.value = "treaty, Bad tag"
    assert problems(form) == ["Right choices: this field is required",
                              "Id: 'Bad Id' is not a valid id: use lowercase letters, digits and '-'",
                              "Tags, line 2: 'Bad tag' is not a valid id: use lowercase letters, digits and '-'"]
    for text in problems(form):
        assert not re.search(r"'(answers?|facts|pairs|choices|explanation|prompt|tags|id)'|\w\.\d", text), text


def test_facts_are_picked_by_ticking_boxes_with_a_filter(form) -> None:
    picker = form.facts
    assert "Tick the facts" in picker.picked.value
    picker.filter.value = "kono statement"
    shown = [fact_id for fact_id, box in picker.boxes.items() if box.layout.display != "none"]
    assert shown == ["s-kono"]
    picker.boxes["s-kono"].value = True
    picker.filter.value = "Eisaku"
    picker.boxes["s-sato"].value = True
    assert form.facts.value == ("s-kono", "s-sato") and "Chosen: s-kono, s-sato" in picker.picked.value
    picker.filter.value = ""
    assert all(box.layout.display != "none" for box in picker.boxes.values())
    picker.boxes["s-kono"].value = False
    assert form.facts.value == ("s-sato",)
    form.facts.value = ("s-treaty",)  # set from Python (a test, a notebook): the boxes follow
    assert [f for f, box in picker.boxes.items() if box.value] == ["s-treaty"]


def test_a_fact_with_native_names_both_sides_and_coordinates(form) -> None:
    form.what.value = "fact"
    assert form.fact_form in form.children and form.question_box not in form.children
    fields = form.fact_form.controls
    fields["statement"].value = "The islets Korea calls Dokdo (독도) and Japan calls Takeshima (竹島) lie east of Ulleungdo."
    fields["kind"].value = "place"
    fields["coords"].value = "137.24, 131.87"
    fields["japan_holds"].value = "Japan's government holds that Takeshima is part of Japan's territory."
    fields["ko"].value = "독도"
    fields["source_title"].value = "Sample source"
    fields["quote"].value = "Dokdo (독도)"
    assert problems(form.fact_form) == [
        "Coordinates: latitude 137.24 is out of range: it must be between -90 (south) and 90 (north)",
        "Japan holds: a contested fact needs both sides: add South Korea holds too"]
    fields["coords"].value = "37.24, 131.87"
    fields["korea_holds"].value = "South Korea's government holds that Dokdo is part of Korea's territory."
    fields["ja"].value = "竹島"
    assert problems(form.fact_form) == [
        "Japanese: '竹島' appears in none of this fact's source quotes: quote a source that gives it, or remove it"]
    fields["quote"].value = "Dokdo (독도) and Takeshima (竹島)"
    assert problems(form.fact_form) == [] and "coords: [37.24, 131.87]" in form.fact_form.preview.value
    assert form.fact_form.save() is True and "s-dokdo-takeshima-ulleungdo" in form.fact_form.messages.value
    fact = load_bank(form.bank_path).facts["s-dokdo-takeshima-ulleungdo"]
    assert fact.contested and fact.coords == (37.24, 131.87) and fact.terms is not None and fact.terms.ja == "竹島"
    assert "s-dokdo-takeshima-ulleungdo" in form.facts.boxes  # a question can rest on it at once


def test_save_writes_through_the_bank_checks_and_refuses_a_second_copy(form) -> None:
    fill_single(form)
    form.tags.value = "treaty, normalization"
    assert form.save() is True
    assert "Saved" in form.messages.value and "q-s-japan-sign-1965" in form.messages.value
    question = load_bank(form.bank_path).questions["q-s-japan-sign-1965"]
    assert question.choices == ["Treaty on Basic Relations", "Treaty of Ganghwa", "Treaty of Portsmouth"]  # type: ignore[attr-defined]
    assert question.tags == ["treaty", "normalization"]
    assert form.save() is False and "already in the bank as" in form.messages.value


def test_the_instructor_notebook_runs_and_shows_the_form() -> None:
    import nbformat
    from nbclient import NotebookClient

    path = ROOT / "notebooks" / "instructor" / "add-questions.ipynb"
    notebook = nbformat.read(str(path), as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(len(c.source.splitlines()) <= 2 for c in code)  # short calls to the public API
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    texts = [o.get("data", {}).get("text/plain", "") for o in outputs]
    assert any(t.startswith("<jkquiz question form:") for t in texts)
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    json.dumps(notebook)  # outputs serialise
