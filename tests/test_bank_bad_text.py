"""Text no course should ship is refused by `jkquiz validate`, each problem at its file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from jkquiz.bank import inspect_bank
from jkquiz.bank.text_safety import FIELD_LIMITS

GOOD_TOPIC = "topic:\n  id: t\n  title: Fine\n  objectives: [Read]\n"


def problems_of(tmp_path: Path, content: str | bytes) -> list[str]:
    path = tmp_path / "01-t.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return [f"{p.line}:{p.column}: {p.message}" for p in inspect_bank(path).problems if "has no questions" not in p.message]


@pytest.mark.parametrize(("content", "expected"), [
    # a raw right-to-left override inside a title: named, at its own column
    ("topic:\n  id: t\n  title: Dokdo \u202eodkoD\n  objectives: [Read]\n",
     "3:16: contains an invisible formatting character that can reorder or hide text (U+202E RIGHT-TO-LEFT OVERRIDE)"),
    # an escape written as \e in a double-quoted string: at the start of the value
    ('topic:\n  id: t\n  title: "Eve\\e[31m"\n  objectives: [Read]\n',
     "3:10: contains a control character (U+001B ESCAPE)"),
    ('topic:\n  id: t\n  title: "ring\\a"\n  objectives: [Read]\n',
     "3:10: contains a control character (U+0007 BELL)"),
    (b"topic:\n  id: t\n  title: A\x00B\n  objectives: [Read]\n",
     "3:11: the file contains the control character U+0000 (NULL), which no text should hold; remove it"),
    ("topic:\n  id: t\n  title: " + "x" * 301 + "\n  objectives: [Read]\n",
     "3:10: 'title' is 301 characters long; the limit is 300 (docs/bank-format.md)"),
    ("topic: !!python/object/apply:os.system\n  id: t\n",
     "1:8: the YAML tag tag:yaml.org,2002:python/object/apply:os.system is not allowed in bank files"),
    ("topic:\n  id: t\n  objectives: !!python/tuple [a, b]\n  title: x\n",
     "3:15: the YAML tag tag:yaml.org,2002:python/tuple is not allowed in bank files"),
])
def test_refused_text_is_reported_where_it_is(tmp_path: Path, content: str | bytes, expected: str) -> None:
    found = problems_of(tmp_path, content)
    assert any(line.startswith(expected) for line in found), found


def test_an_unclosed_quote_names_the_line_where_it_began(tmp_path: Path) -> None:
    content = 'topic:\n  id: t\n  title: "never closed\n' + "".join(f"  line{i}: x\n" for i in range(30))
    assert problems_of(tmp_path, content) == [
        "34:1: not valid YAML: found unexpected end of stream "
        "(while scanning a quoted scalar that begins at line 3, column 10)"]


def test_text_the_course_uses_is_accepted(tmp_path: Path) -> None:
    """Hangul, Kanji, tabs in block text, joiners and the longest allowed values pass."""
    content = ("topic:\n  id: t\n  title: 독도 / 竹島 — Liancourt Rocks\n  summary: |\n    one\ttab\n"
               f"  objectives: [\"{'y' * FIELD_LIMITS['objectives']}\", \"a\u200db\"]\n")
    assert problems_of(tmp_path, content) == []


def test_limits_are_documented() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "bank-format.md").read_text(encoding="utf-8")
    for field, limit in FIELD_LIMITS.items():
        assert f"`{field}` | {limit:,}" in doc, field
