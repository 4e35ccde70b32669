"""The `--bank DIR` option shared by the instructor commands, and opening the bank it names."""

from __future__ import annotations

import argparse

from jkquiz.bank import Bank, LoadResult, PathProblem, inspect_bank, load_located


def add_bank_option(parser: argparse.ArgumentParser) -> None:
    """Add --bank DIR (default: the course's bank, or $JKQUIZ_BANK)."""
    parser.add_argument("--bank", metavar="DIR", help="bank folder or file (default: the course's bank)")


def open_loaded(path: str | None) -> LoadResult:
    """The bank at `path` with every problem found loading it; a missing path is a usage error."""
    from jkquiz.errors import UsageError

    try:
        return inspect_bank(path)
    except PathProblem as exc:
        raise UsageError(str(exc.problems[0])) from None


def open_bank(path: str | None) -> Bank:
    """The bank at `path` (problems or not); a missing path is a usage error."""
    return open_loaded(path).bank


def open_located(path: str | None) -> tuple[Bank, dict[str, str]]:
    """The bank at `path` and each topic's file; any bank problem stops (BankError), a missing path is a usage error."""
    from jkquiz.errors import UsageError

    try:
        bank, locations = load_located(path)
    except PathProblem as exc:
        raise UsageError(str(exc.problems[0])) from None
    return bank, locations.files
