"""DashboardView: progress by topic as a chart (matplotlib, drawn offline to a PNG) and a table; Refresh re-reads."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from html import escape

import ipywidgets as w

from jkquiz.i18n import N_, _, format_number, ngettext
from jkquiz.progress import Overview, TopicProgress, due_phrase
from jkquiz.progress.current import DEFAULT_LEARNER
from jkquiz.widgets.review import warning_html
from jkquiz.widgets.style import stylesheet

COLORS = {"correct": "#1a7f37", "answered": "#d4a72c", "open": "#d0d7de"}  # told apart with colour blindness too
RECORD_FILE = "jkquiz-progress.jsonl"
COLUMNS = (N_("Topic"), N_("Questions"), N_("Answered"), N_("Right last time"), N_("Due now"), N_("Mastery"))
LEGEND = {"correct": N_("right last time"), "answered": N_("answered, not right yet"), "open": N_("not answered yet")}
NOTHING_ANSWERED = N_("Nothing answered yet. Your progress appears here as you answer the quizzes in the lessons; "
                    "it is saved as you go.")


class DashboardView(w.VBox):
    """Per-topic mastery: questions answered, right at the last answer, and due for review."""

    def __init__(self, load: Callable[[], Overview], record: Callable[[], str] | None = None) -> None:
        super().__init__()
        self.add_class("jkquiz")
        self.load, self.record = load, record
        self.summary, self.chart, self.table, self.download = w.HTML(), w.HTML(), w.HTML(), w.HTML()
        self.refresh_button = w.Button(description=_("Refresh"), tooltip=_("Read your progress again"))
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.children = [w.HTML(stylesheet()), self.summary, self.chart, self.table, self.download,
                         self.refresh_button]
        self.data = Overview("")
        self.refresh()

    def refresh(self) -> None:
        """Read the progress again and redraw."""
        self.data = data = self.load()
        self.summary.value = warning_html(data.warning) + summary_html(data)
        self.chart.value = chart_html(data.rows) if data.answered else ""
        self.table.value = table_html(data.rows)
        self.download.value = download_html(self.record()) if self.record and data.answered else ""

    def __repr__(self) -> str:
        """A stable text form (notebook outputs are compared run to run)."""
        answered = f"{self.data.answered} question(s) answered" if self.data.answered else "nothing answered yet"
        topics = len(self.data.rows)
        return f"<jkquiz dashboard: {topics} topic{'s' * (topics != 1)}, {answered}>"


def summary_html(data: Overview) -> str:
    """The headline: whose progress, how much is answered, what is due and when the next review is."""
    who = _("learner") if data.learner == DEFAULT_LEARNER else data.learner  # the unnamed learner, in their language
    saved = escape(_("saved as {learner}").format(learner=who))
    title = escape(_("Your progress"))
    head = f'<p class="jkq-head"><span class="jkq-title">{title}</span> · {saved}</p>'
    if not data.answered:
        return head + f'<p role="status">{escape(_(NOTHING_ANSWERED))}</p>'
    total = sum(r.questions for r in data.rows)
    correct = sum(r.correct for r in data.rows)
    if data.due:
        nxt = escape(ngettext("{count} question is due for review now: run {call}.",
                              "{count} questions are due for review now: run {call}.", data.due)
                     ).format(count=format_number(data.due), call="<code>jkquiz.review()</code>")
    elif data.next_due is not None and data.now is not None:
        nxt = escape(_("Your next review is due {when}.").format(when=due_phrase(data.next_due, data.now)))
    else:
        nxt = ""
    answered = _("You have answered {answered} of {total} questions;").format(
        answered=format_number(data.answered), total=format_number(total))
    if data.answered == 1:
        right = ngettext("{correct} was right the last time you answered it.",
                         "{correct} were right the last time you answered it.", correct)
    else:
        right = ngettext("{correct} was right the last time you answered them.",
                         "{correct} were right the last time you answered them.", correct)
    right = right.format(correct=format_number(correct))
    return head + f'<p role="status">{escape(answered)} {escape(right)} {nxt}</p>'.replace(" </p>", "</p>")


def download_html(record: str) -> str:
    """A link that saves the learner's record (a progress export) as a file; Refresh brings it up to date."""
    data = base64.b64encode(record.encode("utf-8")).decode("ascii")
    return (f'<p><a download="{RECORD_FILE}" href="data:application/x-ndjson;base64,{data}" '
            'style="color:#0550ae;text-decoration:underline;font-weight:600">' + escape(_("Download your record")) + "</a> "
            + escape(_("(a file your teacher can read with {command}; Refresh first to include your latest answers)"))
            .format(command="<code>jkquiz report</code>") + "</p>")


def table_html(rows: list[TopicProgress]) -> str:
    """The figures as a table (the chart's text equivalent); topic titles escaped."""
    body = "".join(
        f"<tr><th scope=\"row\">{escape(r.title)}</th><td>{format_number(r.questions)}</td>"
        f"<td>{format_number(r.answered)}</td><td>{format_number(r.correct)}</td><td>{format_number(r.due)}</td>"
        f"<td>{r.mastery}%</td></tr>"
        for r in rows
    )
    heads = "".join(f'<th scope="col">{escape(_(name))}</th>' for name in COLUMNS)
    caption = escape(_("Progress by topic"))
    return (f'<table class="jkq-results"><caption class="jkq-head">{caption}</caption>'
            f"<thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>")


def chart_html(rows: list[TopicProgress]) -> str:
    """The chart as an inline PNG with a text alternative (HTML bars where matplotlib is missing: the browser)."""
    try:
        png = base64.b64encode(chart_png(rows)).decode("ascii")
    except ImportError:
        return bars_html(rows)
    alt = _("Bar chart of progress by topic: {topics}").format(topics="; ".join(
        _("{topic}: {right} right, {tried} answered but not right, of {questions}").format(
            topic=r.title, right=r.correct, tried=r.answered - r.correct, questions=r.questions) for r in rows))
    return f'<img src="data:image/png;base64,{png}" alt="{escape(alt, quote=True)}" style="max-width:100%">'


def bars_html(rows: list[TopicProgress]) -> str:
    """The same stacked bars drawn in HTML (no matplotlib); the table below gives the figures in words."""
    widest = max((r.questions for r in rows), default=1) or 1
    lines = []
    for r in rows:
        parts = [(r.correct, "correct"), (r.answered - r.correct, "answered"), (r.questions - r.answered, "open")]
        bar = "".join(f'<span style="display:inline-block;height:14px;width:{60 * n / widest:.2f}%;'
                      f'background:{COLORS[kind]}"></span>' for n, kind in parts if n > 0)
        lines.append(f'<div style="display:flex;align-items:center;gap:8px;margin:2px 0">'
                     f'<span style="flex:0 0 35%;text-align:right">{escape(r.title)}</span>'
                     f'<span style="flex:1">{bar} {r.mastery}%</span></div>')
    legend = " · ".join(f'<span style="color:{COLORS[k]}">■</span> {escape(_(label))}' for k, label in LEGEND.items())
    return f'<div aria-hidden="true" style="max-width:760px">{"".join(lines)}<p>{legend}</p></div>'


def chart_png(rows: list[TopicProgress]) -> bytes:
    """Stacked horizontal bars per topic: right last time, answered but not right, not answered yet."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    titles = [r.title for r in rows][::-1]  # first topic on top
    right = [r.correct for r in rows][::-1]
    tried = [r.answered - r.correct for r in rows][::-1]
    rest = [r.questions - r.answered for r in rows][::-1]
    fig = Figure(figsize=(7.5, 0.42 * len(rows) + 1.2), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.barh(titles, right, color=COLORS["correct"], label=_(LEGEND["correct"]))
    ax.barh(titles, tried, left=right, color=COLORS["answered"], label=_(LEGEND["answered"]))
    ax.barh(titles, rest, left=[a + b for a, b in zip(right, tried)], color=COLORS["open"], label=_(LEGEND["open"]))
    for y, r in enumerate(rows[::-1]):
        due = " · " + _("{count} due").format(count=r.due) if r.due else ""
        ax.text(r.questions + 0.3, y, f"{r.mastery}%{due}", va="center", fontsize=9)
    ax.set_xlim(0, max((r.questions for r in rows), default=1) * 1.25 + 1)
    ax.set_xlabel(_("questions"))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False, fontsize=9)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png", metadata={"Software": None})  # no version stamp: same data, same bytes
    return out.getvalue()
