"""`jkquiz export FORMAT`: GIFT, Moodle XML, Anki, jupyterquiz JSON or static HTML pages."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path
from typing import Any

from jkquiz.atomicfile import replace_file
from jkquiz.errors import BankError
from jkquiz.cli.bankarg import add_bank_option, open_located
from jkquiz.engine.select import check_topics
from jkquiz.errors import JkquizError, QuizError
from jkquiz.i18n import LANGUAGES, set_language
from jkquiz.interop import EXPORTERS, ExportResult, choose_questions

SUFFIXES = {"gift": ".gift", "moodle-xml": ".xml", "anki": ".apkg", "jupyterquiz": ".json", "html": ".html"}
BINARY = {"anki"}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the export command."""
    p = sub.add_parser("export", help="export questions to GIFT, Moodle XML, Anki, jupyterquiz or static HTML")
    p.add_argument("format", choices=list(EXPORTERS), metavar="FORMAT", help=f"one of {', '.join(EXPORTERS)}")
    p.add_argument("--topic", action="append", default=[], metavar="ID", help="only this topic; repeat (default: all)")
    p.add_argument("--authored-only", action="store_true", help="leave out questions generated from facts")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="file to write (required for anki; for html a folder, or a .html file for one topic); "
                        "default: standard output")
    p.add_argument("--order-as", choices=("matching", "ordering"), default="matching",
                   help="moodle-xml: order questions as matching (any Moodle) or Moodle's Ordering type")
    p.add_argument("--lang", choices=LANGUAGES, metavar="LANG",
                   help="language of the pages' buttons and messages (html): en, ko or ja; "
                        "default: $JKQUIZ_LANG, else English")
    add_bank_option(p)
    p.set_defaults(func=export)


def export(args: argparse.Namespace) -> int:
    """Export the chosen questions and report what the format could not hold."""
    from jkquiz.errors import UsageError

    target = _check_output(args)
    if args.lang:
        set_language(args.lang)
    try:
        bank, files = open_located(args.bank)
    except BankError as exc:
        raise JkquizError(f"the bank has {len(exc.problems)} problem(s), so nothing was exported; "
                          f"run `jkquiz validate` to see them (first: {exc.problems[0]})") from None
    try:
        if args.topic:
            check_topics(bank, args.topic)
        questions = choose_questions(bank, args.topic or None, authored_only=args.authored_only)
    except QuizError as exc:
        raise UsageError(str(exc)) from None
    if not questions:
        raise JkquizError("no questions to export")
    module, name = EXPORTERS[args.format].split(":")
    options: dict[str, Any] = {"order_as": args.order_as} if args.format == "moodle-xml" else {}
    if args.format in ("html", "anki"):  # pages named like the bank files; the package dated by them
        options["files"] = files
    result: ExportResult = getattr(importlib.import_module(module), name)(bank, questions, **options)
    written = _write(args.format, result, target)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"Exported {result.count} question{'s' * (result.count != 1)} ({args.format}) to {written}.", file=sys.stderr)
    return 0


def _check_output(args: argparse.Namespace) -> Path | None:
    """The output path, checked before any work: right suffix, existing folder."""
    from jkquiz.errors import UsageError

    if args.output is None:
        if args.format in BINARY or args.format == "html":
            raise UsageError(f"{args.format} export needs -o (for example -o {'deck.apkg' if args.format == 'anki' else 'site/'})")
        return None
    path = Path(args.output)
    if args.format == "anki" and path.suffix != ".apkg":
        raise UsageError(f"an Anki package is a .apkg file: '{path}' does not end in .apkg (did you mean '{path.with_suffix('.apkg')}'?)")
    folder_ok = args.format == "html" and path.suffix != ".html"
    if path.is_dir() and not folder_ok:
        raise UsageError(f"'{path}' is a folder; give a file name (for example {path / ('questions' + SUFFIXES[args.format])})")
    parent = path.parent
    if not parent.exists():
        raise JkquizError(f"the folder '{parent}' does not exist; create it first or choose another place")
    return path


def _write(fmt: str, result: ExportResult, target: Path | None) -> str:
    """Write the export (atomically) and say where it went."""
    from jkquiz.errors import UsageError

    if fmt == "html":
        assert target is not None
        if target.suffix == ".html":
            pages = [p for name, p in result.pages.items() if name != "index.html"]
            if len(pages) != 1:
                raise UsageError(f"{len(pages)} topics make {len(pages)} pages: give a folder to -o, or one --topic")
            write_atomically(target, pages[0])
            return str(target)
        target.mkdir(exist_ok=True)
        for name, page in result.pages.items():
            write_atomically(target / name, page)
        return f"{target}{os.sep} ({len(result.pages)} page{'s' * (len(result.pages) != 1)})"
    if target is None:
        sys.stdout.write(result.data.decode("utf-8"))
        return "standard output"
    write_atomically(target, result.data)
    return str(target)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` in one step, so an interrupted export never leaves half a file."""
    replace_file(path, lambda out: out.write(data), keep_mode=False)
