"""Hooks Voilà calls while serving the course (named in jupyter/config/voila.py)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from jkquiz.templates import stylesheet as course_stylesheet


def set_xsrf_cookie(handler: Any, notebook: Any = None, cwd: str | None = None) -> None:
    """Give the page its `_xsrf` cookie before the kernel starts.

    When a learner leaves a page, Voilà's page asks the server to shut its kernel down and sends
    the `_xsrf` cookie as proof; Voilà 0.5 never sets that cookie, so the request was refused
    (403) and every visited page left a kernel running. Reading the token sets the cookie.
    """
    handler.xsrf_token  # noqa: B018 - read for its side effect: Tornado sets the cookie


def stylesheet(_name: str = "jkquiz.css") -> Markup:
    """The course's stylesheet, for the page template's <style> (a Jinja filter: `"jkquiz.css" | jkquiz_stylesheet`)."""
    return course_stylesheet()
