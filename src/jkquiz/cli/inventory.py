"""`jkquiz list` (questions, filtered) and `jkquiz stats` (counts and gaps)."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from jkquiz.bank import QUESTION_TYPES, Bank
from jkquiz.bank.inventory import bank_stats, question_rows
from jkquiz.bank.messages import suggest
from jkquiz.cli.bankarg import add_bank_option, open_bank


def register(sub: argparse._SubParsersAction) -> None:
    """Add the list and stats commands."""
    p = sub.add_parser("list", help="list questions by topic, type and difficulty")
    p.add_argument("--topic", action="append", default=[], metavar="ID", help="only this topic; repeat")
    p.add_argument("--type", action="append", default=[], choices=list(QUESTION_TYPES), help="only this type; repeat")
    p.add_argument("--difficulty", action="append", default=[], type=int, choices=(1, 2, 3), help="only this level; repeat")
    p.add_argument("--authored-only", action="store_true", help="leave out questions generated from facts")
    p.add_argument("--no-explanation", action="store_true", help="only questions whose explanation is missing")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text", help="output format")
    add_bank_option(p)
    p.set_defaults(func=list_questions)
    s = sub.add_parser("stats", help="counts by topic, type and difficulty; facts without questions; unexplained questions")
    s.add_argument("--topic", action="append", default=[], metavar="ID", help="only this topic; repeat")
    s.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    add_bank_option(s)
    s.set_defaults(func=stats)


def _check_topics(bank: Bank, topics: list[str]) -> None:
    from jkquiz.errors import UsageError

    for topic in topics:
        if topic not in bank.topics:
            raise UsageError(f"no topic '{topic}'{suggest(topic, list(bank.topics))}; topics are: {', '.join(bank.topics)}")


def list_questions(args: argparse.Namespace) -> int:
    """Print the questions matching the filters."""
    bank = open_bank(args.bank)
    _check_topics(bank, args.topic)
    rows = question_rows(bank, topics=args.topic, types=args.type, difficulty=args.difficulty, authored_only=args.authored_only)
    if args.no_explanation:
        rows = [r for r in rows if not r.explained]
    if args.format == "json":
        print(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=1))
    elif args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["id", "topic", "type", "difficulty", "origin", "facts", "explained", "prompt"])
        for r in rows:
            writer.writerow([r.id, r.topic, r.type, r.difficulty, r.origin, " ".join(r.facts), "yes" if r.explained else "no", r.prompt])
    else:
        width = max([len(r.id) for r in rows] + [2])
        print(f"{'ID':<{width}}  {'TOPIC':<16} {'TYPE':<10} D  {'ORIGIN':<9} PROMPT")
        for r in rows:
            prompt = r.prompt if len(r.prompt) <= 70 else r.prompt[:69] + "…"
            print(f"{r.id:<{width}}  {r.topic:<16} {r.type:<10} {r.difficulty}  {r.origin:<9} {prompt}")
        print(f"{len(rows)} question{'s' * (len(rows) != 1)}")
    return 0


def stats(args: argparse.Namespace) -> int:
    """Print counts by topic, type and difficulty, then the gaps to fill."""
    bank = open_bank(args.bank)
    _check_topics(bank, args.topic)
    st = bank_stats(bank, args.topic)
    if args.format == "json":
        print(json.dumps(st.to_dict(), ensure_ascii=False, indent=1))
        return 0
    print(f"{st.topics} topics, {st.facts} facts, {st.authored} authored + {st.generated} generated questions")
    print("\nQuestions by topic and type (authored+generated):")
    types = list(QUESTION_TYPES)
    print(f"  {'topic':<18}" + "".join(f"{t:>11}" for t in types) + f"{'total':>9}")
    for topic, counts in st.by_topic.items():
        cells = "".join(f"{_cell(counts[t]):>11}" for t in types)
        total = sum(sum(v) for v in counts.values())
        print(f"  {topic:<18}{cells}{total:>9}")
    levels = ", ".join(f"{level}: {_cell(v)}" for level, v in sorted(st.by_difficulty.items()))
    print(f"\nBy difficulty (1 easy … 3 hard; authored+generated): {levels}")
    lonely = sum(len(v) for v in st.facts_without_questions.values())
    print(f"\nFacts without questions (no authored question cites them): {lonely}")
    for topic, ids in st.facts_without_questions.items():
        print(f"  {topic}: {', '.join(ids)}")
    print(f"\nQuestions without explanations: {len(st.without_explanation)}")
    if st.without_explanation:
        print("  " + ", ".join(st.without_explanation))
    return 0


def _cell(pair: list[int]) -> str:
    authored, generated = pair
    if not authored and not generated:
        return "-"
    return f"{authored}+{generated}" if generated else str(authored)
