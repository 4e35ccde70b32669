"""Static HTML export: one self-contained page per topic that runs the quiz in plain JavaScript.

No kernel and no network: the stylesheet and script are inlined (static/quiz.css, quiz.js),
a Content-Security-Policy forbids loading anything, bank text is HTML-escaped here and
reaches the page's feedback only through textContent. The script grades as
jkquiz.engine.grade does (the tests compare the two on the same answers).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QuestionBase
from jkquiz.engine.grade import answer_text
from jkquiz.engine.select import lay_out
from jkquiz.interop.common import ExportResult, Notes, by_topic, sources_of
from jkquiz.types import get_type

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")


def export_html(bank: Bank, questions: Iterable[QuestionBase]) -> ExportResult:
    """One page per topic (named like its bank file), plus index.html when there are several."""
    notes = Notes("HTML")
    pages: dict[str, bytes] = {}
    count = 0
    for topic_id, group in by_topic(questions).items():
        pages[page_name(bank, topic_id)] = topic_page(bank, topic_id, group).encode("utf-8")
        count += len(group)
    if len(pages) > 1:
        pages["index.html"] = index_page(bank, list(pages)).encode("utf-8")
    return ExportResult(count=count, warnings=notes.lines(), pages=pages)


def page_name(bank: Bank, topic_id: str) -> str:
    """'03-territory.html' for the topic of data/bank/03-territory.yaml."""
    file = bank.files.get(topic_id)
    return (Path(file).stem if file else topic_id) + ".html"


def _asset(name: str) -> str:
    return resources.files("jkquiz.interop").joinpath("static", name).read_text(encoding="utf-8")


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its <script> element early or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _document(title: str, body: str, script: str = "") -> str:
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{_asset('quiz.css')}</style>\n</head>\n<body>\n"
        f'<main class="jkq-page">\n{body}\n</main>\n{script}</body>\n</html>\n'
    )


def topic_page(bank: Bank, topic_id: str, questions: list[QuestionBase]) -> str:
    """The quiz page of one topic."""
    topic = bank.topics.get(topic_id)
    title = topic.title if topic else topic_id
    head = [f"<h1>{escape(title)}</h1>"]
    if topic and topic.summary:
        head.append(f'<p class="jkq-summary">{escape(topic.summary)}</p>')
    head.append('<p id="jkq-score" role="status" aria-live="polite"></p>')
    data: dict[str, Any] = {"topic": topic_id, "questions": {}}
    cards = []
    for number, q in enumerate(questions, 1):
        options = list(lay_out(q, random.Random(f"html:{q.id}")).options)
        data["questions"][q.id] = question_data(bank, q, options)
        cards.append(card_html(q, number, options))
    body = ("<header>" + "".join(head) + "</header>\n"
            f'<ol class="jkq-questions">\n{"".join(cards)}</ol>\n'
            '<p class="jkq-foot"><button type="button" id="jkq-again">Start again</button> '
            "Made with jkquiz from a bank of cited facts.</p>")
    script = (f'<script type="application/json" id="jkq-data">{_json_for_script(data)}</script>\n'
              f"<script>\n{_asset('quiz.js')}</script>\n")
    return _document(f"{title} — quiz", body, script)


def index_page(bank: Bank, names: list[str]) -> str:
    """A table of contents linking every topic page."""
    by_name = {page_name(bank, t): t for t in bank.topics}
    items = "".join(
        f'<li><a href="{escape(name, quote=True)}">{escape(bank.topics[by_name[name]].title)}</a></li>'
        for name in names if name in by_name
    )
    return _document("Japan–South Korea relations — quizzes",
                     f'<h1>Japan–South Korea relations: quizzes</h1>\n<ul class="jkq-toc">{items}</ul>')


def question_data(bank: Bank, q: QuestionBase, options: list[str]) -> dict[str, Any]:
    """What the script needs to grade and explain one question."""
    hook = get_type(q.type).html_data
    data: dict[str, Any] = {"type": q.type, "options": options, **(hook(q) if hook else {})}
    sides = [[f.perspectives.japan or "", f.perspectives.korea or ""]
             for f in bank.facts_of(q) if f.contested and f.perspectives is not None]
    data["feedback"] = {
        "answer": answer_text(q),
        "explanation": q.explanation,
        "perspectives": sides,
        "sources": [{"title": t, "url": u, "quote": qu} for t, u, qu in sources_of(bank, q)],
        "choice_feedback": dict(getattr(q, "choice_feedback", {}) or {}),
    }
    return data


def card_html(q: QuestionBase, number: int, options: list[str]) -> str:
    """One question's form: prompt, input for its type, Check button, feedback area."""
    pid = f"p-{q.id}"
    prompt = f'<p class="jkq-prompt" id="{pid}"><span class="jkq-number">{number}.</span>{escape(q.prompt)}</p>'
    hook = get_type(q.type).html_input
    field = hook(q, options, pid) if hook else ""
    return (
        f'<li class="jkq-card" id="{escape(q.id)}" data-qid="{escape(q.id)}">'
        f'<form autocomplete="off" aria-labelledby="{pid}">{prompt}{field}'
        '<button type="submit" class="jkq-check">Check</button>'
        '<div class="jkq-feedback" role="status" aria-live="polite" tabindex="-1"></div>'
        "</form></li>\n"
    )
