"""`jkquiz import gift FILE --topic ID`: GIFT questions into a topic's bank file, every loss reported by line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jkquiz.bank.edit import FACT_PLACEHOLDER, EditError, UnknownTopicError
from jkquiz.cli.bankarg import add_bank_option


def register(sub: argparse._SubParsersAction) -> None:
    """Add the import command."""
    p = sub.add_parser("import", help="import questions from a GIFT file into a topic")
    p.add_argument("format", choices=("gift",), help="the file's format (gift)")
    p.add_argument("file", metavar="FILE", help="the GIFT file")
    p.add_argument("--topic", required=True, metavar="ID", help="the topic whose file receives the questions")
    p.add_argument("--fact", metavar="ID",
                   help=f"the fact every imported question rests on (default: the placeholder '{FACT_PLACEHOLDER}', "
                        "which `jkquiz validate` flags until you link real facts)")
    p.add_argument("--difficulty", type=int, choices=(1, 2, 3), default=2, help="difficulty of the imported questions (default 2)")
    p.add_argument("--dry-run", action="store_true", help="report what would be imported; write nothing")
    add_bank_option(p)
    p.set_defaults(func=import_file)


def import_file(args: argparse.Namespace) -> int:
    """Import, then report added, skipped and noted items with their lines."""
    from jkquiz.errors import UsageError
    from jkquiz.interop.gift_import import GiftSyntaxError, UnknownFactError, import_gift

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"no such file: {path}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8 text; save it as UTF-8") from None
    try:
        report = import_gift(text, args.topic, source=str(path), fact=args.fact, difficulty=args.difficulty,
                             bank=args.bank, dry_run=args.dry_run)
    except (UnknownTopicError, UnknownFactError) as exc:
        raise UsageError(str(exc)) from None
    except GiftSyntaxError as exc:
        print(f"jkquiz: {path} has {len(exc.errors)} GIFT syntax error(s); nothing was imported:", file=sys.stderr)
        for line, message in exc.errors:
            print(f"  {path}:{line}: {message}", file=sys.stderr)
        return 1
    except EditError as exc:
        print("jkquiz: nothing was imported:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    verb = "Would add" if args.dry_run else "Added"
    print(f"{verb} {len(report.added)} question{'s' * (len(report.added) != 1)} to {report.file}.")
    for line, qid in report.added:
        print(f"  {path}:{line}: {qid}")
    for line, reason in report.skipped:
        print(f"skipped {path}:{line}: {reason}", file=sys.stderr)
    for line, note in report.notes:
        print(f"note {path}:{line}: {note}", file=sys.stderr)
    if report.added and not args.fact:
        print(f"Link each question to its facts (they rest on '{FACT_PLACEHOLDER}' for now); "
              "`jkquiz validate` lists them.", file=sys.stderr)
    return 0
