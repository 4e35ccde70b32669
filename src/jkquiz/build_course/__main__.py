"""`python -m jkquiz.build_course [--check] [--no-execute] [--lang en|ko|ja|all] [NAME ...]`: build the course notebooks."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from jkquiz.build_course import ROOT, build, languages_present
from jkquiz.build_course.source import LANGUAGES
from jkquiz.errors import JkquizError


def main(argv: list[str] | None = None) -> int:
    """Build; exit 0 when done, 1 when the sources have problems, 2 on bad usage."""
    parser = argparse.ArgumentParser(prog="python -m jkquiz.build_course", description=(
        "Turn notebooks/src/NN-slug.md into notebooks/NN-slug.ipynb: Markdown cells, figures, checks and "
        "quizzes, navigation and contents; then execute each notebook so its outputs are stored. Translations, "
        "notebooks/src/ko/ and notebooks/src/ja/, become notebooks/ko/ and notebooks/ja/."))
    parser.add_argument("names", nargs="*", help="build only these pages (e.g. 03-territory or territory)")
    parser.add_argument("--check", action="store_true", help="only check the sources; write nothing")
    parser.add_argument("--no-execute", action="store_true", help="write notebooks without outputs")
    parser.add_argument("--lang", choices=["en", *LANGUAGES, "all"], default=None,
                        help="build only English or one translation (default: English and every translation there is)")
    parser.add_argument("--source", type=Path, default=ROOT / "notebooks" / "src", help="folder of NN-slug.md")
    parser.add_argument("--out", type=Path, default=ROOT / "notebooks", help="folder for the notebooks")
    args = parser.parse_args(argv)
    if not args.source.is_dir():
        print(f"build_course: no folder {args.source}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        langs = None if args.lang in (None, "all") else [args.lang]
        if langs and langs != ["en"] and langs[0] not in languages_present(args.source):
            print(f"build_course: no translated pages in {args.source / langs[0]}", file=sys.stderr)
            return 2
        result = build(args.source, args.out, only=args.names, langs=langs, run=not args.no_execute,
                       check_only=args.check, say=lambda text: print(text, flush=True))
    except JkquizError as exc:
        print(f"build_course: {exc}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"warning: {warning}")
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    if result.errors:
        print(f"{len(result.errors)} problem(s) in the sources; nothing was written.", file=sys.stderr)
        return 1
    if args.names and not result.written and not args.check:
        print(f"build_course: no page named {', '.join(args.names)}", file=sys.stderr)
        return 2
    for path, seconds in result.seconds.items():
        print(f"{path}: executed in {seconds:.1f} s")
    done = "checked" if args.check else f"wrote {len(result.written)} notebook(s)"
    print(f"{len(result.pages)} page(s) {done} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
