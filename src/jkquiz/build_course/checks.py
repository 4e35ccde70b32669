"""Checks of a page's source before it is built: each a small function, run from one list.

Each check returns (errors, warnings) as 'file:line: message' strings. Errors stop the build;
warnings are printed (a section without a citation, an ask from another topic).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping

from jkquiz.bank import Bank
from jkquiz.build_course.calls import figure_topic, quiz_topics
from jkquiz.build_course.source import Page
from jkquiz.course import LEAD_INS
from jkquiz.errors import JkquizError

Found = tuple[list[str], list[str]]
LINK = re.compile(r"\[[^\]]+\]\((https?://[^)\s]+)\)")


def check_header(page: Page, bank: Bank) -> Found:
    """A title first; lessons also state questions, objectives and reading time."""
    errors = []
    first = page.cells[0] if page.cells else None
    if first is None or first.role != "title":
        errors.append(f"{page.where(first.line if first else 1)}: the page must open with a '# Title' line")
    header, lead = page.header, LEAD_INS[page.lang]
    if page.kind == "lesson":
        missing = [name for name, value in (
            (lead.questions, header.questions),
            (lead.objectives, header.objectives),
            (lead.reading, header.reading_minutes),
        ) if not value]
        if missing:
            errors.append(f"{page.where(1)}: the opening lacks {', '.join(missing)}")
    return errors, []


def check_topic(page: Page, bank: Bank) -> Found:
    """A lesson's slug is a topic of the bank (NN-slug.md teaches data/bank/NN-slug.yaml)."""
    if page.kind == "lesson" and page.slug not in bank.topics:
        return [f"{page.where(1)}: no bank topic '{page.slug}' (topics: {', '.join(bank.topics)})"], []
    return [], []


def check_layout(page: Page, bank: Bank) -> Found:
    """Lessons: a figure, two checks, key points second-to-last, the quiz last; other pages their calls."""
    roles = [c.role for c in page.cells]
    errors: list[str] = []
    end = page.cells[-1].line if page.cells else 1
    if page.kind == "lesson":
        if roles.count("figure") < 1:
            errors.append(f"{page.where(end)}: a lesson needs at least one <!-- figure: ... -->")
        if roles.count("ask") < 2:
            errors.append(f"{page.where(end)}: a lesson needs at least two <!-- ask: ... --> checks")
        if roles[-2:] != ["keypoints", "quiz"]:
            errors.append(f"{page.where(end)}: a lesson must end with '{LEAD_INS[page.lang].key_points}' and then <!-- quiz -->")
        if roles.count("quiz") != 1 or roles.count("keypoints") != 1:
            errors.append(f"{page.where(end)}: a lesson has exactly one key points section and one quiz")
    needs = {"start": ["contents", "ask"], "review": ["review", "dashboard"], "final": ["quiz"]}.get(page.kind, [])
    errors += [f"{page.where(end)}: a {page.kind} page needs <!-- {n} -->" for n in needs if n not in roles]
    return errors, []


def check_asks(page: Page, bank: Bank) -> Found:
    """Every ask names a question of the bank; one from another topic is worth a look."""
    errors, warnings = [], []
    for cell in (c for c in page.cells if c.role == "ask"):
        qid = cell.args["id"]
        question = bank.questions.get(qid)
        if question is None:
            near = difflib.get_close_matches(qid, list(bank.questions), n=3, cutoff=0.8)
            hint = f" (did you mean {', '.join(near)}?)" if near else ""
            errors.append(f"{page.where(cell.line)}: no question '{qid}' in the bank{hint}")
        elif page.topic and question.topic != page.topic:
            warnings.append(f"{page.where(cell.line)}: question '{qid}' belongs to topic '{question.topic}'")
    return errors, warnings


def check_quiz(page: Page, bank: Bank) -> Found:
    """A quiz names existing topics and a sensible number of questions."""
    errors = []
    for cell in (c for c in page.cells if c.role == "quiz"):
        topics = quiz_topics(cell, page)
        names = [] if topics is None else [topics] if isinstance(topics, str) else topics
        errors += [f"{page.where(cell.line)}: quiz names no topic of the bank: '{t}'" for t in names if t not in bank.topics]
        if not cell.args.get("n", "8").isdigit() or not 1 <= int(cell.args.get("n", "8")) <= 50:
            errors.append(f"{page.where(cell.line)}: quiz n= must be a whole number from 1 to 50")
        extra = set(cell.args) - {"topics", "n", "title"}
        errors += [f"{page.where(cell.line)}: quiz has no option '{o}' (options: n, title)" for o in sorted(extra)]
    return errors, []


def check_figures(page: Page, bank: Bank) -> Found:
    """Every figure can be drawn from the bank (it is drawn here, so a bad option fails now, with a line)."""
    from jkquiz import figures

    errors = []
    for cell in (c for c in page.cells if c.role == "figure"):
        kind, topic = cell.args["kind"], figure_topic(cell, page)
        extra = set(cell.args) - {"kind", "topic"} - ({"series", "units"} if kind == "chart" else set())
        if extra:
            errors.append(f"{page.where(cell.line)}: figure {kind} has no option {', '.join(sorted(extra))}")
            continue
        if topic is None:
            errors.append(f"{page.where(cell.line)}: figure {kind} needs topic=<topic id> outside a lesson")
            continue
        options = {k: cell.args[k] for k in ("series", "units") if k in cell.args}
        draw = {"timeline": figures.timeline, "chart": figures.chart, "map": figures.liancourt_map}[kind]
        try:
            draw(topic, bank=bank, **options)
        except JkquizError as exc:
            errors.append(f"{page.where(cell.line)}: figure {kind} cannot be drawn: {exc}")
    return errors, []


def check_citations(page: Page, bank: Bank) -> Found:
    """Each narrative section of a lesson cites at least one source (a Markdown link)."""
    if page.kind != "lesson":
        return [], []
    warnings = []
    sections: dict[int, str] = {}
    current = 0
    for cell in page.cells:
        if cell.role == "section" and cell.text.lstrip().startswith("## "):
            current = cell.line
        if cell.role == "section" and current:
            sections[current] = sections.get(current, "") + cell.text
    for line, text in sections.items():
        if not LINK.search(text):
            heading = text.lstrip().splitlines()[0][3:]
            warnings.append(f"{page.where(line)}: section '{heading}' cites no source")
    return [], warnings


CHECKS: list[Callable[[Page, Bank], Found]] = [
    check_header, check_topic, check_layout, check_asks, check_quiz, check_figures, check_citations,
]
# A translation's markers must be its English page's (translations.py checks that), so its figures are
# drawn when the English page is checked; the rest is checked again in its own language.
TRANSLATION_CHECKS: list[Callable[[Page, Bank], Found]] = [check_header, check_layout, check_asks, check_quiz, check_citations]


def check_pages(pages: list[Page], bank: Bank, files: Mapping[str, str] | None = None) -> Found:
    """Every problem of every page, plus numbering clashes between pages (`files`: each topic's bank file)."""
    errors: list[str] = []
    warnings: list[str] = []
    seen: dict[int, Page] = {}
    for page in pages:
        errors += page.problems
        if page.number in seen:
            errors.append(f"{page.where(1)}: number {page.number:02d} is also used by {seen[page.number].source.name}")
        seen[page.number] = page
        for check in CHECKS:
            found_errors, found_warnings = check(page, bank)
            errors += found_errors
            warnings += found_warnings
    taught = {p.slug for p in pages if p.kind == "lesson"}
    warnings += [f"bank topic '{t}' ({(files or {}).get(t, '?')}) has no lesson text yet" for t in bank.topics if t not in taught]
    return errors, warnings
