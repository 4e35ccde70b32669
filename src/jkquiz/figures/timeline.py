"""timeline(topic): the topic's dated, labelled facts on a time axis, one row per event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jkquiz.bank import Bank, Fact
from jkquiz.figures.common import localizer, topic_facts
from jkquiz.i18n import _, get_language
from jkquiz.figures.render import COLOURS, INK, MUTED, FigureImage, drawable, finish, house_style, new_figure, wrap

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ROW = 0.3  # inches per line of label text


def timeline(topic: str, *, bank: Bank | None = None) -> FigureImage:
    """A timeline of the topic's facts that have a date (`when`) and a short `label`, oldest at the top.

    Alt text: "Timeline of N events, YEAR to YEAR:" then every event as "date: label".
    """
    title_topic, facts = topic_facts(topic, bank, lambda f: bool(f.when and f.label), "dated facts with a label")
    facts.sort(key=lambda f: (f.when or "", f.id))
    shown = localizer(bank)
    labels = {f.id: shown.label(f) or "" for f in facts}
    title = _("Timeline: {topic}").format(topic=title_topic)
    events = "; ".join(f"{display_date(f.when or '')}: {labels[f.id]}" for f in facts)
    alt = _("Timeline of {count} events, {first} to {last}: {events}.").format(
        count=len(facts), first=facts[0].year, last=facts[-1].year, events=events)
    with house_style():
        return finish(_draw(facts, title, labels), title, alt)


def _draw(facts: list[Fact], title: str, labels: dict[str, str]) -> Figure:
    """Rows top to bottom in date order; each label sits on the side of its dot that has more room."""
    years = [decimal_year(f.when or "") for f in facts]
    first, last = min(years), max(years)
    pad = max(2.0, (last - first) * 0.04)
    lo, hi = first - pad, last + pad
    texts, heights = [], []
    for fact, year in zip(facts, years):
        room = (hi - year) / (hi - lo) if _on_right(year, lo, hi) else (year - lo) / (hi - lo)
        width = max(24, int((room * 7.8 - 0.2) * 72 / 6.6))  # characters that fit at 10 pt in the room left
        text = wrap(f"{display_date(fact.when or '')}  {drawable(labels[fact.id])}", width)
        texts.append(text)
        heights.append(text.count("\n") + 1)
    total = sum(heights)
    figure = new_figure(height=1.4 + ROW * (total + 0.45 * len(facts)))
    ax = figure.add_axes((0.04, 0.9 / (figure.get_figheight()), 0.92, 1 - 1.45 / figure.get_figheight()))
    y, rows = 0.0, []
    for lines in heights:
        rows.append(y + lines / 2)
        y += lines + 0.45
    ax.set_ylim(y, -0.4)
    ax.set_xlim(lo, hi)
    for year, row, text in zip(years, rows, texts):
        ax.axhline(row, color="#DDDDDD", linewidth=0.6, zorder=0)
        ax.plot([year], [row], marker="o", markersize=8, color=COLOURS[0], zorder=3)
        right = _on_right(year, lo, hi)
        ax.annotate(text, (year, row), xytext=(9 if right else -9, 0), textcoords="offset points",
                    ha="left" if right else "right", va="center", fontsize=10, color=INK, linespacing=1.15)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlabel(_("Year"), color=MUTED)
    ax.grid(axis="x", color="#EEEEEE", linewidth=0.8)
    ax.set_axisbelow(True)
    figure.suptitle(title, x=0.04, ha="left", fontsize=14, fontweight="bold", color=INK)
    return figure


def _on_right(year: float, lo: float, hi: float) -> bool:
    """Labels go right of dots in the left 55% of the axis, left of the others."""
    return (year - lo) / (hi - lo) < 0.55


def decimal_year(when: str) -> float:
    """'1905-02-22' -> 1905.14...: the position of a partial date on the time axis."""
    parts = [int(p) for p in when.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 7  # a bare year sits mid-year
    day = parts[2] if len(parts) > 2 else 15
    return year + (month - 1) / 12 + (day - 1) / 365


DATES = {  # Korean and Japanese write a partial date the same way as a whole one, year first
    "ko": ("{y}년 {m}월 {d}일", "{y}년 {m}월", "{y}년"),
    "ja": ("{y}年{m}月{d}日", "{y}年{m}月", "{y}年"),
}


def display_date(when: str) -> str:
    """'1905-02-22' -> '22 Feb 1905'; '1905-02' -> 'Feb 1905'; '1905' -> '1905' (in Korean '1905년 2월 22일' ...)."""
    parts = when.split("-")
    forms = DATES.get(get_language())
    if forms is not None:
        numbers = dict(zip("ymd", (int(p) for p in parts)))
        return forms[3 - len(parts)].format(**numbers)
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]
