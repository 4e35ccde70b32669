"""Format helpers the question types' export hooks share (GIFT escapes, Moodle grades and XML, HTML lists, notes)."""

from __future__ import annotations

import random
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from html import escape
from typing import Any

from jkquiz.i18n import _

# Grades Moodle accepts for an answer (question_bank::fraction_options_full); an import
# with any other grade fails unless the teacher picks "nearest grade".
MOODLE_FRACTIONS = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25,
                    0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)
_GIFT_SPECIALS = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}


class Notes:
    """What a format cannot express, grouped by reason, each with the questions concerned."""

    def __init__(self, format_name: str) -> None:
        self.format_name = format_name
        self._ids: dict[str, list[str]] = {}
        self._general: list[str] = []

    def add(self, reason: str, qid: str) -> None:
        """Record that question `qid` loses something in this format, and why."""
        ids = self._ids.setdefault(reason, [])
        if qid not in ids:
            ids.append(qid)

    def general(self, reason: str) -> None:
        """Record something the format loses for every question."""
        if reason not in self._general:
            self._general.append(reason)

    def lines(self) -> list[str]:
        """One line per reason: what is lost, and in which questions (the first few named)."""
        out = [f"{self.format_name}: {reason}" for reason in self._general]
        for reason, ids in self._ids.items():
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            out.append(f"{self.format_name}: {reason} — {len(ids)} question{'s' * (len(ids) != 1)} ({shown})")
        return out


def strip_accents(text: str) -> str:
    """'Eisaku Satō' -> 'Eisaku Sato': Latin diacritics dropped, other scripts kept (as the grader folds them)."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.category(char) == "Mn" and kept and ord(kept[-1]) < 0x0370:
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def accepted_spellings(q: Any) -> list[str]:
    """Every spelling an exact-match tool should accept: answer, alternates, and their accent-free forms."""
    spellings: list[str] = []
    for text in [q.answer, *q.alternates]:
        for variant in (text, strip_accents(text)):
            if variant not in spellings:
                spellings.append(variant)
    return spellings


def escape_gift(text: str) -> str:
    """Escape GIFT's special characters and turn line breaks into `\\n`."""
    out = "".join(_GIFT_SPECIALS.get(char, char) for char in text)
    return out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def gift_choice_lines(q: Any, weights: dict[str, str]) -> str:
    """GIFT answer lines of a choice question, with each choice's feedback."""
    lines = []
    for choice in q.choices:
        line = f"\t{weights[choice]}{escape_gift(choice)}"
        if choice in q.choice_feedback:
            line += f"#{escape_gift(q.choice_feedback[choice])}"
        lines.append(line + "\n")
    return "".join(lines)


def gift_pairs(q: Any, pairs: list[tuple[str, str]], notes: Notes) -> str | None:
    """GIFT matching lines, or None when an item holds GIFT's '->' (noted)."""
    if any("->" in left or "->" in right for left, right in pairs):
        notes.add("an item contains '->', which GIFT matching cannot hold: question left out", q.id)
        return None
    return "".join(f"\t={escape_gift(left)} -> {escape_gift(right)}\n" for left, right in pairs)


def moodle_fraction(share: float) -> tuple[float, bool]:
    """The Moodle grade nearest to `share` (-1..1), and whether it is exact."""
    sign = -1.0 if share < 0 else 1.0
    best = min(MOODLE_FRACTIONS, key=lambda f: abs(f - abs(share)))
    return sign * best, abs(best - abs(share)) < 1e-5


def multiple_grades(q: Any, notes: Any) -> dict[str, float]:
    """Moodle's grade for each choice of a multiple question: right picks share +100%, wrong ones -100%
    (as the grader scores); a note when Moodle's grade list forces rounding."""
    right = [c for c in q.choices if c in q.answers]
    wrong = [c for c in q.choices if c not in q.answers]
    plus, exact_plus = moodle_fraction(1 / len(right))
    minus, exact_minus = moodle_fraction(-1 / len(wrong)) if wrong else (0.0, True)
    if not (exact_plus and exact_minus):
        notes.add("partial credit rounded to the nearest grade Moodle allows", q.id)
    return {c: plus if c in right else minus for c in q.choices}


def percent(fraction: float) -> str:
    """A Moodle grade as the percentage text Moodle writes: 1 -> '100', 1/3 -> '33.33333'."""
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def position_label(index: int) -> str:
    """The left-hand label of an order question exported as matching: position -> item."""
    return f"Position {index + 1}"


def xml_text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    """<tag attrs><text>text</text></tag> under parent."""
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = text
    return element


def para(text: str) -> str:
    """Bank text as one escaped HTML paragraph."""
    return f"<p>{escape(text)}</p>"


def xml_answer(parent: ET.Element, fraction: str, text: str, feedback: str = "", *, fmt: str = "html") -> ET.Element:
    """A Moodle <answer> with its grade and feedback."""
    answer = ET.SubElement(parent, "answer", fraction=fraction, format=fmt)
    ET.SubElement(answer, "text").text = text
    xml_text(answer, "feedback", feedback, format="html")
    return answer


def moodle_matching(element: ET.Element, pairs: Iterable[tuple[str, str]]) -> None:
    """Moodle matching subquestions."""
    ET.SubElement(element, "shuffleanswers").text = "true"
    for left, right in pairs:
        sub = xml_text(element, "subquestion", para(left), format="html")
        answer = ET.SubElement(sub, "answer")
        ET.SubElement(answer, "text").text = right


def html_list(items: Iterable[str]) -> str:
    """An escaped HTML bullet list."""
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def stable_shuffle(items: list[str], seed: str) -> list[str]:
    """Items in a stable shuffled order that is never the answer itself (when there is another)."""
    rng = random.Random(f"anki:{seed}")
    out = list(items)
    for _ in range(20):
        rng.shuffle(out)
        if out != items:
            break
    return out


def choice_inputs(kind: str, q: Any, labels: list[tuple[str, str]], pid: str) -> str:
    """Radio buttons or checkboxes of the static HTML page."""
    name = f"a-{q.id}"
    rows = "".join(
        f'<label class="jkq-option"><input type="{kind}" name="{name}" value="{escape(value, quote=True)}"> {escape(label)}</label>'
        for value, label in labels
    )
    return f'<fieldset aria-labelledby="{pid}">{rows}</fieldset>'


def typed_input(q: Any, hint: str, mode: str) -> str:
    """The text box of the static HTML page, with the unit after it."""
    unit = getattr(q, "unit", None)
    after = f" <span>{escape(unit)}</span>" if unit else ""
    label = escape(_("Your answer"))
    return (f'<p><label class="jkq-sr" for="in-{escape(q.id)}">{label}</label>'
            f'<input type="text" id="in-{escape(q.id)}" placeholder="{escape(_(hint), quote=True)}" inputmode="{mode}">'
            f"{after}</p>")


def quiz_html(text: str) -> str:
    """Bank text made safe for jupyterquiz: HTML-escaped, with no LaTeX or Markdown-link triggers."""
    return escape(text).replace("$", "&#36;").replace("[", "&#91;").replace("]", "&#93;")


TRY_AGAIN = "Not quite — try again."
