"""`jkquiz progress`: where the record is, what it holds, export it, import one, name the learner."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone

from jkquiz.progress import (
    ProgressStore, StoreProblem, import_file, open_or_fallback, open_store, progress_path, write_export,
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the progress command and its actions."""
    p = sub.add_parser("progress", help="your saved answers: show, export, import, where they are kept")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="progress by topic and what is due for review")
    show.add_argument("--learner", metavar="NAME", help="whose progress (default: the name set, else 'learner')")
    show.set_defaults(func=show_progress)
    where = actions.add_parser("where", help="print where the progress file is and whether it can be used")
    where.set_defaults(func=where_progress)
    export = actions.add_parser("export", help="write a learner's record as a JSON-lines file for the instructor")
    export.add_argument("file", metavar="FILE", help="the file to write (.jsonl)")
    export.add_argument("--learner", metavar="NAME", help="whose record (default: the name set, else 'learner')")
    export.set_defaults(func=export_progress)
    imp = actions.add_parser("import", help="merge an exported record into this one (no duplicates)")
    imp.add_argument("file", metavar="FILE", help="a file written by `jkquiz progress export`")
    imp.add_argument("--as", dest="learner", metavar="NAME", help="file it under this name (default: the file's)")
    imp.set_defaults(func=import_progress)
    name = actions.add_parser("learner", help="show, or set, the name your answers are saved under")
    name.add_argument("name", nargs="?", metavar="NAME", help="the new name")
    name.set_defaults(func=learner_name)


def _reader() -> ProgressStore:
    """The store for reading: the file, or what can be read of it (with the warning on stderr)."""
    store = open_or_fallback()
    if store.warning:
        print(f"jkquiz: warning: {store.warning}", file=sys.stderr)
    return store


def _who(store: ProgressStore, name: str | None) -> str:
    from jkquiz.progress.current import DEFAULT_LEARNER, LEARNER_KEY

    return name or store.setting(LEARNER_KEY) or DEFAULT_LEARNER


def _answers(count: int, kind: str = "") -> str:
    return f"{count} {kind}answer{'s' * (count != 1)}"


def where_progress(args: argparse.Namespace) -> int:
    """Print the file's path; exit 1 when it cannot be used."""
    path = progress_path()
    print(path)
    try:
        store = open_store(path)
    except StoreProblem as exc:
        print(f"jkquiz: {exc}", file=sys.stderr)
        return 1
    count = store.count()
    print(_answers(count) + " saved" + (f" ({', '.join(store.learners())})" if count else ""))
    store.close()
    return 0


def show_progress(args: argparse.Namespace) -> int:
    """Print progress by topic."""
    from jkquiz.bank.shared import course_bank
    from jkquiz.progress import current_hashes, due_phrase, topic_progress

    store = _reader()
    who, bank, now = _who(store, args.learner), course_bank(), datetime.now(timezone.utc)
    hashes = current_hashes(bank)
    rows = topic_progress(bank, store.cards(who), store.due(who, now, hashes), hashes)
    width = max(len(r.title) for r in rows) if rows else 5
    print(f"Progress of {who} ({_answers(store.count(who))} saved)")
    print(f"{'Topic':<{width}}  Questions  Answered  Right  Due  Mastery")
    for r in rows:
        print(f"{r.title:<{width}}  {r.questions:>9}  {r.answered:>8}  {r.correct:>5}  {r.due:>3}  {r.mastery:>6}%")
    due = sum(r.due for r in rows)
    upcoming = store.next_due(who, now, hashes)
    if due:
        print(f"{due} question{'s are' if due != 1 else ' is'} due for review now.")
    elif upcoming is not None:
        print(f"Next review due {due_phrase(upcoming, now)}.")
    return 0


def export_progress(args: argparse.Namespace) -> int:
    """Write the export file."""
    store = _reader()
    who = _who(store, args.learner)
    try:
        count = write_export(store, who, args.file)
    except OSError as exc:
        print(f"jkquiz: cannot write {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"Wrote {_answers(count)} of {who} to {args.file}")
    if not args.learner and store.setting("learner") is None:
        print("Tip: name your record first (`jkquiz progress learner \"Your Name\"`) so your instructor can "
              "tell whose it is.", file=sys.stderr)
    return 0


def import_progress(args: argparse.Namespace) -> int:
    """Merge an export; print bad lines; exit 1 when any line was skipped."""
    store = open_store()  # never into a fallback: the answers would vanish when the command ends
    report = import_file(store, args.file, args.learner)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print(f"Imported {_answers(report.added, 'new ')} for {report.learner} "
          f"({report.duplicates} already there" + (f", {len(report.problems)} problem(s) reported above" if report.problems else "")
          + ").")
    return 1 if report.problems else 0


def learner_name(args: argparse.Namespace) -> int:
    """Show or set the learner's name."""
    if args.name is None:
        print(_who(_reader(), None))
        return 0
    from jkquiz.progress.current import name_learner

    print(f"Your answers are saved as {name_learner(open_store(), args.name)}.")  # the file, never memory
    return 0
