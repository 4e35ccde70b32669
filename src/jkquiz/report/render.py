"""The class report as text for a terminal, as CSV for a spreadsheet, or as JSON."""

from __future__ import annotations

import csv
import io
import json
import math
import textwrap
import unicodedata
from collections.abc import Iterator
from typing import Any, TextIO

from jkquiz.report.analysis import (
    EASY_ABOVE, HARD_BELOW, NEGATIVE, OLDER, ClassReport, ItemRow, LearnerRow,
)
from jkquiz.report.ondisk import Learners

TABLES = ("learners", "items")
NAME_WIDTH = 28  # longer learner names are cut with an ellipsis in the text table
SHORT_FLAGS = {NEGATIVE: "negative"}  # the text table's flag column stays narrow; its legend says what it means
DEFINITIONS = {
    "answers": "each learner's FIRST answer to each question; answers to an older wording of a question, or to a "
               "question no longer in the bank, are analysed apart and not counted in the scores",
    "score": "mean first-answer score of the questions answered (0 to 1; the text shows percent)",
    "facility": "mean first-answer score on the question, 0 (nobody right) to 1 (everybody right)",
    "discrimination": "corrected item-total correlation: Pearson's r between the score on the question and the "
                      "learner's mean score on their other questions (-1 to 1; empty with fewer than 3 learners or "
                      "when either side does not vary)",
    "flags": f"too easy: facility > {EASY_ABOVE}; too hard: facility < {HARD_BELOW}; discriminates negatively: "
             "discrimination < 0; only with at least MIN answers",
}


def sorted_learners(report: ClassReport, by: str = "name") -> Learners:
    """Learners by name, or by overall score (best first, those with no answers last; ties by name), read from
    disk a row at a time each time they are gone through."""
    return report.learners.sorted("score" if by == "score" else "name")


def render_text(report: ClassReport, *, width: int = 100, tables: tuple[str, ...] = TABLES, sort: str = "name") -> str:
    """The report as text that fits `width` columns (long ids and choices may still run over)."""
    out = io.StringIO()
    write_text(report, out, width=width, tables=tables, sort=sort)
    return out.getvalue()


def write_text(report: ClassReport, out: TextIO, *, width: int = 100, tables: tuple[str, ...] = TABLES,
               sort: str = "name") -> None:
    """The text report written line by line (a class of 100,000 is never one string in memory)."""
    out.write(_summary(report) + "\n\n")
    if "learners" in tables:
        for line in _learner_table(report, sorted_learners(report, sort), width):
            out.write(line + "\n")
        if "items" in tables:
            out.write("\n")
    if "items" in tables:
        lines = _item_tables(report, width)
        while lines and not lines[-1]:
            lines.pop()
        out.write("".join(line + "\n" for line in lines))


def _summary(report: ClassReport) -> str:
    skipped = f" ({_count(report.files_skipped, 'file')} skipped: see the messages above)" if report.files_skipped else ""
    return (f"Class report: {_count(len(report.learners), 'learner')}, {_count(report.answers, 'answer')} "
            f"read from {_count(report.files_read, 'file')}{skipped}.")


def _learner_table(report: ClassReport, rows: Learners, width: int) -> Iterator[str]:
    """The learners table's lines, one at a time (the rows gone through twice: the names' width, then the rows)."""
    name_w = max((_columns(_cut(printable(name), NAME_WIDTH)) for name in rows.names()), default=0)
    name_w = max(name_w, len("Learner"))
    head = f"{'Learner':<{name_w}}  Answered  Overall"
    labels = list(report.topics)
    if len(head) + sum(len(t) + 2 for t in labels) > width:  # too wide: number the topics, with a legend
        labels = [f"T{i}" for i in range(1, len(labels) + 1)]
    widths = [max(len(label), 4) for label in labels]
    yield "Scores (%) from each learner's first answer to each question, by topic:"
    yield head + "".join(f"  {label:>{w}}" for label, w in zip(labels, widths))
    for r in rows:
        name = _cut(printable(r.learner), NAME_WIDTH)
        cells = "".join(f"  {_percent(r.topics.get(t, (None, 0))[0]):>{w}}" for t, w in zip(report.topics, widths))
        yield f"{name}{' ' * (name_w - _columns(name))}  {r.answered:>8}  {_percent(r.overall):>7}" + cells
    if not len(rows):
        yield "(no learners)"
    if labels != report.topics:
        legend = ", ".join(f"{label} {t}" for label, t in zip(labels, report.topics))
        yield from textwrap.wrap("Topics: " + legend, width, subsequent_indent="  ")
    aside = rows.set_aside()
    if aside:
        yield from textwrap.wrap(f"Not counted: {_count(aside, 'first answer')} to an older wording or to a "
                                 "question no longer in the bank (the item analysis lists them apart).", width)


def _item_tables(report: ClassReport, width: int) -> list[str]:
    lines = textwrap.wrap(
        f"Item analysis of {_count(len(report.items), 'question')} (first answers only). Facility: mean score, "
        "0 to 1. Discr.: corrected item-total correlation, -1 to 1. Flags, with at least "
        f"{report.min_answers} answers: too easy (facility > {EASY_ABOVE}), too hard (< {HARD_BELOW}), "
        "negative (discriminates negatively: Discr. < 0). Picks: how many chose each choice.", width) + [""]
    lines += _item_rows(report.items, width)
    if report.older:
        lines += [""] + textwrap.wrap("Answers to an older wording of a question, or to a question no longer in the "
                                      "bank (analysed apart, never mixed with the above):", width) + [""]
        lines += _item_rows(report.older, width)
    return lines


def _item_rows(rows: list[ItemRow], width: int) -> list[str]:
    flags = [", ".join(SHORT_FLAGS.get(f, f) for f in r.flags) or ("" if r.version == "current" else r.version)
             for r in rows]
    fw = max([len(f) for f in flags] + [5])
    qw = max([len(r.question_id) for r in rows] + [8])
    tw = max([len(r.topic) for r in rows] + [5])
    lines = [f"{'Flags':<{fw}}  {'Question':<{qw}}  {'Topic':<{tw}}  {'Type':<10}  {'n':>5}  Facility  Discr."]
    for flag, r in zip(flags, rows):
        lines.append(f"{flag:<{fw}}  {r.question_id:<{qw}}  {r.topic:<{tw}}  {r.type:<10}  {r.answered:>5}  "
                     f"{r.facility:>8.2f}  {_decimal(r.discrimination):>6}")
        if r.picks:
            picks = " · ".join(f"{_cut(p.choice, 40)}{' (right)' * p.right} {p.count}" for p in r.picks)
            picks += f" · other {r.other_picks}" if r.other_picks else ""
            lines += textwrap.wrap("picks: " + picks, width, initial_indent="  ", subsequent_indent="    ")
    if not rows:
        lines.append("(no answers)")
    return lines


def render_csv(report: ClassReport, *, tables: tuple[str, ...] = TABLES, sort: str = "name") -> str:
    """The learners table, a blank line, then the items table (or just the one asked for)."""
    out = io.StringIO()
    write_csv(report, out, tables=tables, sort=sort)
    return out.getvalue()


def write_csv(report: ClassReport, out: TextIO, *, tables: tuple[str, ...] = TABLES, sort: str = "name") -> None:
    """The CSV report written row by row."""
    writer = csv.writer(out, lineterminator="\n")
    if "learners" in tables:
        writer.writerow(["learner", "files", "answered", "overall_percent", *report.topics, "not_counted"])
        for r in sorted_learners(report, sort):
            writer.writerow([r.learner, r.files, r.answered, _csv_percent(r.overall),
                             *(_csv_percent(r.topics.get(t, (None, 0))[0]) for t in report.topics), r.set_aside])
        if "items" in tables:
            out.write("\n")
    if "items" in tables:
        writer.writerow(["version", "question_id", "topic", "type", "content_hash", "answered", "facility",
                         "discrimination", "flags", "picks", "other_picks", "prompt"])
        writer.writerows([
            r.version, r.question_id, r.topic, r.type, r.content_hash, r.answered, f"{r.facility:.3f}",
            "" if r.discrimination is None else f"{r.discrimination:.3f}", "; ".join(r.flags),
            "; ".join(f"{p.choice}{' (right)' * p.right}: {p.count}" for p in r.picks), r.other_picks if r.picks else "",
            r.prompt] for r in report.items + report.older)


def render_json(report: ClassReport, *, tables: tuple[str, ...] = TABLES, sort: str = "name") -> str:
    """The report as one JSON object: summary, definitions, then the tables asked for."""
    out = io.StringIO()
    write_json(report, out, tables=tables, sort=sort)
    return out.getvalue()[:-1]  # as json.dumps gives it: no line break at the end


def write_json(report: ClassReport, out: TextIO, *, tables: tuple[str, ...] = TABLES, sort: str = "name") -> None:
    """The JSON object written a learner at a time: the same text as json.dumps(..., indent=1) of it whole."""
    data: dict[str, Any] = {
        "summary": {"learners": len(report.learners), "answers": report.answers, "files_read": report.files_read,
                    "files_skipped": report.files_skipped, "min_answers": report.min_answers},
        "definitions": {k: v.replace("MIN", str(report.min_answers)) for k, v in DEFINITIONS.items()},
        "problems": report.problems,
        "notes": report.notes,
    }
    if "learners" in tables:
        data["topics"] = {t: report.titles.get(t, t) for t in report.topics}
        data["learners"] = (_learner_json(r) for r in sorted_learners(report, sort))
    if "items" in tables:
        data["items"] = [_item_json(r) for r in report.items]
        data["older_versions"] = [_item_json(r) for r in report.older if r.version == OLDER]
        data["not_in_bank"] = [_item_json(r) for r in report.older if r.version != OLDER]
    out.write("{")
    for number, (key, value) in enumerate(data.items()):
        out.write(("," if number else "") + "\n " + json.dumps(key, ensure_ascii=False) + ": ")
        if isinstance(value, Iterator):  # a list written element by element, indented as json.dumps would
            opened = False
            for element in value:
                out.write(("," if opened else "[") + "\n  " + _dumps(element).replace("\n", "\n  "))
                opened = True
            out.write("\n ]" if opened else "[]")
        else:
            out.write(_dumps(value).replace("\n", "\n "))
    out.write("\n}" if data else "}")
    out.write("\n")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)  # a string's own line breaks are escaped: \\n


def _learner_json(r: LearnerRow) -> dict[str, Any]:
    return {"learner": r.learner, "files": r.files, "answered": r.answered, "overall": _round(r.overall),
            "topics": {t: {"score": _round(s), "answered": n} for t, (s, n) in r.topics.items()},
            "not_counted": r.set_aside}


def _item_json(r: ItemRow) -> dict[str, Any]:
    return {"question_id": r.question_id, "topic": r.topic, "type": r.type, "content_hash": r.content_hash,
            "prompt": r.prompt, "answered": r.answered, "facility": _round(r.facility),
            "discrimination": _round(r.discrimination), "flags": list(r.flags),
            "picks": [{"choice": p.choice, "right": p.right, "count": p.count} for p in r.picks],
            "other_picks": r.other_picks}


def _csv(rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'s' * (n != 1)}"


def printable(text: str) -> str:
    """Names come from files: no control characters (a terminal would obey escape codes)."""
    return "".join(c if c.isprintable() else "?" for c in text)


def _columns(text: str) -> int:
    """Columns a text takes in a terminal: Japanese and Korean characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, limit: int) -> str:
    """The text in at most `limit` terminal columns, an ellipsis marking a cut."""
    if _columns(text) <= limit:
        return text
    kept, used = [], 0
    for c in text:
        used += _columns(c)
        if used > limit - 1:
            break
        kept.append(c)
    return "".join(kept) + "…"


def _percent(value: float | None) -> str:
    return "–" if value is None else str(math.floor(100 * value + 0.5))  # half up: 62.5 -> 63, as people round


def _csv_percent(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}"


def _decimal(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
