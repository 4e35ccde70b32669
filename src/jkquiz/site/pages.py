"""The static site's own pages and its copies of the lessons."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from markupsafe import Markup

from jkquiz.i18n import LANGUAGE_NAMES, N_, _, get_language, speaking

COURSE_TITLE = N_("Japan–South Korea relations")
NAVIGATION = "<!-- navigation"  # how jkquiz.build_course marks the navigation cells it writes
NOTEBOOK_LINK = re.compile(r"\]\((\d\d-[a-z0-9-]+)\.ipynb\)")


def lesson_copy(path: Path, title: str, *, for_app: bool) -> dict:
    """A lesson for the site, without stored outputs: its quizzes' widgets no longer exist (the page would show an
    error until Run All), and its figures come back on Run All from the pre-drawn file in the kernel's jkquiz
    (stored, they would be shipped twice: three languages of PNGs, a third of the site). In the app, links lead
    to the app's pages.
    """
    from jkquiz.course import without_outputs

    notebook = without_outputs(json.loads(path.read_text(encoding="utf-8")))
    notebook["metadata"]["title"] = title
    for cell in notebook.get("cells", []):
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


@dataclass(frozen=True)
class Edition:
    """The course in another language, as the landing page offers it: in that language's own words."""

    code: str
    name: str
    open: str
    href: str


def landing_page(langs: Sequence[str] | None = None) -> str:
    """The site's front page, in the language spoken now: what the course is, how to open it, and the course in
    each other language of `langs`, the languages built (offered in that language; default: this one alone)."""
    langs = langs or [get_language()]
    here = get_language() if get_language() in langs else "en"
    with speaking(here):
        return _landing(here, langs)


def _landing(here: str, langs: Sequence[str]) -> str:
    from jkquiz.i18n.catalogs import translations
    from jkquiz.site.languages import start_url
    from jkquiz.templates import render, stylesheet

    title = _(COURSE_TITLE)
    em = {key: Markup(f"<em>{escape(value)}</em>") for key, value in
          {"start": _("Start here"), "run_all": _("Run → Run All Cells"), "download": _("Download your record")}.items()}
    others = [Edition(code, LANGUAGE_NAMES[code], translations(code).gettext("Open the course"), start_url(code))
              for code in langs if code != here]
    return render(
        "jkquiz.site", "landing.html.j2", title=title, start=start_url(here), others=others,
        heading=_("{title}: a course in your browser").format(title=title),
        how=Markup(escape(_("The lessons open in JupyterLab, starting with {start}. In each lesson, choose {run_all}: "
                            "the figures and quizzes appear below the text. Lesson 10 shows your progress and the "
                            "questions due for review."))).format(**em),
        saved=Markup(escape(_("Your answers are saved in this browser only (its own storage, on this computer), and "
                              "come back when you return. To keep a copy or hand it to your teacher, open lesson 10 "
                              "(review), run it and use {download}. Clearing this site's data in the browser deletes "
                              "your answers."))).format(**em),
        lang=here, css=stylesheet(),
    )
