"""The `jkquiz` command: parse arguments, call the library, map outcomes to exit codes.

Exit codes: 0 success, 1 problems found (or an expected failure), 2 bad usage.
Each command lives in its own module exposing `register(subparsers)`, which sets
`func` on its parser; `func(args) -> int` returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from jkquiz.cli.safeout import escape_controls, safe_output
from jkquiz.errors import JkquizError, UsageError

__all__ = ["UsageError", "build_parser", "main", "run"]

COMMAND_MODULES = ["validate", "progress", "serve", "add", "inventory", "export", "importing", "report",
                   "collect", "site", "translate"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="jkquiz",
        description="jkquiz: a course on Japan–South Korea relations, with quizzes drawn from a cited fact bank.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"jkquiz.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        with safe_output():
            return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"jkquiz: {escape_controls(str(exc))}", file=sys.stderr)
        return 2
    except JkquizError as exc:
        print(f"jkquiz: {escape_controls(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("jkquiz: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
