"""Progress export and import: the exact file format, merging without duplicates, bad lines reported, the CLI."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from jkquiz.cli import main
from jkquiz.engine import Attempt
from jkquiz.errors import ProgressError
from jkquiz.progress import import_file, open_store, write_export
from jkquiz.progress.transfer import export_lines

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def attempts(count: int = 3) -> list[Attempt]:
    statuses = ["correct", "wrong", "partial"]
    return [Attempt(f"q-{i % 2}", "territory", "0123456789abcdef", ["Dokdo", "독도"], "Dokdo, 독도", statuses[i % 3],
                    [1.0, 0.0, 0.5][i % 3], 4.5 + i, T0 + timedelta(minutes=i), f"sess{i}") for i in range(count)]


@pytest.fixture
def store(tmp_path: Path):
    store = open_store(tmp_path / "source.sqlite3")
    for a in attempts():
        store.record(a, "Kim Min-jun")
    return store


def test_export_format_line_by_line(store) -> None:
    lines = list(export_lines(store, "Kim Min-jun", now=T0 + timedelta(days=1)))
    assert json.loads(lines[0]) == {"format": "jkquiz-progress", "version": 1, "learner": "Kim Min-jun", "attempts": 3,
                                    "exported_at": "2026-03-02T09:00:00.000000Z", "jkquiz": "0.1.0"}
    assert lines[1] == ('{"question_id": "q-0", "topic": "territory", "content_hash": "0123456789abcdef", '
                        '"response": ["Dokdo", "독도"], "response_text": "Dokdo, 독도", "status": "correct", '
                        '"score": 1.0, "seconds": 4.5, "answered_at": "2026-03-01T09:00:00.000000Z", "session_id": "sess0"}')
    assert [json.loads(line)["session_id"] for line in lines[1:]] == ["sess0", "sess1", "sess2"]  # in time order


def test_round_trip_and_a_second_import_adds_nothing(store, tmp_path: Path) -> None:
    path = tmp_path / "kim.jsonl"
    assert write_export(store, "Kim Min-jun", path) == 3
    target = open_store(tmp_path / "target.sqlite3")
    report = import_file(target, path)
    assert (report.learner, report.read, report.added, report.duplicates, report.problems) == ("Kim Min-jun", 3, 3, 0, [])
    assert list(target.attempts("Kim Min-jun")) == attempts()
    assert target.cards("Kim Min-jun") == store.cards("Kim Min-jun")
    again = import_file(target, path)
    assert (again.added, again.duplicates) == (0, 3) and target.count() == 3
    assert import_file(target, path, "Kim").added == 3  # under another name it is another record


def test_truncated_export_keeps_every_whole_line(store, tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    write_export(store, "Kim Min-jun", path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) - 40], encoding="utf-8")  # cut inside the last line
    target = open_store(tmp_path / "target.sqlite3")
    report = import_file(target, path)
    assert report.added == 2
    assert len(report.problems) == 1 and report.problems[0].startswith(f"{path}:4: not valid JSON")
    assert report.problems[0].endswith("(unterminated string starting at column 207): cut short or edited by hand? (line skipped)")
    path.write_text("\n".join(text.splitlines()[:2]) + "\n", encoding="utf-8")  # whole lines lost
    report = import_file(target, path)
    assert report.problems == [f"{path}: the header announces 3 attempts but the file holds 1; it may have been cut short"]


def test_hand_edited_lines_are_reported_and_the_rest_imported(store, tmp_path: Path) -> None:
    path = tmp_path / "edited.jsonl"
    write_export(store, "Kim Min-jun", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    good = json.loads(lines[1])
    bad = [
        {**good, "status": "maybe", "session_id": "x1"},
        {**good, "score": 2, "session_id": "x2"},
        {k: v for k, v in good.items() if k != "answered_at"} | {"session_id": "x3"},
        {**good, "answered_at": "2026-03-01 09:00", "session_id": "x4"},
        {**good, "question_id": "Q 1", "session_id": "x5"},
    ]
    edited = [lines[0], lines[1], *(json.dumps(b) for b in bad), "", "[1, 2]", lines[2], lines[3],
              json.dumps({**good, "session_id": "ok", "note": "extra keys are ignored"})]
    path.write_text("\n".join(edited) + "\n", encoding="utf-8")
    target = open_store(tmp_path / "target.sqlite3")
    report = import_file(target, path)
    assert report.added == 4 and target.count("Kim Min-jun") == 4
    problems = [p.removeprefix(f"{path}:") for p in report.problems]
    assert problems[0].startswith("3: status: Input should be 'correct', 'partial' or 'wrong'")
    assert problems[1].startswith("4: score: Input should be less than or equal to 1")
    assert problems[2].startswith("5: answered_at: Field required")
    assert problems[3].startswith("6: answered_at: Input should have timezone info")
    assert problems[4].startswith("7: question_id: String should match pattern")
    assert problems[5].startswith("9: line: Input should be a valid dictionary")
    assert all(p.endswith(" (line skipped)") for p in problems) and len(problems) == 6


def test_files_that_are_not_exports_are_refused_whole(tmp_path: Path) -> None:
    target = open_store(tmp_path / "target.sqlite3")
    path = tmp_path / "x.jsonl"
    path.write_text('{"question_id": "q-1"}\n', encoding="utf-8")
    with pytest.raises(ProgressError, match=r"x.jsonl:1: not a jkquiz progress export"):
        import_file(target, path)
    path.write_text('{"format": "jkquiz-progress", "version": 2, "learner": "a"}\n', encoding="utf-8")
    with pytest.raises(ProgressError, match="format version 2, written by a newer jkquiz"):
        import_file(target, path)
    assert target.count() == 0


def test_command_line_export_and_import(store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from jkquiz.study import name_learner

    home = open_store()  # the learner's own file in JKQUIZ_HOME
    name_learner(home, "Aiko")
    for a in attempts(2):
        home.record(a, "Aiko")
    out = tmp_path / "aiko.jsonl"
    assert main(["progress", "export", str(out)]) == 0
    assert capsys.readouterr().out == f"Wrote 2 answers of Aiko to {out}\n"
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["learner"] == "Aiko"
    kim = tmp_path / "kim.jsonl"
    write_export(store, "Kim Min-jun", kim)
    assert main(["progress", "import", str(kim)]) == 0
    assert capsys.readouterr().out == "Imported 3 new answers for Kim Min-jun (0 already there).\n"
    kim.write_text(kim.read_text(encoding="utf-8") + "{broken\n", encoding="utf-8")
    assert main(["progress", "import", str(kim), "--as", "Kim"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{kim}:5: not valid JSON")
    assert captured.out == "Imported 3 new answers for Kim (0 already there, 1 problem(s) reported above).\n"
    assert main(["progress", "import", str(tmp_path / "missing.jsonl")]) == 1
    assert "cannot read" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["progress"])
    assert exc.value.code == 2
