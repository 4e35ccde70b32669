"""Names and texts from files reach the terminal escaped: no control or bidi character is printed raw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jkquiz.cli import main
from jkquiz.cli.safeout import escape_controls

EVIL = "Eve\x1b[31m\u202e\x07"


@pytest.mark.parametrize(("raw", "shown"), [
    ("Eve\x1b[31m", "Eve\\x1b[31m"),
    ("a\u202eb", "a\\u202eb"),
    ("bell\x07", "bell\\x07"),
    ("NUL\x00", "NUL\\x00"),
    ("line\r", "line\\r"),
    ("two\nlines\tand a tab", "two\nlines\tand a tab"),
    ("독도 / 竹島", "독도 / 竹島"),
])
def test_escape_controls(raw: str, shown: str) -> None:
    assert escape_controls(raw) == shown


def _export_file(path: Path, learner: str) -> Path:
    header = {"format": "jkquiz-progress", "version": 1, "learner": learner, "attempts": 0,
              "exported_at": "2026-12-01T00:00:00.000000Z", "jkquiz": "0.1.0"}
    path.write_text(json.dumps(header) + "\n", encoding="utf-8")
    return path


def test_progress_import_and_where_escape_a_learners_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("JKQUIZ_HOME", str(tmp_path / "home"))
    main(["progress", "import", str(_export_file(tmp_path / "eve.jsonl", EVIL))])
    main(["progress", "where"])
    out, err = capsys.readouterr()
    assert "Eve\\x1b[31m\\u202e\\x07" in out + err
    assert not any(c in out + err for c in "\x1b\u202e\x07")


def test_validate_quotes_bad_text_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = tmp_path / "01-t.yaml"
    bank.write_text('topic:\n  id: t\n  title: x\n  objectives: [a]\nfacts: []\nquestions:\n'
                    '  - {id: "q-\\e[31m", type: true_false, prompt: p, answer: true, facts: [f], explanation: e, difficulty: 1}\n',
                    encoding="utf-8")
    assert main(["validate", str(bank)]) == 1
    out, err = capsys.readouterr()
    assert "q-\\x1b[31m" in out
    assert "\x1b" not in out + err
