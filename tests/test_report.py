"""`jkquiz report`: a small class answered through QuizSession and exported by the real exporter, figures checked
by hand; files of other versions and formats, cut short or edited by hand; the CLI's tables and exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from jkquiz.bank import Bank, load_bank
from jkquiz.cli import main
from jkquiz.engine import Attempt, QuizSession
from jkquiz.progress import ProgressStore, open_store, write_export
from jkquiz.progress import exportfile
from jkquiz.report import class_report, collect, learner_firsts, render_csv, render_json, render_text

FIXTURES = Path(__file__).parent / "fixtures"
A, D, B, E, C = "q-s-single", "q-s-multiple", "q-s-tf", "q-sp-tf", "q-sp-number"  # in bank order
# Each learner's first answer (score) to the five questions; sample topic: A, B, D; special topic: C, E.
#   A everyone right (too easy); B the weaker learners right (discriminates negatively); C one right (too hard);
#   D and E the stronger learners right (fine).
#          A  B  C  D    E
SCORES = [(1, 0, 1, 1.0, 1),  # L0
          (1, 0, 0, 1.0, 1),  # L1 (answers C wrong, later right: the first answer counts)
          (1, 0, 0, 1.0, 1),  # L2
          (1, 0, 0, 1.0, 1),  # L3
          (1, 1, 0, 0.5, 1),  # L4
          (1, 1, 0, 0.5, 0),  # L5
          (1, 1, 0, 0.5, 0),  # L6
          (1, 1, 0, 0.0, 0),  # L7
          (1, 1, 0, 0.0, 0),  # L8
          (1, 0, 0, 0.0, 0)]  # L9 (answers B wrong, later right)
WRONG_D = {7: ["Kim Dae-jung"], 8: ["Keizo Obuchi"], 9: ["Kim Dae-jung", "Keizo Obuchi"]}


def responses(i: int) -> dict[str, Any]:
    """Learner i's first responses, giving SCORES[i]."""
    a, b, c, d, e = SCORES[i]
    multiple = {1.0: ["Eisaku Sato", "Park Chung-hee"], 0.5: ["Eisaku Sato"]}.get(d) or WRONG_D[i]
    return {A: "Treaty on Basic Relations", D: multiple, B: not b, E: bool(e), C: 12.5 if c else 20}


def answer(store: ProgressStore, bank: Bank, who: str, given: dict[str, Any]) -> None:
    """Answer through a quiz session whose attempt hook saves to the store, as a notebook does."""
    session = QuizSession([bank.questions[q] for q in given], bank, seed=1, on_attempt=lambda a: store.record(a, who))
    for qid, response in given.items():
        assert session.submit(qid, response).verdict.valid


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """Two topics: the mini bank's 'sample' and 'special'."""
    folder = tmp_path / "bank"
    folder.mkdir()
    shutil.copy(FIXTURES / "mini" / "01-sample.yaml", folder / "01-sample.yaml")
    shutil.copy(FIXTURES / "special" / "01-special.yaml", folder / "02-special.yaml")
    return folder


@pytest.fixture
def bank(bank_dir: Path) -> Bank:
    return load_bank(bank_dir)


@pytest.fixture
def class_dir(tmp_path: Path, bank: Bank) -> Path:
    """Ten learners' exports, written by `write_export` from one store in the test's JKQUIZ_HOME."""
    store = open_store()
    for i in range(10):
        answer(store, bank, f"L{i}", responses(i))
    answer(store, bank, "L1", {C: 12.5})  # later and right: not the first answer
    answer(store, bank, "L9", {B: False})
    # L0 also answered an older wording of q-s-poll and a question since removed (the store's API, as imported)
    when = datetime(2026, 1, 5, tzinfo=timezone.utc)
    store.record(Attempt("q-s-poll", "sample", "0000000000000000", 13, "13", "correct", 1.0, 3.0, when, "old"), "L0")
    store.record(Attempt("q-s-gone", "sample", "1111111111111111", "x", "x", "wrong", 0.0, 3.0, when, "old"), "L0")
    folder = tmp_path / "class"
    folder.mkdir()
    for i in range(10):
        write_export(store, f"L{i}", folder / f"L{i}.jsonl")
    store.close()
    return folder


def hand_r(xs: list[float], ys: list[float]) -> float:
    """Pearson's r, by the textbook formula."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    return sxy / (sum((x - mx) ** 2 for x in xs) * sum((y - my) ** 2 for y in ys)) ** 0.5


def test_figures_match_the_hand_computation(class_dir: Path, bank: Bank) -> None:
    report = class_report(sorted(class_dir.glob("*.jsonl")), bank)
    assert (report.files_read, report.files_skipped, report.answers, report.problems) == (10, 0, 54, [])
    items = {r.question_id: r for r in report.items}
    assert [r.question_id for r in report.items] == [B, C, A, D, E]  # negative, too hard, too easy, then bank order
    assert {q: (r.answered, r.facility) for q, r in items.items()} == {
        A: (10, 1.0), B: (10, 0.5), C: (10, 0.1), D: (10, 0.55), E: (10, 0.5)}
    # rest score: the learner's mean over the other four questions, e.g. B for L0 = (A 1 + C 1 + D 1 + E 1) / 4
    rest_b = [1, .75, .75, .75, .625, .375, .375, .25, .25, .25]
    rest_c = [.75, .75, .75, .75, .875, .625, .625, .5, .5, .25]
    rest_d = [.75, .5, .5, .5, .75, .5, .5, .5, .5, .25]
    rest_e = [.75, .5, .5, .5, .625, .625, .625, .5, .5, .25]
    column = {name: [row[k] for row in SCORES] for k, name in enumerate((A, B, C, D, E))}
    for qid, rest in ((B, rest_b), (C, rest_c), (D, rest_d), (E, rest_e)):
        assert items[qid].discrimination == pytest.approx(hand_r(column[qid], rest))
    assert round(items[B].discrimination, 3) == -0.634 and round(items[C].discrimination, 3) == 0.218
    assert round(items[D].discrimination, 3) == 0.425 and round(items[E].discrimination, 3) == 0.299
    assert items[A].discrimination is None  # everyone right: nothing to correlate
    assert {q: r.flags for q, r in items.items()} == {
        A: ("too easy",), B: ("discriminates negatively",), C: ("too hard",), D: (), E: ()}
    assert [(p.choice, p.right, p.count) for p in items[D].picks] == [
        ("Eisaku Sato", True, 7), ("Park Chung-hee", True, 4), ("Kim Dae-jung", False, 2), ("Keizo Obuchi", False, 2)]
    assert [(p.choice, p.right, p.count) for p in items[B].picks] == [("True", False, 5), ("False", True, 5)]
    assert [(p.choice, p.count) for p in items[A].picks] == [
        ("Treaty on Basic Relations", 10), ("Treaty of San Francisco", 0), ("Treaty of Ganghwa", 0)]
    assert items[C].picks == () and items[A].other_picks == 0
    learners = {r.learner: r for r in report.learners}
    assert [r.learner for r in report.learners] == [f"L{i}" for i in range(10)]
    assert learners["L0"].topics == {"sample": pytest.approx((2 / 3, 3)), "special": (1.0, 2)}
    assert (learners["L0"].overall, learners["L0"].answered, learners["L0"].set_aside) == (0.8, 5, 2)
    assert (learners["L4"].overall, learners["L9"].overall, learners["L9"].topics["special"]) == (0.7, 0.2, (0.0, 2))
    older = [(r.question_id, r.version, r.answered, r.facility) for r in report.older]
    assert older == [("q-s-poll", "older wording", 1, 1.0), ("q-s-gone", "not in bank", 1, 0.0)]


def test_flags_need_enough_answers(class_dir: Path, bank: Bank) -> None:
    files = sorted(class_dir.glob("*.jsonl"))
    assert all(r.flags == () for r in class_report(files, bank, min_answers=11).items)
    few = class_report(files[:9], bank, min_answers=9)  # L0..L8: A still everyone right
    assert {r.question_id: r.flags for r in few.items}[A] == ("too easy",)


def test_text_report(class_dir: Path, bank: Bank) -> None:
    text = render_text(class_report(sorted(class_dir.glob("*.jsonl")), bank), width=100)
    assert text.splitlines()[:16] == [
        "Class report: 10 learners, 54 answers read from 10 files.",
        "",
        "Scores (%) from each learner's first answer to each question, by topic:",
        "Learner  Answered  Overall  sample  special",
        "L0              5       80      67      100",
        "L1              5       60      67       50",
        "L2              5       60      67       50",
        "L3              5       60      67       50",
        "L4              5       70      83       50",
        "L5              5       50      83        0",
        "L6              5       50      83        0",
        "L7              5       40      67        0",
        "L8              5       40      67        0",
        "L9              5       20      33        0",
        "Not counted: 2 first answers to an older wording or to a question no longer in the bank (the item",
        "analysis lists them apart).",
    ]
    tail = text.split("Picks: how many chose each choice.\n")[1]
    assert tail == """
Flags     Question      Topic    Type            n  Facility  Discr.
negative  q-s-tf        sample   true_false     10      0.50   -0.63
  picks: True 5 · False (right) 5
too hard  q-sp-number   special  number         10      0.10    0.22
too easy  q-s-single    sample   single         10      1.00       –
  picks: Treaty on Basic Relations (right) 10 · Treaty of San Francisco 0 · Treaty of Ganghwa 0
          q-s-multiple  sample   multiple       10      0.55    0.42
  picks: Eisaku Sato (right) 7 · Park Chung-hee (right) 4 · Kim Dae-jung 2 · Keizo Obuchi 2
          q-sp-tf       special  true_false     10      0.50    0.30
  picks: True (right) 5 · False 5

Answers to an older wording of a question, or to a question no longer in the bank (analysed apart,
never mixed with the above):

Flags          Question  Topic   Type            n  Facility  Discr.
older wording  q-s-poll  sample  number          1      1.00       –
not in bank    q-s-gone  sample                  1      0.00       –
"""
    narrow = render_text(class_report(sorted(class_dir.glob("*.jsonl")), bank), width=40, tables=("learners",))
    assert "Learner  Answered  Overall    T1    T2" in narrow and "Topics: T1 sample, T2 special" in narrow
    assert "Item analysis" not in narrow
    from jkquiz.report.render import _percent

    assert (_percent(0.625), _percent(2 / 3), _percent(None)) == ("63", "67", "–")  # half up, as people round


def test_cli_csv_json_and_sorting(class_dir: Path, bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(class_dir), "--bank", str(bank_dir), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    learners, items = out.split("\n\n")
    rows = list(csv.reader(io.StringIO(learners)))
    assert rows[0] == ["learner", "files", "answered", "overall_percent", "sample", "special", "not_counted"]
    assert rows[1] == ["L0", "1", "5", "80.0", "66.7", "100.0", "2"]
    items_rows = list(csv.DictReader(io.StringIO(items)))
    assert [r["question_id"] for r in items_rows] == [B, C, A, D, E, "q-s-poll", "q-s-gone"]
    d = items_rows[3]
    assert (d["facility"], d["discrimination"], d["flags"], d["version"]) == ("0.550", "0.425", "", "current")
    assert d["picks"] == "Eisaku Sato (right): 7; Park Chung-hee (right): 4; Kim Dae-jung: 2; Keizo Obuchi: 2"
    assert items_rows[0]["flags"] == "discriminates negatively" and items_rows[2]["discrimination"] == ""
    assert items_rows[5]["version"] == "older wording" and items_rows[6]["version"] == "not in bank"
    assert main(["report", str(class_dir), "--bank", str(bank_dir), "--format", "csv", "--items"]) == 0
    assert capsys.readouterr().out == items
    assert main(["report", str(class_dir), "--bank", str(bank_dir), "--format", "json", "--learners",
                 "--sort", "score"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "items" not in data and data["summary"]["learners"] == 10
    assert [r["learner"] for r in data["learners"]][:3] == ["L0", "L4", "L1"]  # best first; ties by name
    assert data["learners"][0]["topics"]["sample"] == {"score": 0.6667, "answered": 3}
    assert "FIRST answer" in data["definitions"]["answers"] and "at least 10" in data["definitions"]["flags"]


def test_an_export_made_twice_counts_once_and_unnamed_records_stay_apart(
        class_dir: Path, bank: Bank, tmp_path: Path) -> None:
    shutil.copy(class_dir / "L3.jsonl", tmp_path / "L3-again.jsonl")
    store = open_store(tmp_path / "other.sqlite3")
    for name in ("one", "two"):  # two learners who never set a name: both exports say "learner"
        answer(store, bank, "learner", {A: "Treaty of Ganghwa"} if name == "one" else {A: "Treaty on Basic Relations"})
        write_export(store, "learner", tmp_path / f"{name}.jsonl")
        store.rename_learner("learner", f"done-{name}")
    files = [*sorted(class_dir.glob("*.jsonl")), tmp_path / "L3-again.jsonl", tmp_path / "one.jsonl", tmp_path / "two.jsonl"]
    report = class_report(files, bank)
    assert report.notes == [f"L3: 2 files ({class_dir / 'L3.jsonl'}, {tmp_path / 'L3-again.jsonl'}); their answers "
                            "are counted once, as one learner's (an export made twice?)"]
    names = [r.learner for r in report.learners]
    assert names.count("L3") == 1 and "learner (one.jsonl)" in names and "learner (two.jsonl)" in names
    assert {r.question_id: r.answered for r in report.items}[A] == 12
    assert {r.question_id: r.facility for r in report.items}[B] == 0.5  # L3's answers not doubled


def test_learner_names_in_japanese_korean_or_with_control_characters_line_up(tmp_path: Path, bank: Bank) -> None:
    store = open_store()
    names = ["田中愛子", "김민준", "Evil\x1b[2J name", "Wolfeschlegelsteinhausenbergerdorff Jr.", "長" * 20]
    for name in names:
        answer(store, bank, name, {A: "Treaty on Basic Relations"})
        write_export(store, name, tmp_path / f"{len(name)}-{ord(name[0])}.jsonl")
    text = render_text(class_report(sorted(tmp_path.glob("*.jsonl")), bank), width=100, tables=("learners",))
    rows = text.splitlines()[3:9]
    assert rows == [
        "Learner                       Answered  Overall  sample",
        "Evil?[2J name                        1      100     100",
        "Wolfeschlegelsteinhausenber…         1      100     100",
        "田中愛子                             1      100     100",
        "長長長長長長長長長長長長長…          1      100     100",
        "김민준                               1      100     100",
    ]


def test_streaming_keeps_first_answers_not_attempts(tmp_path: Path, bank: Bank) -> None:
    path = tmp_path / "busy.jsonl"
    q = bank.questions[B]
    from jkquiz.bank.model import content_hash
    from jkquiz.progress.records import attempt_dict

    lines = [json.dumps({"format": "jkquiz-progress", "version": 1, "learner": "Busy", "attempts": 3000})]
    for i in range(3000):  # newest first, as a hand-sorted file might be: the earliest still counts
        when = datetime.fromtimestamp(1_800_000_000 - i, timezone.utc)
        lines.append(json.dumps(attempt_dict(Attempt(B, "sample", content_hash(q), i % 2 == 0, "x",
                                                     "correct" if i % 2 else "wrong", float(i % 2), 1.0, when, f"s{i}"))))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    record = collect([path], bank)
    firsts = learner_firsts([path], bank)  # what the report folds in for this learner, then drops
    assert record.answers == 3000 and list(firsts) == [(B, content_hash(q))]
    first = firsts[(B, content_hash(q))]
    assert (first.score, first.response) == (1.0, False) and first.answered_at.timestamp() == 1_800_000_000 - 2999


def write_lines(path: Path, *lines: Any) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
                    encoding="utf-8")
    return path


def test_bad_files_are_skipped_by_name_and_the_rest_reported(
        class_dir: Path, bank_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = (class_dir / "L5.jsonl").read_text(encoding="utf-8").splitlines()
    header, line = json.loads(good[0]), good[1]
    bad = tmp_path / "bad"
    bad.mkdir()
    write_lines(bad / "v2.jsonl", {**header, "learner": "Newer", "version": 2}, line)
    write_lines(bad / "v0.jsonl", {**header, "learner": "Zero", "version": 0}, line)
    write_lines(bad / "noversion.jsonl", {k: v for k, v in header.items() if k != "version"}, line)
    write_lines(bad / "text-version.jsonl", {**header, "version": "1"}, line)
    write_lines(bad / "grades.jsonl", "name,score", "Kim,80")  # a CSV given a .jsonl name
    write_lines(bad / "array.jsonl", [header, json.loads(line)])
    (bad / "empty.jsonl").write_text("", encoding="utf-8")
    sqlite3.connect(bad / "db.jsonl").execute("CREATE TABLE t (x)").connection.commit()  # another program's file
    (bad / "binary.jsonl").write_bytes(bytes(range(14, 256)) * 1000)  # no line end in 242 kB
    cut = (class_dir / "L6.jsonl").read_text(encoding="utf-8")
    (bad / "cut.jsonl").write_text(cut[: len(cut) - 30], encoding="utf-8")  # cut inside its last line
    edited = [json.loads(x) for x in (class_dir / "L7.jsonl").read_text(encoding="utf-8").splitlines()]
    edited[1]["score"] = 2
    write_lines(bad / "edited.jsonl", *edited)
    status = main(["report", str(class_dir), str(bad), str(tmp_path / "missing.jsonl"), "--bank", str(bank_dir),
                   "--format", "json"])
    captured = capsys.readouterr()
    assert status == 1
    err = captured.err.splitlines()
    assert f"{bad / 'v2.jsonl'}:1: this export is format version 2, written by a newer jkquiz; this version reads " \
           "up to 1. Update jkquiz to read it. (file skipped)" in err
    assert f"{bad / 'v0.jsonl'}:1: format version 0 does not exist (versions start at 1); edited by hand? " \
           "(file skipped)" in err
    assert f"{bad / 'noversion.jsonl'}:1: the header gives no format version (every jkquiz export has " \
           '"version": 1 or later); edited by hand? (file skipped)' in err
    assert f"{bad / 'text-version.jsonl'}:1: the header's version should be a whole number, not '1' (file skipped)" in err
    for name in ("grades", "array", "empty", "db", "binary"):
        assert any(e.startswith(f"{bad / name}.jsonl:1: not a jkquiz progress export") and e.endswith("(file skipped)")
                   for e in err), name
    assert any(e.startswith(f"{bad / 'cut.jsonl'}:6: not valid JSON") and e.endswith("(line skipped)") for e in err)
    assert any(e.startswith(f"{bad / 'edited.jsonl'}:2: score: Input should be less than or equal to 1") for e in err)
    assert f"cannot read {tmp_path / 'missing.jsonl'}: No such file or directory (file skipped)" in err
    assert f"note: L6: 2 files ({class_dir / 'L6.jsonl'}, {bad / 'cut.jsonl'}); their answers are counted once, " \
           "as one learner's (an export made twice?)" in err
    data = json.loads(captured.out)
    assert data["summary"] == {"learners": 10, "answers": 54 + 4 + 4, "files_read": 12, "files_skipped": 10,
                               "min_answers": 10}
    assert len(data["problems"]) == 12
    # cut.jsonl (L6) and edited.jsonl (L7) are the same learners again: their good lines change nothing
    assert {r["question_id"]: r["facility"] for r in data["items"]}[B] == 0.5


def test_an_older_version_is_upgraded_line_by_line(
        class_dir: Path, bank: Bank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Were version 0 to have called `score` `points`, an UPGRADES step renames it, and the file reads as version 1."""
    lines = [json.loads(x) for x in (class_dir / "L0.jsonl").read_text(encoding="utf-8").splitlines()]
    old = [{**lines[0], "version": 0}] + [{("points" if k == "score" else k): v for k, v in x.items()} for x in lines[1:]]
    path = write_lines(tmp_path / "L0-v0.jsonl", *old)
    refused = collect([path], bank)
    assert refused.files_skipped == 1 and "format version 0 does not exist" in refused.problems[0]

    def from_0(line: dict[str, Any]) -> dict[str, Any]:
        return {("score" if k == "points" else k): v for k, v in line.items()}

    monkeypatch.setattr(exportfile, "OLDEST", 0)
    monkeypatch.setitem(exportfile.UPGRADES, 0, from_0)
    assert exportfile.upgrade_line({"points": 1.0, "x": 1}, 0) == {"score": 1.0, "x": 1}
    assert exportfile.upgrade_line({"score": 1.0}, 1) == {"score": 1.0}  # the current version is left alone
    upgraded = class_report([path], bank, min_answers=1)
    same = class_report([class_dir / "L0.jsonl"], bank, min_answers=1)
    assert upgraded.problems == [] and upgraded.answers == 7
    assert upgraded.learners == same.learners and upgraded.items == same.items


def test_usage_errors_exit_2(class_dir: Path, bank_dir: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["report"], ["report", str(class_dir), "--min-answers", "0"],
                 ["report", str(class_dir), "--items", "--learners"], ["report", str(class_dir), "--format", "xls"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2, argv
    capsys.readouterr()
    assert main(["report", str(class_dir), "--bank", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(empty), "--bank", str(bank_dir)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"{empty}: no .jsonl files in this folder\n"
    assert captured.out.startswith("Class report: 0 learners, 0 answers read from 0 files.\n")


def test_streamed_figures_equal_a_direct_computation_on_a_random_class(tmp_path: Path, bank: Bank) -> None:
    """A random class (learners split over two files, answers repeated, out of order, to older wordings and to a
    removed question, odd responses): the report's streamed figures equal pandas/numpy on every first answer."""
    import random

    import numpy as np
    import pandas as pd

    from jkquiz.bank.model import content_hash

    rng = random.Random(15)
    current = {qid: content_hash(q) for qid, q in bank.questions.items()}
    qids = [A, D, B, E, C, "q-sp-single", "q-sp-multiple", "q-s-number", "q-s-islets-japan"]
    rows = []
    for i in range(120):
        who, ability = f"P{i:03d}", rng.random()
        lines = []
        for k in range(rng.randint(1, 14)):
            qid = rng.choice(qids + ["q-s-gone"])
            q = bank.questions.get(qid)
            chash = "0" * 16 if q is not None and rng.random() < 0.15 else current.get(qid, "1" * 16)
            score = rng.choice([0.0, 0.5, 1.0, 1 / 3]) if q is not None and q.type == "multiple" else \
                float(rng.random() < ability)
            kind = q.type if q is not None else "number"
            response: Any = {"single": lambda: rng.choice([*q.choices, "edited by hand"]),  # type: ignore[union-attr]
                             "multiple": lambda: rng.sample([*q.choices, "x"], rng.randint(0, 3)),  # type: ignore[union-attr]
                             "true_false": lambda: rng.choice([True, False, 1, "True"])}.get(kind, lambda: 7)()
            when = datetime(2026, 1, 1, tzinfo=timezone.utc).timestamp() + i * 10_000 + rng.randrange(9_999)
            at = datetime.fromtimestamp(when, timezone.utc)
            if any(r["t"] == at for r in rows):
                continue  # equal times: which is first would depend on file order, not under test here
            status = "correct" if score >= 1 else "wrong" if score <= 0 else "partial"
            attempt = Attempt(qid, q.topic if q is not None else "sample", chash, response, str(response), status,
                              score, 2.0, at, f"s{i}")
            lines.append(attempt.line())
            rows.append({"learner": who, "qid": qid, "hash": chash, "score": score, "response": response, "t": at})
        rng.shuffle(lines)
        split = rng.randint(0, len(lines)) if rng.random() < 0.2 else len(lines)
        for part, chunk in enumerate((lines[:split], lines[split:])):
            if chunk or part == 0:
                write_lines(tmp_path / f"{who}-{part}.jsonl",
                            {"format": "jkquiz-progress", "version": 1, "learner": who, "attempts": len(chunk)}, *chunk)
    files = sorted(tmp_path.glob("*.jsonl"))
    rng.shuffle(files)  # a learner's two files far apart in the list
    report = class_report(files, bank, min_answers=5)
    assert report.problems == [] and report.answers == len(rows)

    frame = pd.DataFrame(rows)
    first = frame.sort_values("t").drop_duplicates(["learner", "qid", "hash"]).copy()
    first["current"] = [current.get(q) == h for q, h in zip(first["qid"], first["hash"])]
    mine = first[first["current"]]
    total = mine.groupby("learner")["score"].sum()
    count = mine.groupby("learner")["score"].count()
    first["T"] = first["learner"].map(total).fillna(0.0)
    first["c"] = first["learner"].map(count).fillna(0).astype(int)
    first["rest_c"] = first["c"] - first["current"].astype(int)
    first["rest"] = (first["T"] - first["score"] * first["current"]) / first["rest_c"].where(first["rest_c"] > 0)

    items = {(r.question_id, r.content_hash): r for r in report.items + report.older}
    assert set(items) == set(first.groupby(["qid", "hash"]).groups)
    for (qid, chash), group in first.groupby(["qid", "hash"]):
        row = items[(qid, chash)]
        assert row.answered == len(group) and row.facility == pytest.approx(group["score"].mean(), abs=1e-12)
        pairs = group.dropna(subset=["rest"])
        spread = len(pairs) >= 3 and pairs["score"].std() > 0 and pairs["rest"].std() > 1e-12
        if spread:
            assert row.discrimination == pytest.approx(np.corrcoef(pairs["score"], pairs["rest"])[0, 1], abs=1e-7)
        else:
            assert row.discrimination is None, (qid, chash)
        q = bank.questions.get(qid)
        if q is not None and chash == current[qid] and q.type in ("single", "multiple", "true_false"):
            given = list(group["response"])
            if q.type == "single":
                expected = [(c, c == q.answer, sum(r == c and isinstance(r, str) for r in given)) for c in q.choices]
                other = sum(not (isinstance(r, str) and r in q.choices) for r in given)
            elif q.type == "multiple":
                expected = [(c, c in q.answers, sum(isinstance(r, list) and c in r for r in given)) for c in q.choices]
                other = sum(len({x for x in r if x not in q.choices}) if isinstance(r, list) else 1 for r in given)
            else:
                expected = [(str(v), v is q.answer, sum(r is v for r in given)) for v in (True, False)]
                other = sum(not isinstance(r, bool) for r in given)
            assert [(p.choice, p.right, p.count) for p in row.picks] == expected and row.other_picks == other
    learners = {r.learner: r for r in report.learners}
    assert sorted(learners) == sorted(frame["learner"].unique())
    for who, group in first.groupby("learner"):
        row, now = learners[who], group[group["current"]]
        assert (row.answered, row.set_aside) == (len(now), len(group) - len(now))
        assert row.files == len([f for f in files if f.name.startswith(f"{who}-")])
        assert row.overall == (pytest.approx(now["score"].mean()) if len(now) else None)
        by_topic = now.assign(topic=[bank.questions[q].topic for q in now["qid"]]).groupby("topic")["score"]
        assert dict(row.topics) == {t: (pytest.approx(s.mean()), len(s)) for t, s in by_topic}

    text = render_json(report)  # written a learner at a time, yet the very text json.dumps makes of the whole
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=1)
    assert render_csv(report) == render_csv(report, tables=("learners",)) + "\n" + render_csv(report, tables=("items",))
