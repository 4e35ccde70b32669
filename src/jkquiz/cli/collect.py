"""`jkquiz collect`: every learner's progress gathered from a JupyterHub into a folder of exports (then the report)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from jkquiz.cli import UsageError
from jkquiz.cli.bankarg import add_bank_option

DESCRIPTION = """\
Gathers every learner's progress from a JupyterHub running the course (see
hub/README.md) into a folder of progress exports, one file per learner named
after their hub name, ready for `jkquiz report` (or reported at once with
--report).

The hub's address comes from --hub or $JKQUIZ_HUB_URL; the token from
--token-file or $JKQUIZ_HUB_TOKEN (never on the command line, where other
users of the machine could see it). Use the token of the hub's jkquiz-collect
service: it may list users and read their servers, and in each server it may
only read the progress file (it can never run code as a learner).

A learner's server must be running to be read. A learner whose server is
stopped or unreachable, or who has no record yet, is listed with the reason
on standard error, and the others are collected; an export collected from
them earlier stays in the folder.

Exit status: 0 every learner collected, 1 some learners missed (or the hub
could not be used), 2 bad usage.
"""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the collect command."""
    p = sub.add_parser("collect", help="gather every learner's progress from a JupyterHub (then report)",
                       description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--hub", metavar="URL", default=os.environ.get("JKQUIZ_HUB_URL", ""),
                   help="the hub's address, e.g. https://hub.example.org (default $JKQUIZ_HUB_URL)")
    p.add_argument("--token-file", metavar="FILE", help="a file holding the token (default $JKQUIZ_HUB_TOKEN)")
    p.add_argument("-o", "--out", metavar="DIR", default="class-exports",
                   help="the folder the exports go to (default class-exports/)")
    p.add_argument("--learner", dest="only", action="append", default=[], metavar="NAME",
                   help="collect only this hub user (repeatable)")
    p.add_argument("--exclude", action="append", default=[], metavar="NAME",
                   help="leave this hub user out, e.g. the instructor (repeatable)")
    p.add_argument("--report", action="store_true", help="then print `jkquiz report` of the folder")
    p.add_argument("--format", choices=("text", "csv", "json"), default="text", help="with --report: its format")
    p.add_argument("--anonymize", action="store_true", help="with --report: learners as stable codes")
    add_bank_option(p)
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="how long to wait for each answer from the hub (default 30)")
    p.set_defaults(func=collect)


def _token(args: argparse.Namespace) -> str:
    if args.token_file:
        try:
            token = Path(args.token_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise UsageError(f"the token file {args.token_file} cannot be read ({exc.strerror or exc})") from exc
    else:
        token = os.environ.get("JKQUIZ_HUB_TOKEN", "").strip()
    if not token:
        raise UsageError("no token: put the jkquiz-collect service's token in $JKQUIZ_HUB_TOKEN or in a file "
                         "named with --token-file")
    return token


def collect(args: argparse.Namespace) -> int:
    """Collect, print what was missed, and optionally report."""
    from jkquiz.hub.client import HubClient
    from jkquiz.hub.gather import gather
    from jkquiz.report.render import printable

    if not args.hub:
        raise UsageError("which hub? Give its address with --hub URL (or set $JKQUIZ_HUB_URL)")
    client = HubClient(args.hub, _token(args), timeout=args.timeout)
    folder = Path(args.out)
    seen = [0]

    def show(name: str) -> None:  # a long class: a count on the terminal while it runs, nothing in a pipe
        seen[0] += 1
        print(f"\rcollecting: {seen[0]} learners so far", end="", file=sys.stderr, flush=True)

    result = gather(client, folder, only=args.only, exclude=args.exclude,
                    progress=show if sys.stderr.isatty() else None)
    if seen[0]:
        print("\r" + " " * 40 + "\r", end="", file=sys.stderr)
    for missing in result.missing:
        kept = f"; the export collected earlier is kept ({missing.kept})" if missing.kept else ""
        print(f"not collected: {printable(missing.name)}: {missing.reason}{kept}", file=sys.stderr)
    asked = len(result.written) + len(result.missing)
    answers = sum(count for _, _, count in result.written)
    print(f"Collected {len(result.written)} of {asked} learners ({answers} answers) into {folder}/ "
          f"in {result.seconds:.2f} s ({result.per_learner:.3f} s per learner).",
          file=sys.stderr if args.report else sys.stdout)
    status = 1 if result.missing else 0
    if args.report:
        if not result.written and not any(folder.glob("*.jsonl")):
            print("jkquiz: nothing to report: no learner's record was collected.", file=sys.stderr)
            return 1
        from jkquiz.cli.report import report

        report_args = argparse.Namespace(files=[str(folder)], format=args.format, tables=("learners", "items"),
                                         sort="name", min_answers=10, bank=args.bank, anonymize=args.anonymize,
                                         salt="")
        status = max(status, report(report_args))
    return status
