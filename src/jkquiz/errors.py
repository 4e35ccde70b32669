"""Errors raised by jkquiz.

    JkquizError
    ├── BankError        the bank has problems (carries every Problem found)
    ├── QuizError        a quiz was asked for something that cannot be quizzed
    ├── ProgressError    the progress database cannot be used as asked
    └── UsageError       the command line asks for something impossible (exit code 2)

    UsageProblem         flags or typed fields that cannot make an item (the command turns it into a UsageError)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a bank file, located to file, line and column (1-based)."""

    file: str
    line: int
    column: int
    id: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        who = f" {self.id}:" if self.id else ""
        return f"{where}:{who} {self.message}"

    def to_dict(self) -> dict[str, object]:
        """The problem as a JSON-ready mapping."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "id": self.id,
            "field": self.field,
            "message": self.message,
        }


class JkquizError(Exception):
    """Base of every error jkquiz raises on purpose."""


class BankError(JkquizError):
    """The bank could not be loaded; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        first = str(self.problems[0]) if self.problems else "the bank has problems"
        more = len(self.problems) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))


class QuizError(JkquizError, ValueError):
    """A quiz or question was asked for that does not exist or cannot be built."""


class ProgressError(JkquizError):
    """The progress database cannot be opened or written as asked."""


class UsageError(JkquizError):
    """The command line asks for something impossible (exit code 2)."""


class UsageProblem(Exception):
    """Flags or typed fields that cannot make an item (turned into exit code 2 by the command)."""
