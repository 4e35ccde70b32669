"""The static site's own pages and its copies of the lessons."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from jkquiz.i18n import N_, _, get_language

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
    """The site's front page: what the course is, and the two ways to open it."""
    title = escape(_(COURSE_TITLE))
    named = {"start": _("Start here"), "run_all": _("Run → Run All Cells"), "download": _("Download your record")}
    em = {key: f"<em>{escape(value)}</em>" for key, value in named.items()}
    texts = {
        "heading": escape(_("{title}: a course in your browser")).format(title=title),
        "about": escape(_("A short course on relations between Japan and South Korea: twelve lessons with cited "
                          "sources, figures, and quizzes that tell you at once whether you were right and why.")),
        "runs": escape(_("Everything runs in this browser: nothing to install, no account, no server. The first "
                         "page takes a little while to open (your browser starts Python); after that the lessons "
                         "are quick.")),
        "open": escape(_("Open the course")),
        "how": escape(_("The lessons open in JupyterLab, starting with {start}. In each lesson, choose {run_all}: "
                        "the figures and quizzes appear below the text. Lesson 10 shows your progress and the "
                        "questions due for review.")).format(**em),
        "saved": escape(_("Your answers are saved in this browser only (its own storage, on this computer), and "
                          "come back when you return. To keep a copy or hand it to your teacher, open lesson 10 "
                          "(review), run it and use {download}. Clearing this site's data in the browser deletes "
                          "your answers.")).format(**em),
    }
    return f"""<!doctype html>
<html lang="{get_language()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="lab/lab/favicon.ico">
<title>{texts["heading"]}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 760px; margin: 40px auto;
       padding: 0 20px; line-height: 1.55; color: #1f2328; }}
h1 {{ font-size: 30px; margin-bottom: 4px; }}
.start {{ font-size: 22px; margin: 28px 0; }}
.start a {{ color: #0550ae; text-decoration: underline; font-weight: 600; }}
a:focus-visible {{ outline: 3px solid #0969da; outline-offset: 2px; }}
.note {{ color: #444; font-size: 15px; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>{texts["about"]}</p>
<p>{texts["runs"]}</p>
<p class="start"><a href="{LAB_START}">{texts["open"]}</a></p>
<p>{texts["how"]}</p>
<p class="note">{texts["saved"]}</p>
</main>
</body>
</html>
"""
