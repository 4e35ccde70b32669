"""Read notebooks/src/NN-slug.md into a Page: Markdown cells split at `##`, markers turned into code cells.

A translation, notebooks/src/<lang>/NN-slug.md, is read the same way; its first line names the English source
and the hash of the English text it was made from: `<!-- translation of NN-slug.md; English hash HASH -->`.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from jkquiz.course import Header, key_points_heading, parse_header

MARKER = re.compile(r"^\s*<!--\s*([a-z-]+)\s*(?::\s*(.*?))?\s*-->\s*$")
SOURCE_NAME = re.compile(r"^(\d\d)-([a-z0-9][a-z0-9-]*)\.md$")
TRANSLATION_LINE = re.compile(r"^<!--\s*translation of\s+(\S+?);?\s+English hash\s+([0-9a-f]+)\s*-->\s*$")
TRANSLATION_START = re.compile(r"^\s*<!--\s*translation\b")  # a first line meant as the header, maybe mistyped
LANGUAGES = ("ko", "ja")  # translations: notebooks/src/<lang>/
PAGE_KINDS = ("start", "lesson", "review", "final")
FIGURES = ("timeline", "chart", "map")
LESSON_QUIZ_SIZE = 8


@dataclass
class Cell:
    """One cell to be: Markdown text, or a call of the public API; `role` says what it is for."""

    kind: str  # "markdown" or "code"
    text: str
    role: str  # title, section, keypoints, contents, figure, ask, quiz, review, dashboard
    line: int  # where it starts in the source file (1-based)
    args: dict[str, str] = field(default_factory=dict)  # the marker's options


@dataclass
class Page:
    """One notebook to build, as read from its Markdown source."""

    number: int
    slug: str
    source: Path
    kind: str
    cells: list[Cell]
    problems: list[str] = field(default_factory=list)
    lang: str = "en"
    translation_of: str | None = None  # a translation's English source, as its first line names it
    english_hash: str | None = None  # and the hash of the English text it was made from

    @property
    def topic(self) -> str | None:
        """The bank topic a lesson teaches (its slug); None for the other pages."""
        return self.slug if self.kind == "lesson" else None

    @property
    def header(self) -> Header:
        """The title cell's title, questions, objectives and reading time."""
        first = next((c for c in self.cells if c.role == "title"), None)
        return parse_header(first.text, self.lang) if first else Header("")

    @property
    def notebook_name(self) -> str:
        """'03-territory.ipynb'."""
        return f"{self.number:02d}-{self.slug}.ipynb"

    def where(self, line: int) -> str:
        """'notebooks/src/03-territory.md:29' for problem messages."""
        return f"{_display(self.source)}:{line}"


def read_pages(folder: Path, lang: str = "en") -> list[Page]:
    """Every NN-slug.md in `folder` (written in `lang`), in number order."""
    return [read_page(p, lang) for p in sorted(folder.glob("*.md")) if SOURCE_NAME.match(p.name)]


def read_page(path: Path, lang: str = "en") -> Page:
    """One source file as a Page; problems in its markers are recorded on the page, not raised."""
    number, slug = SOURCE_NAME.match(path.name).groups()  # type: ignore[union-attr]  # read_pages lists only matching names
    page = Page(int(number), slug, path, "lesson", [], lang=lang)
    buffer: list[str] = []
    start = 1

    def flush() -> None:
        text = "\n".join(buffer).strip("\n")
        if text.strip():
            page.cells.append(Cell("markdown", text, _role(text, page.cells, page.lang), start))
        buffer.clear()

    for number_, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if number_ == 1 and lang != "en" and _translation_line(page, line):
            start = 2
            continue
        marker = MARKER.match(line)
        if line.startswith("## ") or marker:
            flush()
            start = number_
        if marker:
            _marker(page, marker.group(1), marker.group(2) or "", number_)
            start = number_ + 1
        else:
            buffer.append(line)
    flush()
    return page


def _translation_line(page: Page, line: str) -> bool:
    """Read a translation's first line into the page; whether it was one (a mistyped one is a problem)."""
    found = TRANSLATION_LINE.match(line.strip())
    if found:
        page.translation_of, page.english_hash = found.group(1), found.group(2)
        return True
    if TRANSLATION_START.match(line):
        page.problems.append(f"{page.where(1)}: cannot read this first line; write it exactly as "
                             f"<!-- translation of {page.source.name}; English hash HASH -->")
        return True
    return False


def _role(text: str, before: list[Cell], lang: str) -> str:
    if text.lstrip().startswith("# ") and not any(c.role == "title" for c in before):
        return "title"
    if key_points_heading(text, lang):
        return "keypoints"
    return "section"


def _marker(page: Page, name: str, rest: str, line: int) -> None:
    """Turn one `<!-- name: rest -->` marker into a code cell (or a page setting)."""
    try:
        words = shlex.split(rest)
    except ValueError as exc:
        page.problems.append(f"{page.where(line)}: cannot read the marker's options: {exc}")
        return
    options = dict(w.split("=", 1) for w in words if "=" in w)
    plain = [w for w in words if "=" not in w]
    if name == "page":
        if len(plain) != 1 or plain[0] not in PAGE_KINDS:
            page.problems.append(f"{page.where(line)}: <!-- page: ... --> takes one of {', '.join(PAGE_KINDS)}")
        else:
            page.kind = plain[0]
        return
    if name == "ask" and len(plain) == 1 and not options:
        page.cells.append(Cell("code", "", "ask", line, {"id": plain[0]}))
    elif name == "figure" and len(plain) == 1 and plain[0] in FIGURES:
        page.cells.append(Cell("code", "", "figure", line, {"kind": plain[0], **options}))
    elif name == "quiz" and len(plain) <= 1:
        page.cells.append(Cell("code", "", "quiz", line, {"topics": plain[0] if plain else "", **options}))
    elif name in ("review", "dashboard", "contents") and not words:
        page.cells.append(Cell("markdown" if name == "contents" else "code", "", name, line))
    else:
        page.problems.append(
            f"{page.where(line)}: unknown marker <!-- {name}{': ' + rest if rest else ''} -->; markers are "
            f"ask: <question id>, figure: {'|'.join(FIGURES)}, quiz, review, dashboard, contents, page: <kind>"
        )


def _display(path: Path) -> str:
    """The path relative to the working directory when it is inside it (shorter messages)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
