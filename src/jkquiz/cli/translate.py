"""`jkquiz translate sync|status --lang ko|ja`: the bank's translation files, written and counted."""

from __future__ import annotations

import argparse
from pathlib import Path

from jkquiz.bank.translation import LANGUAGES, gaps, load_translation, sync
from jkquiz.cli.bankarg import add_bank_option, open_loaded


def register(sub: argparse._SubParsersAction) -> None:
    """Add the translate command."""
    p = sub.add_parser("translate", help="write or count the bank's translations (data/bank/ko, data/bank/ja)")
    p.add_argument("action", choices=("sync", "status"),
                   help="sync: write each translation file anew, with every English text and the translations kept; "
                        "status: count the texts without a current translation, per file")
    p.add_argument("--lang", required=True, choices=LANGUAGES, help="the language")
    p.add_argument("--topic", action="append", default=[], metavar="ID", help="only this topic; repeat")
    add_bank_option(p)
    p.set_defaults(func=translate)


def _bank_dir(path: str | None) -> Path:
    from jkquiz.bank.load import default_bank_dir

    folder = Path(path) if path else default_bank_dir()
    return folder if folder.is_dir() else folder.parent


def translate(args: argparse.Namespace) -> int:
    loaded = open_loaded(args.bank)
    bank, files = loaded.bank, loaded.locations.files
    folder = _bank_dir(args.bank)
    if args.action == "sync":
        for path in sync(bank, folder, args.lang, args.topic or None, files):
            print(f"wrote {path}")
        return 0
    found = [g for g in gaps(bank, load_translation(bank, folder, args.lang, files), folder, files)
             if not args.topic or any(Path(files[t]).name in g.file for t in args.topic)]
    per_file: dict[str, list[int]] = {}
    for gap in found:
        counts = per_file.setdefault(gap.file, [0, 0])
        counts[0 if gap.reason == "missing" else 1] += 1
    for file, (missing, changed) in sorted(per_file.items()):
        print(f"{file}: {missing} without a translation, {changed} whose English changed")
    print(f"{len(found)} texts without a current translation into {args.lang}")
    return 1 if found else 0
