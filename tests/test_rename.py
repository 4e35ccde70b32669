"""A renamed question (`renamed_from:`) keeps every learner's answers and review card; validate catches a rename
or removal that would leave answers behind."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import jkquiz
from jkquiz.bank import load_bank
from jkquiz.bank.identity import ANSWERED_IDS
from jkquiz.bank.model import content_hash
from jkquiz.cli import main
from jkquiz.study import learner, overview, progress_store, store_for


def answer(view, value) -> str:
    view.area.children[0].value = value
    view.check_button.click()
    return re.sub(r"<[^>]+>", "", view.feedback.value)


def renamed_copy(source: Path, target: Path, *, declare: bool = True, extra: str = "") -> Path:
    """The mini bank with q-s-number renamed to q-s-treaty-year (declared in renamed_from, or not)."""
    shutil.copytree(source, target)
    path = target / "01-sample.yaml"
    text = path.read_text(encoding="utf-8")
    new = "  - id: q-s-treaty-year\n" + ("    renamed_from: [q-s-number]\n" if declare else "") + extra
    assert text.count("  - id: q-s-number\n") == 1
    path.write_text(text.replace("  - id: q-s-number\n", new), encoding="utf-8")
    return target


def test_a_renamed_question_keeps_its_attempts_and_card(mini_bank, mini_bank_dir: Path, tmp_path: Path) -> None:
    for value in ("1966", "1965"):  # wrong, then right: two attempts, a card reviewed twice
        answer(jkquiz.ask("q-s-number", bank=mini_bank), value)
    store, who = progress_store(), learner()
    before = store.cards(who)
    assert [c.question_id for c in before] == ["q-s-number"] and before[0].reviews == 2
    renamed = load_bank(renamed_copy(mini_bank_dir, tmp_path / "bank"))
    q = renamed.questions["q-s-treaty-year"]
    assert "q-s-number" not in renamed.questions and q.renamed_from == ["q-s-number"]

    store_for(renamed)
    attempts = list(store.attempts(who))
    assert [(a.question_id, a.status) for a in attempts] == [("q-s-treaty-year", "wrong"), ("q-s-treaty-year", "correct")]
    assert {a.content_hash for a in attempts} == {content_hash(q)}  # unchanged but for its id: still current
    (card,) = store.cards(who)
    old = before[0]
    assert (card.question_id, card.reviews, card.due, card.state, card.stability, card.last_status) == (
        "q-s-treaty-year", old.reviews, old.due, old.state, old.stability, old.last_status)
    row = {r.topic: r for r in overview(bank=renamed).rows}["sample"]
    assert row.answered == 1 and row.correct == 1  # counted as answered in its current wording

    later = datetime.now(timezone.utc) + timedelta(days=400)
    review = jkquiz.review(now=later, bank=renamed)
    assert review.quiz is not None and [i.question.id for i in review.quiz.session.items] == ["q-s-treaty-year"]


def test_a_rename_with_a_changed_question_keeps_the_answers_but_starts_the_card_afresh(
        mini_bank, mini_bank_dir: Path, tmp_path: Path) -> None:
    answer(jkquiz.ask("q-s-number", bank=mini_bank), "1965")
    path = renamed_copy(mini_bank_dir, tmp_path / "bank") / "01-sample.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: q-s-treaty-year")
    prompt = text.index("prompt:", start)
    path.write_text(text[:prompt] + "prompt: In what year were relations established?\n" +
                    text[text.index("\n", prompt) + 1:], encoding="utf-8")
    renamed = load_bank(path.parent)
    store = store_for(renamed)
    (attempt,) = store.attempts(learner())
    assert attempt.question_id == "q-s-treaty-year" and attempt.content_hash != content_hash(renamed.questions["q-s-treaty-year"])
    due = store.due(learner(), datetime.now(timezone.utc), {"q-s-treaty-year": content_hash(renamed.questions["q-s-treaty-year"])})
    assert [(d.question_id, d.changed) for d in due] == [("q-s-treaty-year", True)]


def test_validate_catches_a_rename_that_would_orphan_answers(mini_bank_dir: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    undeclared = renamed_copy(mini_bank_dir, tmp_path / "undeclared", declare=False)
    (undeclared / ANSWERED_IDS).write_text("# ids learners may have answered\nq-s-single\nq-s-number\n", encoding="utf-8")
    assert main(["validate", "--format", "json", str(undeclared)]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert [(p["line"], p["id"], p["message"]) for p in problems] == [(3, "q-s-number", (
        "question 'q-s-number' is no longer in the bank, so learners' answers to it would be orphaned: if it was "
        "renamed, add 'renamed_from: [q-s-number]' to it; if it was removed on purpose, delete this line"))]

    declared = renamed_copy(mini_bank_dir, tmp_path / "declared")
    shutil.copy(undeclared / ANSWERED_IDS, declared / ANSWERED_IDS)
    assert main(["validate", str(declared)]) == 0


def test_validate_refuses_a_renamed_from_that_is_still_in_use(mini_bank_dir: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    bank = renamed_copy(mini_bank_dir, tmp_path / "bank")
    path = bank / "01-sample.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("renamed_from: [q-s-number]", "renamed_from: [q-s-number, q-s-tf]"),
                    encoding="utf-8")
    assert main(["validate", "--format", "json", str(bank)]) == 1
    (problem,) = json.loads(capsys.readouterr().out)
    assert problem["id"] == "q-s-treaty-year" and problem["field"] == "renamed_from.1"
    assert problem["message"].startswith("'q-s-tf' in renamed_from is still the id of an item (")


def test_the_class_report_counts_answers_under_the_earlier_id_for_the_renamed_question(
        mini_bank, mini_bank_dir: Path, tmp_path: Path) -> None:
    from jkquiz.progress import write_export
    from jkquiz.report import class_report

    answer(jkquiz.ask("q-s-number", bank=mini_bank), "1965")
    export = tmp_path / "learner.jsonl"
    write_export(progress_store(), learner(), export)
    renamed = load_bank(renamed_copy(mini_bank_dir, tmp_path / "bank"))
    rows = {row.question_id: row for row in class_report([export], renamed, min_answers=1).items}
    assert "q-s-number" not in rows
    row = rows["q-s-treaty-year"]
    assert (row.answered, row.facility, row.version) == (1, 1.0, "current")
