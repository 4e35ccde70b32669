"""Progress exports: JSON lines, a header then one attempt per line; importing keeps good lines, reports bad ones."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from jkquiz import __version__
from jkquiz.engine.session import Attempt
from jkquiz.errors import ProgressError
from jkquiz.progress.records import attempt_dict, stamp
from jkquiz.progress.store import ProgressStore

FORMAT = "jkquiz-progress"
VERSION = 1
BATCH = 5000  # attempts merged per transaction when importing (keeps memory flat on big files)


def export_lines(store: ProgressStore, learner: str, now: datetime | None = None) -> Iterator[str]:
    """The export of a learner's record, line by line (without newlines): header first."""
    header = {"format": FORMAT, "version": VERSION, "learner": learner, "attempts": store.count(learner),
              "exported_at": stamp(now or datetime.now(timezone.utc)), "jkquiz": __version__}
    yield json.dumps(header, ensure_ascii=False)
    for attempt in store.attempts(learner):
        yield json.dumps(attempt_dict(attempt), ensure_ascii=False)


def write_export(store: ProgressStore, learner: str, path: Path | str) -> int:
    """Write a learner's export to `path` (complete or not at all); the number of attempts written."""
    path = Path(path)
    count = -1
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            for count, line in enumerate(export_lines(store, learner)):
                out.write(line + "\n")
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
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
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ProgressError(f"cannot read {path}: {exc.strerror}") from exc
    report = ImportReport()
    with handle:
        header = _header(path, handle.readline())
        report.learner = learner or header["learner"]
        batch: list[Attempt] = []
        for number, line in enumerate(handle, start=2):
            if not line.strip():
                continue
            try:
                batch.append(_attempt(line))
            except ValueError as exc:
                report.problems.append(f"{path}:{number}: {exc} (line skipped)")
                continue
            if len(batch) >= BATCH:
                report.read, report.added = report.read + len(batch), report.added + store.merge(report.learner, batch)
                batch = []
        report.read, report.added = report.read + len(batch), report.added + store.merge(report.learner, batch)
    seen = report.read + len(report.problems)
    expected = header.get("attempts")
    if isinstance(expected, int) and seen < expected:
        report.problems.append(f"{path}: the header announces {expected} attempts but the file holds {seen}; "
                               "it may have been cut short")
    return report


def _header(path: Path, line: str) -> dict[str, Any]:
    """The checked header line; a file without one is not an export and is refused whole."""
    try:
        header = json.loads(line)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ProgressError(f"{path}:1: not a jkquiz progress export (the first line should be a header like "
                            f'{{"format": "{FORMAT}", "version": {VERSION}, "learner": "..."}})')
    version = header.get("version")
    if not isinstance(version, int) or version < 1:
        raise ProgressError(f"{path}:1: the header's version should be a whole number, not {version!r}")
    if version > VERSION:
        raise ProgressError(f"{path}:1: this export is format version {version}, written by a newer jkquiz; "
                            f"this version reads up to {VERSION}. Update jkquiz to import it.")
    if not isinstance(header.get("learner"), str) or not header["learner"].strip():
        raise ProgressError(f"{path}:1: the header names no learner")
    return header


def _attempt(line: str) -> Attempt:
    """One checked attempt line; ValueError says what is wrong with it."""
    from pydantic import ValidationError

    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        said = exc.msg[0].lower() + exc.msg[1:] + ("" if exc.msg.endswith(" at") else " at")
        raise ValueError(f"not valid JSON ({said} column {exc.colno}): cut short or edited by hand?") from None
    try:
        record = _line_model().model_validate(data)
    except ValidationError as exc:
        raise ValueError("; ".join(f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in exc.errors())) from None
    return Attempt(**record.model_dump(), answered_at=record.answered_at.astimezone(timezone.utc))


_MODEL: Any = None


def _line_model() -> Any:
    """The pydantic model of an attempt line (built on first use: pydantic is heavy to import)."""
    global _MODEL
    if _MODEL is None:
        from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

        slug = r"^[a-z0-9][a-z0-9-]*$"

        class AttemptLine(BaseModel):
            model_config = ConfigDict(extra="ignore")

            question_id: str = Field(pattern=slug)
            topic: str = Field(pattern=slug)
            content_hash: str = Field(min_length=1, max_length=64)
            response: Any
            response_text: str
            status: Literal["correct", "partial", "wrong"]
            score: float = Field(ge=0, le=1)
            seconds: float = Field(ge=0)
            answered_at: AwareDatetime = Field(exclude=True)
            session_id: str = Field(min_length=1)

        _MODEL = AttemptLine
    return _MODEL
