"""`jkquiz progress where / show / learner`: what the learner sees at the command line, and exit codes."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from jkquiz.api import course_bank
from jkquiz.bank.model import content_hash
from jkquiz.cli import main
from jkquiz.engine import Attempt
from jkquiz.progress import open_store


def test_where_names_the_file_and_fails_on_a_bad_one(_isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "where"]) == 0
    assert capsys.readouterr().out == f"{_isolated_home / 'progress.sqlite3'}\n0 answers saved\n"
    (_isolated_home / "progress.sqlite3").write_text("not a database" * 20)
    assert main(["progress", "where"]) == 1
    assert "is not a progress database" in capsys.readouterr().err


def test_learner_name_then_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "learner"]) == 0
    assert capsys.readouterr().out == "learner\n"
    assert main(["progress", "learner", "Park Ji-woo"]) == 0
    assert capsys.readouterr().out == "Your answers are saved as Park Ji-woo.\n"
    bank = course_bank()
    q = next(iter(bank.questions.values()))
    store = open_store()
    store.record(Attempt(q.id, q.topic, content_hash(q), 1, "1", "wrong", 0.0, 2.0,
                         datetime(2026, 1, 1, tzinfo=timezone.utc), "s"), "Park Ji-woo")
    assert main(["progress", "show"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Progress of Park Ji-woo (1 answer saved)"
    assert out[1].split() == ["Topic", "Questions", "Answered", "Right", "Due", "Mastery"]
    first = bank.topics[q.topic].title
    row = next(line for line in out if line.startswith(first))
    assert row.split()[-5:] == [str(len(bank.questions_for(q.topic))), "1", "0", "1", "0%"]
    assert out[-1] == "1 question is due for review now."
    assert main(["progress", "learner", ""]) == 1
    assert "1 to 80 printable characters" in capsys.readouterr().err
