"""`jkquiz add question|fact`: from flags, or by asking for each field (-i); checked before anything is written."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from jkquiz.bank.edit import EditError, UnknownTopicError, add_fact, add_question, suggest_id, tidy
from jkquiz.bank.fact_fields import FACT_FIELDS, build_fact
from jkquiz.bank.model import KINDS
from jkquiz.bank.yamlstyle import render_item
from jkquiz.cli.bankarg import add_bank_option, open_loaded
from jkquiz.errors import UsageProblem
from jkquiz.types import TYPES, get_type
from jkquiz.types.fields import parse_bool, parse_float, split_pair

__all__ = ["KINDS", "UsageProblem", "fact_from_args", "parse_bool", "parse_float", "question_from_args", "register",
           "split_pair"]



def register(sub: argparse._SubParsersAction) -> None:
    """Add the add command with its question and fact forms."""
    p = sub.add_parser("add", help="add a question or a fact to a topic's bank file (checked before writing)")
    kinds = p.add_subparsers(dest="what", metavar="question|fact", required=True)
    q = kinds.add_parser("question", help="add a question")
    _common(q)
    q.add_argument("--type", choices=list(TYPES), help="question type")
    q.add_argument("--prompt", help="the question as learners read it")
    q.add_argument("--choice", action="append", default=[], metavar="TEXT", help="a choice (single, multiple); repeat")
    q.add_argument("--answer", action="append", default=[], metavar="VALUE",
                   help="the right answer: a choice, true/false, a number or text; repeat for multiple")
    q.add_argument("--alternate", action="append", default=[], metavar="TEXT", help="another accepted spelling (text)")
    q.add_argument("--tolerance", type=float, help="accepted distance from a number answer")
    q.add_argument("--min", type=float, help="smallest plausible number (input hint)")
    q.add_argument("--max", type=float, help="largest plausible number (input hint)")
    q.add_argument("--unit", help="unit shown next to a number box ('%%', 'km')")
    q.add_argument("--item", action="append", default=[], metavar="TEXT", help="an item, in the RIGHT order (order); repeat")
    q.add_argument("--pair", action="append", default=[], metavar="'LEFT -> RIGHT'", help="a right pair (match); repeat")
    q.add_argument("--choice-feedback", action="append", default=[], metavar="'CHOICE -> WHY'",
                   help="why a choice is wrong (or right); repeat")
    q.add_argument("--no-shuffle", action="store_true", help="keep the choices in the given order")
    q.add_argument("--fact", action="append", default=[], metavar="ID", help="a fact the question rests on; repeat")
    q.add_argument("--explanation", help="why the answer is right (shown after answering)")
    q.add_argument("--difficulty", type=int, choices=(1, 2, 3), help="1 easy, 2 medium, 3 hard (default 2)")
    q.set_defaults(func=run_question)
    f = kinds.add_parser("fact", help="add a fact")
    _common(f)
    for field in FACT_FIELDS:
        if field.flagged:
            f.add_argument(field.flag, dest=field.key, choices=field.choices or None, help=field.help.replace("%", "%%"),
                           metavar=None if field.choices else field.metavar)
    f.set_defaults(func=run_fact)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--topic", help="topic id (the file's topic)")
    p.add_argument("--id", help="id (slug); suggested from the text when left out")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="a free tag; repeat")
    p.add_argument("-i", "--interactive", action="store_true", help="ask for each field not given as a flag")
    add_bank_option(p)


def run_question(args: argparse.Namespace) -> int:
    """Build a question from flags (or questions asked), then add it."""
    return _run(args, "question")


def run_fact(args: argparse.Namespace) -> int:
    """Build a fact from flags (or questions asked), then add it."""
    return _run(args, "fact")


def _run(args: argparse.Namespace, what: str) -> int:
    from jkquiz.errors import UsageError

    loaded = open_loaded(args.bank)
    bank = loaded.bank
    item: dict[str, Any] = {}
    try:
        if args.interactive:
            from jkquiz.cli.ask import Asker

            asker = Asker()
            data = asker.question(bank, args) if what == "question" else asker.fact(bank, args)
        else:
            data = question_from_args(args) if what == "question" else fact_from_args(args)
            data["_topic"] = args.topic
        if not data.get("id") and data["_topic"] in bank.topics:
            text = data.get("prompt") or data.get("statement") or ""
            data["id"] = suggest_id(bank, data["_topic"], text, "q" if what == "question" else "f")
        topic, item = data["_topic"], tidy(_public(data))
        if args.interactive and not asker.confirm(f"Add this {what} to {loaded.locations.files[topic]}?", render_item(item)):
            print("Nothing was written.")
            return 1
        add = add_question if what == "question" else add_fact
        result = add(topic, item, bank=args.bank, loaded=loaded)
    except UsageProblem as exc:
        raise UsageError(str(exc) if args.interactive else f"{exc} (or use -i to be asked for each field)") from None
    except UnknownTopicError as exc:
        raise UsageError(str(exc)) from None
    except EditError as exc:
        if len(exc.problems) == 1:
            print(f"jkquiz: nothing was written: {exc.problems[0]}", file=sys.stderr)
        else:
            print(f"jkquiz: nothing was written; {len(exc.problems)} problems:", file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
        if args.interactive:
            print("What you typed, so that it is not lost:\n" + render_item(item), file=sys.stderr)
        return 1
    print(f"Added {what} '{result.ids[0]}' to {result.file}.")
    return 0


def _public(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _need(args: argparse.Namespace, names: tuple[str, ...]) -> None:
    missing = [n for n in names if getattr(args, n.replace("-", "_"), None) in (None, [], "")]
    if missing:
        raise UsageProblem("missing " + ", ".join(f"--{n}" for n in missing))


def question_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """The question the flags describe (empty fields are dropped later)."""
    _need(args, ("topic", "type"))
    kind = get_type(args.type)
    _need(args, kind.flags + ("fact", "explanation"))
    data: dict[str, Any] = {"id": args.id, "type": args.type, "prompt": args.prompt}
    if kind.from_flags is not None:
        data.update(kind.from_flags(args))
    data.update(facts=args.fact, explanation=args.explanation, difficulty=args.difficulty or 2, tags=args.tag)
    return data


def fact_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """The fact the flags describe (each flag checked; a contested fact needs --japan-holds and --korea-holds)."""
    _need(args, ("topic", *(f.flag[2:] for f in FACT_FIELDS if f.required and f.flagged)))
    fact = build_fact({f.key: getattr(args, f.key, None) for f in FACT_FIELDS if f.flagged}, name=lambda f: f.flag)
    return {"id": args.id, **fact, "tags": args.tag}
