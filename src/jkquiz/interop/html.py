"""Static HTML export: one self-contained page per topic that runs the quiz in plain JavaScript.

No kernel and no network: the stylesheet and script are inlined (the course's jkquiz/static/jkquiz.css; static/quiz.js),
a Content-Security-Policy forbids loading anything, bank text is HTML-escaped (the pages are Jinja2
templates in interop/templates, autoescaped) and reaches the page's feedback only through textContent. The script grades as
jkquiz.engine.grade does (the tests compare the two on the same answers).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase
from jkquiz.engine.explain import explain
from jkquiz.engine.select import lay_out
from jkquiz.fonts import embedded_css
from jkquiz.i18n import N_, _, get_language
from jkquiz.interop.common import ExportResult, Notes, by_topic
from jkquiz.templates import render, stylesheet
from jkquiz.types import get_type

# What the page's script says (static/quiz.js), translated into the page's language when it is written
SCRIPT_MESSAGES = (
    N_("✔ Correct."), N_("◐ Partly right."), N_("✘ Not quite."), N_("ℹ Not checked yet."),
    N_("Choose an answer first."), N_("'{response}' is not one of the choices."), N_("Select at least one choice."),
    N_("{hits} of {right} right choices selected, {wrong} wrong."), N_("{hits} of {right} right choices selected."),
    N_("Choose True or False first."), N_("Type a number first."),
    N_("'{response}' is not a number. Please type digits only, for example 42."),
    N_("{number} is too high."), N_("{number} is too low."), N_("Type an answer first."),
    N_("Accepted; correct spelling: {answer}"), N_("Place every item exactly once."), N_("Match every item first."),
    N_("Answer:"), N_("Japan's government"), N_("South Korea's government"), N_("Source"), N_("Sources"),
    N_("✔ right"), N_("✘ wrong"), N_("{answered} of {total} answered · {points} point"),
    N_("{answered} of {total} answered · {points} points"),
)

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:; "
       "base-uri 'none'; form-action 'none'")


def export_html(bank: Bank, questions: Iterable[QuestionBase], *, files: Mapping[str, str] | None = None) -> ExportResult:
    """One page per topic (named like its bank file, from `files`: the loader's Locations.files), plus index.html."""
    notes = Notes("HTML")
    pages: dict[str, bytes] = {}
    count = 0
    for topic_id, group in by_topic(questions).items():
        pages[page_name(files or {}, topic_id)] = topic_page(bank, topic_id, group).encode("utf-8")
        count += len(group)
    if len(pages) > 1:
        pages["index.html"] = index_page(bank, list(pages), files or {}).encode("utf-8")
    return ExportResult(count=count, warnings=notes.lines(), pages=pages)


def page_name(files: Mapping[str, str], topic_id: str) -> str:
    """'03-territory.html' for the topic of data/bank/03-territory.yaml ('<topic id>.html' when its file is unknown)."""
    file = files.get(topic_id)
    return (Path(file).stem if file else topic_id) + ".html"


def _asset(name: str) -> str:
    return resources.files("jkquiz.interop").joinpath("static", name).read_text(encoding="utf-8")


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its <script> element early or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _page(template: str, title: str, **values: Any) -> str:
    """A whole page from interop/templates (autoescaped): the stylesheet inlined, nothing loaded from elsewhere.

    The course's CJK font is inlined too, only the faces (Hangul; Kana and Han) the page's text needs."""
    page = render("jkquiz.interop", template, title=title, csp=Markup(CSP), css=stylesheet(),
                  fonts="", **values)
    fonts = embedded_css(page)
    if not fonts:
        return page
    return render("jkquiz.interop", template, title=title, csp=Markup(CSP), css=stylesheet(),
                  fonts=Markup(fonts), **values)


def topic_page(bank: Bank, topic_id: str, questions: list[QuestionBase]) -> str:
    """The quiz page of one topic."""
    topic = bank.topics.get(topic_id)
    title = topic.title if topic else topic_id
    data: dict[str, Any] = {"topic": topic_id, "questions": {}, "lang": get_language(),
                            "messages": {message: _(message) for message in SCRIPT_MESSAGES}}
    cards = []
    for number, q in enumerate(questions, 1):
        options = list(lay_out(q, random.Random(f"html:{q.id}")).options)
        data["questions"][q.id] = question_data(bank, q, options)
        cards.append(card(q, number, options))
    return _page("topic.html.j2", _("{topic} — quiz").format(topic=title), topic_title=title, summary=topic.summary if topic else None,
                 cards=cards, data_json=Markup(_json_for_script(data)), script=Markup(_asset("quiz.js")))


def index_page(bank: Bank, names: list[str], files: Mapping[str, str]) -> str:
    """A table of contents linking every topic page."""
    by_name = {page_name(files, t): t for t in bank.topics}
    links = [{"href": name, "title": bank.topics[by_name[name]].title} for name in names if name in by_name]
    return _page("index.html.j2", _("Japan–South Korea relations — quizzes"), links=links)


def question_data(bank: Bank, q: QuestionBase, options: list[str]) -> dict[str, Any]:
    """What the script needs to grade and explain one question."""
    hook = get_type(q.type).html_data
    data: dict[str, Any] = {"type": q.type, "options": options, **(hook(q) if hook else {})}
    about = explain(bank, q)
    data["feedback"] = {
        "answer": about.answer,
        "explanation": about.explanation,
        "perspectives": [[side.japan, side.korea] for side in about.perspectives],
        "sources": [{"title": s.title, "url": s.url, "quote": s.quote} for s in about.sources],
        "choice_feedback": dict(about.choice_feedback),
    }
    return data


def card(q: QuestionBase, number: int, options: list[str]) -> dict[str, Any]:
    """What the page shows of one question: prompt, the input for its type (its type's hook), Check, feedback area."""
    hook = get_type(q.type).html_input
    pid = f"p-{q.id}"
    return {"qid": q.id, "pid": pid, "number": number, "prompt": q.prompt,
            "field": Markup(hook(q, options, pid) if hook else "")}
