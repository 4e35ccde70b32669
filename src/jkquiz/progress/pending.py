"""Answers given while another program holds the progress file: kept beside it until it is free.

When the file is busy, the notebook works from memory and appends each answer, as it is given,
to `progress.sqlite3.pending.jsonl` (one JSON line per answer, fsynced), so even a killed kernel
loses nothing. The next time the file can be opened (in this session or a later one) the pending
answers are merged into it (merging is idempotent) and the side file is removed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from jkquiz.engine.attempt import Attempt
from jkquiz.progress.exportfile import parse_attempt

SUFFIX = ".pending.jsonl"


def pending_path(path: Path) -> Path:
    """The side file of a progress file."""
    return path.with_name(path.name + SUFFIX)


def append_pending(path: Path, learner: str, attempt: Attempt) -> None:
    """Add one answer to the side file of `path`, durably."""
    line = json.dumps({"learner": learner, "attempt": attempt.line()}, ensure_ascii=False)
    with pending_path(path).open("a", encoding="utf-8", newline="\n") as out:
        out.write(line + "\n")
        out.flush()
        os.fsync(out.fileno())


def read_pending(path: Path) -> dict[str, list[Attempt]]:
    """The answers waiting in the side file of `path`, by learner (a line that cannot be read is skipped)."""
    side = pending_path(path)
    found: dict[str, list[Attempt]] = {}
    if not side.is_file():
        return found
    for line in side.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            record = json.loads(line)
            attempt = parse_attempt(json.dumps(record["attempt"]))
            found.setdefault(str(record["learner"]), []).append(attempt)
        except (ValueError, KeyError, TypeError):
            continue  # a line cut short by a crash: the rest still counts
    return found


def clear_pending(path: Path) -> None:
    """Remove the side file once its answers are in the database."""
    pending_path(path).unlink(missing_ok=True)
