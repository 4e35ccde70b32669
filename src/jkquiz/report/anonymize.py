"""`jkquiz report --anonymize`: learners' names replaced by stable codes, in the tables and the messages.

A code is the start of a SHA-256 of the name (and of an optional salt): the same learner gets the same code
in every report, so reports of the same class can be compared. Anyone holding the class list can recompute
the codes of a report made without a salt; give one (`--salt`, kept private) before sharing further.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from jkquiz.report.analysis import ClassReport
from jkquiz.report.ondisk import Replacements, names_of


def learner_code(name: str, salt: str = "") -> str:
    """The stable code standing for a learner's name ('learner-3f9a0c2b')."""
    return "learner-" + hashlib.sha256(f"{salt}\x00{name}".encode()).hexdigest()[:8]


def anonymize(report: ClassReport, files: Mapping[str, list[str]], paths: Sequence[Path],
              salt: str = "") -> ClassReport:
    """The report with every learner's name replaced by its code, also inside problems and notes
    (which name files, and files are often named after their learner); files that named no learner
    (unreadable ones) become "file N" of `paths`. The learners' rows stay on disk: they are read back
    as codes, sorted by code."""
    texts = [*report.problems, *report.notes]
    if texts:  # what to replace, kept on disk: every file's and every learner's name
        hidden = Replacements(report.learners.store)
        for number, path in enumerate(names_of(paths), 1):
            hidden[path] = hidden[os.path.basename(path)] = f"file {number}"
        for name in report.learners.names():  # by name
            code = learner_code(name, salt)
            for file in files.get(name, ()):
                hidden[file] = f"{code}'s file"
                hidden[os.path.basename(file)] = f"{code}'s file"
            hidden[name] = code
        for original, replacement in hidden.longest_first():  # whole paths before their file names, long names first
            texts = [text.replace(original, replacement) for text in texts]
    problems = len(report.problems)
    return dataclasses.replace(report, learners=report.learners.anonymized(lambda name: learner_code(name, salt)), problems=texts[:problems],
                               notes=texts[problems:])
