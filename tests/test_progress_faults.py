"""Bad progress files: not SQLite, damaged, another program's, from a newer jkquiz, read-only. The course runs on
(in memory, with a warning naming the file) and the file is never written."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import jkquiz
from jkquiz.api import ask
from jkquiz.cli import main
from jkquiz.engine import Attempt
from jkquiz.progress import StoreProblem, open_or_fallback, open_store
from jkquiz.study import ProgressWarning, progress_store

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def fill(path: Path, count: int = 40) -> None:
    """A sound progress file with `count` answers, closed cleanly."""
    store = open_store(path)
    for i in range(count):
        store.record(Attempt(f"q-{i}", "t", "h", i, str(i), "correct", 1.0, 1.0, T0 + timedelta(seconds=i), "s"), "me")
    store.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def answer_in_the_course(mini_bank) -> str:
    """A learner answers a question in a notebook; the feedback's warning (empty when saved)."""
    feedback = ask("q-s-tf", bank=mini_bank).session.submit("q-s-tf", False)
    assert feedback.status == "correct"
    return feedback.warning


def test_a_file_that_is_not_sqlite(_isolated_home: Path, mini_bank) -> None:
    path = _isolated_home / "progress.sqlite3"
    path.write_text("My notes on the 1965 treaty. Not a database at all, but long enough to look like one." * 3)
    before = digest(path)
    with pytest.raises(StoreProblem, match="is not a progress database"):
        open_store(path)
    with pytest.warns(ProgressWarning) as caught:
        assert answer_in_the_course(mini_bank) == ""  # the quiz works, the answer is kept in memory
    (message,) = [str(w.message) for w in caught]
    assert str(path) in message and "not an SQLite file" in message and "kept only until this notebook closes" in message
    assert "rename it to progress.sqlite3.bad" in message
    assert progress_store().count() == 1 and not progress_store().saved
    assert digest(path) == before and sorted(p.name for p in _isolated_home.iterdir()) == ["progress.sqlite3"]


def test_warning_is_shown_once_per_kernel(_isolated_home: Path, mini_bank) -> None:
    (_isolated_home / "progress.sqlite3").write_bytes(b"\x00garbage" * 100)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(3):
            answer_in_the_course(mini_bank)
            jkquiz.review(bank=mini_bank)
    assert [w.category for w in caught] == [ProgressWarning]
    assert "⚠" in jkquiz.dashboard(bank=mini_bank).summary.value  # and the dashboard says it too


def test_a_damaged_database(_isolated_home: Path, mini_bank) -> None:
    path = _isolated_home / "progress.sqlite3"
    fill(path, 300)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2: page * 2 + 64] = b"\xff" * 64  # scribble over a b-tree page header
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(StoreProblem, match="is damaged"):
        open_store(path)
    with pytest.warns(ProgressWarning, match="is damaged"):
        assert answer_in_the_course(mini_bank) == ""
    assert digest(path) == before


def test_another_programs_database(_isolated_home: Path, mini_bank) -> None:
    path = _isolated_home / "progress.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    before = digest(path)
    with pytest.warns(ProgressWarning, match="database of another program"):
        assert answer_in_the_course(mini_bank) == ""
    assert digest(path) == before


def test_a_database_from_a_newer_jkquiz_is_read_not_written(_isolated_home: Path, mini_bank) -> None:
    path = _isolated_home / "progress.sqlite3"
    fill(path, 40)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 7")
    conn.close()
    before = digest(path)
    with pytest.warns(ProgressWarning) as caught:
        assert answer_in_the_course(mini_bank) == ""
    message = str(caught[0].message)
    assert "newer version of jkquiz (progress format 7" in message and "Update jkquiz" in message
    assert "Your earlier progress (40 answers) is shown" in message
    assert progress_store().count("me") == 40 and progress_store().count() == 41
    assert digest(path) == before
    assert main(["progress", "import", str(path)]) == 1  # the command line refuses to write to it too


READ_ONLY_CHECK = textwrap.dedent("""
    import sys
    sys.path.insert(0, {src!r})
    from jkquiz.progress import open_or_fallback
    from jkquiz.engine import Attempt
    from datetime import datetime, timezone
    store = open_or_fallback({path!r})
    store.record(Attempt("q-new", "t", "h", 1, "1", "wrong", 0.0, 1.0, datetime.now(timezone.utc), "s9"), "me")
    print(store.saved, store.count("me"))
    print(store.warning)
""")


def test_a_read_only_database(tmp_path: Path) -> None:
    # a folder outside pytest's private temp dir, so an unprivileged check can reach it
    folder = Path(tempfile.mkdtemp(prefix="jkquiz-ro-"))
    try:
        path = folder / "progress.sqlite3"
        fill(path, 40)
        before = digest(path)
        path.chmod(0o444)
        folder.chmod(0o555)
        command = [sys.executable, "-c", READ_ONLY_CHECK.format(src=str(Path(__file__).parents[1] / "src"), path=str(path))]
        if os.geteuid() == 0:  # root ignores file modes: drop the capabilities that let it
            command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
        out = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        saved, warning = out.stdout.split("\n", 1)
        assert saved == "False 41"  # the 40 earlier answers readable, the new one kept in memory
        assert f"The progress file {path} is read-only." in warning and "Make it writable" in warning
        assert digest(path) == before and sorted(p.name for p in folder.iterdir()) == ["progress.sqlite3"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_an_unusable_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = open_or_fallback(blocker / "sub" / "progress.sqlite3")
    assert not store.saved and "cannot be created" in store.warning and "JKQUIZ_HOME" in store.warning
