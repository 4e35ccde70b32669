"""`jkquiz collect`: each learner's progress file, read through the hub, written as one export per learner.

Nothing runs as the learner: the file (with its write-ahead log, which holds the newest answers until SQLite
folds them in, and the answers waiting beside it while another program held it) is read through the learner's server's contents API, then opened here, in a temporary
folder, and written out as a `jkquiz progress export` file under the learner's hub name. A learner whose
server is not running, cannot be reached, or holds no record yet is listed with the reason; the rest are
collected. An export collected earlier is kept when a learner cannot be reached now.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from jkquiz import __version__
from jkquiz.hub import PROGRESS_FOLDER
from jkquiz.hub.client import HubClient, HubUser, NotFound
from jkquiz.progress.exportfile import FORMAT, VERSION
from jkquiz.progress.opening import DB_NAME
from jkquiz.progress.pending import SUFFIX as PENDING_SUFFIX
from jkquiz.progress.records import attempt_dict, stamp

PROGRESS_FILE = f"{PROGRESS_FOLDER}/{DB_NAME}"


@dataclass
class Missing:
    """A learner whose record was not collected, and why (in words an instructor can act on)."""

    name: str
    reason: str
    kept: Path | None = None  # an export from an earlier collect, left in place


@dataclass
class Gathered:
    """What a collect did: the files written (learner, file, answers) and the learners missed."""

    written: list[tuple[str, Path, int]] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def per_learner(self) -> float:
        """Seconds per learner asked (collected or not)."""
        asked = len(self.written) + len(self.missing)
        return self.seconds / asked if asked else 0.0


def export_name(hub_name: str) -> str:
    """The export's file name for a hub user (hub names may hold characters a file name should not)."""
    return quote(hub_name, safe="@+-_.") + ".jsonl"


def gather(client: HubClient, folder: Path, *, only: Iterable[str] = (), exclude: Iterable[str] = (),
           path: str = PROGRESS_FILE, progress: Callable[[str], None] | None = None) -> Gathered:
    """Collect every listed learner's record into `folder` (created if needed)."""
    started = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    wanted, skipped = set(only), set(exclude)
    result = Gathered()
    seen = set()
    for user in client.users():
        if (wanted and user.name not in wanted) or user.name in skipped:
            continue
        seen.add(user.name)
        target = folder / export_name(user.name)
        reason = _collect_one(client, user, path, target, result)
        if reason:
            result.missing.append(Missing(user.name, reason, target if target.exists() else None))
        if progress:
            progress(user.name)
    for name in sorted(wanted - seen):
        result.missing.append(Missing(name, "not a user of this hub (or not visible to this token)"))
    result.seconds = time.perf_counter() - started
    return result


def _collect_one(client: HubClient, user: HubUser, path: str, target: Path, result: Gathered) -> str:
    """Collect one learner into `target`; the reason when it could not be done, else ''."""
    if not user.server:
        return "their server is starting or stopping; try again shortly" if user.pending else \
            "their server is not running (it must be running to be read; ask them to open the course)"
    try:
        data = client.read_file(user.server, path)
    except NotFound:
        return "no progress record yet (they have not answered a question on this hub)"
    except OSError as exc:
        return f"their server could not be read ({exc})"
    extra = {}
    for suffix in ("-wal", PENDING_SUFFIX):  # the newest answers may wait in the WAL, or beside a busy file
        try:
            extra[suffix] = client.read_file(user.server, path + suffix)
        except (NotFound, OSError):
            pass
    try:
        count = write_collected(data, user.name, target, extra)
    except Exception as exc:  # noqa: BLE001 - a damaged file from one learner must not stop the class
        return f"their progress file could not be read ({exc})"
    result.written.append((user.name, target, count))
    return ""


def write_collected(data: bytes, hub_name: str, target: Path, beside: dict[str, bytes] | None = None) -> int:
    """Write the progress database `data` as an export under `hub_name`; the attempts written. `beside`: the
    files kept next to it (suffix -> bytes): its write-ahead log, and answers waiting while it was busy.

    Every attempt in the file is the learner's (the hub says who they are), whatever name they gave it.
    """
    from jkquiz.progress import open_store

    with tempfile.TemporaryDirectory(prefix="jkquiz-collect-") as scratch:
        db = Path(scratch) / DB_NAME
        db.write_bytes(data)
        for suffix, content in (beside or {}).items():
            Path(f"{db}{suffix}").write_bytes(content)
        store = open_store(db)  # folds in the WAL and the waiting answers, as the learner's next session would
        try:
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            count = 0
            try:
                with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                    header = {"format": FORMAT, "version": VERSION, "learner": hub_name, "attempts": store.count(),
                              "exported_at": stamp(datetime.now(timezone.utc)), "jkquiz": __version__,
                              "collected_from": "hub"}
                    out.write(json.dumps(header, ensure_ascii=False) + "\n")
                    for learner in store.learners():
                        for attempt in store.attempts(learner):
                            out.write(json.dumps(attempt_dict(attempt), ensure_ascii=False) + "\n")
                            count += 1
                os.replace(temp, target)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        finally:
            store.close()
    return count
