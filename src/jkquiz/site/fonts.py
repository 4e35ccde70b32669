"""The course's CJK font in the static site: the subsets in <out>/fonts/, linked from JupyterLite's pages.

The site has no course server, so the font files travel with it: <out>/fonts/ holds the WOFF2 subsets,
their licence and `fonts.css` (the @font-face rules, URLs relative to itself, and JupyterLab's font
variables with the course's font, set on <body> so they win over the theme's, which are set on :root).
Each JupyterLite page links that stylesheet (lesson text and the interface use the font from the start),
and the kernel is told where the files are from its pages (`jkquiz.fonts.SITE_URL_ENV`), so each quiz's
own stylesheet declares the same files, as it does under a course server. Every address is relative:
the site works from any sub-path.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from jkquiz.fonts import SITE_URL_ENV, font_face_css, jupyter_font_css, web_files

FOLDER = "fonts"  # <out>/fonts/
STYLESHEET = "fonts.css"
# From a JupyterLite page (<out>/<lite dir>/<app>/index.html) to <out>/fonts/.
FROM_APP_PAGE = f"../../{FOLDER}/"
LINK_MARK = "<!-- jkquiz: the course's font -->"


def site_stylesheet() -> str:
    """@font-face rules for the files beside the stylesheet; JupyterLab's font variables with the course's font."""
    return f"/* The course's CJK font (jkquiz.site.fonts). */\n{font_face_css('')}\n{jupyter_font_css('body')}\n"


def copy_fonts(out: Path) -> Path:
    """<out>/fonts/: the subsets, their licence and the stylesheet."""
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for file in web_files():
        shutil.copy2(file, folder / file.name)
    (folder / STYLESHEET).write_text(site_stylesheet(), encoding="utf-8")
    return folder


def kernel_env(url: str = FROM_APP_PAGE) -> dict[str, str]:
    """What the kernel's environment needs so quizzes declare the site's font files (`url`: from the page)."""
    return {SITE_URL_ENV: url}


def link_fonts(page: Path, url: str = FROM_APP_PAGE) -> None:
    """Link the site's font stylesheet from a built page (its <head>), once."""
    html = page.read_text(encoding="utf-8")
    if LINK_MARK in html:
        return
    link = f'{LINK_MARK}<link rel="stylesheet" href="{url}{STYLESHEET}">'
    html, found = re.subn(r"</head>", lambda _m: f"{link}\n</head>", html, count=1, flags=re.IGNORECASE)
    if not found:
        raise SystemExit(f"{page} has no <head>: cannot link the course's font")
    page.write_text(html, encoding="utf-8")
