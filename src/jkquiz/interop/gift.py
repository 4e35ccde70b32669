"""Moodle GIFT export: a category per topic, `// [id:] [tag:]` comments, per-answer and general feedback.

Text is written in GIFT's `[plain]` format, so Moodle shows it as typed (no HTML is
interpreted) and only GIFT's own specials need escaping: `~ = # { } :` and backslash,
with new lines as `\\n` (Moodle's qformat_gift reads these escapes back).
"""

from __future__ import annotations

from collections.abc import Iterable

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase
from jkquiz.interop.common import ExportResult, by_topic, category_path, feedback_lines
from jkquiz.types import get_type
from jkquiz.types.export import Notes, escape_gift

__all__ = ["escape_gift", "export_gift", "question_block"]


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
    hook = get_type(q.type).gift
    if hook is None:
        notes.add(f"GIFT has no {q.type} questions: left out", q.id)
        return ""
    body = hook(q, notes)
    if body is None:
        return ""
    tags = [q.topic, f"difficulty-{q.difficulty}", *q.tags]
    comment = f"// [id:{q.id}] " + " ".join(f"[tag:{t}]" for t in dict.fromkeys(tags))
    general = escape_gift("\n".join(feedback_lines(bank, q)))
    return f"{comment}\n::{escape_gift(q.id)}::[plain]{escape_gift(q.prompt)}{{\n{body}\t####{general}\n}}"
