"""Another program holds the progress file: the course goes on from memory at once, every answer given
meanwhile waits durably beside the file, and all of them reach the file once it is free."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from jkquiz.cli import main
from jkquiz.engine import Attempt
from jkquiz.progress import open_or_fallback, open_store
from jkquiz.progress.pending import pending_path

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)
HOLD = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")   # a write lock, as a database browser with unsaved changes holds it
    print("held", flush=True)
    time.sleep(600)
""")


def answer(i: int) -> Attempt:
    return Attempt(question_id=f"q-{i}", topic="t", content_hash="h", response=i, response_text=str(i), status="correct",
                   score=1.0, seconds=1.0, answered_at=T0 + timedelta(seconds=i), session_id="s")


@pytest.fixture
def progress_file(tmp_path: Path) -> Path:
    path = tmp_path / "progress.sqlite3"
    store = open_store(path)
    store.record(answer(0), "me")
    store.close()
    return path


@pytest.fixture
def held(progress_file: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding a write lock on the file until the test lets it go."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(progress_file)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    yield holder
    holder.kill()
    holder.wait()


def release(holder: subprocess.Popen[str]) -> None:
    holder.kill()
    holder.wait()


def test_answers_given_while_the_file_is_busy_reach_it_once_free(progress_file: Path, held: subprocess.Popen[str]) -> None:
    store = open_or_fallback(progress_file)
    assert not store.saved
    assert store.warning.startswith(f"Another program is using your progress file {progress_file} right now.")
    assert "will be saved to it as soon as it is free; nothing is lost" in store.warning
    assert store.count("me") == 1  # the earlier answer is readable meanwhile
    store.record(answer(1), "me")
    store.record(answer(2), "me")
    assert not store.saved
    assert len(pending_path(progress_file).read_text(encoding="utf-8").splitlines()) == 2
    release(held)
    assert store.retry_file()
    assert store.saved and store.path == progress_file and store.warning == ""
    store.record(answer(3), "me")  # and on from there, straight into the file
    store.close()
    reopened = open_store(progress_file)
    assert [a.question_id for a in reopened.attempts("me")] == ["q-0", "q-1", "q-2", "q-3"]
    assert {c.question_id for c in reopened.cards("me")} == {"q-0", "q-1", "q-2", "q-3"}
    assert not pending_path(progress_file).exists()


def test_a_kernel_killed_while_waiting_loses_nothing(progress_file: Path, held: subprocess.Popen[str]) -> None:
    kernel = textwrap.dedent(f"""
        import os
        from datetime import datetime, timezone
        from jkquiz.engine import Attempt
        from jkquiz.progress import open_or_fallback
        store = open_or_fallback({str(progress_file)!r})
        assert not store.saved
        for i in (7, 8):
            store.record(Attempt(question_id=f"q-{{i}}", topic="t", content_hash="h", response=i, response_text=str(i),
                                 status="wrong", score=0.0, seconds=2.0, answered_at=datetime(2026, 12, 2, 9, i, tzinfo=timezone.utc),
                                 session_id="k"), "me")
        os._exit(9)  # killed: no clean-up runs
    """)
    assert subprocess.run([sys.executable, "-c", kernel]).returncode == 9
    release(held)
    store = open_store(progress_file)
    assert [a.question_id for a in store.attempts("me")] == ["q-0", "q-7", "q-8"]
    assert not pending_path(progress_file).exists()


def test_progress_where_says_the_file_is_busy(progress_file: Path, held: subprocess.Popen[str],
                                             monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("JKQUIZ_HOME", str(progress_file.parent))
    assert main(["progress", "where"]) == 1
    out, err = capsys.readouterr()
    assert out.strip() == str(progress_file)
    assert err.strip() == f"jkquiz: Another program is using your progress file {progress_file} right now."
