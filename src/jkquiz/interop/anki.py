"""Anki export (.apkg via genanki): one note per question, the explanation and sources on the back.

Re-importing a newer export updates the notes instead of adding copies, and keeps every
learner's review history: note GUIDs come from the question ids, model and deck ids are
fixed numbers, and the timestamp is fixed by the bank files (their newest modification,
or SOURCE_DATE_EPOCH), so the same bank gives the same file and an edited bank a newer one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase
from jkquiz.engine.explain import explain
from jkquiz.interop.common import ExportResult, Notes, by_topic, explanation_html, sources_html
from jkquiz.types import get_type

MODEL_ID = 1_607_392_319  # fixed forever: a new id would make Anki treat every note as a new type
DECK_ROOT_ID = 2_059_400_110
DECK_NAME = "Japan–South Korea relations"
FIELDS = ["Id", "Topic", "Prompt", "Choices", "Answer", "Explanation", "Sources"]
CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; color: #1b1b1b; background: #fff; }
.jkq-topic { font-size: 13px; color: #555; } .jkq-answer { font-weight: 600; margin: 8px 0; }
.jkq-sources { font-size: 13px; color: #333; } .nightMode .card { color: #eee; background: #222; }"""
FRONT = '<div class="jkq-topic">{{Topic}}</div><div class="jkq-prompt">{{Prompt}}</div>{{Choices}}'
BACK = ('{{FrontSide}}<hr id="answer"><div class="jkq-answer">{{Answer}}</div>'
        '<div class="jkq-explanation">{{Explanation}}</div><div class="jkq-sources">{{Sources}}</div>')


def deck_id(topic_id: str) -> int:
    """A stable deck id per topic (Anki matches decks by id on re-import)."""
    import genanki

    return DECK_ROOT_ID + int(genanki.guid_for("jkquiz-deck", topic_id).encode().hex(), 16) % 1_000_000


def bank_timestamp(files: Mapping[str, str]) -> float:
    """SOURCE_DATE_EPOCH when set, else the newest modification time of the bank files (topic id -> file)."""
    override = os.environ.get("SOURCE_DATE_EPOCH")
    if override and override.isdigit():
        return float(override)
    times = [Path(f).stat().st_mtime for f in files.values() if Path(f).exists()]
    return float(int(max(times))) if times else 1_700_000_000.0


def export_anki(bank: Bank, questions: Iterable[QuestionBase], *, timestamp: float | None = None,
                files: Mapping[str, str] | None = None) -> ExportResult:
    """The questions as an .apkg: a deck per topic under one parent deck.

    Its time: `timestamp`, else that of the newest bank file in `files` (the loader's Locations.files)."""
    import genanki  # imported here: only the Anki export needs it

    notes = Notes("Anki")
    model = genanki.Model(
        MODEL_ID, "jkquiz question", fields=[{"name": f} for f in FIELDS],
        templates=[{"name": "Question", "qfmt": FRONT, "afmt": BACK}], css=CSS, sort_field_index=0,
    )
    decks, count = [], 0
    for topic_id, group in by_topic(questions).items():
        title = bank.topics[topic_id].title if topic_id in bank.topics else topic_id
        deck = genanki.Deck(deck_id(topic_id), f"{DECK_NAME}::{title}")
        for q in group:
            deck.add_note(genanki.Note(model=model, fields=note_fields(bank, q, notes), guid=genanki.guid_for("jkquiz", q.id),
                                       tags=list(dict.fromkeys([q.topic, f"difficulty-{q.difficulty}", *q.tags]))))
            count += 1
        decks.append(deck)
    if count:
        notes.general("cards are self-graded, so partial credit and typo tolerance do not apply")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(decks).write_to_file(str(path), timestamp=bank_timestamp(files or {}) if timestamp is None else timestamp)
        data = path.read_bytes()
    return ExportResult(data=data, count=count, warnings=notes.lines())


def note_fields(bank: Bank, q: QuestionBase, notes: Notes) -> list[str]:
    """The note's fields as HTML, every bank text escaped."""
    kind, about = get_type(q.type), explain(bank, q)
    choices = kind.anki_choices(q) if kind.anki_choices else ""
    answer = kind.anki_answer(q) if kind.anki_answer else escape(about.answer)
    explanation = explanation_html(bank, q)
    explanation += "".join(f"<p><em>{escape(c)}</em>: {escape(why)}</p>" for c, why in about.choice_feedback.items())
    sources = sources_html(bank, q)
    title = bank.topics[q.topic].title if q.topic in bank.topics else q.topic
    return [escape(q.id), escape(title), escape(q.prompt), choices, answer, explanation, sources]
