"""The course's table of contents: lessons() read from the built notebooks (no Jupyter imports)."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from jkquiz.datafiles import data_dir

NOTEBOOK_NAME = re.compile(r"^(\d\d)-([a-z0-9][a-z0-9-]*)\.ipynb$")
READING = re.compile(r"\*\*Reading time:?\*\*:?\s*(?:about\s+)?(\d+)\s*min", re.IGNORECASE)
QUESTIONS_HEAD = re.compile(r"^\*\*Questions this lesson answers:?\*\*", re.IGNORECASE)
OBJECTIVES_HEAD = re.compile(r"^\*\*Learning objectives:?\*\*", re.IGNORECASE)


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


def parse_header(markdown: str) -> Header:
    """Title, questions, objectives and reading time from a lesson's opening Markdown."""
    title, minutes = "", None
    questions: list[str] = []
    objectives: list[str] = []
    current: list[str] | None = None
    for line in markdown.splitlines():
        text = line.strip()
        if text.startswith("# ") and not title:
            title, current = text[2:].strip(), None
        elif QUESTIONS_HEAD.match(text):
            current = questions
        elif OBJECTIVES_HEAD.match(text):
            current = objectives
        elif READING.search(text):
            minutes, current = int(READING.search(text).group(1)), None  # type: ignore[union-attr]  # the elif matched
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
