"""Interactive `jkquiz add -i`: one clear prompt per field, each answer checked before going on."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import Any, TextIO

from jkquiz.bank import Bank
from jkquiz.bank.fact_fields import FACT_FIELDS, SIDES, FactField, build_fact, check_value
from jkquiz.bank.messages import suggest
from jkquiz.bank.model import SLUG
from jkquiz.errors import JkquizError, UsageProblem
from jkquiz.types import TYPES, get_type
from jkquiz.types.fields import parse_bool


class Stop(JkquizError):
    """The user ended input (Ctrl-D) before every field was given."""


class Asker:
    """Asks for each field on the terminal (or any text stream), repeating a question until the answer is usable."""

    def __init__(self, read: Callable[[str], str] | None = None, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self._read = read or input

    # --- primitives -----------------------------------------------------------------------
    def line(self, label: str, *, default: str | None = None, required: bool = True,
             check: Callable[[str], Any] | None = None) -> Any:
        """One line; Enter takes the default; `check` turns the text into a value or raises UsageProblem."""
        shown = f"{label}" + (f" [{default}]" if default not in (None, "") else "") + ": "
        while True:
            try:
                text = self._read(shown).strip()
            except EOFError:
                raise Stop("input ended before every field was given: nothing was written") from None
            if not text and default is not None:
                text = default
            if not text:
                if not required:
                    return None
                self.say("  This field is required.")
                continue
            try:
                return check(text) if check else text
            except UsageProblem as exc:
                self.say(f"  {exc}")

    def lines(self, label: str, *, minimum: int = 0, check: Callable[[str], Any] | None = None) -> list[Any]:
        """Several values, one per line, ended by an empty line."""
        self.say(f"{label} (one per line; an empty line ends the list)")
        values: list[Any] = []
        while True:
            text = self.line(f"  {len(values) + 1}", required=len(values) < minimum, check=check)
            if text is None:
                return values
            values.append(text)

    def choose(self, label: str, options: list[str], *, helps: dict[str, str] | None = None, default: str | None = None) -> str:
        """One of `options`, by number or by name."""
        for number, option in enumerate(options, 1):
            self.say(f"  {number}. {option}" + (f" — {helps[option]}" if helps and option in helps else ""))

        def pick(text: str) -> str:
            if text.isdigit() and 1 <= int(text) <= len(options):
                return options[int(text) - 1]
            if text in options:
                return text
            raise UsageProblem(f"'{text}' is not one of the numbers or names above{suggest(text, options)}")

        return str(self.line(label, default=default, check=pick))

    def confirm(self, question: str, preview: str) -> bool:
        """Show the item and ask before writing."""
        self.say("\n" + preview.rstrip())
        return bool(self.line(f"{question} (yes/no)", default="yes", check=parse_bool))

    def say(self, text: str) -> None:
        print(text, file=self.out)

    # --- items ------------------------------------------------------------------------------
    def topic(self, bank: Bank, given: str | None) -> str:
        if given in bank.topics:
            return str(given)
        self.say("Topics:")
        return self.choose("Topic (number or id)", list(bank.topics))

    def question(self, bank: Bank, args: argparse.Namespace) -> dict[str, Any]:
        """Every field of a question, asking for those the flags did not give."""
        data: dict[str, Any] = {"_topic": self.topic(bank, args.topic)}
        self.say("Question types:")
        helps = {name: t.help for name, t in TYPES.items()}
        kind = args.type or self.choose("Type (number or name)", list(TYPES), helps=helps)
        data["type"] = kind
        data["prompt"] = args.prompt or self.line("Prompt (the question as learners read it)")
        data.update(self._answer_fields(kind, args))
        facts = bank.facts_for(data["_topic"])
        if not args.fact:
            self.say("Facts of this topic: " + ", ".join(f.id for f in facts))

        def fact_ids(text: str) -> list[str]:
            ids = [x.strip() for x in re.split(r"[,\s]+", text) if x.strip()]
            unknown = [x for x in ids if x not in bank.facts]
            if unknown:
                raise UsageProblem(f"no fact '{unknown[0]}'{suggest(unknown[0], list(bank.facts))}")
            return ids

        data["facts"] = args.fact or self.line("Facts it rests on (ids, separated by commas)", check=fact_ids)
        data["explanation"] = args.explanation or self.line("Explanation (why the answer is right)")
        data["difficulty"] = args.difficulty or self.line(
            "Difficulty (1 easy, 2 medium, 3 hard)", default="2", check=lambda t: _in_range(t, 1, 3))
        data["tags"] = args.tag or self.line("Tags (optional, separated by commas)", required=False, check=_slugs) or []
        data["id"] = args.id or self.line("Id (optional; Enter to have one made from the prompt)", required=False, check=_slug)
        return data

    def _answer_fields(self, kind: str, args: argparse.Namespace) -> dict[str, Any]:
        ask = get_type(kind).ask
        return ask(self, args) if ask is not None else {}

    def fact(self, bank: Bank, args: argparse.Namespace) -> dict[str, Any]:
        """Every field of a fact, asking for those the flags did not give (the same fields as the flags and the form)."""
        data: dict[str, Any] = {"_topic": self.topic(bank, args.topic)}
        values: dict[str, Any] = {}
        for field in FACT_FIELDS:
            given = getattr(args, field.key, None) if field.flagged else None
            if given not in (None, ""):
                values[field.key] = check_value(field, given, values)
            elif field.ask_if is None or field.ask_if(values):
                values[field.key] = self._fact_field(field, values)
        data.update(build_fact(values))
        data["tags"] = args.tag or self.line("Tags (optional, separated by commas)", required=False, check=_slugs) or []
        data["id"] = args.id or self.line("Id (optional; Enter to have one made from the statement)", required=False, check=_slug)
        return data

    def _fact_field(self, field: FactField, values: dict[str, Any]) -> Any:
        if field.choices:
            self.say(f"{field.label}s:" if field.key == "kind" else f"{field.label}:")
            return self.choose(f"{field.label} (number or name)", list(field.choices))
        required = field.required or field.key in SIDES  # the sides are asked for once the fact is contested
        optional = "" if required or field.default else "optional: "
        return self.line(f"{field.label} ({optional}{field.help})", required=required, default=field.default,
                         check=lambda text: check_value(field, text, values))


def _in_range(text: str, low: int, high: int) -> int:
    if not text.isdigit() or not low <= int(text) <= high:
        raise UsageProblem(f"type a whole number from {low} to {high}")
    return int(text)


def _slug(text: str) -> str:
    if not re.match(SLUG, text):
        raise UsageProblem(f"'{text}' is not a valid id: use lowercase letters, digits and '-'")
    return text


def _slugs(text: str) -> list[str]:
    return [_slug(t.strip()) for t in text.split(",") if t.strip()]
