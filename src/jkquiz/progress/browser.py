"""Progress in the browser (the static site): SQLite in memory, and every answer also written to a file the browser keeps.

SQLite cannot keep its file in JupyterLite's browser storage (/drive: "database disk image is malformed",
jupyterlite/pyodide-kernel#35), but whole small files are kept there (in the browser's IndexedDB) across
reloads and browser restarts. So the store works in memory, and each kernel writes the answers it records
to a file of its own, in the progress-export format, rewritten whole after every answer. Opening reads
every such file, so two tabs never write the same file and together lose nothing; duplicates (the same
attempt read twice) are ignored by the store.
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import datetime, timezone
from pathlib import Path

from jkquiz.engine.attempt import Attempt
from jkquiz.errors import ProgressError
from jkquiz.progress.exportfile import FORMAT, VERSION, open_export
from jkquiz.progress.records import attempt_dict, stamp
from jkquiz.progress.store import ProgressStore

# JupyterLite's drive, kept in the browser's own storage. Files sit at its top, hidden (dot) files: a folder
# there, or a file not yet listed, makes JupyterLite look for it on the server first (a 404 in the console).
BROWSER_FOLDER = Path("/drive")
PREFIX = ".jkquiz-progress-"
SETTINGS = ".jkquiz-settings.json"
UNNAMED = "learner"  # study.DEFAULT_LEARNER: answers given before a name was set


class BrowserStore(ProgressStore):
    """A store in memory that also writes this kernel's answers to its own file in `folder`."""

    def __init__(self, folder: Path, *, warning: str = "") -> None:
        memory = ProgressStore.in_memory()
        super().__init__(memory._conn, None, warning=warning)
        self.folder = folder
        self.session = uuid.uuid4().hex[:12]
        self._mine: dict[str, list[Attempt]] = {}  # this kernel's answers by learner

    @property
    def saved(self) -> bool:
        """Answers outlive the page (in the browser's storage)."""
        return True

    def record(self, attempt: Attempt, learner: str) -> bool:
        added = super().record(attempt, learner)
        if added:
            self._mine.setdefault(learner, []).append(attempt)
            self._save(learner)
        return added

    def rename_learner(self, old: str, new: str) -> int:
        moved = super().rename_learner(old, new)
        if old in self._mine:
            self._mine.setdefault(new, []).extend(self._mine.pop(old))
            self._save(new)
            (self.folder / self._file_name(old)).unlink(missing_ok=True)
        return moved

    def set_setting(self, key: str, value: str) -> None:
        super().set_setting(key, value)
        settings = _read_json(self.folder / SETTINGS) if SETTINGS in os.listdir(self.folder) else {}
        settings[key] = value
        _write_whole(self.folder / SETTINGS, json.dumps(settings, ensure_ascii=False))

    def _file_name(self, learner: str) -> str:
        return f"{PREFIX}{self.session}-{uuid.uuid5(uuid.NAMESPACE_URL, learner).hex[:8]}.jsonl"

    def _save(self, learner: str) -> None:
        """This kernel's answers of `learner`, as a progress export, written whole."""
        attempts = self._mine[learner]
        header = {"format": FORMAT, "version": VERSION, "learner": learner, "attempts": len(attempts),
                  "exported_at": stamp(datetime.now(timezone.utc))}
        lines = [json.dumps(header, ensure_ascii=False)]
        lines += [json.dumps(attempt_dict(a), ensure_ascii=False) for a in attempts]
        try:
            _write_whole(self.folder / self._file_name(learner), "\n".join(lines) + "\n")
        except OSError as exc:
            raise ProgressError(f"your answer could not be saved in this browser ({exc.strerror or exc})") from exc


def open_browser_store(folder: Path = BROWSER_FOLDER) -> ProgressStore:
    """The browser's store with every answer saved in `folder`; in memory with a warning when it cannot be used."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        store = BrowserStore(folder)
        names = sorted(os.listdir(folder))  # only files listed are read (see BROWSER_FOLDER)
        settings = _read_json(folder / SETTINGS) if SETTINGS in names else {}
        found = settings.get("learner")
        name = found if isinstance(found, str) else ""
        if name:
            ProgressStore.set_setting(store, "learner", name)
        problems = 0
        for file in (folder / n for n in names if n.startswith(PREFIX) and n.endswith(".jsonl")):
            try:
                with open_export(file) as export:
                    learner = name if name and export.learner == UNNAMED else export.learner
                    store.merge(learner, list(export.attempts()))
                    problems += len(export.problems)
            except ProgressError:
                problems += 1
        if problems:
            store.warning = "Some saved answers could not be read in this browser; the others are shown."
        return store
    except OSError as exc:
        return ProgressStore.in_memory(warning=(
            f"Your answers cannot be saved in this browser ({exc.strerror or exc}); they are kept only "
            "until this page closes."))


def _read_json(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_whole(path: Path, text: str) -> None:
    """Write a small file in one go (the browser's storage keeps whole files; no rename there)."""
    path.write_text(text, encoding="utf-8")
