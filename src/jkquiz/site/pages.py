"""The static site's own pages and its copies of the lessons."""

from __future__ import annotations

import json
import re
from pathlib import Path

from jkquiz.i18n import N_, _
from jkquiz.templates import render, stylesheet

COURSE_TITLE = N_("Japan–South Korea relations")
LAB_START = "lab/lab/index.html?path=00-start-here.ipynb"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
NAVIGATION = "<!-- navigation"  # how jkquiz.build_course marks the navigation cells it writes
NOTEBOOK_LINK = re.compile(r"\]\((\d\d-[a-z0-9-]+)\.ipynb\)")


def lesson_copy(path: Path, title: str, *, for_app: bool) -> dict:
    """A lesson for the site.

    In the lab, quizzes' stored outputs are dropped (their widgets no longer exist: the page would show
    an error until Run All) and figures stay, so a lesson shows its figures before it is run. In the app,
    Voici runs each lesson afresh: no outputs at all, and links lead to the app's pages.
    """
    from jkquiz.course import without_outputs

    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook.setdefault("metadata", {}).pop("widgets", None)
    notebook["metadata"]["title"] = title
    if for_app:
        without_outputs(notebook)
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code" and not for_app:
            cell["outputs"] = [o for o in cell.get("outputs", []) if WIDGET_VIEW not in o.get("data", {})]
        if cell.get("cell_type") == "markdown" and for_app:
            text = "".join(cell.get("source", ""))
            cell["source"] = app_links(text)
    return notebook


def app_links(markdown: str) -> str:
    """Links between lessons as the app's pages (`03-territory.ipynb` -> `03-territory.html`)."""
    text = NOTEBOOK_LINK.sub(lambda m: f"]({m.group(1)}.html)", markdown)
    if text.startswith(NAVIGATION):
        text = text.replace("[Contents](00-start-here.html)", "[Contents](index.html)")
    return text


def landing_page() -> str:
    """The site's front page: what the course is, and the two ways to open it (site/templates/landing.html.j2)."""
    return render("jkquiz.site", "landing.html.j2", title=_(COURSE_TITLE), start=LAB_START, css=stylesheet())
