"""Progress in the browser: answers kept in whole files that outlive the page, two tabs losing nothing,
and the downloaded record read by `jkquiz progress import` and `jkquiz report`."""

from __future__ import annotations

import base64
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from jkquiz.cli import main
from jkquiz.engine import Attempt
from jkquiz.progress import open_store
from jkquiz.progress.browser import PREFIX, BrowserStore, open_browser_store
from jkquiz.progress.transfer import export_lines

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


def attempt(i: int, qid: str = "q-terr-korean-name") -> Attempt:
    return Attempt(question_id=qid, topic="territory", content_hash="0123456789abcdef", response="Dokdo",
                   response_text="Dokdo", status=["correct", "wrong"][i % 2], score=[1.0, 0.0][i % 2], seconds=3.0,
                   answered_at=T0 + timedelta(minutes=i), session_id=f"tab-{i}")


def test_answers_survive_a_reload(tmp_path: Path) -> None:
    first = open_browser_store(tmp_path)
    assert isinstance(first, BrowserStore) and not first.warning
    first.record(attempt(0), "learner")
    first.record(attempt(1), "learner")
    assert [p.name.startswith(PREFIX) for p in tmp_path.iterdir()] == [True]
    reloaded = open_browser_store(tmp_path)  # a new kernel: the page was reloaded
    assert reloaded.count("learner") == 2
    assert [a.status for a in reloaded.attempts("learner")] == ["correct", "wrong"]


def test_two_tabs_at_once_lose_nothing(tmp_path: Path) -> None:
    tab_a, tab_b = open_browser_store(tmp_path), open_browser_store(tmp_path)
    tab_a.record(attempt(0), "learner")
    tab_b.record(attempt(1), "learner")
    tab_a.record(attempt(2), "learner")
    tab_b.record(attempt(3), "learner")
    assert open_browser_store(tmp_path).count("learner") == 4
    third = open_browser_store(tmp_path)
    third.record(attempt(4), "learner")  # a tab that read the others writes only its own answers
    assert open_browser_store(tmp_path).count("learner") == 5


def test_learner_name_is_remembered_and_takes_earlier_answers(tmp_path: Path) -> None:
    from jkquiz.study import name_learner

    store = open_browser_store(tmp_path)
    store.record(attempt(0), "learner")
    assert name_learner(store, "Kim Min-jun") == "Kim Min-jun"
    store.record(attempt(1), "Kim Min-jun")
    again = open_browser_store(tmp_path)
    assert again.setting("learner") == "Kim Min-jun"
    assert again.count("Kim Min-jun") == 2 and again.count("learner") == 0


def test_a_damaged_file_keeps_the_rest(tmp_path: Path) -> None:
    store = open_browser_store(tmp_path)
    store.record(attempt(0), "learner")
    (tmp_path / f"{PREFIX}broken-1.jsonl").write_text("not a header\n", encoding="utf-8")
    again = open_browser_store(tmp_path)
    assert again.count("learner") == 1 and "could not be read" in again.warning


def test_storage_that_cannot_be_written_keeps_answers_in_memory_with_a_warning(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    store = open_browser_store(blocked / "drive")
    assert "cannot be saved in this browser" in store.warning
    assert store.record(attempt(0), "learner")


def test_downloaded_record_is_read_by_import_and_report(tmp_path: Path, capsys) -> None:
    from jkquiz.widgets.dashboard import download_html

    store = open_browser_store(tmp_path / "drive")
    store.record(attempt(0), "learner")
    store.record(attempt(1, "q-terr-nearest-island"), "learner")
    link = download_html("".join(line + "\n" for line in export_lines(store, "learner")))
    data = re.search(r'href="data:application/x-ndjson;base64,([^"]+)"', link).group(1)
    record = tmp_path / "jkquiz-progress.jsonl"
    record.write_bytes(base64.b64decode(data))
    assert main(["report", str(record)]) == 0
    assert "learner" in capsys.readouterr().out
    target = open_store(tmp_path / "laptop.sqlite3")
    from jkquiz.progress import import_file

    assert import_file(target, record).added == 2
