"""Stream learners' progress exports, one learner at a time, into running figures (never all learners' answers).

Two passes over the files. The first reads only each file's header line: which learner it belongs to (a learner
may have several files, an export made twice). The second reads each learner's files together, finds their first
answer to each question version, folds those into running sums per question version (`ItemSums`) and keeps one
small row for the learner; then the learner's answers are dropped. Memory grows with the questions only: the file
list, the index from learner to file and the learners' rows are kept on disk (`jkquiz.report.ondisk`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from jkquiz.bank import Bank
from jkquiz.bank.model import Rename, renames
from jkquiz.errors import ProgressError
from jkquiz.progress.exportfile import open_export
from jkquiz.progress.summary import current_hashes
from jkquiz.report.ondisk import ClassStore, FileIndex, Files, FilesByLearner, Learners, name_at, names_of
from jkquiz.report.running import ItemSums, LearnerRow, TopicScores
from jkquiz.types import get_type

UNNAMED = "learner"  # the name a record has until the learner sets one (jkquiz.progress.current.DEFAULT_LEARNER)


class First(NamedTuple):
    """A learner's first answer to one version of a question."""

    answered_at: datetime
    score: float
    response: Any  # kept only for choice questions in their current wording (for the pick counts)


Key = tuple[str, str]  # (question id, content hash): one version of a question


class Context(NamedTuple):
    """What reading needs from the bank, worked out once."""

    current: dict[str, str]  # question id -> its content hash now
    keep_response: frozenset[str]  # choice questions: their responses are counted (picks)
    moves: dict[str, Rename]  # a renamed question's earlier id -> its rename
    topic_of: dict[str, str]  # question id -> topic (once: a question's topic is a slow property)
    topic_names: tuple[str, ...]  # the bank's topics, in order


def context(bank: Bank) -> Context:
    """The bank's hashes, choice questions, renames and topics."""
    return Context(current_hashes(bank),
                   frozenset(qid for qid, q in bank.questions.items() if get_type(q.type).count_picks is not None),
                   {r.old_id: r for r in renames(bank.questions.values())},
                   {qid: q.topic for qid, q in bank.questions.items()}, tuple(bank.topics))


@dataclass
class ClassRecord:
    """The class read: running figures per question version, a row per learner (on disk), and what went wrong."""

    paths: Sequence[Path]
    store: ClassStore  # the temporary file holding the file index and the learners' rows
    learners: Learners  # in the order read; read back sorted
    items: dict[Key, ItemSums] = field(default_factory=dict)  # version -> its running figures
    topics: dict[str, str] = field(default_factory=dict)  # question id -> topic, as the first file naming it says
    answered_topics: set[str] = field(default_factory=set)  # topics some learner answered (in their current wording)
    problems: list[str] = field(default_factory=list)  # files skipped and lines skipped, each naming its file
    notes: list[str] = field(default_factory=list)  # worth knowing, not wrong
    files_read: int = 0
    files_skipped: int = 0
    answers: int = 0  # good attempt lines read

    @property
    def index(self) -> FileIndex:
        """Learner -> their file(s), positions in paths."""
        return FileIndex(self.store)

    @property
    def files(self) -> Mapping[str, list[str]]:
        """Learner -> the files holding their record (read from disk when asked: `--anonymize` hides their names)."""
        return FilesByLearner(self.index, self.paths)

    def close(self) -> None:
        """Delete the temporary file (the learners' rows with it)."""
        self.store.close()


def expand_paths(names: Sequence[str]) -> tuple[Files, list[str]]:
    """The files named, a folder standing for its *.jsonl files (sorted); each once; problems for empty folders.

    The list is kept on disk, in a new store that `collect` uses too; close it (`Files.close`) when done."""
    files = Files(ClassStore())
    problems: list[str] = []
    try:
        for name in names:
            if os.path.isdir(name):
                with os.scandir(name) as entries:  # names, not Path objects, sorted on disk: 100,000 stay small
                    found = files.sorted_names(e.name for e in entries if e.name.endswith(".jsonl") and e.is_file())
                    folder, empty = str(Path(name)), True
                    for entry in found:  # the name `Path(name) / entry` gives, made without a Path for each file
                        empty = False
                        _add_once(files, entry if folder == "." else os.path.join(folder, entry))
                if empty:
                    problems.append(f"{Path(name)}: no .jsonl files in this folder")
            else:
                _add_once(files, str(Path(name)))  # a missing file is reported when read, with the rest still read
    except BaseException:
        files.close()
        raise
    return files, problems


def _add_once(files: Files, name: str) -> None:
    """Each file once (a folder and a file in it both named, a link): the first name stays."""
    files.add(name, os.path.realpath(name))


def collect(paths: Iterable[Path], bank: Bank) -> ClassRecord:
    """Index the files by learner from their headers, then read each learner's files together into the record.

    The record keeps what grows with the class in a temporary file: the store of `paths` when they come from
    `expand_paths`, else a new one (deleted when the record is closed or dropped)."""
    ctx = context(bank)
    owned = not isinstance(paths, Files)
    store = paths.store if isinstance(paths, Files) else ClassStore()
    try:
        listed = paths if isinstance(paths, Sequence) else Files(store, paths)
        record = ClassRecord(listed, store, Learners(store, ctx.topic_names))
        _read_class(record, ctx)
    except BaseException:
        if owned:
            store.close()
        raise
    return record


def _read_class(record: ClassRecord, ctx: Context) -> None:
    """The two passes: headers into the file index, then each learner's files together."""
    problems: list[tuple[int, str]] = []  # (file position, message): put back in file order at the end
    first_file: dict[str, int] = {}  # question id -> position of the file its topic was taken from
    index = record.index
    for position, path in enumerate(names_of(record.paths)):
        try:
            with open_export(path) as export:
                who = _learner(export.learner, path)
        except ProgressError as exc:
            problems.append((position, f"{exc} (file skipped)"))
            record.files_skipped += 1
            continue
        index.add(who, position)
        record.files_read += 1
    for who, positions in index.learners():  # in the order first met, as the files were listed
        firsts = _read_learner(record, who, positions, ctx, problems, first_file)
        _fold(record, who, len(positions), firsts, ctx)
        if len(positions) > 1:
            files = ", ".join(str(name_at(record.paths, i)) for i in positions)
            record.notes.append(f"{who}: {len(positions)} files ({files}); their answers are counted once, "
                                "as one learner's (an export made twice?)")
    problems.sort(key=lambda p: p[0])  # stable: a file's lines keep their order
    record.problems = [message for _, message in problems]


def learner_firsts(paths: Sequence[Path], bank: Bank) -> dict[Key, First]:
    """One learner's first answer to each question version, from their files (what the report folds in)."""
    ctx = context(bank)
    with ClassStore() as store:
        record = ClassRecord(paths, store, Learners(store, ctx.topic_names))
        return _read_learner(record, "", list(range(len(paths))), ctx, [], {})


def _learner(name: str, path: str) -> str:
    who = name.strip()
    return f"{UNNAMED} ({os.path.basename(path)})" if who == UNNAMED else who  # unnamed records of different people never merge


def _read_learner(record: ClassRecord, who: str, positions: list[int], ctx: Context,
                  problems: list[tuple[int, str]], first_file: dict[str, int]) -> dict[Key, First]:
    """The learner's files read together: their first answer per question version; bad lines reported."""
    firsts: dict[Key, First] = {}
    current, keep, moves, topics = ctx.current, ctx.keep_response, ctx.moves, record.topics
    for position in positions:
        path = name_at(record.paths, position)
        try:
            export = open_export(path)
        except ProgressError as exc:  # readable a moment ago (moved or changed since): skipped like any other
            problems.append((position, f"{exc} (file skipped)"))
            record.files_read -= 1
            record.files_skipped += 1
            continue
        with export:
            for a in export.attempts():
                qid, chash = a.question_id, a.content_hash
                move = moves.get(qid)
                if move is not None:
                    qid, chash = move.new_id, move.new_hash if chash == move.old_hash else chash
                key = (qid, chash)
                seen = firsts.get(key)
                if seen is None or a.answered_at < seen.answered_at:  # a hand-sorted file still finds the first
                    kept = qid in keep and current.get(qid) == chash
                    firsts[key] = First(a.answered_at, a.score, a.response if kept else None)
                    if position < first_file.get(qid, len(record.paths)):  # as if the files were read in order
                        first_file[qid] = position
                        topics[qid] = a.topic
            record.answers += export.read
        problems.extend((position, message) for message in export.problems)
    return firsts


def _fold(record: ClassRecord, who: str, files: int, firsts: Mapping[Key, First], ctx: Context) -> None:
    """Add one learner's first answers to the running figures and keep their row."""
    current, topic_of = ctx.current, ctx.topic_of
    total, count = 0.0, 0
    by_topic: dict[str, tuple[float, int]] = {}
    for (qid, chash), first in firsts.items():
        if current.get(qid) == chash:
            total, count = total + first.score, count + 1
            topic = topic_of[qid]
            s, n = by_topic.get(topic, (0.0, 0))
            by_topic[topic] = (s + first.score, n + 1)
    for key, first in firsts.items():
        is_current = current.get(key[0]) == key[1]
        rest_total, rest_count = (total - first.score, count - 1) if is_current else (total, count)
        # the rest score: the learner's mean on their other current questions (the item itself left out);
        # rounded, so that sums taken in different orders cannot differ by float noise and fake a spread
        rest = round(rest_total / rest_count, 9) if rest_count else None
        sums = record.items.get(key)
        if sums is None:
            sums = record.items[key] = ItemSums(is_current and key[0] in ctx.keep_response)
        sums.add(first.score, rest, first.response)
    record.answered_topics.update(by_topic)
    record.learners.add(LearnerRow(who, files, count, total / count if count else None,
                                   TopicScores({t: (s / n, n) for t, (s, n) in by_topic.items()}, ctx.topic_names),
                                   len(firsts) - count))
