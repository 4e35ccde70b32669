"""The quiz's look inside a notebook: the course's stylesheet (jkquiz/static/jkquiz.css), shipped in an HTML widget."""

from __future__ import annotations

from jkquiz.fonts import font_face_css, jupyter_font_css
from jkquiz.style import course_css


def font_css() -> str:
    """The course's CJK font, served by the course's server, and JupyterLab's font variables with it added:
    Hangul and Kanji in quizzes and lesson text use it (the quiz's own font stacks are in jkquiz.css)."""
    return f"{font_face_css()}\n{jupyter_font_css()}\n"


def stylesheet() -> str:
    """The stylesheet with the course's font, to be placed once inside each quiz."""
    return f"\n<style>\n{font_css()}{course_css()}</style>\n"


def plain_stylesheet() -> str:
    """The stylesheet without the font rules (the instructor's forms, which keep JupyterLab's fonts)."""
    return f"<style>\n{course_css()}</style>"
