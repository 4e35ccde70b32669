"""Text no course should ship: control and invisible bidi characters, and strings past a field's limit.

Each problem is located at the character itself when it is written raw in the file, or at the
start of its value when it comes from an escape such as "\\e". The limits are generous (about three
times the longest value in the course's own bank) and documented in docs/bank-format.md.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

# Most characters a field may hold, by YAML key; anything not named here may hold DEFAULT_LIMIT.
FIELD_LIMITS: dict[str, int] = {
    "title": 300, "label": 80, "prompt": 1000, "statement": 1500, "summary": 1500, "explanation": 1500,
    "japan": 1500, "korea": 1500, "quote": 2000, "url": 2000,
    "choices": 500, "answer": 500, "answers": 500, "items": 500, "pairs": 500, "alternates": 500,
    "choice_feedback": 500, "objectives": 500,
}
DEFAULT_LIMIT = 2000
ALLOWED_CONTROLS = {"\t", "\n", "\r"}
CONTROL_NAMES = {"\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x1b": "ESCAPE", "\x7f": "DELETE"}
# Invisible format characters that are part of ordinary text: joiners used in some scripts.
ALLOWED_FORMAT = {"\u200c", "\u200d"}


@dataclass(frozen=True)
class TextProblem:
    """One refused value: 1-based line and column, and a plain message."""

    line: int
    column: int
    message: str


def unsafe_text(root: yaml.Node, text: str) -> list[TextProblem]:
    """Every control or bidi character and every over-long value in the document."""
    return list(_walk(root, text, None))


def _walk(node: yaml.Node, text: str, key: str | None) -> Iterator[TextProblem]:
    if isinstance(node, yaml.ScalarNode):
        yield from _scalar(node, text, key)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk(item, text, key)
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            yield from _scalar(key_node, text, "key")
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            # choice_feedback's keys are choices, its values feedback: both keep the section's limit
            yield from _walk(value_node, text, key if key == "choice_feedback" else name)


def _scalar(node: yaml.ScalarNode, text: str, key: str | None) -> Iterator[TextProblem]:
    value = node.value
    for char in dict.fromkeys(value):  # each distinct character once, in order
        what = _refused(char)
        if what:
            line, column = _position(node, text, char)
            yield TextProblem(line, column, f"contains {what} (U+{ord(char):04X} {char_name(char)}); "
                                            "remove it: a course's text must show what it says")
    limit = FIELD_LIMITS.get(key or "", DEFAULT_LIMIT)
    if len(value) > limit:
        field = f"'{key}'" if key and key != "key" else "a value"
        yield TextProblem(node.start_mark.line + 1, node.start_mark.column + 1,
                          f"{field} is {len(value):,} characters long; the limit is {limit:,} (docs/bank-format.md)")


def _refused(char: str) -> str | None:
    category = unicodedata.category(char)
    if category == "Cc" and char not in ALLOWED_CONTROLS:
        return "a control character"
    if category == "Cf" and char not in ALLOWED_FORMAT and char != "\ufeff":
        return "an invisible formatting character that can reorder or hide text"
    return None


def char_name(char: str) -> str:
    """The Unicode name of a character, with names for the controls Unicode leaves unnamed."""
    return unicodedata.name(char, "") or CONTROL_NAMES.get(char, "CONTROL")


def _position(node: yaml.ScalarNode, text: str, char: str) -> tuple[int, int]:
    """Where `char` is written in the file inside this value, else where the value starts."""
    index = text.find(char, node.start_mark.index, node.end_mark.index)
    if index < 0:
        return node.start_mark.line + 1, node.start_mark.column + 1
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1
