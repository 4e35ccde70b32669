"""Pieces the instructor's question and fact forms share: layout, messages in the form's words, the fact picker."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import Any

import ipywidgets as w
import traitlets

from jkquiz.text import normalize

LABEL = {"description_width": "130px"}


def wide() -> w.Layout:
    """A field as wide as the form's column (and no wider)."""
    return w.Layout(width="auto", align_self="stretch")


def area(description: str, placeholder: str, rows: int = 3) -> w.Textarea:
    return w.Textarea(description=description, placeholder=placeholder, rows=rows, layout=wide(), style=LABEL,
                      continuous_update=False)


def form_message(problem: Any, label_of: Callable[[str], str | None]) -> str:
    """A problem in the form's words: the label the form shows for its field, never the bank's key ('answer', 'facts')."""
    if isinstance(problem, str):
        return problem
    label = label_of(problem.field) if problem.field else None
    if label is None:
        return problem.message if problem.line == 0 else str(problem)
    parts = problem.field.split(".")
    where = label + (f", line {int(parts[1]) + 1}" if len(parts) > 1 and parts[1].isdigit() and parts[0] != "facts" else "")
    message = problem.message
    if message.startswith("missing required field"):
        rest = message.partition(";")[2].strip()
        return f"{where}: this field is required" + (f"; {rest}" if rest else "")
    for name in (problem.field, parts[0]):
        if message.startswith(name + " ") or message.startswith(name + ":"):
            message = message[len(name):].lstrip(": ")
            break
    message = re.sub(r"'([a-z_]+)'", lambda m: f"“{label_of(m.group(1))}”" if label_of(m.group(1)) else m.group(0), message)
    return f"{where}: {message}"


def problems_html(problems: list[Any], label_of: Callable[[str], str | None], heading: str) -> str:
    """The problems as a list under a heading, in the form's words."""
    items = "".join(f"<li>{escape(form_message(p, label_of))}</li>" for p in problems)
    return f'<div class="jkq-problems" style="color:#a4161a"><strong>{heading}:</strong><ul>{items}</ul></div>'


class FactPicker(w.VBox):
    """Several facts picked by ticking boxes (no Ctrl-click), with a filter; `value` is the ids ticked, in order."""

    value = traitlets.Tuple()

    def __init__(self, description: str = "Facts") -> None:
        self.description = description
        self.filter = w.Text(placeholder="Filter: type words from a fact's id or statement", layout=wide(),
                             continuous_update=True)
        self.list = w.VBox(layout=w.Layout(width="auto", max_height="200px", overflow="auto"))
        self.list.add_class("jkq-fact-list")
        self.picked = w.HTML()
        self.picked.add_class("jkq-picked")
        self.boxes: dict[str, w.Checkbox] = {}
        self.texts: dict[str, str] = {}
        body = w.VBox([self.filter, self.list, self.picked], layout=w.Layout(flex="1 1 auto", width="auto"))
        label = w.HTML(f'<label class="widget-label">{escape(description)}</label>')
        label.add_class("jkq-form-label")
        super().__init__([w.HBox([label, body], layout=w.Layout(width="auto"))], layout=wide())
        self.add_class("jkq-fact-picker")
        self.filter.observe(lambda _c: self._apply_filter(), names="value")
        self.observe(lambda _c: self._show_value(), names="value")
        self._show_value()

    def set_facts(self, facts: list[tuple[str, str]]) -> None:
        """Offer these (id, statement) pairs; ticks on facts no longer offered are dropped."""
        self.boxes, self.texts = {}, {}
        for fact_id, statement in facts:
            short = statement if len(statement) <= 110 else statement[:107].rsplit(" ", 1)[0] + " …"
            box = w.Checkbox(value=fact_id in self.value, description=f"{fact_id} — {short}", indent=False,
                             layout=w.Layout(width="auto"), tooltip=statement)
            box.observe(lambda change, fact_id=fact_id: self._ticked(fact_id, change["new"]), names="value")
            self.boxes[fact_id], self.texts[fact_id] = box, normalize(f"{fact_id} {statement}")
        self.list.children = list(self.boxes.values())
        self.value = tuple(v for v in self.value if v in self.boxes)
        self._apply_filter()

    def _ticked(self, fact_id: str, on: bool) -> None:
        rest = tuple(v for v in self.value if v != fact_id)
        self.value = (*rest, fact_id) if on else rest

    def _show_value(self) -> None:
        for fact_id, box in self.boxes.items():
            box.value = fact_id in self.value
        self.picked.value = (f"Chosen: {escape(', '.join(self.value))}" if self.value else
                             "Tick the facts the question rests on (one or more).")

    def _apply_filter(self) -> None:
        words = normalize(self.filter.value).split()
        for fact_id, box in self.boxes.items():
            shown = all(word in self.texts[fact_id] for word in words)
            box.layout.display = None if shown else "none"
