"""The course's CJK font: subsets of Noto Sans KR and JP holding every Hangul, Kana and Han glyph the course uses.

Machines without a Korean or Japanese font show 독도 and 竹島 as empty boxes. The subsets fix that
everywhere: web pages declare them as one CSS family, `FAMILY`, split by `unicode-range` (Hangul from
Noto Sans KR, Kana, Han and CJK punctuation from Noto Sans JP), appended to each font stack as the
fallback; matplotlib registers the TTFs and falls back to them (jkquiz.figures.render).

The files sit where the course's servers already serve static files, the `jkquiz` Voilà template's
`static/fonts/` (both `jkquiz app` and, through Voilà's server extension, `jkquiz lab` serve
`<base URL>voila/templates/jkquiz/static/...`), with the OFL text and a manifest, `fonts.json`.
The static site copies them into its own `fonts/` folder (jkquiz.site.fonts).
`python -m jkquiz.fonts build` regenerates them (see jkquiz/fonts/build.py); a test fails when
the bank or a lesson uses a glyph the subsets lack.
"""

from __future__ import annotations

import base64
import json
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

FAMILY = "jkquiz CJK"
# in the jkquiz Voilà template, which the course servers serve (jkquiz.serve.files.JUPYTER_DATA)
FONT_DIR = (Path(__file__).resolve().parent.parent / "serve" / "server" / "jupyter" / "data" / "voila" / "templates"
            / "jkquiz" / "static" / "fonts")
SERVED_AT = "voila/templates/jkquiz/static/fonts/"  # below a course server's base URL
# The static site (Pyodide, no course server): where its pages find the fonts, relative to the page, set in the
# kernel's environment by the site's build (jkquiz.site.fonts); unset, no @font-face is declared there.
SITE_URL_ENV = "JKQUIZ_FONT_URL"
MANIFEST = FONT_DIR / "fonts.json"
LICENSE = FONT_DIR / "OFL.txt"

# JupyterLab's own UI and content font list (its theme's defaults), with the course's font before the emoji fonts.
UI_FONTS = 'system-ui, -apple-system, blinkmacsystemfont, "Segoe UI", helvetica, arial, sans-serif'
EMOJI_FONTS = '"Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol"'

__all__ = ["FAMILY", "FONT_DIR", "LICENSE", "MANIFEST", "SERVED_AT", "SITE_URL_ENV", "UI_FONTS", "embedded_css", "faces",
           "font_face_css", "jupyter_font_css", "served_url", "stack", "ttf_paths", "web_files"]


@lru_cache(maxsize=1)
def faces() -> tuple[dict[str, Any], ...]:
    """The manifest's faces: each with its files, name, glyph count and CSS unicode-range."""
    return tuple(json.loads(MANIFEST.read_text(encoding="utf-8"))["faces"])


def ttf_paths() -> list[Path]:
    """The TTF subsets, for matplotlib."""
    return [FONT_DIR / face["ttf"] for face in faces()]


def web_files() -> list[Path]:
    """What a web page needs next to it: the WOFF2 subsets and their licence."""
    return [FONT_DIR / face["woff2"] for face in faces()] + [LICENSE]


def served_url() -> str:
    """Where a course server serves the fonts, from its base URL (a JupyterHub user's prefix, else '/')."""
    base = os.environ.get("JUPYTERHUB_SERVICE_PREFIX") or "/"
    return base.rstrip("/") + "/" + SERVED_AT


def font_face_css(url: str | None = None) -> str:
    """@font-face rules declaring `FAMILY`, the files found at `url` (a folder URL ending in '/')."""
    if url is None and sys.platform == "emscripten":  # the static site (Pyodide): the files the site ships, if any
        url = os.environ.get(SITE_URL_ENV) or ""
        if not url:
            return ""
    url = served_url() if url is None else url
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; src: url("{url}{face["woff2"]}") format("woff2"); '
        f'font-style: normal; font-weight: 400; font-display: swap; unicode-range: {face["unicode_range"]}; }}'
        for face in faces()
    )


def stack(fonts: str) -> str:
    """A CSS font-family list ending with the course's CJK font, for glyphs the others lack."""
    return f'{fonts}, "{FAMILY}"'


def jupyter_font_css(selector: str = ":root") -> str:
    """JupyterLab's and Voilà's font variables with the course's font added (lesson text, widgets, UI), set on
    `selector`."""
    fonts = f"{stack(UI_FONTS)}, {EMOJI_FONTS}"
    return f"{selector} {{ --jp-ui-font-family: {fonts}; --jp-content-font-family: {fonts}; }}"


def _covers(face: dict[str, Any], code: int) -> bool:
    for part in face["unicode_range"].split(","):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        if int(low, 16) <= code <= int(high or low, 16):
            return True
    return False


def embedded_css(text: str) -> str:
    """@font-face rules with the WOFF2 inlined as data: URLs, only for the faces `text` needs (a page that
    loads nothing, and works from a file:// folder, where browsers refuse font files)."""
    codes = {ord(c) for c in text if ord(c) >= 0x1100}
    rules = []
    for face in faces():
        if any(_covers(face, code) for code in codes):
            data = base64.b64encode((FONT_DIR / face["woff2"]).read_bytes()).decode("ascii")
            rules.append(f'@font-face {{ font-family: "{FAMILY}"; src: url(data:font/woff2;base64,{data}) '
                         f'format("woff2"); font-style: normal; font-weight: 400; unicode-range: {face["unicode_range"]}; }}')
    return "\n".join(rules)
