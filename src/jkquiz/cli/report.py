"""`jkquiz report FILES...`: the class report from learners' progress exports."""

from __future__ import annotations

import argparse
import shutil
import sys

from jkquiz.cli.bankarg import add_bank_option, open_bank

DESCRIPTION = """\
Reads learners' progress exports (files written by `jkquiz progress export`;
a folder stands for the .jsonl files in it), one file at a time, and prints
a class report:

  learners  each learner's score (%) by topic and overall
  items     item analysis of each question: n (learners who answered it),
            facility, discrimination, flags, and for choice questions how
            many learners picked each choice

Every figure uses each learner's FIRST answer to each question (later answers
show what the feedback taught, not how hard the question is). Answers to an
older wording of a question, or to a question no longer in the bank, are
listed apart and never counted in the scores.

  facility        mean score on the question, 0 (nobody right) to 1 (all)
  discrimination  corrected item-total correlation: Pearson's r between the
                  score on the question and the learner's mean score on
                  their other questions, -1 to 1
  flags           too easy (facility > 0.9), too hard (facility < 0.2),
                  discriminates negatively (discrimination < 0); only for
                  questions that at least --min-answers learners answered

Files that cannot be read (not an export, a newer format version, missing)
and bad lines are reported on standard error, naming the file; the report of
the rest is still printed. Exit status: 0 all read, 1 some files or lines
could not be read, 2 bad usage.
"""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the report command."""
    p = sub.add_parser("report", help="class report from learners' progress exports: scores and item analysis",
                       description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE", help="progress exports (.jsonl), or folders of them")
    p.add_argument("--format", choices=("text", "csv", "json"), default="text",
                   help="text (default); csv: the learners table, a blank line, then the items table; json")
    only = p.add_mutually_exclusive_group()
    only.add_argument("--learners", dest="tables", action="store_const", const=("learners",),
                      help="only the learners table")
    only.add_argument("--items", dest="tables", action="store_const", const=("items",), help="only the item analysis")
    p.add_argument("--sort", choices=("name", "score"), default="name", help="learners by name (default) or by score")
    p.add_argument("--min-answers", type=_at_least_one, default=10, metavar="N",
                   help="flag a question only when at least N learners answered it (default 10)")
    p.add_argument("--anonymize", action="store_true",
                   help="show learners as stable codes (learner-3f9a0c2b) instead of names, in the report and its "
                        "messages; the same name always gets the same code")
    p.add_argument("--salt", default="", metavar="TEXT",
                   help="with --anonymize: mix this private text into the codes, so that nobody holding the class "
                        "list can recompute them (use the same text to keep codes comparable between reports)")
    add_bank_option(p)
    p.set_defaults(func=report, tables=("learners", "items"))


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"should be a whole number of at least 1, not {text!r}")
    return value


def report(args: argparse.Namespace) -> int:
    """Print the report; problems go to standard error; exit 1 when any file or line could not be read."""
    from jkquiz.report import analyse, anonymize, collect, expand_paths
    from jkquiz.report.render import printable, write_csv, write_json, write_text

    bank = open_bank(args.bank)
    paths, problems = expand_paths(args.files)
    try:  # the file list, the index and the learners' rows are in a temporary file: deleted at the end, come what may
        record = collect(paths, bank)
        result = analyse(record, bank, min_answers=args.min_answers)
        result.problems[:0] = problems
        if getattr(args, "anonymize", False):
            result = anonymize(result, record.files, paths, salt=getattr(args, "salt", ""))
        for line in result.problems:  # names of files and learners come from outside: no escape codes to the terminal
            print(printable(line), file=sys.stderr)
        for line in result.notes:
            print(f"note: {printable(line)}", file=sys.stderr)
        if args.format == "csv":  # written as it is made: 100,000 learners' rows are never one string
            write_csv(result, sys.stdout, tables=args.tables, sort=args.sort)
        elif args.format == "json":
            write_json(result, sys.stdout, tables=args.tables, sort=args.sort)
        else:
            width = shutil.get_terminal_size((100, 24)).columns
            write_text(result, sys.stdout, width=max(width, 60), tables=args.tables, sort=args.sort)
    finally:
        paths.close()
    return 1 if result.problems else 0
