"""Read a GIFT file the way Moodle's qformat_gift does, into bank question fields, with line numbers.

Blocks are separated by blank lines; `//` lines are comments (their `[id:...]` and
`[tag:...]` are kept); escapes `\\~ \\= \\# \\{ \\} \\: \\n \\\\` are honoured. The type
is decided as Moodle decides it. What jkquiz cannot hold is reported with its line:
syntax errors stop the import; unsupported questions are skipped; smaller losses are noted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from typing import Any

_ESCAPES = {":": "\ue001", "#": "\ue002", "=": "\ue003", "{": "\ue004", "}": "\ue005", "~": "\ue006", "n": "\ue007"}
_BACK = {v: k for k, v in _ESCAPES.items()} | {"\ue007": "\n"}
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d*)?)%")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


@dataclass
class GiftItem:
    """One question read from the file: bank fields plus where it came from."""

    line: int
    data: dict[str, Any]
    name: str = ""
    idnumber: str = ""
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class GiftReading:
    """Everything read: questions, skipped items and syntax errors, each with its line."""

    items: list[GiftItem] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


class _Skip(Exception):
    """This question cannot be held by the bank (reported, import goes on)."""


class _Syntax(Exception):
    """This question is not valid GIFT (reported, nothing is imported)."""


def read_gift(text: str) -> GiftReading:
    """Parse GIFT text into questions, skipped items and syntax errors."""
    reading = GiftReading()
    for line, comments, lines in _blocks(text):
        try:
            item = _question(line, "\n".join(lines))
        except _Skip as exc:
            reading.skipped.append((line, str(exc)))
            continue
        except _Syntax as exc:
            reading.errors.append((line, str(exc)))
            continue
        if item is None:
            continue
        comment = "\n".join(comments)
        found = re.search(r"\[id:((?:\\\]|[^\]\n])+)\]", comment)
        item.idnumber = found.group(1).replace("\\]", "]").strip() if found else ""
        item.tags = [t.replace("\\]", "]").strip() for t in re.findall(r"\[tag:((?:\\\]|[^\]\n])+)\]", comment)]
        reading.items.append(item)
    return reading


def _blocks(text: str) -> list[tuple[int, list[str], list[str]]]:
    """(first line, comment lines, other lines) of each blank-line-separated block."""
    blocks: list[tuple[int, list[str], list[str]]] = []
    comments: list[str] = []
    lines: list[str] = []
    start = 0
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        stripped = raw.strip()
        if not stripped:
            if lines:
                blocks.append((start, comments, lines))
            comments, lines = [], []  # as in Moodle, a comment belongs to the block it is in
            continue
        if stripped.startswith("//"):
            comments.append(stripped)
        else:
            if not lines:
                start = number
            lines.append(raw)
    if lines:
        blocks.append((start, comments, lines))
    return blocks


def _pre(text: str) -> str:
    text = text.replace("\\\\", "\ue000")
    for char, mark in _ESCAPES.items():
        text = text.replace("\\" + char, mark)
    return text.replace("\ue000", "\\")


def _post(text: str) -> str:
    for mark, char in _BACK.items():
        text = text.replace(mark, char)
    return text


def _clean(text: str, notes: list[str] | None = None) -> str:
    """Unescaped text without GIFT's [format] marker; HTML reduced to its words; spaces tidied."""
    text = text.strip()
    marker = re.match(r"^\[(html|plain|markdown|moodle)\]", text)
    if marker:
        text = text[marker.end():]
        if marker.group(1) == "html" and re.search(r"<[a-zA-Z/!]", text):
            text = unescape(re.sub(r"<[^>]*>", " ", text))
            if notes is not None and "HTML formatting removed" not in notes:
                notes.append("HTML formatting removed")
    return " ".join(_post(text).split())


def _question(line: int, raw: str) -> GiftItem | None:
    text = _pre(raw.strip())
    if text.startswith("$CATEGORY:"):
        return None  # categories are Moodle's folders; the topic is chosen on the command line
    name = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise _Syntax("the question name opens with '::' but never closes")
        name, text = _clean(text[2:end]), text[end + 2:].strip()
    start, finish = text.find("{"), text.find("}")
    if start < 0 and finish < 0:
        raise _Skip("a description (text without answers) is not a question; skipped")
    if start < 0 or finish < 0 or finish < start:
        raise _Syntax("unbalanced braces: each '{' needs a '}' after it (write \\{ or \\} for a literal brace)")
    answer = text[start + 1:finish]
    if "{" in answer:
        raise _Syntax("a '{' inside the answers: write \\{ for a literal brace")
    tail = text[finish + 1:].strip()
    if "{" in tail or "}" in tail:
        raise _Skip("several answer blocks in one question (cloze) are not supported; skipped")
    if tail:
        raise _Skip("missing-word questions (text after the answers) are not supported; skipped")
    notes: list[str] = []
    general = ""
    if "####" in answer:
        cut = answer.rfind("####")
        answer, general = answer[:cut], answer[cut + 4:]
    data: dict[str, Any] = {"prompt": _clean(text[:start], notes), "explanation": _clean(general, notes) or None}
    answer = answer.strip()
    if not data["prompt"]:
        raise _Syntax("the question has no text before its answers")
    if not answer:
        raise _Skip("essay questions (empty answers {}) cannot be graded by jkquiz; skipped")
    if answer[0] == "#":
        data.update(_numerical(answer[1:], notes))
    elif "~" in answer:
        data.update(_choices(answer, notes))
    elif "=" in answer and "->" in answer:
        data.update(_matching(answer, notes))
    elif answer.split("#", 1)[0].strip() in _TRUE_FALSE:
        data.update(_true_false(answer, data, notes))
    else:
        data.update(_short(answer, notes))
    return GiftItem(line, data, name=name, notes=notes)


def _parts(answer: str, sign: str) -> list[str]:
    parts = [p.strip() for p in answer.split(sign)]
    return parts[1:] if parts and not parts[0] else parts


def _weighted(part: str, default: float) -> tuple[float, str]:
    match = _WEIGHT.match(part)
    if match:
        return float(match.group(1)) / 100, part[match.end():]
    if part.startswith("%"):
        raise _Syntax(f"the weight in '{_post(part)[:30]}' must look like %50% or %-25%")
    return default, part


def _feedback(part: str) -> tuple[str, str]:
    text, _, note = part.partition("#")
    return _clean(text), _clean(note)


def _choices(answer: str, notes: list[str]) -> dict[str, Any]:
    single = "=" in answer
    entries = []
    for part in _parts(answer.replace("=", "~="), "~"):
        weight, rest = (1.0, part[1:]) if part.startswith("=") else _weighted(part, 0.0)
        text, note = _feedback(rest)
        entries.append((weight, text, note))
    if len(entries) < 2:
        raise _Syntax("a choice question needs at least two answers")
    choices = [text for _, text, _ in entries]
    feedback = {text: note for _, text, note in entries if note}
    right = [text for weight, text, _ in entries if weight > 0]
    if not right:
        raise _Syntax("no answer is marked right (with '=' or a positive %weight%)")
    if single:
        full = [text for weight, text, _ in entries if weight >= 1]
        if len(full) != 1:
            raise _Skip("several answers are fully right in a one-answer question; skipped")
        notes.extend(f"partial credit for '{t}' ({w:.0%}) is not supported: it counts as wrong"
                     for w, t, _ in entries if 0 < w < 1)
        return {"type": "single", "choices": choices, "answer": full[0], "choice_feedback": feedback}
    wrong = [e for e in entries if e[0] <= 0]
    equal = all(abs(w - 1 / len(right)) < 0.01 for w, _, _ in entries if w > 0) and all(
        abs(w + 1 / len(wrong)) < 0.01 or w == 0 for w, _, _ in wrong)
    if not equal:
        notes.append("jkquiz gives every right choice an equal share and takes an equal share off per wrong choice; the file's weights differ")
    return {"type": "multiple", "choices": choices, "answers": right, "choice_feedback": feedback}


def _matching(answer: str, notes: list[str]) -> dict[str, Any]:
    pairs = []
    for part in _parts(answer, "="):
        if "->" not in part:
            raise _Syntax(f"a matching pair needs 'LEFT -> RIGHT', not '{_post(part)[:40]}'")
        left, right = part.split("->", 1)
        if not _clean(left):
            notes.append(f"extra right-hand option '{_clean(right)}' (no left item) is not supported: left out")
            continue
        pairs.append([_clean(left), _clean(right)])
    if len(pairs) < 2:
        raise _Skip("a matching question needs at least two pairs; skipped")
    return {"type": "match", "pairs": pairs}


def _true_false(answer: str, data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    value, wrong, right = (answer.split("#", 2) + ["", ""])[:3]
    extra = [f"({label}) {_clean(text)}" for label, text in (("after a wrong answer", wrong), ("after a right answer", right)) if _clean(text)]
    if extra:
        notes.append("true/false feedback per answer was added to the explanation")
        data["explanation"] = " ".join([data["explanation"] or "", *extra]).strip()
    return {"type": "true_false", "answer": _TRUE_FALSE[value.strip()]}


def _short(answer: str, notes: list[str]) -> dict[str, Any]:
    accepted = []
    for part in _parts(answer, "="):
        weight, rest = _weighted(part, 1.0)
        text, note = _feedback(rest)
        if note:
            notes.append(f"feedback for the answer '{text}' is not supported: left out")
        if weight >= 1:
            accepted.append(text)
        else:
            notes.append(f"partial credit for '{text}' ({weight:.0%}) is not supported: left out")
    if not accepted:
        raise _Skip("no answer earns full credit; skipped")
    unique = list(dict.fromkeys(a for a in accepted if a))
    return {"type": "text", "answer": unique[0], "alternates": unique[1:]}


def _numerical(body: str, notes: list[str]) -> dict[str, Any]:
    if "~" in body:
        body = body[:body.find("~")]
        notes.append("feedback for wrong numbers is not supported: left out")
    found: list[tuple[float, float, float]] = []
    for part in _parts(body, "="):
        weight, rest = _weighted(part, 1.0)
        number = _feedback(rest)[0]
        try:
            if ".." in number:
                low, high = (float(x) for x in number.split("..", 1))
                found.append((weight, (low + high) / 2, (high - low) / 2))
            elif ":" in number:
                value, tolerance = (float(x) for x in number.split(":", 1))
                found.append((weight, value, abs(tolerance)))
            else:
                found.append((weight, float(number), 0.0))
        except ValueError:
            raise _Syntax(f"'{number}' is not a number (write 1965, 1965:2 or 1960..1970)") from None
    if not found:
        raise _Syntax("a numerical question needs a number after '#'")
    full = [f for f in found if f[0] >= 1]
    if not full:
        raise _Skip("no number earns full credit; skipped")
    if len(found) > 1:
        notes.append("only the first fully right number is kept (jkquiz has one answer with a tolerance)")
    return {"type": "number", "answer": full[0][1], "tolerance": full[0][2] or None}
