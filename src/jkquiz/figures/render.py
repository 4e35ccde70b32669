"""What every figure shares: the displayable FigureImage, house style, colours, deterministic PNG."""

from __future__ import annotations

import base64
import io
import logging
import re
import textwrap
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Okabe–Ito: distinguishable with the common colour-vision deficiencies; markers and dashes add a second cue.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
DASHES = ("-", "--", "-.", ":", "-", "--", "-.")
INK, MUTED, LAND, SEA = "#222222", "#555555", "#E4DED2", "#F4F8FB"
DPI = 120  # 8.5 in wide -> 1020 px: sharp in a notebook column, small in the .ipynb
WIDTH = 8.5
FONT = "DejaVu Sans"  # ships with matplotlib, so the PNG is the same on every machine
# Hangul, Kana and Kanji: jkquiz's own subsets of Noto Sans KR/JP (jkquiz.fonts), never a system font,
# for the same reason. Matplotlib draws each character in the first family of the list that has it.
CJK_FONTS = ("jkquiz Noto Sans KR", "jkquiz Noto Sans JP")

STYLE: dict[str, Any] = {
    "font.family": [FONT, *CJK_FONTS],
    "font.size": 11,
    "axes.titlesize": 14,
    "axes.titleweight": "bold",
    "axes.labelsize": 11,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": INK,
    "ytick.color": INK,
    "legend.frameon": False,
    "legend.fontsize": 10,
    "svg.hashsalt": "jkquiz",  # fixed ids if anyone saves SVG
    "path.simplify": False,
}


@dataclass(frozen=True)
class FigureImage:
    """A finished figure: PNG bytes plus the title and alt text that describe it in words."""

    png: bytes
    title: str
    alt: str

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict, dict]:
        """PNG for notebooks, Voilà and GitHub; the words as text/plain and as the image's `alt`.

        JupyterLab's and Voilà's image renderer ignore the `alt` metadata, so an HTML <img> with the
        alt text is offered too (they prefer HTML): screen readers then get the figure in words.
        """
        encoded = base64.b64encode(self.png).decode("ascii")
        html = (f'<img src="data:image/png;base64,{encoded}" alt="{escape(self.alt, quote=True)}" '
                f'title="{escape(self.title, quote=True)}" style="max-width:100%;height:auto">')
        data = {"image/png": encoded, "text/html": html, "text/plain": f"{self.title}\n{self.alt}"}
        return data, {"image/png": {"alt": self.alt}}

    def _repr_png_(self) -> bytes:
        """The PNG, for tools that only ask for that."""
        return self.png

    def __repr__(self) -> str:
        return f"<jkquiz figure: {self.title}>"

    def save(self, path: str) -> None:
        """Write the PNG to `path`."""
        with open(path, "wb") as handle:
            handle.write(self.png)


@contextmanager
def house_style() -> Iterator[None]:
    """Matplotlib settings for the duration of one figure (no global state left behind)."""
    import matplotlib

    _register_fonts()
    fonts_log = logging.getLogger("matplotlib.font_manager")
    fonts_log.addFilter(_no_bold_cjk_warning)
    try:
        with matplotlib.rc_context(STYLE):  # type: ignore[arg-type]  # matplotlib types rc keys as a Literal; STYLE's are valid
            yield
    finally:
        fonts_log.removeFilter(_no_bold_cjk_warning)


def _no_bold_cjk_warning(record: logging.LogRecord) -> bool:
    """Drop matplotlib's note that the CJK subsets have no bold (regular stands in, on purpose): in a
    notebook it would print under every figure with a bold title."""
    return not any(name in record.getMessage() for name in CJK_FONTS)


def new_figure(height: float, width: float = WIDTH, **kwargs: Any) -> Figure:
    """A Figure on the Agg canvas, without pyplot (no backend, no global figure list)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=DPI, **kwargs)
    FigureCanvasAgg(figure)
    return figure


def finish(figure: Figure, title: str, alt: str) -> FigureImage:
    """Render to PNG with no timestamp or software tag, so the bytes repeat run after run."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None}, facecolor="white")
    return FigureImage(buffer.getvalue(), title, alt)


@lru_cache(maxsize=1)
def _register_fonts() -> None:
    """Make the course's CJK subsets known to matplotlib (once per process; its font cache is untouched)."""
    from matplotlib import font_manager

    from jkquiz.fonts import ttf_paths

    for path in ttf_paths():
        font_manager.fontManager.addfont(str(path))


@lru_cache(maxsize=1)
def _glyphs() -> frozenset[int]:
    """Code points the house font and the course's CJK fonts can draw."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    from jkquiz.fonts import ttf_paths

    path = font_manager.findfont(font_manager.FontProperties(family=FONT), fallback_to_default=True)
    return frozenset().union(*(FT2Font(str(p)).get_charmap() for p in [path, *ttf_paths()]))


def drawable(text: str) -> str:
    """`text` as drawn; if it has characters no font of the figures has, a Japanese or Korean title is named as such."""
    glyphs = _glyphs()
    missing = [c for c in text if ord(c) not in glyphs and not c.isspace()]
    if not missing:
        return text
    script = "Korean" if any("\uac00" <= c <= "\ud7a3" for c in missing) else (
        "Japanese" if any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in missing) else "other")
    kept = "".join(c for c in text if ord(c) in glyphs or c.isspace())
    note = f"[{script}-language title]"
    tail = kept[kept.find("(") :].strip() if "(" in kept else ""
    return f"{note} {tail}".strip()


def wrap(text: str, width: int) -> str:
    """Text wrapped to lines of at most `width` characters (a Hangul or Han character counts two: it is drawn
    twice as wide; Japanese has no spaces between words, so a run of it is cut where the line is full)."""
    if not any(unicodedata.east_asian_width(c) in "WF" for c in text):
        return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text
    lines: list[str] = []
    line = ""
    for word in re.split(r"(\s+)", text):
        if not word or _columns(line + word) <= width:
            line += word
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = "" if word.isspace() else word
        while _columns(line) > width:
            cut = 1
            while _columns(line[:cut + 1]) <= width:
                cut += 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines) or text


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def source_note(titles: list[str], width: int = 120, lines: int = 6) -> str:
    """'Sources: a; b; c', each title once in first-seen order, wrapped; a long list ends '… and N more'."""
    unique = list(dict.fromkeys(drawable(t) for t in titles))
    label = "Source: " if len(unique) == 1 else "Sources: "
    for shown in range(len(unique), 0, -1):
        rest = len(unique) - shown
        more = f"; and {rest} more (each fact in the bank names its sources)" if rest else ""
        text = wrap(label + "; ".join(unique[:shown]) + more, width)
        if text.count("\n") < lines:
            return text
    return text
