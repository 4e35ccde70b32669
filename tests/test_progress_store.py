"""The progress store: answers written as given, review cards beside them, migrations, two writers, a kill."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from jkquiz.engine import Attempt
from jkquiz.progress import SCHEMA_VERSION, open_store, progress_path
from jkquiz.progress import schema as schema_module
from jkquiz.progress.schedule import replay

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
SRC = str(Path(__file__).resolve().parents[1] / "src")


def attempt(qid: str = "q-a", status: str = "correct", at: datetime = T0, *, topic: str = "topic-a",
            chash: str = "hash-1", session: str = "s1") -> Attempt:
    score = {"correct": 1.0, "partial": 0.5, "wrong": 0.0}[status]
    return Attempt(qid, topic, chash, ["Seoul"], "Seoul", status, score, 3.25, at, session)


def test_database_lives_in_jkquiz_home(_isolated_home: Path) -> None:
    assert progress_path() == _isolated_home / "progress.sqlite3"
    store = open_store()
    assert store.path == _isolated_home / "progress.sqlite3" and store.saved and store.path.is_file()


def test_record_writes_every_field_and_ignores_a_repeat(tmp_path: Path) -> None:
    store = open_store(tmp_path / "p.sqlite3")
    a = attempt(at=T0.replace(microsecond=123456))
    assert store.record(a, "Aiko") is True
    assert store.record(a, "Aiko") is False  # the same answer (same session, question, time) is stored once
    assert list(store.attempts("Aiko")) == [a]
    row = sqlite3.connect(tmp_path / "p.sqlite3").execute("SELECT * FROM attempts").fetchone()
    assert row == (1, "Aiko", "q-a", "topic-a", "hash-1", '["Seoul"]', "Seoul", "correct", 1.0, 3.25,
                   "2026-03-01T09:00:00.123456Z", "s1")


def test_file_settings_wal_busy_timeout_version(tmp_path: Path) -> None:
    store = open_store(tmp_path / "p.sqlite3")
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10000
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema_module.APPLICATION_ID


def test_each_answer_updates_its_card(tmp_path: Path) -> None:
    store = open_store(tmp_path / "p.sqlite3")
    store.record(attempt("q-right", "correct"), "me")
    store.record(attempt("q-wrong", "wrong"), "me")
    cards = {c.question_id: c for c in store.cards("me")}
    assert cards["q-wrong"].due == T0 + timedelta(minutes=1)  # FSRS's first learning step after "Again"
    assert cards["q-right"].due == T0 + timedelta(minutes=10)  # ... and after "Good"
    store.record(attempt("q-right", "correct", T0 + timedelta(minutes=15), session="s2"), "me")
    right = {c.question_id: c for c in store.cards("me")}["q-right"]
    assert right.state == 2 and right.reviews == 2 and right.due - right.last_review >= timedelta(days=1)
    assert [d.question_id for d in store.due("me", T0 + timedelta(minutes=5))] == ["q-wrong"]
    assert store.next_due("me", T0 + timedelta(minutes=5)) == right.due


def test_an_answer_arriving_late_is_replayed_in_time_order(tmp_path: Path) -> None:
    store = open_store(tmp_path / "p.sqlite3")
    answers = [attempt("q-a", s, T0 + timedelta(hours=h), session=f"s{h}") for h, s in
               [(0, "wrong"), (30, "correct"), (5, "correct"), (80, "partial")]]
    for a in answers:  # the third was answered before the second but is written after it
        store.record(a, "me")
    assert store.cards("me") == [replay(answers)["q-a"]]


def test_changed_content_is_due_at_once_as_new_and_removed_questions_drop_out(tmp_path: Path) -> None:
    store = open_store(tmp_path / "p.sqlite3")
    store.record(attempt("q-a", "correct"), "me")
    store.record(attempt("q-gone", "wrong"), "me")
    now = T0 + timedelta(minutes=2)
    due = store.due("me", now, {"q-a": "hash-2"})
    assert [(d.question_id, d.changed, d.due) for d in due] == [("q-a", True, now)]
    # answering the new wording starts a fresh card: its first answer, not its second
    store.record(attempt("q-a", "correct", now, chash="hash-2", session="s2"), "me")
    card = store.cards("me")[0]
    assert (card.content_hash, card.reviews, card.due) == ("hash-2", 1, now + timedelta(minutes=10))


def test_migrations_run_in_order_and_keep_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.sqlite3"
    open_store(path).record(attempt(), "me")
    v2 = (2, ("ALTER TABLE attempts ADD COLUMN device TEXT", "UPDATE attempts SET device = 'laptop'"))
    monkeypatch.setattr(schema_module, "MIGRATIONS", [*schema_module.MIGRATIONS, v2])
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", 2)
    store = open_store(path)
    assert store._conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert store._conn.execute("SELECT learner, question_id, device FROM attempts").fetchall() == [("me", "q-a", "laptop")]
    assert list(store.attempts("me")) == [attempt()]
    open_store(path)  # nothing left to do: the migration is not run twice
    assert sqlite3.connect(path).execute("SELECT count(*) FROM attempts").fetchone()[0] == 1


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    path.touch()
    store = open_store(path)
    store.record(attempt(), "me")
    assert store.count() == 1


def test_progress_layer_imports_no_widgets_nor_heavy_libraries() -> None:
    code = ("import sys, jkquiz.progress\n"
            "print(','.join(m for m in ('ipywidgets', 'IPython', 'fsrs', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


WRITER = textwrap.dedent("""
    import sys
    from datetime import datetime, timezone
    sys.path.insert(0, {src!r})
    from jkquiz.engine import Attempt
    from jkquiz.progress import open_store
    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = open_store(path)
    print("ready", flush=True)
    sys.stdin.readline()  # both writers start together
    i = 0
    while count < 0 or i < count:
        a = Attempt(f"q-{{i % 20}}", "topic-a", "h", i, str(i), ("correct", "wrong")[i % 3 == 0], 1.0, 1.0,
                    datetime.now(timezone.utc), f"{{name}}-{{i}}")
        store.record(a, "learner")
        print(i, flush=True)  # printed only once the answer is committed
        i += 1
""")


def _writer(path: Path, name: str, count: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", WRITER.format(src=SRC), str(path), name, str(count)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    return proc


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    open_store(path).close()
    writers = [_writer(path, name, 1000) for name in ("one", "two")]
    for proc in writers:
        proc.stdin.write("go\n")  # type: ignore[union-attr]
        proc.stdin.flush()  # type: ignore[union-attr]
    for proc in writers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.split()[-1] == "999"
    store = open_store(path)
    assert store.count() == 2000
    sessions = {a.session_id for a in store.attempts("learner")}
    assert sessions == {f"{n}-{i}" for n in ("one", "two") for i in range(1000)}
    by_question = replay(store.attempts("learner"))  # the cards, interleaved by two writers, match a replay
    assert {c.question_id: c for c in store.cards("learner")} == by_question
    assert sum(c.reviews for c in by_question.values()) == 2000


def test_a_writer_killed_mid_write_loses_no_committed_answer(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    committed: set[int] = set()
    for round_ in range(3):
        proc = _writer(path, f"round{round_}", -1)
        proc.stdin.write("go\n")  # type: ignore[union-attr]
        proc.stdin.flush()  # type: ignore[union-attr]
        seen = [proc.stdout.readline() for _ in range(150 + 50 * round_)]  # type: ignore[union-attr]
        os.kill(proc.pid, signal.SIGKILL)  # while it keeps writing: mostly inside a transaction
        proc.wait(timeout=30)
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stdin.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
        committed |= {round_ * 100000 + int(line) for line in seen}
        store = open_store(path)  # opens cleanly: quick_check passes, nothing to repair by hand
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {int(a.session_id.split("-")[0][5:]) * 100000 + int(a.session_id.split("-")[1])
                  for a in store.attempts("learner")}
        assert committed <= stored
        store.close()
