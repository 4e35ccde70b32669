"""Order: put items in order; the bank lists them in the right order."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from html import escape
from typing import Any, Literal

from pydantic import Field

from jkquiz.types.base import Layout, QuestionBase, QuestionType, Text, Verdict, from_score, invalid
from jkquiz.types.export import Notes, gift_pairs, html_list, moodle_matching, para, position_label, stable_shuffle
from jkquiz.types.fields import form_lines
from jkquiz.i18n import N_, _

NAME = "order"


class OrderQuestion(QuestionBase):
    """Put items in order; they are listed here in the right order."""

    type: Literal["order"] = Field(description="Put items in order.")
    items: list[Text] = Field(min_length=2, description="The items in the RIGHT order (first to last).")


def grade(q: OrderQuestion, response: Any) -> Verdict:
    """Items in order; credit per item in its right position."""
    order = list(response or ())
    if sorted(order) != sorted(q.items):
        return invalid(_("Place every item exactly once."))
    parts = tuple(a == b for a, b in zip(order, q.items))
    return from_score(sum(parts) / len(parts), parts)


def lay_out(q: OrderQuestion, rng: random.Random) -> Layout:
    """The items shuffled, never starting in the right order."""
    items = list(q.items)
    while items == list(q.items):
        rng.shuffle(items)
    return Layout(tuple(items))


def gift(q: OrderQuestion, notes: Notes) -> str | None:
    notes.add("GIFT has no ordering type: exported as matching (position -> item), one mark per right position", q.id)
    return gift_pairs(q, [(position_label(i), item) for i, item in enumerate(q.items)], notes)


def moodle_body(element: ET.Element, q: OrderQuestion, notes: Notes) -> None:
    if element.get("type") == "ordering":
        notes.add("exported as Moodle's Ordering type (standard in recent Moodle, a plugin in older ones)", q.id)
        ET.SubElement(element, "layouttype").text = "VERTICAL"
        ET.SubElement(element, "selecttype").text = "ALL"
        ET.SubElement(element, "selectcount").text = str(len(q.items))
        ET.SubElement(element, "gradingtype").text = "ABSOLUTE_POSITION"  # a mark per item in its place, as jkquiz grades
        ET.SubElement(element, "showgrading").text = "SHOW"
        for position, item in enumerate(q.items, 1):
            answer = ET.SubElement(element, "answer", fraction=str(position), format="html")
            ET.SubElement(answer, "text").text = para(item)
        return
    notes.add("exported as matching (position -> item), one mark per right position", q.id)
    moodle_matching(element, [(position_label(i), item) for i, item in enumerate(q.items)])


def html_input(q: OrderQuestion, options: list[str], pid: str) -> str:
    up, down = _("Move up: {item}"), _("Move down: {item}")  # each button's name for a screen reader
    rows = []
    last = len(options) - 1
    for i, item in enumerate(options):
        text = escape(item)
        rows.append(
            f'<li class="jkq-order-item" data-index="{i}"><span class="jkq-pos">{i + 1}.</span>'
            f'<span class="jkq-item-text">{text}</span>'
            f'<button type="button" class="jkq-move jkq-up" aria-label="{escape(up.format(item=item), quote=True)}"{" disabled" if i == 0 else ""}>↑</button>'
            f'<button type="button" class="jkq-move jkq-down" aria-label="{escape(down.format(item=item), quote=True)}"{" disabled" if i == last else ""}>↓</button>'
            '<span class="jkq-mark" aria-live="polite"></span></li>'
        )
    return f'<ol class="jkq-order" aria-labelledby="{pid}">{"".join(rows)}</ol>'


TYPE = QuestionType(
    name=NAME,
    model=OrderQuestion,
    grade=grade,
    answer_text=lambda q: " → ".join(q.items),
    label="Put in order",
    help="put items in order",
    lay_out=lay_out,
    hint=N_("Use Up and Down to put the items in order (first at the top)."),
    response_sep=" → ",
    flags=("prompt", "item"),
    from_flags=lambda args: {"items": args.item},
    ask=lambda asker, args: {"items": args.item or asker.lines("Items in the RIGHT order, first to last", minimum=2)},
    form_fields=("items",),
    from_form=lambda form: {"items": form_lines(form.items.value)},
    gift=gift,
    moodle_type=lambda q, order_as: "ordering" if order_as == "ordering" else "matching",
    moodle_body=moodle_body,
    anki_choices=lambda q: "<p>Put in order:</p>" + html_list(stable_shuffle(q.items, q.id)),
    html_data=lambda q: {"items": q.items},
    html_input=html_input,
)
