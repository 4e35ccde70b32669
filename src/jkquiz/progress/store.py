"""ProgressStore: every graded answer written as it is given, and each question's review card beside it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from jkquiz.bank.model import Rename
from jkquiz.engine.attempt import Attempt
from jkquiz.errors import ProgressError
from jkquiz.i18n import _
from jkquiz.progress.records import (
    ATTEMPT_COLUMNS, CARD_COLUMNS, CardState, stamp,
)
from jkquiz.progress.pending import append_pending
from jkquiz.progress.schedule import DueItem, advance, due_items, next_due, replay
from jkquiz.progress.schema import migrate

BUSY_SECONDS = 10.0  # how long a write waits for another notebook's write to finish
_INSERT = f"INSERT OR IGNORE INTO attempts ({', '.join(ATTEMPT_COLUMNS)}) VALUES ({', '.join('?' * len(ATTEMPT_COLUMNS))})"
_UPSERT = f"INSERT OR REPLACE INTO cards ({', '.join(CARD_COLUMNS)}) VALUES ({', '.join('?' * len(CARD_COLUMNS))})"
_CARD = f"SELECT {', '.join(CARD_COLUMNS)} FROM cards WHERE learner = ? AND question_id = ?"


def connect(target: str | Path, *, uri: bool = False, timeout: float = BUSY_SECONDS) -> sqlite3.Connection:
    """A connection in autocommit mode (we open transactions ourselves) that waits `timeout` s on busy files."""
    return sqlite3.connect(target, timeout=timeout, isolation_level=None, uri=uri, check_same_thread=False)


class ProgressStore:
    """Attempts and review cards in one SQLite database (a file, or memory when the file cannot be used)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, *, warning: str = "") -> None:
        self._conn, self.path, self.warning = conn, path, warning
        self._lock = threading.Lock()  # widget callbacks may come from another thread than the cell
        self.waiting_for: Path | None = None  # a busy file this store will move to once it is free
        self._reopen: Callable[[], ProgressStore] | None = None
        self._timer: threading.Timer | None = None

    def wait_for(self, path: Path, reopen: Callable[[], ProgressStore], every: float) -> None:
        """Keep answers for the busy file `path` beside it, and move to it (via `reopen`) once it is free."""
        self.waiting_for, self._reopen, self._every = path, reopen, every
        self._schedule()

    def retry_file(self) -> bool:
        """Try to move to the file this store is waiting for; True once answers go to the file."""
        if self.waiting_for is None or self._reopen is None:
            return self.saved
        try:
            opened = self._reopen()  # merges the answers waiting beside the file
        except ProgressError:
            self._schedule()
            return False
        with self._lock:
            old, self._conn, self.path = self._conn, opened._conn, opened.path
            self.waiting_for, self._reopen, self.warning = None, None, ""
            old.close()
        return True

    def _schedule(self) -> None:
        if self.waiting_for is None:
            return
        self._timer = threading.Timer(self._every, self.retry_file)
        self._timer.daemon = True  # never keeps a kernel alive
        self._timer.start()

    @classmethod
    def in_memory(cls, *, warning: str = "") -> ProgressStore:
        """A store that lives only as long as this process."""
        conn = connect(":memory:")
        migrate(conn, Path(":memory:"))
        return cls(conn, None, warning=warning)

    @property
    def saved(self) -> bool:
        """True when answers go to a file that outlives the notebook."""
        return self.path is not None

    def close(self) -> None:
        """Close the database."""
        self._conn.close()

    # --- writing -------------------------------------------------------------------------------
    def record(self, attempt: Attempt, learner: str) -> bool:
        """Write one answer and update its card, in one transaction; False when it was already there."""
        with self._write():
            if not self._conn.execute(_INSERT, attempt.row(learner)).rowcount:
                return False
            self._catch_up(learner, attempt.question_id, [attempt])
        if self.waiting_for is not None:
            append_pending(self.waiting_for, learner, attempt)  # durable before the learner moves on
            self.retry_file()
        return True

    def merge(self, learner: str, attempts: Iterable[Attempt]) -> int:
        """Add attempts not yet recorded and update the cards they touch, in one transaction; the number added."""
        with self._write():
            added: dict[str, list[Attempt]] = {}
            for attempt in attempts:
                if self._conn.execute(_INSERT, attempt.row(learner)).rowcount:
                    added.setdefault(attempt.question_id, []).append(attempt)
            for qid, new in added.items():
                self._catch_up(learner, qid, new)
            return sum(len(new) for new in added.values())

    def rename_learner(self, old: str, new: str) -> int:
        """Move a learner's attempts to another name (keeping any already there); the number moved."""
        with self._write():
            moved = self._conn.execute("UPDATE OR IGNORE attempts SET learner = ? WHERE learner = ?", (new, old)).rowcount
            self._conn.execute("DELETE FROM attempts WHERE learner = ?", (old,))  # duplicates of the new name's
            self._conn.execute("DELETE FROM cards WHERE learner = ?", (old,))
            qids = [r[0] for r in self._conn.execute("SELECT DISTINCT question_id FROM attempts WHERE learner = ?", (new,))]
            self._rebuild(new, qids)
            return moved

    def carry_over(self, renames: Iterable[Rename]) -> int:
        """Move every learner's attempts under a question's earlier id to its id now, and rebuild their cards;
        an attempt's content hash follows when the question is unchanged but for its id. The number moved."""
        moved = 0
        with self._write():
            for r in renames:
                rows = self._conn.execute("SELECT DISTINCT learner FROM attempts WHERE question_id = ?", (r.old_id,))
                learners = [row[0] for row in rows]
                if not learners:
                    continue
                moved += self._conn.execute(
                    "UPDATE OR IGNORE attempts SET question_id = ?, "
                    "content_hash = CASE WHEN content_hash = ? THEN ? ELSE content_hash END WHERE question_id = ?",
                    (r.new_id, r.old_hash, r.new_hash, r.old_id)).rowcount
                self._conn.execute("DELETE FROM attempts WHERE question_id = ?", (r.old_id,))  # already there (imported twice)
                self._conn.execute("DELETE FROM cards WHERE question_id = ?", (r.old_id,))
                for learner in learners:
                    self._rebuild(learner, [r.new_id])
        return moved

    def set_setting(self, key: str, value: str) -> None:
        """Remember a setting (the learner's name) in the database."""
        with self._write():
            self._conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    # --- reading -------------------------------------------------------------------------------
    def setting(self, key: str) -> str | None:
        """A remembered setting, or None."""
        row = self._read("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def learners(self) -> list[str]:
        """Names with at least one attempt."""
        return [r[0] for r in self._read("SELECT DISTINCT learner FROM attempts ORDER BY learner")]

    def count(self, learner: str | None = None) -> int:
        """How many attempts (of one learner, or of everyone)."""
        if learner is None:
            return self._read("SELECT count(*) FROM attempts").fetchone()[0]
        return self._read("SELECT count(*) FROM attempts WHERE learner = ?", (learner,)).fetchone()[0]

    def attempts(self, learner: str, question_id: str | None = None) -> Iterator[Attempt]:
        """A learner's attempts in the order they were given, read as they are used (streams large records)."""
        sql = f"SELECT {', '.join(ATTEMPT_COLUMNS)} FROM attempts WHERE learner = ?"
        args: tuple[str, ...] = (learner,)
        if question_id is not None:
            sql, args = sql + " AND question_id = ?", (learner, question_id)
        for row in self._read(sql + " ORDER BY answered_at, id", args):
            yield Attempt.from_row(row)

    def cards(self, learner: str) -> list[CardState]:
        """A learner's review cards, one per question answered."""
        sql = f"SELECT {', '.join(CARD_COLUMNS)} FROM cards WHERE learner = ? ORDER BY question_id"
        return [CardState.from_row(r) for r in self._read(sql, (learner,))]

    def due(self, learner: str, now: datetime, current: Mapping[str, str] | None = None) -> list[DueItem]:
        """Questions due for review at `now`, most overdue first (see schedule.due_items)."""
        if current is None:  # only what is due by date: let the index find it
            sql = f"SELECT {', '.join(CARD_COLUMNS)} FROM cards WHERE learner = ? AND due <= ?"
            return due_items((CardState.from_row(r) for r in self._read(sql, (learner, stamp(now)))), now)
        return due_items(self.cards(learner), now, current)

    def next_due(self, learner: str, now: datetime, current: Mapping[str, str] | None = None) -> datetime | None:
        """When the next review falls due after `now`, or None."""
        return next_due(self.cards(learner), now, current)

    # --- plumbing ------------------------------------------------------------------------------
    def _catch_up(self, learner: str, qid: str, new: list[Attempt]) -> None:
        """Bring a card up to date with new answers: step on from it when they all came after its last
        review (the usual case), else replay the question's whole history in time order."""
        new.sort(key=lambda a: a.answered_at)
        row = self._conn.execute(_CARD, (learner, qid)).fetchone()
        card = CardState.from_row(row) if row else None
        if card is not None and new[0].answered_at < card.last_review:  # an older answer arrived late
            self._rebuild(learner, [qid])
            return
        for attempt in new:
            card = advance(card, attempt)
        if card is not None:
            self._conn.execute(_UPSERT, card.row(learner))

    def _rebuild(self, learner: str, question_ids: list[str]) -> None:
        for qid in question_ids:
            cards = replay(self.attempts(learner, qid))
            if qid in cards:
                self._conn.execute(_UPSERT, cards[qid].row(learner))

    @contextmanager
    def _write(self) -> Iterator[None]:
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise ProgressError(_friendly(exc, self.path)) from exc
            try:
                yield
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise ProgressError(_friendly(exc, self.path)) from exc
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def _read(self, sql: str, args: tuple[object, ...] = ()) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, args)
        except sqlite3.Error as exc:
            raise ProgressError(_friendly(exc, self.path)) from exc


def _friendly(exc: sqlite3.Error, path: Path | None) -> str:
    """What went wrong with the database, in words a learner can act on."""
    where = _("the progress file {path}").format(path=path) if path else _("the progress store")
    text = str(exc)
    if "locked" in text or "busy" in text:
        return _("{where} is busy: another notebook kept it locked for over {seconds} seconds.").format(
            where=where, seconds=f"{BUSY_SECONDS:g}")
    if "readonly" in text or "read-only" in text:
        return _("{where} is read-only. Make it writable, or set JKQUIZ_HOME to a folder you can write to.").format(
            where=where)
    if "full" in text:
        return _("the disk holding {where} is full. Free some space and try again.").format(where=where)
    if "malformed" in text or "not a database" in text:
        return _("{where} is damaged ({error}). Restart the notebook: progress will then be kept in memory.").format(
            where=where, error=text)
    return _("{where} could not be used ({error}).").format(where=where, error=text)
