"""`jkquiz validate` and `jkquiz schema`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from jkquiz.bank import Bank, PathProblem, inspect_bank
from jkquiz.bank.checks import check_names
from jkquiz.bank.messages import suggest
from jkquiz.bank.schema import bank_schema_json
from jkquiz.errors import Problem, UsageError


def register(sub: argparse._SubParsersAction) -> None:
    """Add the validate and schema commands."""
    p = sub.add_parser("validate", help="check bank files and report every problem with file and line")
    p.add_argument("paths", nargs="*", metavar="PATH", help="bank files or folders (default: the course's bank)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="json: a list of problems on standard output")
    p.add_argument("--skip", action="append", default=[], metavar="NAME",
                   help="leave out one check; repeat. Checks: " + ", ".join(check_names()))
    p.add_argument("--lang", choices=("ko", "ja"), action="append", default=[],
                   help="also check the translations into this language (data/bank/<lang>/, notebooks/src/<lang>/): "
                        "every text without a current translation, and the translations' own mistakes; repeat")
    p.set_defaults(func=validate)
    s = sub.add_parser("schema", help="write the JSON Schema of a bank file (for editors)")
    s.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    s.set_defaults(func=schema)


def validate(args: argparse.Namespace) -> int:
    """Load and check the bank; print problems and a summary."""
    names = check_names()
    for name in args.skip:
        if name.replace("_", "-") not in names:
            raise UsageError(f"--skip: no check named '{name}'{suggest(name, names)}; checks are: {', '.join(names)}")
    try:
        result = inspect_bank(args.paths or None, skip=args.skip)
    except PathProblem as exc:
        if args.format == "json":
            print(json.dumps([p.to_dict() for p in exc.problems], ensure_ascii=False, indent=1))
        for problem in exc.problems:
            print(f"jkquiz: {problem}", file=sys.stderr)
        return 2
    problems = sorted(result.problems)
    bank = result.bank
    for lang in args.lang:
        problems += _translation_problems(bank, result.locations.files, args.paths, lang)
    generated = sum(1 for q in bank.questions.values() if q.generated)
    summary = (
        f"{len(result.files)} file{'s' * (len(result.files) != 1)}, {len(bank.topics)} topics, {len(bank.facts)} facts, "
        f"{len(bank.questions) - generated} authored + {generated} generated questions: "
        + (f"{len(problems)} problem{'s' * (len(problems) != 1)}" if problems else "no problems")
    )
    if args.format == "json":
        print(json.dumps([p.to_dict() for p in problems], ensure_ascii=False, indent=1))
        print(summary, file=sys.stderr)
    else:
        for problem in problems:
            print(problem)
        print(summary)
    return 1 if problems else 0


def _translation_problems(bank: Bank, files: dict[str, str], paths: list[str], lang: str) -> list[Problem]:
    """The bank's translations into `lang`, then the lessons' (when the lesson sources are at hand)."""
    from jkquiz.bank.load import default_bank_dir
    from jkquiz.bank.translation_checks import translation_problems

    folder = Path(paths[0]) if paths else default_bank_dir()
    folder = folder if folder.is_dir() else folder.parent
    found = translation_problems(bank, folder, lang, files)
    if not paths:
        found += _lesson_problems(lang)
    return found


def _lesson_problems(lang: str) -> list[Problem]:
    """The translated lessons' problems, from the lesson builder's check (when it can check translations)."""
    from jkquiz.build_course import check_translation

    found = []
    for line in check_translation(lang, require_all=True):  # 'file:line: message'
        file, _, rest = line.partition(":")
        number, _, message = rest.partition(":")
        at = int(number) if number.isdigit() else 0
        found.append(Problem(file, at, 0, "", "", (message if at else rest).strip()))
    return found


def schema(args: argparse.Namespace) -> int:
    """Write the bank file JSON Schema."""
    text = bank_schema_json()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
