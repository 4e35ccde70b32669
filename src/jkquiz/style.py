"""The course's one stylesheet, static/jkquiz.css, as text: the widgets, the HTML export, the contents page, the
Voila lessons and the static site's front page, each part scoped by the class of its outermost element.

Plain text with no Jinja2: a learner's kernel reads it, and the browser's Python (the static site) has no Jinja2.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def course_css() -> str:
    """The text of jkquiz/static/jkquiz.css."""
    return resources.files("jkquiz").joinpath("static", "jkquiz.css").read_text(encoding="utf-8")
