"""The one line of public API each marker becomes, e.g. `jkquiz.ask("q-terr-korean-name")`."""

from __future__ import annotations

import json

from jkquiz.build_course.source import LESSON_QUIZ_SIZE, Cell, Page

FIGURE_FUNCTIONS = {"timeline": "timeline", "chart": "chart", "map": "liancourt_map"}
DEFAULT_MAP_TOPIC = "territory"


def quote(text: str) -> str:
    """A Python string literal in double quotes."""
    return json.dumps(text, ensure_ascii=False)


def quiz_topics(cell: Cell, page: Page) -> str | list[str] | None:
    """The topics a quiz marker asks for: the lesson's own, 'all' (None) or a comma-separated list."""
    spec = cell.args.get("topics", "")
    if not spec:
        return page.topic
    if spec == "all":
        return None
    names = [t.strip() for t in spec.split(",") if t.strip()]
    return names[0] if len(names) == 1 else names


def figure_topic(cell: Cell, page: Page) -> str | None:
    """The topic a figure draws from: its `topic=` option, else the lesson's (the map defaults to territory)."""
    return cell.args.get("topic") or page.topic or (DEFAULT_MAP_TOPIC if cell.args.get("kind") == "map" else None)


def code_for(cell: Cell, page: Page) -> str:
    """The source of the code cell for a marker."""
    if cell.role == "ask":
        return f"jkquiz.ask({quote(cell.args['id'])})"
    if cell.role == "figure":
        kind = cell.args["kind"]
        topic = figure_topic(cell, page) or ""
        if kind == "map":
            return "jkquiz.liancourt_map()" if topic == DEFAULT_MAP_TOPIC else f"jkquiz.liancourt_map({quote(topic)})"
        options = "".join(f", {key}={quote(cell.args[key])}" for key in ("series", "units") if key in cell.args)
        return f"jkquiz.{FIGURE_FUNCTIONS[kind]}({quote(topic)}{options})"
    if cell.role == "quiz":
        topics = quiz_topics(cell, page)
        first = "None" if topics is None else quote(topics) if isinstance(topics, str) else repr(topics)
        n = cell.args.get("n", str(LESSON_QUIZ_SIZE))
        title = f", title={quote(cell.args['title'])}" if "title" in cell.args else ""
        return f"jkquiz.quiz({first}, n={int(n)}{title})"
    if cell.role in ("review", "dashboard"):
        return f"jkquiz.{cell.role}()"
    raise ValueError(f"no code for a {cell.role} cell")
