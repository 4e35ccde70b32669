"""GIFT import: questions from a GIFT file appended to a topic's bank file, each needing a fact link.

Every imported question rests on `--fact` when given, otherwise on the placeholder fact
`todo-link-a-fact`, which `jkquiz validate` flags until the instructor links a real fact.
A file with syntax errors imports nothing; unsupported questions are skipped; every
skip and every loss is reported with its line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from jkquiz.bank.bank import Bank
from jkquiz.bank.edit import (
    EXPLANATION_PLACEHOLDER,
    FACT_PLACEHOLDER,
    EditError,
    add_items,
    same_content_key,
    suggest_id,
    topic_file,
    validate_item,
)
from jkquiz.bank.load import inspect_bank
from jkquiz.bank.messages import suggest
from jkquiz.errors import JkquizError
from jkquiz.interop.gift_read import GiftItem, read_gift
from jkquiz.text import normalize

IMPORTED_TAG = "imported"


class UnknownFactError(JkquizError):
    """The fact given to link imported questions to does not exist."""


class GiftSyntaxError(JkquizError):
    """The GIFT file has syntax errors; `errors` lists (line, message); nothing was imported."""

    def __init__(self, file: str, errors: list[tuple[int, str]]) -> None:
        self.file, self.errors = file, errors
        super().__init__(f"{file}:{errors[0][0]}: {errors[0][1]}" + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""))


@dataclass
class ImportReport:
    """What an import did: ids added (with their lines), items skipped and losses noted, each with a line."""

    file: str = ""
    added: list[tuple[int, str]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)


def slug(text: str) -> str:
    """A bank id from a name: 'Q1: Dokdo name' -> 'q1-dokdo-name'."""
    return re.sub(r"[^a-z0-9]+", "-", normalize(text))[:60].strip("-")


def import_gift(text: str, topic: str, *, source: str = "GIFT file", fact: str | None = None, difficulty: int = 2,
                bank: str | os.PathLike[str] | None = None, dry_run: bool = False) -> ImportReport:
    """Read GIFT text and append its questions to `topic`; raise GiftSyntaxError (nothing written) on bad GIFT."""
    reading = read_gift(text)
    if reading.errors:
        raise GiftSyntaxError(source, reading.errors)
    result = inspect_bank(bank)
    loaded = result.bank
    report = ImportReport(file=str(topic_file(loaded, result.locations, topic)), skipped=list(reading.skipped))
    if fact is not None and fact not in loaded.facts:
        raise UnknownFactError(f"no fact '{fact}'{suggest(fact, list(loaded.facts))}")
    items: dict[str, tuple[GiftItem, dict[str, Any]]] = {}
    known = {same_content_key(q): f"already in the bank as '{q.id}'" for q in loaded.iter_authored()}
    for item in reading.items:
        data = _bank_question(loaded, topic, item, fact, difficulty, items)
        reason = _refusal(data, known)
        if reason:
            report.skipped.append((item.line, reason))
            continue
        items[data["id"]] = (item, data)
        report.notes.extend((item.line, note) for note in item.notes)
    for _attempt in range(3):  # a question the bank checks refuse is skipped, the rest go in
        if not items or dry_run:
            break
        try:
            add_items(topic, "questions", [d for _, d in items.values()], bank=bank, allow_placeholder_fact=fact is None,
                      loaded=result)  # nothing is written when an attempt is refused: the bank read once serves each
            break
        except EditError as exc:
            refused = {p.id: p.message for p in exc.problems if p.id in items}
            if not refused:
                raise
            for qid, message in refused.items():
                report.skipped.append((items.pop(qid)[0].line, f"{qid}: {message}"))
    report.added = [(item.line, qid) for qid, (item, _) in items.items()]
    report.skipped.sort()
    return report


def _bank_question(bank: Bank, topic: str, item: GiftItem, fact: str | None, difficulty: int,
                   taken: dict[str, Any]) -> dict[str, Any]:
    data = dict(item.data)
    qid = slug(item.idnumber) or slug(item.name)
    if not qid or qid in bank.questions or qid in bank.facts or qid in taken:
        qid = suggest_id(bank, topic, data["prompt"])  # a taken id means another question: name it afresh
        base, n = qid, 2
        while qid in taken:
            qid, n = f"{base}-{n}", n + 1
    if not data.get("explanation"):
        data["explanation"] = EXPLANATION_PLACEHOLDER
        item.notes.append("no general feedback (####): the explanation is a TODO to write")
    tags = [t for t in (slug(t) for t in item.tags) if t]
    data.update(id=qid, facts=[fact or FACT_PLACEHOLDER], difficulty=difficulty,
                tags=list(dict.fromkeys([*tags, IMPORTED_TAG])))
    return {k: v for k, v in data.items() if v not in (None, [], {}, "")}


def _refusal(data: dict[str, Any], known: dict[str, str]) -> str:
    """Why a question cannot go in ('' when it can): invalid, or already in the bank or the file."""
    try:
        model = validate_item("questions", data)
    except EditError as exc:
        return "; ".join(p.message for p in exc.problems)
    key = same_content_key(model)
    if key in known:
        return known[key]
    known[key] = f"the same question appears earlier in the file ('{data['id']}')"
    return ""
