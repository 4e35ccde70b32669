"""Stream learners' progress exports into each learner's first answer per question version (never all attempts)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from jkquiz.bank import Bank
from jkquiz.errors import ProgressError
from jkquiz.progress.exportfile import open_export
from jkquiz.progress.summary import current_hashes
from jkquiz.types import get_type

UNNAMED = "learner"  # the name a record has until the learner sets one (jkquiz.study.DEFAULT_LEARNER)


class First(NamedTuple):
    """A learner's first answer to one version of a question."""

    answered_at: datetime
    score: float
    response: Any  # kept only for choice questions in their current wording (for the pick counts)


Key = tuple[str, str]  # (question id, content hash): one version of a question


@dataclass
class ClassRecord:
    """What the files hold, reduced to each learner's first answer per question version, plus what went wrong."""

    first: dict[str, dict[Key, First]] = field(default_factory=dict)  # learner -> version -> first answer
    topics: dict[str, str] = field(default_factory=dict)  # question id -> topic, as the files say
    files: dict[str, list[str]] = field(default_factory=dict)  # learner -> the files holding their record
    problems: list[str] = field(default_factory=list)  # files skipped and lines skipped, each naming its file
    notes: list[str] = field(default_factory=list)  # worth knowing, not wrong
    files_read: int = 0
    files_skipped: int = 0
    answers: int = 0  # good attempt lines read

    def read_file(self, path: Path, current: dict[str, str], keep_response: set[str]) -> None:
        """Fold one export into the record; a file that cannot be read is reported and skipped."""
        try:
            export = open_export(path)
        except ProgressError as exc:
            self.problems.append(f"{exc} (file skipped)")
            self.files_skipped += 1
            return
        with export:
            who = export.learner.strip()
            if who == UNNAMED:  # unnamed records of different people must not merge: one learner per file
                who = f"{UNNAMED} ({path.name})"
            firsts = self.first.setdefault(who, {})
            topics = self.topics
            for a in export.attempts():
                key = (a.question_id, a.content_hash)
                seen = firsts.get(key)
                if seen is None or a.answered_at < seen.answered_at:  # a hand-sorted file still finds the first
                    keep = a.question_id in keep_response and current.get(a.question_id) == a.content_hash
                    firsts[key] = First(a.answered_at, a.score, a.response if keep else None)
                    topics.setdefault(a.question_id, a.topic)
            self.answers += export.read
        self.problems.extend(export.problems)
        self.files.setdefault(who, []).append(str(path))
        self.files_read += 1


def expand_paths(names: Sequence[str]) -> tuple[list[Path], list[str]]:
    """The files named, a folder standing for its *.jsonl files (sorted); each once; problems for empty folders."""
    paths: list[Path] = []
    problems: list[str] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.jsonl") if p.is_file())
            if not found:
                problems.append(f"{path}: no .jsonl files in this folder")
            paths.extend(found)
        else:
            paths.append(path)  # a missing file is reported when it is read, with the rest still read
    unique = list(dict.fromkeys(p.resolve() for p in paths))
    by_resolved = {p.resolve(): p for p in reversed(paths)}  # report each file under the name it was first given
    return [by_resolved[p] for p in unique], problems


def collect(paths: Iterable[Path], bank: Bank) -> ClassRecord:
    """Read every export, one file at a time, into a ClassRecord."""
    current = current_hashes(bank)
    keep = {qid for qid, q in bank.questions.items() if get_type(q.type).count_picks is not None}
    record = ClassRecord()
    for path in paths:
        record.read_file(path, current, keep)
    for who, files in record.files.items():
        if len(files) > 1:
            record.notes.append(f"{who}: {len(files)} files ({', '.join(files)}); their answers are counted once, "
                                "as one learner's (an export made twice?)")
    return record
