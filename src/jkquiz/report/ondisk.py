"""What grows with the class, kept on disk: the files to read, the index from learner to file, each learner's row.

A report holds one temporary SQLite file (stdlib sqlite3), in a folder of its own that is removed when the report
is closed (`ClassStore.close`), when it is dropped, or when Python exits, also after an error. Its page cache is
small and fixed, and rows are read back a row at a time in the report's order (ORDER BY on an index, or SQLite's
own sorter, which spills to disk), so a class of 100,000 learners takes the memory of a class of 1,000.

Names are stored as UTF-8 bytes with lone surrogates kept (a file name that is not UTF-8, a name written "\\ud800"
in JSON): byte order is then code-point order, the order Python sorts strings in.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import overload

from jkquiz.report.running import LearnerRow, TopicScores

CACHE_KB = 256  # SQLite's page cache: what it keeps of the file in memory
SETUP = f"""
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA temp_store = FILE;
PRAGMA cache_size = -{CACHE_KB};
CREATE TABLE file (position INTEGER PRIMARY KEY, name BLOB NOT NULL, real BLOB UNIQUE);
CREATE TABLE learner (id INTEGER PRIMARY KEY, name BLOB NOT NULL UNIQUE);
CREATE TABLE owner (position INTEGER PRIMARY KEY, learner INTEGER NOT NULL);
CREATE INDEX owner_by_learner ON owner (learner, position);
CREATE TABLE row (id INTEGER PRIMARY KEY, name BLOB NOT NULL, folded BLOB NOT NULL, files INTEGER NOT NULL,
                  answered INTEGER NOT NULL, overall REAL, topics BLOB NOT NULL, set_aside INTEGER NOT NULL);
CREATE INDEX row_by_name ON row (folded, name);
CREATE TABLE listing (name BLOB NOT NULL);
CREATE INDEX listing_by_name ON listing (name);
CREATE TABLE hidden (original BLOB PRIMARY KEY, length INTEGER NOT NULL, rank INTEGER NOT NULL, value BLOB NOT NULL);
BEGIN;
"""
ORDERS = {"name": "folded, name", "score": "overall IS NULL, overall DESC, folded, name"}


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def decode(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass")


class ClassStore:
    """The temporary SQLite file of one report (its tables: see SETUP). One transaction, never committed: nothing
    else reads it, and it is deleted at the end."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="jkquiz-report-")
        try:
            self.db = sqlite3.connect(os.path.join(self.folder, "class.sqlite3"), isolation_level=None,
                                      check_same_thread=False)  # closed by a finalizer, maybe in another thread
            self.db.executescript(SETUP)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self._finalizer = weakref.finalize(self, _remove, self.db, self.folder)
        self.files = 0  # rows in `file`
        self.rows = 0  # rows in `row`
        self.functions = 0  # SQL functions made for anonymized views (each its own name)

    def close(self) -> None:
        """Delete the file and its folder (again: nothing)."""
        self._finalizer()

    def __enter__(self) -> ClassStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _remove(db: sqlite3.Connection, folder: str) -> None:
    db.close()
    shutil.rmtree(folder, ignore_errors=True)


class Files(Sequence[Path]):
    """The files to read, by position, kept in the class's store (a Path is made when one is used)."""

    def __init__(self, store: ClassStore, names: Iterable[str | Path] = ()) -> None:
        self.store = store
        for name in names:
            self.add(str(name))

    def add(self, name: str, real: str | None = None) -> bool:
        """Add a file at the end; with `real` (its resolved path) only if no file added resolves to it."""
        added = self.store.db.execute("INSERT OR IGNORE INTO file VALUES (?, ?, ?)",
                                      (self.store.files, encode(name), None if real is None else encode(real)))
        self.store.files += added.rowcount
        return added.rowcount == 1

    def sorted_names(self, names: Iterable[str]) -> Iterator[str]:
        """`names` sorted (as Python sorts strings), the sorting done on disk."""
        db = self.store.db
        db.execute("DELETE FROM listing")
        db.executemany("INSERT INTO listing VALUES (?)", ((encode(n),) for n in names))
        return (decode(n) for (n,) in db.execute("SELECT name FROM listing ORDER BY name"))

    @overload
    def __getitem__(self, i: int) -> Path: ...
    @overload
    def __getitem__(self, i: slice) -> list[Path]: ...
    def __getitem__(self, i: int | slice) -> Path | list[Path]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return Path(self.name(i + len(self) if i < 0 else i))

    def __iter__(self) -> Iterator[Path]:
        return (Path(name) for name in self.names())

    def names(self) -> Iterator[str]:
        """The files' names, in order (as str: a Path keeps each of its parts in Python's table of interned
        strings, which grows, and is copied whole when it does, with the number of files)."""
        return (decode(n) for (n,) in self.store.db.execute("SELECT name FROM file ORDER BY position"))

    def name(self, i: int) -> str:
        """The name of the file at position i."""
        found = self.store.db.execute("SELECT name FROM file WHERE position = ?", (i,)).fetchone()
        if found is None:
            raise IndexError(i)
        return decode(found[0])

    def __len__(self) -> int:
        return self.store.files

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list, not a value

    def close(self) -> None:
        """Delete the store the files are listed in."""
        self.store.close()


def names_of(paths: Sequence[Path]) -> Iterator[str]:
    """The names of the files, in order (from disk when they are kept there)."""
    return paths.names() if isinstance(paths, Files) else (str(path) for path in paths)


def name_at(paths: Sequence[Path], i: int) -> str | Path:
    """The file at position i: its name when the list is kept on disk (no Path made), else its Path."""
    return paths.name(i) if isinstance(paths, Files) else paths[i]


class FileIndex:
    """Which files hold each learner's record: learners in the order first met, their files in file order."""

    def __init__(self, store: ClassStore) -> None:
        self.store = store

    def owner(self, name: str) -> int:
        """The learner's number (a new one for a name not met before)."""
        db, data = self.store.db, encode(name)
        found = db.execute("SELECT id FROM learner WHERE name = ?", (data,)).fetchone()
        return found[0] if found else db.execute("INSERT INTO learner (name) VALUES (?)", (data,)).lastrowid or 0

    def add(self, name: str, position: int) -> None:
        """The file at `position` holds a record of learner `name`."""
        self.store.db.execute("INSERT INTO owner VALUES (?, ?)", (position, self.owner(name)))

    def learners(self) -> Iterator[tuple[str, list[int]]]:
        """Each learner and the positions of their files."""
        rows = self.store.db.execute("SELECT o.learner, l.name, o.position FROM owner o JOIN learner l "
                                     "ON l.id = o.learner ORDER BY o.learner, o.position")
        current, name, positions = None, b"", list[int]()
        for number, data, position in rows:
            if number != current:
                if positions:
                    yield decode(name), positions
                current, name, positions = number, data, []
            positions.append(position)
        if positions:
            yield decode(name), positions

    def positions(self, name: str) -> list[int]:
        """The positions of the learner's files ([]: no such learner)."""
        return [p for (p,) in self.store.db.execute(
            "SELECT o.position FROM owner o JOIN learner l ON l.id = o.learner WHERE l.name = ? ORDER BY o.position",
            (encode(name),))]


class FilesByLearner(Mapping[str, list[str]]):
    """Learner -> the names of the files holding their record, read from the store when asked."""

    def __init__(self, index: FileIndex, paths: Sequence[Path]) -> None:
        self.index, self.paths = index, paths

    def __getitem__(self, name: str) -> list[str]:
        positions = self.index.positions(name)
        if not positions:
            raise KeyError(name)
        return [str(name_at(self.paths, p)) for p in positions]

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self.index.learners())

    def __len__(self) -> int:
        return int(self.index.store.db.execute("SELECT count(*) FROM learner").fetchone()[0])


class Learners:
    """The learners' rows, kept on disk and read back a row at a time: by name (case aside, then exactly), or
    by overall score (best first, no answers last, ties by name); anonymized, by code first."""

    def __init__(self, store: ClassStore, topics: tuple[str, ...], *, by: str = "name",
                 code: Callable[[str], str] | None = None, function: str = "") -> None:
        self.store, self.topics, self.by, self.code, self.function = store, topics, by, code, function

    def add(self, row: LearnerRow) -> None:
        """Keep a learner's row (its topics packed with this table's topic names)."""
        scores = row.topics if isinstance(row.topics, TopicScores) else TopicScores(row.topics, self.topics)
        if scores.names != self.topics:
            raise ValueError(f"{row.learner}: scores for topics not in the bank ({', '.join(scores)})")
        self.store.db.execute("INSERT INTO row VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)", (
            encode(row.learner), encode(row.learner.casefold()), row.files, row.answered, row.overall,
            scores.packed, row.set_aside))
        self.store.rows += 1

    def sorted(self, by: str) -> Learners:
        """The same rows in another order ("name" or "score")."""
        return Learners(self.store, self.topics, by=by, code=self.code, function=self.function)

    def anonymized(self, code: Callable[[str], str]) -> Learners:
        """The same rows, each learner's name replaced by `code(name)`, sorted by code (ties: by name)."""
        if self.code is not None:
            raise ValueError("these learners are anonymized already")
        self.store.functions += 1
        function = f"code_{self.store.functions}"
        self.store.db.create_function(function, 1, lambda name: code(decode(name)), deterministic=True)
        return Learners(self.store, self.topics, by=self.by, code=code, function=function)

    def __iter__(self) -> Iterator[LearnerRow]:
        rows = self.store.db.execute("SELECT name, files, answered, overall, topics, set_aside FROM row ORDER BY "
                                     + self._order())
        for name, files, answered, overall, topics, set_aside in rows:
            yield LearnerRow(self._shown(name), files, answered, overall, TopicScores.from_packed(topics, self.topics),
                             set_aside)

    def names(self) -> Iterator[str]:
        """Every learner's name as shown, in this order."""
        for (name,) in self.store.db.execute("SELECT name FROM row ORDER BY " + self._order()):
            yield self._shown(name)

    def _shown(self, name: bytes) -> str:
        return decode(name) if self.code is None else self.code(decode(name))

    def _order(self) -> str:
        order = ORDERS[self.by]
        if self.code is not None:  # codes first; with --sort score, after the score
            order = order.replace("folded, name", f"{self.function}(name), folded, name")
        return order

    def set_aside(self) -> int:
        """First answers not counted, all learners together."""
        return int(self.store.db.execute("SELECT coalesce(sum(set_aside), 0) FROM row").fetchone()[0])

    def __len__(self) -> int:
        return self.store.rows

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Iterable) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list, not a value

    def __repr__(self) -> str:
        return f"<{len(self)} learners by {self.by}{', anonymized' * (self.code is not None)}>"


class Replacements:
    """Texts and what replaces each, kept on disk as a dict would keep them (a text given again keeps its first
    place and takes the new value); read back longest first, ties in the order first given."""

    def __init__(self, store: ClassStore) -> None:
        self.store, self.rank = store, 0
        store.db.execute("DELETE FROM hidden")

    def __setitem__(self, original: str, value: str) -> None:
        self.store.db.execute("INSERT INTO hidden VALUES (?, ?, ?, ?) ON CONFLICT (original) DO UPDATE SET "
                              "value = excluded.value", (encode(original), len(original), self.rank, encode(value)))
        self.rank += 1

    def longest_first(self) -> Iterator[tuple[str, str]]:
        for original, value in self.store.db.execute("SELECT original, value FROM hidden ORDER BY length DESC, rank"):
            yield decode(original), decode(value)
