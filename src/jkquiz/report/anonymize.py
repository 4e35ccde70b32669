"""`jkquiz report --anonymize`: learners' names replaced by stable codes, in the tables and the messages.

A code is the start of a SHA-256 of the name (and of an optional salt): the same learner gets the same code
in every report, so reports of the same class can be compared. Anyone holding the class list can recompute
the codes of a report made without a salt; give one (`--salt`, kept private) before sharing further.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from pathlib import Path

from jkquiz.report.analysis import ClassReport


def learner_code(name: str, salt: str = "") -> str:
    """The stable code standing for a learner's name ('learner-3f9a0c2b')."""
    return "learner-" + hashlib.sha256(f"{salt}\x00{name}".encode()).hexdigest()[:8]


def anonymize(report: ClassReport, files: dict[str, list[str]], paths: Sequence[Path], salt: str = "") -> ClassReport:
    """The report with every learner's name replaced by its code, also inside problems and notes
    (which name files, and files are often named after their learner); files that named no learner
    (unreadable ones) become "file N" of `paths`."""
    codes = {row.learner: learner_code(row.learner, salt) for row in report.learners}
    learners = [dataclasses.replace(row, learner=codes[row.learner]) for row in report.learners]
    learners.sort(key=lambda row: row.learner)
    hidden: dict[str, str] = {}
    for number, path in enumerate(paths, 1):
        hidden[str(path)] = hidden[path.name] = f"file {number}"
    for name, code in codes.items():
        for file in files.get(name, ()):
            hidden[file] = f"{code}'s file"
            hidden[Path(file).name] = f"{code}'s file"
        hidden[name] = code
    order = sorted(hidden, key=len, reverse=True)  # whole paths before their file names, long names first

    def scrub(text: str) -> str:
        for original in order:
            text = text.replace(original, hidden[original])
        return text

    return dataclasses.replace(report, learners=learners, problems=[scrub(p) for p in report.problems],
                               notes=[scrub(n) for n in report.notes])
