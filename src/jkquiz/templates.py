"""Jinja2 environments for whole HTML pages: autoescaped, with html.escape's character references."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup


def _escaped(value: Any) -> Any:
    """Every value printed is escaped as html.escape does (&#x27; for '), unless it is already Markup."""
    if isinstance(value, Markup):
        return value
    return Markup(escape("" if value is None else str(value)))


@lru_cache(maxsize=None)
def environment(package: str) -> Environment:
    """The template environment of a package's templates/ folder."""
    return Environment(loader=PackageLoader(package, "templates"), autoescape=select_autoescape(default=True),
                       finalize=_escaped, keep_trailing_newline=True, auto_reload=False)


def render(package: str, name: str, **values: Any) -> str:
    """A page from `package`'s templates/`name`, every value escaped unless it is Markup."""
    return environment(package).get_template(name).render(**values)
