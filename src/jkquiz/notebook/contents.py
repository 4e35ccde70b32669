"""The course contents page: each lesson's title, objectives, reading time and the learner's score so far."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup

from jkquiz.course import notebooks_dir
from jkquiz.fonts import font_face_css
from jkquiz.i18n import _, format_number, ngettext
from jkquiz.i18n.switch import LanguageLink, language_links
from jkquiz.templates import render, stylesheet


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
            return _("not started")
        right = ngettext("{right} of {answered} answer right", "{right} of {answered} answers right", self.answered)
        text = right.format(right=format_number(self.right), answered=format_number(self.answered))
        if self.questions:
            text += " " + _("({answered} of {questions} questions tried)").format(
                answered=format_number(self.answered), questions=format_number(self.questions))
        return text


def read_entries(folder: Path) -> list[Entry]:
    """The course's notebooks in `folder`, in order, as contents entries (from jkquiz.course)."""
    from jkquiz.course import lessons

    return [Entry(notebook=lesson.name, title=lesson.title, objectives=tuple(lesson.objectives),
                  minutes=lesson.reading_minutes, topic=lesson.topic) for lesson in lessons(folder)]


def learner_scores() -> dict[str, Score]:
    """The learner's score per topic, read afresh from the progress store."""
    from jkquiz.notebook.study import overview

    return {row.topic: Score(row.correct, row.answered, row.questions) for row in overview().rows}


def contents_html(entries: Sequence[Entry], scores: Mapping[str, Score],
                  languages: Sequence[LanguageLink] = ()) -> str:
    """The contents as HTML (notebook/templates/contents.html.j2, autoescaped, with the course's stylesheet): one
    linked entry per lesson, and the language switch when the lessons exist in more than one language."""
    lessons = []
    for lesson in entries:
        score = scores.get(lesson.topic, Score(0, 0)) if lesson.topic else None
        lessons.append({
            "href": quote(lesson.notebook), "title": lesson.title, "minutes": lesson.minutes,
            "objectives": lesson.objectives, "score": str(score) if score else "",
            "css": "jkq-score-done" if score and score.answered else "jkq-score",
        })
    return render("jkquiz.notebook", "contents.html.j2", lessons=lessons, fonts=Markup(font_face_css()),
                  css=stylesheet(), languages=list(languages) if len(languages) > 1 else [])


class ContentsPage:
    """The contents page; a notebook shows it as HTML."""

    def __init__(self, entries: Sequence[Entry], scores: Mapping[str, Score],
                 languages: Sequence[LanguageLink] = ()) -> None:
        self.entries, self.scores, self.languages = list(entries), dict(scores), list(languages)

    def _repr_html_(self) -> str:
        return contents_html(self.entries, self.scores, self.languages)

    def __repr__(self) -> str:
        return f"<jkquiz contents: {len(self.entries)} notebook(s)>"


def contents(folder: str | Path | None = None) -> ContentsPage:
    """The course contents with the learner's scores; the lessons next to this notebook by default."""
    here = Path.cwd()
    chosen = Path(folder) if folder else here if any(here.glob("[0-9][0-9]-*.ipynb")) else notebooks_dir().resolve()
    return ContentsPage(read_entries(chosen), learner_scores(), language_links(chosen.resolve(), contents_page(chosen)))


def contents_page(folder: Path) -> str:
    """The page the switch links to in each language: this contents page's own notebook when it is one of the
    lessons' folder (the app's index), else the start page."""
    here = Path.cwd()
    if here.resolve() == folder.resolve() and (folder / "index.ipynb").is_file():
        return "index.ipynb"
    return "00-start-here.ipynb"
