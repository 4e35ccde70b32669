"""Reading progress exports: the header checked, then each attempt line parsed; shared by import and the class report.

A file is read line by line (never whole), so files of any size and classes of any number stream through.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal

from jkquiz.engine.attempt import Attempt
from jkquiz.errors import ProgressError

FORMAT = "jkquiz-progress"
VERSION = 1  # the format version this jkquiz writes, and the newest it reads
OLDEST = 1  # the oldest version it reads; older lines are brought up to VERSION by UPGRADES
HEADER_LIMIT = 65536  # a header is a few hundred bytes: a longer first line is not one (a binary file, say)

# UPGRADES[v] turns an attempt line of version v into one of version v+1 (a dict in, a dict out). Version 1 is the
# only one so far, so the table is empty; a version 2 that renames or adds a field adds `1: _from_1` here.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def upgrade_line(data: Any, version: int) -> Any:
    """An attempt line of an older `version` brought up to VERSION, one step at a time."""
    for step in range(version, VERSION):
        if isinstance(data, dict):
            data = UPGRADES[step](data)
    return data


def check_header(path: Path | str, line: str) -> dict[str, Any]:
    """The checked header line; ProgressError when the file is not an export or of a version not read here."""
    try:
        header = json.loads(line)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ProgressError(f"{path}:1: not a jkquiz progress export (the first line should be a header like "
                            f'{{"format": "{FORMAT}", "version": {VERSION}, "learner": "..."}})')
    version = header.get("version")
    if version is None:
        raise ProgressError(f"{path}:1: the header gives no format version (every jkquiz export has "
                            f'"version": {OLDEST} or later); edited by hand?')
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProgressError(f"{path}:1: the header's version should be a whole number, not {version!r}")
    if version > VERSION:
        raise ProgressError(f"{path}:1: this export is format version {version}, written by a newer jkquiz; "
                            f"this version reads up to {VERSION}. Update jkquiz to read it.")
    if version < OLDEST:
        raise ProgressError(f"{path}:1: format version {version} does not exist (versions start at {OLDEST}); "
                            "edited by hand?")
    if not isinstance(header.get("learner"), str) or not header["learner"].strip():
        raise ProgressError(f"{path}:1: the header names no learner")
    return header


def parse_attempt(line: str, version: int = VERSION) -> Attempt:
    """One checked attempt line; ValueError says what is wrong with it."""
    from pydantic import ValidationError

    if version == VERSION:
        try:  # the fast path: pydantic parses and checks the JSON in one go (4x faster than json.loads first)
            return Attempt.model_validate_json(line)
        except ValidationError:
            pass  # read it again the slow way below, for a message that says what is wrong
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        said = exc.msg[0].lower() + exc.msg[1:] + ("" if exc.msg.endswith(" at") else " at")
        raise ValueError(f"not valid JSON ({said} column {exc.colno}): cut short or edited by hand?") from None
    try:
        return Attempt.model_validate(upgrade_line(data, version))
    except ValidationError as exc:
        raise ValueError("; ".join(f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in exc.errors())) from None


class ExportFile:
    """An open export: its checked header, then its attempts one by one; bad lines are collected in `problems`."""

    def __init__(self, path: Path | str, handle: IO[str], header: dict[str, Any]) -> None:
        self.path, self._handle, self.header = path, handle, header
        self.learner: str = header["learner"]
        self.version: int = header["version"]
        self.read = 0  # good attempt lines so far
        self.problems: list[str] = []

    def attempts(self) -> Iterator[Attempt]:
        """Each good attempt line in file order; a bad one is reported as `FILE:LINE: what (line skipped)`."""
        bad = 0
        for number, line in enumerate(self._handle, start=2):
            if not line.strip():
                continue
            try:
                attempt = parse_attempt(line, self.version)
            except ValueError as exc:
                self.problems.append(f"{self.path}:{number}: {exc} (line skipped)")
                bad += 1
                continue
            self.read += 1
            yield attempt
        expected = self.header.get("attempts")
        if isinstance(expected, int) and self.read + bad < expected:
            self.problems.append(f"{self.path}: the header announces {expected} attempts but the file holds "
                                 f"{self.read + bad}; it may have been cut short")

    def close(self) -> None:
        """Close the file."""
        self._handle.close()

    def __enter__(self) -> ExportFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> Literal[False]:
        self.close()
        return False


def open_export(path: Path | str) -> ExportFile:
    """Open an export and check its header; ProgressError (naming the file) when it cannot be read as one.

    Messages name the file as given (a str is not made a Path: a class of 100,000 files would make as many)."""
    try:
        handle = open(path, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ProgressError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        header = check_header(path, handle.readline(HEADER_LIMIT))
    except BaseException:
        handle.close()
        raise
    return ExportFile(path, handle, header)


