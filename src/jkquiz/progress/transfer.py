"""Progress exports: writing them, and importing one (good lines kept, bad ones reported; reading is in exportfile)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

from jkquiz import __version__
from jkquiz.atomicfile import replace_file
from jkquiz.engine.attempt import Attempt
from jkquiz.progress.exportfile import FORMAT, VERSION, open_export
from jkquiz.progress.records import stamp
from jkquiz.progress.store import ProgressStore

BATCH = 5000  # attempts merged per transaction when importing (keeps memory flat on big files)


def export_lines(store: ProgressStore, learner: str, now: datetime | None = None) -> Iterator[str]:
    """The export of a learner's record, line by line (without newlines): header first."""
    header = {"format": FORMAT, "version": VERSION, "learner": learner, "attempts": store.count(learner),
              "exported_at": stamp(now or datetime.now(timezone.utc)), "jkquiz": __version__}
    yield json.dumps(header, ensure_ascii=False)
    for attempt in store.attempts(learner):
        yield json.dumps(attempt.line(), ensure_ascii=False)


def write_export(store: ProgressStore, learner: str, path: Path | str) -> int:
    """Write a learner's export to `path` (complete or not at all); the number of attempts written."""
    path = Path(path)
    count = -1

    def write(out: IO[bytes]) -> None:
        nonlocal count
        for count, line in enumerate(export_lines(store, learner)):
            out.write((line + "\n").encode("utf-8"))

    replace_file(path, write, keep_mode=False)
    return count


@dataclass
class ImportReport:
    """What an import did: attempts read, added and already present, and each bad line."""

    learner: str = ""
    read: int = 0
    added: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def duplicates(self) -> int:
        """Attempts that were already recorded."""
        return self.read - self.added


def import_file(store: ProgressStore, path: Path | str, learner: str | None = None) -> ImportReport:
    """Merge an export into `store` (under `learner`, default the file's); bad lines are reported and skipped."""
    report = ImportReport()
    with open_export(Path(path)) as export:  # named as a Path names it
        report.learner = learner or export.learner
        batch: list[Attempt] = []
        for attempt in export.attempts():
            batch.append(attempt)
            if len(batch) >= BATCH:
                report.added += store.merge(report.learner, batch)
                batch = []
        report.added += store.merge(report.learner, batch)
    report.read, report.problems = export.read, export.problems
    return report
