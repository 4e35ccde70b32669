"""Jinja2 environments for whole HTML pages and widget fragments: autoescaped, with html.escape's character
references, and `{% trans %}` / `_()` in the interface language current when a page is rendered (jkquiz.i18n);
and the course's one stylesheet, static/jkquiz.css, that every page and widget places in its <style>."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from jkquiz.i18n import get_language, install_jinja
from jkquiz.style import course_css


def _escaped(value: Any) -> Any:
    """Every value printed is escaped as html.escape does (&#x27; for '), unless it is already Markup."""
    if isinstance(value, Markup):
        return value
    return Markup(escape("" if value is None else str(value)))


def stylesheet() -> Markup:
    """The course's stylesheet (jkquiz.style), to be placed in a page's <style> unescaped."""
    return Markup(course_css())


@lru_cache(maxsize=None)
def environment(package: str) -> Environment:
    """The template environment of a package's templates/ folder."""
    env = Environment(loader=PackageLoader(package, "templates"), autoescape=select_autoescape(default=True),
                      finalize=_escaped, keep_trailing_newline=True, auto_reload=False)
    install_jinja(env)
    return env


def render(package: str, name: str, **values: Any) -> str:
    """A page from `package`'s templates/`name`, every value escaped unless it is Markup."""
    values.setdefault("lang", get_language())  # for <html lang="...">
    return environment(package).get_template(name).render(**values)
