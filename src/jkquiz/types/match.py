"""Match: pair each left item with its right item (one-to-one)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from html import escape
from typing import Any, Literal

from pydantic import Field

from jkquiz.types.base import Layout, QuestionBase, QuestionType, Text, Verdict, from_score, invalid
from jkquiz.types.export import Notes, gift_pairs, html_list, moodle_matching, stable_shuffle
from jkquiz.types.fields import form_lines, split_pair
from jkquiz.i18n import N_, _

NAME = "match"


class MatchQuestion(QuestionBase):
    """Pair each left item with its right item (one-to-one)."""

    type: Literal["match"] = Field(description="Match pairs.")
    pairs: list[tuple[Text, Text]] = Field(min_length=2, description="The right pairs as [left, right].")


def grade(q: MatchQuestion, response: Any) -> Verdict:
    """Pairs; credit per right pair."""
    chosen: Mapping[str, Any] = response if isinstance(response, Mapping) else {}
    if any(chosen.get(left) in (None, "") for left, _ in q.pairs):
        return invalid(_("Match every item first."))
    parts = tuple(chosen[left] == right for left, right in q.pairs)
    return from_score(sum(parts) / len(parts), parts)


def lay_out(q: MatchQuestion, rng: random.Random) -> Layout:
    """The right-hand items, shuffled."""
    rights = [r for _, r in q.pairs]
    rng.shuffle(rights)
    return Layout(tuple(rights))


def ask(asker: Any, args: Any) -> dict[str, Any]:
    pairs = [list(split_pair(p, "--pair")) for p in args.pair] or asker.lines(
        "Pairs as 'LEFT -> RIGHT'", minimum=2, check=lambda t: list(split_pair(t, "pair")))
    return {"pairs": pairs}


def anki_choices(q: MatchQuestion) -> str:
    lefts, rights = [p[0] for p in q.pairs], stable_shuffle([p[1] for p in q.pairs], q.id)
    return "<p>Match each of</p>" + html_list(lefts) + "<p>with one of</p>" + html_list(rights)


def html_input(q: MatchQuestion, options: list[str], pid: str) -> str:
    choices = '<option value="">' + escape(_("— choose —")) + "</option>" + "".join(
        f'<option value="{i}">{escape(o)}</option>' for i, o in enumerate(options))
    rows = []
    for i, (left, _right) in enumerate(q.pairs):
        sid = f"m-{escape(q.id)}-{i}"
        rows.append(f'<div class="jkq-match-row"><label class="jkq-match-left" for="{sid}">{escape(left)}</label>'
                    f'<select id="{sid}">{choices}</select><span class="jkq-mark" aria-live="polite"></span></div>')
    return "".join(rows)


def gift(q: MatchQuestion, notes: Notes) -> str | None:
    return gift_pairs(q, [(left, right) for left, right in q.pairs], notes)


TYPE = QuestionType(
    name=NAME,
    model=MatchQuestion,
    grade=grade,
    answer_text=lambda q: "; ".join(f"{left} → {right}" for left, right in q.pairs),
    label="Match pairs",
    help="match pairs",
    lay_out=lay_out,
    hint=N_("Choose the matching item for each row."),
    flags=("prompt", "pair"),
    from_flags=lambda args: {"pairs": [list(split_pair(x, "--pair")) for x in args.pair]},
    ask=ask,
    form_fields=("pairs",),
    from_form=lambda form: {"pairs": [[part.strip() for part in line.split("->", 1)] for line in form_lines(form.pairs.value)]},
    gift=gift,
    moodle_type=lambda q, order_as: "matching",
    moodle_body=lambda element, q, notes: moodle_matching(element, list(q.pairs)),
    anki_choices=anki_choices,
    html_data=lambda q: {"pairs": [list(p) for p in q.pairs]},
    html_input=html_input,
)
