"""chart(topic): the topic's statistic facts, one panel per unit, lines or grouped bars per series."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jkquiz.bank import Bank, Fact
from jkquiz.errors import QuizError
from jkquiz.figures.common import localizer, topic_facts
from jkquiz.i18n import _
from jkquiz.figures.render import (COLOURS, DASHES, INK, MARKERS, MUTED, FigureImage, drawable, finish, house_style,
                                   new_figure, source_note, wrap)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

PANEL = 3.0  # inches of plot per unit


@dataclass
class Panel:
    """The facts sharing one unit, and how to draw them."""

    unit: str
    facts: list[Fact]
    shown: dict[str, str]  # a series name, unit or label as written -> as the learner reads it

    def say(self, text: str) -> str:
        """`text` (a series name, unit or label) in the learner's language."""
        return self.shown.get(text, text)

    @property
    def series(self) -> list[str]:
        """Series names in first-seen order."""
        return list(dict.fromkeys(series_of(f) for f in self.facts))

    @property
    def years(self) -> list[int]:
        """The distinct years the values are as of, in order."""
        return sorted({year_of(f) for f in self.facts if year_of(f) is not None})  # type: ignore[misc]  # None filtered out, which mypy cannot see through the call

    @property
    def by_year(self) -> bool:
        """Years on the x axis when values span several years; otherwise one category per label."""
        return len(self.years) > 1

    @property
    def as_lines(self) -> bool:
        """Lines for trends (4+ years, a series with 3+ points); grouped bars for comparisons."""
        counts = [sum(1 for f in self.facts if series_of(f) == s) for s in self.series]
        return len(self.years) >= 4 and max(counts) >= 3


def chart(
    topic: str,
    *,
    series: str | Iterable[str] | None = None,
    units: str | Iterable[str] | None = None,
    bank: Bank | None = None,
) -> FigureImage:
    """A chart of the topic's statistics (`value`, `unit`, `series`, `as_of`): one panel per unit.

    `series` keeps only series whose name contains one of the given words; `units` keeps only
    those units. A unit with a single value is left out (one number is not a chart).
    Alt text: for each panel, the unit, then each series with its values ("2013: 31.1").
    """
    wanted_series = [series] if isinstance(series, str) else list(series or [])
    wanted_units = [units] if isinstance(units, str) else list(units or [])

    def keep(fact: Fact) -> bool:
        return (
            fact.kind == "statistic"
            and fact.value is not None
            and bool(fact.unit)
            and (not wanted_units or fact.unit in wanted_units)
            and (not wanted_series or any(w.casefold() in series_of(fact).casefold() for w in wanted_series))
        )

    topic_title, facts = topic_facts(topic, bank, keep, "statistics (facts with a value and a unit)")
    panels = [p for p in _panels(facts, _shown(facts, bank)) if len(p.facts) > 1]
    if not panels:
        raise QuizError(f"topic '{topic}' has no unit with more than one value to chart")
    title = _("In numbers: {topic}").format(topic=topic_title)
    alt = " ".join(_describe(p) for p in panels)
    with house_style():
        return finish(_draw(panels, title), title, alt)


def _shown(facts: list[Fact], bank: Bank | None) -> dict[str, str]:
    """Each fact's series, unit and label as written -> in the learner's language (a label missing: its statement)."""
    say = localizer(bank)
    if say.english:
        return {}
    shown: dict[str, str] = {}
    for fact in facts:
        for path, english in (("series", fact.series), ("unit", fact.unit), ("label", fact.label)):
            if english and english not in shown:
                text = say.fact_text(fact, path)
                if text:
                    shown[english] = text
        if not fact.label:
            shown.setdefault(first_sentence(fact.statement), first_sentence(say.statement(fact)))
    return shown


def series_of(fact: Fact) -> str:
    """The series a value belongs to ('' for values that name none)."""
    return fact.series or ""


def year_of(fact: Fact) -> int | None:
    """The year the value is as of (or dated)."""
    when = fact.as_of or fact.when
    return int(when[:4]) if when else None


def category_of(fact: Fact, panel: Panel) -> str:
    """The x category: the year, or the fact's label when all values share one year."""
    if panel.by_year:
        return str(year_of(fact))
    return fact.label or first_sentence(fact.statement)


def first_sentence(text: str, limit: int = 70) -> str:
    """A fact's first sentence, shortened: the category name of a value that has no `label`."""
    sentence = text.split(". ")[0].rstrip(".")
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def number(value: float) -> str:
    """589239 -> '589,239'; 37.4 -> '37.4'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def _panels(facts: list[Fact], shown: dict[str, str]) -> list[Panel]:
    units: dict[str, list[Fact]] = {}
    for fact in facts:
        units.setdefault(fact.unit or "", []).append(fact)
    return [Panel(unit, group, shown) for unit, group in units.items()]


def _describe(panel: Panel) -> str:
    kind = _("Line chart in {unit}") if panel.as_lines else _("Bar chart in {unit}")
    parts = []
    for name in panel.series:
        values = ", ".join(
            f"{panel.say(category_of(f, panel))}: {number(f.value or 0)}"
            for f in sorted((f for f in panel.facts if series_of(f) == name), key=lambda f: year_of(f) or 0)
        )
        parts.append(f"{panel.say(name)} ({values})" if name else values)
    return kind.format(unit=panel.say(panel.unit)) + ": " + "; ".join(parts) + "."


def _draw(panels: list[Panel], title: str) -> Figure:
    from matplotlib.ticker import FuncFormatter

    sources = source_note([s.title for p in panels for f in p.facts for s in f.sources])
    legend_lines = [sum(wrap(s, 70).count("\n") + 1 for s in p.series) if len(p.series) > 1 else 0 for p in panels]
    heights = [PANEL + 0.75 + 0.22 * lines for lines in legend_lines]
    foot = 0.3 + 0.17 * (sources.count("\n") + 1)
    figure = new_figure(height=0.45 + sum(heights) + foot)
    inch = 1 / figure.get_figheight()
    top = 1 - 0.45 * inch
    for panel, height, lines in zip(panels, heights, legend_lines):
        bottom = top - height * inch
        ax = figure.add_axes((0.11, bottom + (0.75 + 0.22 * lines) * inch, 0.85, (PANEL - 0.35) * inch))
        (_lines if panel.as_lines else _bars)(ax, panel)
        ax.set_ylabel(panel.say(panel.unit))
        ax.set_xlabel(_("Year") if panel.by_year else _("As of {year}").format(year=panel.years[0]) if panel.years else "")
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: number(v)))
        ax.grid(axis="y", color="#E6E6E6", linewidth=0.8)
        ax.set_axisbelow(True)
        if len(panel.series) == 1:
            ax.set_title(wrap(drawable(panel.say(panel.series[0])), 80), fontsize=11, loc="left", color=INK, fontweight="normal")
        else:
            ax.legend(loc="upper left", bbox_to_anchor=(0, -0.62 / (PANEL - 0.35)), ncol=1, fontsize=9.5)
        top = bottom
    figure.suptitle(title, x=0.1, ha="left", y=1 - 0.25 * inch, va="top", fontsize=14, fontweight="bold", color=INK)
    figure.text(0.02, 0.2 * inch, sources, fontsize=8, color=MUTED, ha="left", va="bottom", linespacing=1.3)
    return figure


def _lines(ax: Axes, panel: Panel) -> None:
    from matplotlib.ticker import MaxNLocator

    for i, name in enumerate(panel.series):
        points = sorted((year_of(f), f.value) for f in panel.facts if series_of(f) == name)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        k = i % len(COLOURS)
        ax.plot(xs, ys, color=COLOURS[k], marker=MARKERS[k], linestyle=DASHES[k], linewidth=2, markersize=6,  # type: ignore[arg-type]  # charted facts have a value (keep()); an undated one plots as a gap
                label=wrap(drawable(panel.say(name)), 70))
        for x, y in points[-1:]:
            ax.annotate(number(y), (x, y), xytext=(6, 0), textcoords="offset points", va="center",  # type: ignore[arg-type]  # ditto
                        fontsize=9, color=COLOURS[k])
    if panel.years[-1] - panel.years[0] <= 15:
        ax.set_xticks(panel.years)  # every survey year, when they cannot crowd each other
    else:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=8))
    ax.margins(x=0.06)


def _bars(ax: Axes, panel: Panel) -> None:
    categories = list(dict.fromkeys(category_of(f, panel) for f in sorted(panel.facts, key=lambda f: year_of(f) or 0)))
    names = panel.series
    width = 0.8 / len(names)
    values = {(series_of(f), category_of(f, panel)): f.value for f in panel.facts}
    for i, name in enumerate(names):
        k = i % len(COLOURS)
        xs, ys = [], []
        for c, cat in enumerate(categories):
            present = [n for n in names if (n, cat) in values]  # a category's bars are centred on its tick
            if name in present:
                xs.append(c + (present.index(name) - (len(present) - 1) / 2) * width)
                ys.append(values[(name, cat)])
        bars = ax.bar(xs, ys, width * 0.92, color=COLOURS[k], label=wrap(drawable(panel.say(name)), 70),  # type: ignore[arg-type]  # ditto
                      hatch=("", "//", "..", "xx", "\\\\", "++", "oo")[k], edgecolor="white", linewidth=0.5)
        ax.bar_label(bars, labels=[number(v or 0) for v in ys], padding=2, fontsize=9, color=INK)
    ax.set_xticks(range(len(categories)), [wrap(drawable(panel.say(c)), 28) for c in categories])
    ax.margins(y=0.12)
