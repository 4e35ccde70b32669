"""One input renderer per question type; each turns the learner's input into a response."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

import ipywidgets as w

from jkquiz.engine import QuizItem, Verdict
from jkquiz.i18n import N_, _

FULL = w.Layout(width="100%")


class Renderer:
    """Shows a question's input; `response()` reads it; `lock()` freezes it after checking."""

    def __init__(self, item: QuizItem, submit: Callable[[], object]) -> None:
        self.item, self.submit = item, submit
        self.widget: w.Widget = self.build()

    def build(self) -> w.Widget:
        raise NotImplementedError

    def response(self) -> Any:
        raise NotImplementedError

    def controls(self) -> list[w.Widget]:
        """The widgets that take input (disabled by lock())."""
        return [self.widget]

    def lock(self) -> None:
        for control in self.controls():
            control.disabled = True

    def mark(self, verdict: Verdict) -> None:
        """Show per-part marks (order, match); nothing for other types."""


def _labelled(widget: w.Widget) -> w.Widget:
    """Keep a description for screen readers but hide it visually (the prompt is shown above)."""
    widget.add_class("jkq-srlabel")
    return widget


class SingleRenderer(Renderer):
    """Radio buttons."""

    def build(self) -> w.Widget:
        label = self.item.text.label  # shown in the learner's language; the value stays the choice's identity
        choices = list(self.item.layout.options)
        options = [(label(c), c) for c in choices] if any(label(c) != c for c in choices) else choices
        return w.RadioButtons(options=options, value=None, layout=FULL)

    def response(self) -> Any:
        return self.widget.value


class MultipleRenderer(Renderer):
    """One checkbox per choice."""

    def build(self) -> w.Widget:
        self.choices = list(self.item.layout.options)
        label = self.item.text.label
        self.boxes = [w.Checkbox(value=False, description=label(c), indent=False, layout=FULL) for c in self.choices]
        return w.VBox(self.boxes, layout=FULL)

    def controls(self) -> list[w.Widget]:
        return list(self.boxes)

    def response(self) -> Any:
        return [choice for choice, box in zip(self.choices, self.boxes) if box.value]


class TrueFalseRenderer(Renderer):
    """True / False buttons."""

    def build(self) -> w.Widget:
        self.true_label = _("True")  # kept: the response is read against the label shown, whatever the language now
        options = [self.true_label, _("False")]
        return w.ToggleButtons(options=options, value=None, tooltips=options)

    def response(self) -> Any:
        return None if self.widget.value is None else self.widget.value == self.true_label


class _Typed(Renderer):
    """A text box where Enter checks the answer."""

    placeholder = N_("Type your answer and press Enter")

    def build(self) -> w.Widget:
        box = w.Text(value="", placeholder=_(self.placeholder), description=_("Your answer"),
                     continuous_update=True, layout=w.Layout(width="320px"))
        box.on_msg(self._on_msg)
        return _labelled(box)

    def _on_msg(self, _widget: Any, content: dict[str, Any], _buffers: Any) -> None:
        if content.get("event") == "submit":
            self.submit()

    def response(self) -> Any:
        return self.widget.value


class NumberRenderer(_Typed):
    """A number box (text, so that '1,965' and mistakes get a message, not a silent zero)."""

    placeholder = N_("Type a number and press Enter")

    def build(self) -> w.Widget:
        box = super().build()
        unit = self.item.text.unit
        return w.HBox([box, w.HTML(escape(unit))]) if unit else box

    def controls(self) -> list[w.Widget]:
        return [self._box]

    @property
    def _box(self) -> w.Text:
        return self.widget.children[0] if isinstance(self.widget, w.HBox) else self.widget

    def response(self) -> Any:
        return self._box.value


class TextRenderer(_Typed):
    """A text box; any script or romanization is accepted."""


class OrderRenderer(Renderer):
    """Items with Up / Down buttons; the learner moves them into order."""

    def build(self) -> w.Widget:
        self.order = list(self.item.layout.options)
        self.labels = [w.HTML() for _ in self.order]
        self.marks = [w.HTML() for _ in self.order]
        self.ups, self.downs = [], []
        rows = []
        for index in range(len(self.order)):
            # words, not arrows: a button's text is its name for a screen reader
            up = w.Button(description=_("Up"), tooltip=_("Move this item up"), layout=w.Layout(width="72px", min_width="72px"))
            down = w.Button(description=_("Down"), tooltip=_("Move this item down"), layout=w.Layout(width="72px", min_width="72px"))
            up.on_click(lambda _b, i=index: self.move(i, -1))
            down.on_click(lambda _b, i=index: self.move(i, +1))
            self.ups.append(up)
            self.downs.append(down)
            self.labels[index].add_class("jkq-item")
            rows.append(w.HBox([w.HTML(f'<span class="jkq-pos">{index + 1}.</span>'), self.labels[index], up, down, self.marks[index]]))
            rows[-1].add_class("jkq-row")
        self.ups[0].disabled = True
        self.downs[-1].disabled = True
        self._show()
        return w.VBox(rows)

    def move(self, index: int, step: int) -> None:
        """Swap the item at `index` with its neighbour."""
        other = index + step
        if 0 <= other < len(self.order):
            self.order[index], self.order[other] = self.order[other], self.order[index]
            self._show()

    def _show(self) -> None:
        for label, text in zip(self.labels, self.order):
            label.value = escape(self.item.text.label(text))

    def controls(self) -> list[w.Widget]:
        return self.ups + self.downs

    def response(self) -> Any:
        return list(self.order)

    def mark(self, verdict: Verdict) -> None:
        for mark, ok in zip(self.marks, verdict.parts):
            right, wrong = _("✔ right place"), _("✘ wrong place")
            mark.value = f'<span class="jkq-mark-ok">{right}</span>' if ok else f'<span class="jkq-mark-no">{wrong}</span>'


class MatchRenderer(Renderer):
    """A dropdown of right-hand items for each left-hand item."""

    def build(self) -> w.Widget:
        pairs = self.item.question.pairs  # type: ignore[attr-defined]  # RENDERERS gives match questions only
        label = self.item.text.label
        options = [(_("— choose —"), None)] + [(label(r), r) for r in self.item.layout.options]
        self.lefts = [left for left, _ in pairs]
        self.drops = [_labelled(w.Dropdown(options=options, value=None, description=label(left))) for left in self.lefts]
        self.marks = [w.HTML() for _ in self.lefts]
        rows = []
        for left, drop, mark in zip(self.lefts, self.drops, self.marks):
            shown = w.HTML(escape(label(left)))
            shown.add_class("jkq-item")
            rows.append(w.HBox([shown, drop, mark]))
            rows[-1].add_class("jkq-row")
        return w.VBox(rows)

    def controls(self) -> list[w.Widget]:
        return list(self.drops)

    def response(self) -> Any:
        return {left: drop.value for left, drop in zip(self.lefts, self.drops)}

    def mark(self, verdict: Verdict) -> None:
        for mark, ok in zip(self.marks, verdict.parts):
            mark.value = '<span class="jkq-mark-ok">✔</span>' if ok else '<span class="jkq-mark-no">✘</span>'


RENDERERS: dict[str, type[Renderer]] = {
    "single": SingleRenderer,
    "multiple": MultipleRenderer,
    "true_false": TrueFalseRenderer,
    "number": NumberRenderer,
    "text": TextRenderer,
    "order": OrderRenderer,
    "match": MatchRenderer,
}


def render_input(item: QuizItem, submit: Callable[[], object]) -> Renderer:
    """The renderer for an item's question type."""
    return RENDERERS[item.question.type](item, submit)
