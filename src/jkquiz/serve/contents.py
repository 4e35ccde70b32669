"""The course contents page: each lesson's title, objectives, reading time and the learner's score so far."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

from jkquiz.serve.paths import notebooks_dir


@dataclass(frozen=True)
class Entry:
    """One line of the contents: a notebook and what a learner should know before opening it."""

    notebook: str
    title: str
    objectives: tuple[str, ...] = ()
    minutes: int | None = None
    topic: str | None = None


@dataclass(frozen=True)
class Score:
    """The learner's record on a topic so far: questions answered, right at the last answer, in the bank."""

    right: int
    answered: int
    questions: int = 0

    def __str__(self) -> str:
        if not self.answered:
            return "not started"
        tried = f" ({self.answered} of {self.questions} questions tried)" if self.questions else ""
        return f"{self.right} of {self.answered} answer{'s' * (self.answered != 1)} right{tried}"


def read_entries(folder: Path) -> list[Entry]:
    """The course's notebooks in `folder`, in order, as contents entries (from jkquiz.course)."""
    from jkquiz.course import lessons

    return [Entry(notebook=lesson.name, title=lesson.title, objectives=tuple(lesson.objectives),
                  minutes=lesson.reading_minutes, topic=lesson.topic) for lesson in lessons(folder)]


def learner_scores() -> dict[str, Score]:
    """The learner's score per topic, read afresh from the progress store."""
    from jkquiz.study import overview

    return {row.topic: Score(row.correct, row.answered, row.questions) for row in overview().rows}


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


def contents_html(entries: Sequence[Entry], scores: Mapping[str, Score]) -> str:
    """The contents as HTML: one linked entry per lesson; every text escaped."""
    items = []
    for lesson in entries:
        meta = [f"About {lesson.minutes} minutes" if lesson.minutes else ""]
        if lesson.topic:
            score = scores.get(lesson.topic, Score(0, 0))
            css = "jkq-score-done" if score.answered else "jkq-score"
            meta.append(f'Your score so far: <span class="{css}">{escape(str(score))}</span>')
        objectives = "".join(f"<li>{escape(o)}</li>" for o in lesson.objectives)
        items.append(
            '<li class="jkq-lesson">'
            f'<h2><a href="{escape(quote(lesson.notebook))}" target="_self">{escape(lesson.title)}</a></h2>'
            f'<p class="jkq-meta">{" · ".join(m for m in meta if m)}</p>'
            + (f"<p>After this lesson you can:</p><ul>{objectives}</ul>" if objectives else "")
            + "</li>"
        )
    return f'{STYLE}<nav class="jkq-contents" aria-label="Lessons"><ol>{"".join(items)}</ol></nav>'


class ContentsPage:
    """The contents page; a notebook shows it as HTML."""

    def __init__(self, entries: Sequence[Entry], scores: Mapping[str, Score]) -> None:
        self.entries, self.scores = list(entries), dict(scores)

    def _repr_html_(self) -> str:
        return contents_html(self.entries, self.scores)

    def __repr__(self) -> str:
        return f"<jkquiz contents: {len(self.entries)} notebook(s)>"


def contents(folder: str | Path | None = None) -> ContentsPage:
    """The course contents with the learner's scores; the lessons next to this notebook by default."""
    here = Path.cwd()
    chosen = Path(folder) if folder else here if any(here.glob("[0-9][0-9]-*.ipynb")) else notebooks_dir()
    return ContentsPage(read_entries(chosen), learner_scores())
