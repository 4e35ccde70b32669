"""Where the progress database lives, and opening it: the file when it is sound, else memory with a warning."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jkquiz.engine.attempt import Attempt
from jkquiz.i18n import N_, _, ngettext
from jkquiz.progress.records import ATTEMPT_COLUMNS
from jkquiz.progress.pending import clear_pending, read_pending
from jkquiz.progress.schema import StoreProblem, check_file, migrate
from jkquiz.progress.store import BUSY_SECONDS, ProgressStore, _friendly, connect

DB_NAME = "progress.sqlite3"
OPEN_WAIT = 1.5  # seconds to wait for a busy file when opening it, before working from memory
RETRY_EVERY = 5.0  # seconds between attempts to reach a busy file again
WRITABLE_ADVICE = N_("The file was left untouched. Make it writable, or set JKQUIZ_HOME to a folder you can write to.")


def progress_path() -> Path:
    """The database file: in $JKQUIZ_HOME when set, else in the user's data folder (platformdirs)."""
    home = os.environ.get("JKQUIZ_HOME")
    if home:
        return Path(home).expanduser() / DB_NAME
    from platformdirs import user_data_path

    return user_data_path("jkquiz", appauthor=False) / DB_NAME


def open_store(path: Path | str | None = None, *, wait: float = OPEN_WAIT) -> ProgressStore:
    """The store in `path` (default progress_path()), created or upgraded, with any answers that were waiting
    beside it merged in; StoreProblem when it cannot be used (busy=True when another program holds it for
    longer than `wait` seconds)."""
    path = Path(path) if path is not None else progress_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreProblem(path, _("The folder {folder} for your progress cannot be created ({error}).").format(
            folder=path.parent, error=exc.strerror), _("Set JKQUIZ_HOME to a folder you can write to.")) from exc
    if path.exists() and not os.access(path, os.R_OK):
        raise StoreProblem(path, _("The progress file {path} cannot be read (no permission).").format(path=path),
                           _(WRITABLE_ADVICE))
    # SQLite needs to write the file and, in WAL mode, create files beside it
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(path.parent, os.W_OK):
        raise StoreProblem(path, _("The progress file {path} is read-only.").format(path=path), _(WRITABLE_ADVICE))
    if path.is_dir():
        raise StoreProblem(path, _("{path} is a folder, not a progress file.").format(path=path),
                           _("Set JKQUIZ_HOME to another folder."))
    try:
        conn = connect(path, timeout=wait)
    except sqlite3.Error as exc:
        raise StoreProblem(path, _("The progress file {path} cannot be opened ({error}).").format(path=path, error=exc),
                           _(WRITABLE_ADVICE)) from exc
    try:
        check_file(path, conn)  # reads only: nothing is written to a file that is not sound
        conn.execute("PRAGMA journal_mode = WAL")  # readers never block the writer: two notebooks at once
        conn.execute("PRAGMA synchronous = FULL")  # a committed answer survives a crash or a flat battery
        migrate(conn, path)
    except StoreProblem:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreProblem(path, _("Another program is using your progress file {path} right now.").format(
                path=path), "",
                               busy=True) from exc
        text = _friendly(exc, path)
        raise StoreProblem(path, text[0].upper() + text[1:], "") from exc
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")  # once open, a write waits its turn
    store = ProgressStore(conn, path)
    waiting = read_pending(path)
    if waiting:
        for learner, attempts in waiting.items():
            store.merge(learner, attempts)
        clear_pending(path)
    return store


def open_or_fallback(path: Path | str | None = None) -> ProgressStore:
    """open_store(), or, when the file cannot be used, a store in memory holding what could be read from it;
    its `warning` says what happened, and the file is never written."""
    path = Path(path) if path is not None else progress_path()
    try:
        try:
            return open_store(path)
        except OSError as exc:  # e.g. a folder on the way that cannot be searched
            raise StoreProblem(path, _("The progress file {path} cannot be reached ({error}).").format(
                path=path, error=exc.strerror or exc), _(WRITABLE_ADVICE), readable=False) from exc
    except StoreProblem as problem:
        store = ProgressStore.in_memory()
        copied = _copy_readable(path, store) if problem.readable else 0
        if problem.busy:
            store.wait_for(path, lambda: open_store(path, wait=0.2), RETRY_EVERY)
            store.warning = f"{problem.problem} " + _("Your answers are kept and will be saved to it as soon as it "
                                                      "is free; nothing is lost.")
            return store
        if copied:
            kept = ngettext("Your earlier progress ({count} answer) is shown, but answers from now on are kept only "
                            "until this notebook closes.", "Your earlier progress ({count} answers) is shown, but "
                            "answers from now on are kept only until this notebook closes.", copied).format(count=copied)
        else:
            kept = _("Answers from now on are kept only until this notebook closes.")
        store.warning = f"{problem.problem} {kept} {problem.advice}".strip()
        return store


def _copy_readable(path: Path, store: ProgressStore) -> int:
    """Copy what can be read from a file, opened read-only, into `store`; the number of answers copied."""
    if not path.is_file() or not path.stat().st_size:
        return 0
    by_learner: dict[str, list[Attempt]] = {}
    learner_setting = None
    for options in ("mode=ro", "immutable=1"):  # immutable: a read-only folder where WAL files cannot be made
        try:
            conn = connect(f"{path.as_uri()}?{options}", uri=True)
        except sqlite3.Error:
            continue
        try:
            rows = conn.execute(f"SELECT {', '.join(ATTEMPT_COLUMNS)} FROM attempts ORDER BY id")
            for row in _readable(rows):
                try:
                    by_learner.setdefault(str(row[0]), []).append(Attempt.from_row(row))
                except (TypeError, ValueError):
                    continue  # a damaged row: skip it, keep the rest
            found = conn.execute("SELECT value FROM settings WHERE key = 'learner'").fetchone()
            learner_setting = found[0] if found else None
        except sqlite3.Error:
            pass
        finally:
            conn.close()
        if by_learner:
            break
    for learner, attempts in by_learner.items():
        store.merge(learner, attempts)
    if learner_setting:
        store.set_setting("learner", learner_setting)
    return sum(len(a) for a in by_learner.values())


def _readable(rows: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    """Rows until the first one SQLite cannot read (damaged pages)."""
    while True:
        try:
            row = rows.fetchone()
        except sqlite3.Error:
            return
        if row is None:
            return
        yield row
