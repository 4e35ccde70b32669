"""The course's table of contents: lessons() read from the built notebooks (no Jupyter imports)."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from jkquiz.datafiles import data_dir

NOTEBOOK_NAME = re.compile(r"^(\d\d)-([a-z0-9][a-z0-9-]*)\.ipynb$")


@dataclass(frozen=True)
class LeadIns:
    """How a lesson's opening names its parts in one language (notebooks/src/<lang>/ uses its own)."""

    questions: str  # the bold line above the list of questions the lesson answers
    objectives: str  # the bold line above the objectives
    reading: str  # the reading time, as a writer types it (N stands for the minutes)
    key_points: str  # the heading of the closing section
    reading_pattern: str  # a regex finding the reading time; group 1 is the minutes


LEAD_INS = {
    "en": LeadIns("**Questions this lesson answers**", "**Learning objectives**", "**Reading time:** about N minutes",
                  "## Key points", r"\*\*Reading time:?\*\*:?\s*(?:about\s+)?(\d+)\s*min"),
    "ko": LeadIns("**이 단원에서 답하는 질문**", "**학습 목표**", "**읽는 시간:** 약 N분", "## 핵심 정리",
                  r"\*\*읽는\s*시간:?\*\*:?\s*(?:약\s*)?(\d+)\s*분"),
    "ja": LeadIns("**この課で答える問い**", "**学習目標**", "**読む時間:** 約N分", "## 要点",
                  r"\*\*読む時間[:：]?\*\*[:：]?\s*(?:約\s*)?(\d+)\s*分"),
}


def _heads(lang: str | None, part: str) -> re.Pattern[str]:
    """The lead-in `part` of `lang` (of every language when None) as a regex matching a line's start."""
    chosen = [LEAD_INS[lang]] if lang else list(LEAD_INS.values())
    if part == "reading":
        return re.compile("|".join(f"(?:{c.reading_pattern})" for c in chosen), re.IGNORECASE)
    words = [re.escape(getattr(c, part).strip("*")) for c in chosen]
    return re.compile(rf"^\*\*(?:{'|'.join(words)})[:：]?\*\*", re.IGNORECASE)


def key_points_heading(text: str, lang: str | None = None) -> bool:
    """Whether `text` opens with the key points heading (of `lang`, or of any language)."""
    chosen = [LEAD_INS[lang]] if lang else list(LEAD_INS.values())
    words = "|".join(re.escape(c.key_points[3:]) for c in chosen)
    return re.match(rf"^##\s+(?:{words})(?!\w)", text.lstrip(), re.IGNORECASE) is not None


READING = _heads(None, "reading")
QUESTIONS_HEAD = _heads(None, "questions")
OBJECTIVES_HEAD = _heads(None, "objectives")


@dataclass(frozen=True)
class Header:
    """What a lesson's first cell says: title, questions answered, objectives, reading time."""

    title: str
    questions: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    reading_minutes: int | None = None


@dataclass(frozen=True)
class Lesson:
    """One notebook of the course, as a contents page lists it."""

    number: int
    slug: str
    path: Path
    title: str
    kind: str  # "start", "lesson", "review" or "final"
    topic: str | None  # the bank topic a lesson teaches (None for the other pages)
    questions: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    reading_minutes: int | None = None

    @property
    def name(self) -> str:
        """The notebook's file name, e.g. '03-territory.ipynb'."""
        return self.path.name


def notebooks_dir() -> Path:
    """The course notebooks: $JKQUIZ_NOTEBOOKS, the copy in the wheel, or the checkout's notebooks/."""
    return data_dir("JKQUIZ_NOTEBOOKS", "notebooks", "notebooks")


def parse_header(markdown: str, lang: str | None = None) -> Header:
    """Title, questions, objectives and reading time from a lesson's opening Markdown, written with the
    lead-ins of `lang` (of any language when None)."""
    questions_head, objectives_head, reading = (
        (QUESTIONS_HEAD, OBJECTIVES_HEAD, READING) if lang is None
        else (_heads(lang, "questions"), _heads(lang, "objectives"), _heads(lang, "reading")))
    title, minutes = "", None
    questions: list[str] = []
    objectives: list[str] = []
    current: list[str] | None = None
    for line in markdown.splitlines():
        text = line.strip()
        if text.startswith("# ") and not title:
            title, current = text[2:].strip(), None
        elif questions_head.match(text):
            current = questions
        elif objectives_head.match(text):
            current = objectives
        elif found := reading.search(text):
            minutes, current = int(next(g for g in found.groups() if g)), None
        elif text[:2] in ("- ", "* ") and current is not None:
            current.append(text[2:].strip())
        elif text and current is not None and current:
            current = None  # a paragraph ends the list
    return Header(title, questions, objectives, minutes)


def read_lesson(path: Path) -> Lesson:
    """A Lesson from one built notebook (its `jkquiz` metadata and its title cell)."""
    match = NOTEBOOK_NAME.match(path.name)
    if match is None:
        raise ValueError(f"{path.name} is not named NN-slug.ipynb")
    notebook = json.loads(path.read_text(encoding="utf-8"))
    meta = notebook.get("metadata", {}).get("jkquiz", {})
    header = Header("")
    for cell in notebook.get("cells", []):
        source = "".join(cell.get("source", ""))
        if cell.get("cell_type") == "markdown" and source.lstrip().startswith("# "):
            header = parse_header(source)
            break
    return Lesson(
        number=int(match.group(1)),
        slug=match.group(2),
        path=path,
        title=header.title or match.group(2).replace("-", " ").capitalize(),
        kind=meta.get("kind", "lesson"),
        topic=meta.get("topic"),
        questions=header.questions,
        objectives=header.objectives,
        reading_minutes=header.reading_minutes,
    )


def lessons(folder: str | os.PathLike[str] | None = None) -> list[Lesson]:
    """Every notebook of the course in order: 00-start-here, the lessons, 10-review, 11-final-quiz."""
    root = Path(folder) if folder is not None else notebooks_dir()
    return [read_lesson(p) for p in sorted(root.glob("*.ipynb")) if NOTEBOOK_NAME.match(p.name)]


def without_outputs(notebook: dict) -> dict:
    """The notebook (changed in place) with no code outputs, execution counts or stored widget state:
    what a server runs afresh, and what a click test opens (stored widgets would race with Run All)."""
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
    notebook.setdefault("metadata", {}).pop("widgets", None)
    return notebook


def copy_without_outputs(source: Path, target: Path) -> Path:
    """Copy a notebooks folder (not its Markdown sources or hidden files), every notebook without outputs."""
    import shutil

    shutil.copytree(source, target, ignore=shutil.ignore_patterns("src", ".*", "__pycache__"))
    for path in target.glob("*.ipynb"):
        notebook = without_outputs(json.loads(path.read_text(encoding="utf-8")))
        path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
    return target
