"""Moodle GIFT export: a category per topic, `// [id:] [tag:]` comments, per-answer and general feedback.

Text is written in GIFT's `[plain]` format, so Moodle shows it as typed (no HTML is
interpreted) and only GIFT's own specials need escaping: `~ = # { } :` and backslash,
with new lines as `\\n` (Moodle's qformat_gift reads these escapes back).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase
from jkquiz.interop.common import (
    ExportResult,
    Notes,
    accepted_spellings,
    by_topic,
    category_path,
    feedback_lines,
    multiple_grades,
    percent,
    position_label,
)
from jkquiz.text import format_number

_SPECIALS = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}


def escape_gift(text: str) -> str:
    """Escape GIFT's special characters and turn line breaks into `\\n`."""
    out = "".join(_SPECIALS.get(char, char) for char in text)
    return out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def export_gift(bank: Bank, questions: Iterable[QuestionBase]) -> ExportResult:
    """The questions as one GIFT file, grouped in a category per topic."""
    notes = Notes("GIFT")
    blocks: list[str] = []
    count = 0
    for topic_id, group in by_topic(questions).items():
        blocks.append(f"$CATEGORY: {category_path(topic_id)}")
        for q in group:
            block = question_block(bank, q, notes)
            if block:
                blocks.append(block)
                count += 1
    text = "// jkquiz export: Japan–South Korea relations (GIFT format for Moodle)\n\n" + "\n\n".join(blocks) + "\n"
    return ExportResult(data=text.encode("utf-8"), count=count, warnings=notes.lines())


def question_block(bank: Bank, q: QuestionBase, notes: Notes) -> str:
    """One question in GIFT, or '' when GIFT cannot hold it (the reason is noted)."""
    body = _ANSWERS[q.type](q, notes)  # type: ignore[attr-defined]
    if body is None:
        return ""
    tags = [q.topic, f"difficulty-{q.difficulty}", *q.tags]
    comment = f"// [id:{q.id}] " + " ".join(f"[tag:{t}]" for t in dict.fromkeys(tags))
    general = escape_gift("\n".join(feedback_lines(bank, q)))
    return f"{comment}\n::{escape_gift(q.id)}::[plain]{escape_gift(q.prompt)}{{\n{body}\t####{general}\n}}"


def _choice_lines(q: Any, weights: dict[str, str]) -> str:
    lines = []
    for choice in q.choices:
        line = f"\t{weights[choice]}{escape_gift(choice)}"
        if choice in q.choice_feedback:
            line += f"#{escape_gift(q.choice_feedback[choice])}"
        lines.append(line + "\n")
    return "".join(lines)


def _single(q: Any, notes: Notes) -> str:
    if not q.shuffle:
        notes.add("the choice order cannot be fixed (Moodle's quiz settings decide whether to shuffle)", q.id)
    return _choice_lines(q, {c: "=" if c == q.answer else "~" for c in q.choices})


def _multiple(q: Any, notes: Notes) -> str:
    """Each right choice earns an equal share, each wrong one costs an equal share (as the grader scores)."""
    if not q.shuffle:
        notes.add("the choice order cannot be fixed (Moodle's quiz settings decide whether to shuffle)", q.id)
    weights = {c: f"~%{percent(grade)}%" for c, grade in multiple_grades(q, notes).items()}
    return _choice_lines(q, weights)


def _true_false(q: Any, notes: Notes) -> str:
    return "\tTRUE\n" if q.answer else "\tFALSE\n"


def _number(q: Any, notes: Notes) -> str:
    if q.unit:
        notes.add("GIFT has no units: learners type the number only (the unit is dropped)", q.id)
    if q.min is not None or q.max is not None:
        notes.add("the plausible range (min/max) is only an input hint and is not exported", q.id)
    return f"\t#{format_number(q.answer)}:{format_number(q.tolerance)}\n"


def _text(q: Any, notes: Notes) -> str:
    notes.add("Moodle accepts only the listed spellings (case ignored): jkquiz's typo, space and punctuation tolerance is lost", q.id)
    # "=%100%" keeps a one-letter answer such as T or F from being read as true/false.
    return "".join(f"\t=%100%{escape_gift(s)}\n" for s in accepted_spellings(q))


def _pairs(q: QuestionBase, pairs: list[tuple[str, str]], notes: Notes) -> str | None:
    if any("->" in left or "->" in right for left, right in pairs):
        notes.add("an item contains '->', which GIFT matching cannot hold: question left out", q.id)
        return None
    return "".join(f"\t={escape_gift(left)} -> {escape_gift(right)}\n" for left, right in pairs)


def _order(q: Any, notes: Notes) -> str | None:
    notes.add("GIFT has no ordering type: exported as matching (position -> item), one mark per right position", q.id)
    return _pairs(q, [(position_label(i), item) for i, item in enumerate(q.items)], notes)


def _match(q: Any, notes: Notes) -> str | None:
    return _pairs(q, [(left, right) for left, right in q.pairs], notes)


_ANSWERS = {
    "single": _single,
    "multiple": _multiple,
    "true_false": _true_false,
    "number": _number,
    "text": _text,
    "order": _order,
    "match": _match,
}
