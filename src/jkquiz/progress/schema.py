"""The database's schema as numbered migrations, and the checks that a file is ours before anything is written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from jkquiz.errors import ProgressError
from jkquiz.i18n import N_, _

APPLICATION_ID = 0x6A6B717A  # "jkqz" in the SQLite header: tells our files from other programs' databases
SQLITE_MAGIC = b"SQLite format 3\x00"

# (version, statements): a file at version v gets every migration above v, in one transaction.
MIGRATIONS: list[tuple[int, tuple[str, ...]]] = [
    (1, (
        """CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            learner TEXT NOT NULL,
            question_id TEXT NOT NULL,
            topic TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            response TEXT NOT NULL,            -- JSON
            response_text TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('correct', 'partial', 'wrong')),
            score REAL NOT NULL,
            seconds REAL NOT NULL,
            answered_at TEXT NOT NULL,         -- UTC 'YYYY-MM-DDTHH:MM:SS.ffffffZ': text order is time order
            session_id TEXT NOT NULL,
            UNIQUE (learner, question_id, session_id, answered_at)  -- one attempt, however often imported
        )""",
        """CREATE TABLE cards (
            learner TEXT NOT NULL,
            question_id TEXT NOT NULL,
            topic TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            state INTEGER NOT NULL,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,
            last_review TEXT NOT NULL,
            last_status TEXT NOT NULL,
            reviews INTEGER NOT NULL,
            PRIMARY KEY (learner, question_id)
        ) WITHOUT ROWID""",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        f"PRAGMA application_id = {APPLICATION_ID}",
    )),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]

DAMAGED_ADVICE = N_("The file was left untouched. To start a new record, move it away (for example rename it to "
                  "progress.sqlite3.bad); keep it if you want help recovering it.")


class StoreProblem(ProgressError):
    """A progress file that cannot be used: what is wrong with it, and what the learner can do."""

    def __init__(self, path: Path | str, problem: str, advice: str | None = None, *, readable: bool = True,
                 busy: bool = False) -> None:
        advice = _(DAMAGED_ADVICE) if advice is None else advice
        self.path, self.problem, self.advice = Path(path), problem, advice
        self.readable = readable  # False when not even a read-only look at the file makes sense
        self.busy = busy  # another program holds the file: it will be free again
        super().__init__(f"{problem} {advice}".strip())


def check_file(path: Path, conn: sqlite3.Connection) -> int:
    """The file's schema version, after checking (reading only) that it is a sound jkquiz progress database."""
    if path.exists() and path.stat().st_size:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_MAGIC:
                raise StoreProblem(path, _("The progress file {path} is not a progress database (it is not an SQLite "
                                           "file).").format(path=path),
                                   readable=False)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc):
            raise StoreProblem(path, _("The progress file {path} is busy: another program has kept it locked.").format(
                path=path), _("Close other notebooks using it, then restart this one.")) from exc
        raise StoreProblem(path, _("The progress file {path} is damaged ({error}).").format(path=path, error=exc)) from exc
    if result != "ok":
        lines = [line for line in str(result).splitlines() if line.strip() and not line.startswith("***")]
        said = (lines or ["?"])[0] + (" …" if len(lines) > 1 else "")
        raise StoreProblem(path, _("The progress file {path} is damaged (SQLite's check says: {said}).").format(
            path=path, said=said))
    if app_id != APPLICATION_ID and tables:
        raise StoreProblem(path, _("The file {path} is a database of another program, not a jkquiz progress file.")
                           .format(path=path))
    if version > SCHEMA_VERSION:
        raise StoreProblem(
            path,
            _("The progress file {path} was written by a newer version of jkquiz (progress format {version}; this "
              "version knows formats up to {known}).").format(path=path, version=version, known=SCHEMA_VERSION),
            _("The file was left untouched. Update jkquiz (run `python3 course.py start` in an up-to-date copy "
              "of the course) to keep saving your progress."),
        )
    return version


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the database to SCHEMA_VERSION; concurrent openers wait on the write lock, then find nothing to do."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:  # a newer jkquiz upgraded it while we waited
            raise StoreProblem(path, f"The progress file {path} was just upgraded by a newer version of jkquiz.",
                               "Restart this notebook with the newer version.")
        for target, statements in MIGRATIONS:
            if target > version:
                for statement in statements:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
