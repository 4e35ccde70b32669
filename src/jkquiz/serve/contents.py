"""The course contents page: each lesson's title, objectives, reading time and the learner's score so far."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

from jkquiz.serve.paths import notebooks_dir

_MINUTES = re.compile(r"reading time[^0-9]{0,40}?(\d+)\s*min", re.IGNORECASE)
_HEADING = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Lesson:
    """One entry of the contents: a notebook and what the learner should know before opening it."""

    notebook: str
    title: str
    objectives: tuple[str, ...] = ()
    minutes: int | None = None
    topic: str | None = None


@dataclass(frozen=True)
class Score:
    """The learner's record on a topic so far."""

    right: int
    answered: int

    def __str__(self) -> str:
        if not self.answered:
            return "not started"
        return f"{self.right} of {self.answered} answers right ({round(100 * self.right / self.answered)}%)"


def _first_markdown(path: Path) -> str:
    """The first Markdown cell of a notebook ('' when it has none or cannot be read)."""
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return ""
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            return "".join(source) if isinstance(source, list) else str(source)
    return ""


def read_lessons(folder: Path) -> list[Lesson]:
    """The lessons in `folder`: title from the first heading, reading time, and the bank topic's objectives."""
    from jkquiz.api import course_bank

    topics = course_bank().topics
    lessons = []
    for path in sorted(folder.glob("[0-9][0-9]-*.ipynb")):
        intro = _first_markdown(path)
        heading = _HEADING.search(intro)
        minutes = _MINUTES.search(intro)
        topic = topics.get(path.stem[3:])
        title = heading.group(1) if heading else topic.title if topic else path.stem[3:].replace("-", " ").capitalize()
        lessons.append(Lesson(
            notebook=path.name,
            title=title,
            objectives=tuple(topic.objectives) if topic else (),
            minutes=int(minutes.group(1)) if minutes else None,
            topic=topic.id if topic else None,
        ))
    return lessons


def learner_scores() -> dict[str, Score]:
    """The learner's score per topic from the progress store ({} when there is no record yet)."""
    return {}


STYLE = """
<style>
.jkq-contents { max-width: 820px; font-size: 15px; line-height: 1.5; }
.jkq-contents ol { list-style: none; padding: 0; margin: 0; }
.jkq-contents li.jkq-lesson { border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 16px; margin: 10px 0; }
.jkq-contents h2 { font-size: 18px; margin: 0 0 4px 0; }
.jkq-contents h2 a { color: #0550ae; text-decoration: underline; }
.jkq-contents a:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.jkq-contents .jkq-meta { color: #444; font-size: 14px; margin: 0 0 4px 0; }
.jkq-contents .jkq-score-done { color: #1a5e2a; font-weight: 600; }
.jkq-contents ul { margin: 4px 0 0 0; padding-left: 20px; }
</style>
"""


def contents_html(lessons: Sequence[Lesson], scores: Mapping[str, Score]) -> str:
    """The contents as HTML: one linked entry per lesson; every text escaped."""
    items = []
    for lesson in lessons:
        meta = [f"About {lesson.minutes} minutes" if lesson.minutes else ""]
        if lesson.topic:
            score = scores.get(lesson.topic, Score(0, 0))
            css = "jkq-score-done" if score.answered else "jkq-score"
            meta.append(f'Your score so far: <span class="{css}">{escape(str(score))}</span>')
        objectives = "".join(f"<li>{escape(o)}</li>" for o in lesson.objectives)
        items.append(
            '<li class="jkq-lesson">'
            f'<h2><a href="{escape(quote(lesson.notebook))}">{escape(lesson.title)}</a></h2>'
            f'<p class="jkq-meta">{" · ".join(m for m in meta if m)}</p>'
            + (f"<p>After this lesson you can:</p><ul>{objectives}</ul>" if objectives else "")
            + "</li>"
        )
    return f'{STYLE}<nav class="jkq-contents" aria-label="Lessons"><ol>{"".join(items)}</ol></nav>'


class ContentsPage:
    """The contents page; a notebook shows it as HTML."""

    def __init__(self, lessons: Sequence[Lesson], scores: Mapping[str, Score]) -> None:
        self.lessons, self.scores = list(lessons), dict(scores)

    def _repr_html_(self) -> str:
        return contents_html(self.lessons, self.scores)

    def __repr__(self) -> str:
        return f"<jkquiz contents: {len(self.lessons)} lesson(s)>"


def contents(folder: str | Path | None = None) -> ContentsPage:
    """The course contents with the learner's scores; the lessons next to this notebook by default."""
    here = Path.cwd()
    chosen = Path(folder) if folder else here if any(here.glob("[0-9][0-9]-*.ipynb")) else notebooks_dir()
    return ContentsPage(read_lessons(chosen), learner_scores())
