"""The class report's temporary SQLite file: removed at the end (after the report, after an error, when a report is
dropped); learners read back in Python's order whatever their names (case, scripts, lone surrogates, NUL); the
file list in Python's sort order, each file once."""

from __future__ import annotations

import gc
import json
import random
import sys
import tempfile
from pathlib import Path

import pytest

from fixture_paths import FIXTURES
from jkquiz.bank import load_bank
from jkquiz.cli import main
from jkquiz.report import class_report, collect, expand_paths
from jkquiz.report.anonymize import learner_code
from jkquiz.report.ondisk import ClassStore, Learners
from jkquiz.report.running import LearnerRow, TopicScores

HEADER = {"format": "jkquiz-progress", "version": 1, "attempts": 0}


def leftovers(folder: Path) -> list[Path]:
    return sorted(folder.glob("jkquiz-report-*"))


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the report's temporary folders go in this test."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def write_class(folder: Path, names: list[str]) -> Path:
    folder.mkdir()
    for i, name in enumerate(names):
        (folder / f"{i:03d}.jsonl").write_text(json.dumps({**HEADER, "learner": name}) + "\n", encoding="utf-8")
    return folder


def test_the_temporary_file_is_removed_after_the_report_after_an_error_and_when_dropped(
        temp: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    bank_dir = FIXTURES / "mini"
    folder = write_class(tmp_path / "class", ["Aiko", "Ben", "Chae"])
    assert main(["report", str(folder), "--bank", str(bank_dir)]) == 0
    assert "Class report: 3 learners" in capsys.readouterr().out and leftovers(temp) == []

    def broken(*args: object) -> None:
        assert len(leftovers(temp)) == 1  # the file exists while the report is made
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(sys.modules["jkquiz.report.collect"], "_fold", broken)  # the module, not the function
    with pytest.raises(RuntimeError, match="disk on fire"):
        main(["report", str(folder), "--bank", str(bank_dir)])
    assert leftovers(temp) == []
    with pytest.raises(RuntimeError, match="disk on fire"):  # a list of files, not a folder: collect's own store
        collect(sorted(folder.glob("*.jsonl")), load_bank(bank_dir))
    assert leftovers(temp) == []
    monkeypatch.undo()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    report = class_report(sorted(folder.glob("*.jsonl")), load_bank(bank_dir))
    assert [r.learner for r in report.learners] == ["Aiko", "Ben", "Chae"] and len(leftovers(temp)) == 1
    del report
    gc.collect()
    assert leftovers(temp) == []
    paths, _ = expand_paths([str(folder)])
    with paths.store:
        assert len(leftovers(temp)) == 1
    assert leftovers(temp) == []


def test_learners_come_back_in_pythons_order_whatever_their_names(temp: Path) -> None:
    rng = random.Random(3)
    alphabet = "aAbBzZéÉßẞıİ田김\U0001f600\ud800\udcff\x00 -"
    names = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(400)})
    rng.shuffle(names)
    topics = ("t1", "t2")
    with ClassStore() as store:
        table = Learners(store, topics)
        for i, name in enumerate(names):
            overall = rng.choice([None, 0.0, 0.5, 1 / 3, 1.0])
            table.add(LearnerRow(name, 1, 2, overall, TopicScores({"t2": (0.5, 2)} if overall is not None else {},
                                                                  topics), i % 3))
        rows = list(table)
        by_name = sorted(rows, key=lambda r: (r.learner.casefold(), r.learner))
        assert [r.learner for r in rows] == [r.learner for r in by_name]
        assert list(table.sorted("score")) == sorted(by_name, key=lambda r: (r.overall is None, -(r.overall or 0.0)))
        assert rows[0].topics == ({"t2": (0.5, 2)} if rows[0].overall is not None else {})
        assert table.set_aside() == sum(i % 3 for i in range(len(names)))
        def code(name: str) -> str:  # learner_code of a name that UTF-8 cannot hold (a lone surrogate) fails
            return learner_code(name.encode("utf-8", "surrogatepass").hex(), "salt")

        coded = table.anonymized(code)
        expected = sorted(by_name, key=lambda r: code(r.learner))  # stable: ties by name
        assert [r.learner for r in coded] == [code(r.learner) for r in expected]
        assert list(coded.names()) == [r.learner for r in coded]


def test_the_file_list_is_sorted_as_python_sorts_and_holds_each_file_once(temp: Path, tmp_path: Path) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    names = ["b.jsonl", "B.jsonl", "a.jsonl", "é.jsonl", "田.jsonl", "z.jsonl", "10.jsonl", "9.jsonl", "x.txt"]
    for name in names:
        (folder / name).write_text("", encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to(folder / "a.jsonl")
    paths, problems = expand_paths([str(folder), str(folder / "z.jsonl"), str(tmp_path / "link.jsonl"),
                                    str(tmp_path / "missing.jsonl")])
    with paths.store:
        expected = [folder / n for n in sorted(n for n in names if n.endswith(".jsonl"))]
        assert list(paths) == expected + [tmp_path / "missing.jsonl"] and problems == []
        assert paths[-1] == tmp_path / "missing.jsonl" and paths[1:3] == expected[1:3] and len(paths) == 9
        with pytest.raises(IndexError):
            paths[9]
