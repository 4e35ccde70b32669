"""The instructor's question form: fields per type, live preview, Save through the same checks as `jkquiz add`."""

from __future__ import annotations

import json
import re
import shutil
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


def test_fields_follow_the_type(form) -> None:
    shown = lambda: [c.description for c in form.answer_box.children]  # noqa: E731
    assert shown() == ["Choices", "Right choice"]
    form.qtype.value = "number"
    assert shown() == ["Answer", "Tolerance", "Unit"]
    form.qtype.value = "match"
    assert shown() == ["Pairs"]
    form.choices.value = "A\nB\n\nC"
    assert form.answer.options == ("A", "B", "C") and form.answers.options == ("A", "B", "C")
    assert [label.split(" — ")[0] for label, _ in form.facts.options] == [
        "s-treaty", "s-sato", "s-park", "s-kim", "s-kono", "s-islets", "s-poll"]


def test_preview_shows_the_question_as_learners_see_it(form) -> None:
    assert form.preview.children == () and "Start with the prompt" in form.messages.value
    form.prompt.value = "Which treaty did Japan and <b>Korea</b> sign in 1965?"
    assert "missing required field &#x27;choices&#x27;" in form.messages.value
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
    assert "missing required field &#x27;facts&#x27;" in form.messages.value
    form.facts.value = ("s-treaty",)
    form.prompt.value = "In which year, 1965 or another, was the Treaty on Basic Relations signed?"
    form.qtype.value = "number"
    form.number.value = "1965"
    assert "gives away the answer &#x27;1965&#x27;" in form.messages.value  # a bank check, before saving
    assert form.save() is False and "Not saved" in form.messages.value
    assert "1965 or another" not in (Path(form.bank_path) / "01-sample.yaml").read_text(encoding="utf-8")


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
