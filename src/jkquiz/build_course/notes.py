"""Citations as numbered notes: a section's links leave the running text for a "Notes" list under it.

Writers cite with ordinary Markdown links, usually in parentheses at the end of a sentence
("... in 1965 ([MOFA Japan](https://...); [Yonhap](https://...))."). In the built lesson the
sentence reads "... in 1965.¹ ²" with superscript numbers, and the section ends with a notes cell:
"1. [MOFA Japan](https://...)". Numbers start again in each section; one address is one note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jkquiz.build_course.source import Cell

LINK = r"\[(?P<text>[^\]]+)\]\((?P<url>https?://[^)\s]+)\)"
# "([A](u); [B](v))" as a whole, the space before it included; also in full-width brackets and separators,
# as Japanese and Korean text writes them: "（[外務省](u)；[聯合ニュース](v)）"
CITATION = re.compile(r"\s*[(（]\s*(?P<links>\[[^\]]+\]\(https?://[^)\s]+\)(?:\s*[;,；，、]\s*\[[^\]]+\]\(https?://[^)\s]+\))*)\s*[)）]")
ONE_LINK = re.compile(LINK)
NOTES_HEADING = "**Notes**"


@dataclass
class SectionNotes:
    """The notes of one section: address -> (number, link text), in the order first cited."""

    numbers: dict[str, tuple[int, str]] = field(default_factory=dict)
    heading: str = NOTES_HEADING  # in the page's language

    def number(self, url: str, text: str) -> int:
        """The note number of an address, a new one if it is not cited yet in this section."""
        if url not in self.numbers:
            self.numbers[url] = (len(self.numbers) + 1, text)
        return self.numbers[url][0]

    def markdown(self) -> str:
        """The notes cell's text: a heading and a numbered list of links."""
        lines = [self.heading, ""]
        lines += [f"{number}. [{text}]({url})" for url, (number, text) in self.numbers.items()]
        return "\n".join(lines)


def marks(numbers: list[int]) -> str:
    """Superscript note numbers, e.g. '<sup>1, 2</sup>'."""
    return f"<sup>{', '.join(str(n) for n in numbers)}</sup>"


def to_notes(text: str, notes: SectionNotes) -> str:
    """`text` with its web links replaced by note numbers recorded in `notes`."""
    def citation(match: re.Match[str]) -> str:
        found = [notes.number(m["url"], m["text"]) for m in ONE_LINK.finditer(match["links"])]
        return marks(sorted(set(found)))

    text = CITATION.sub(citation, text)
    # a link inside a sentence keeps its words and gets a note number after them
    return ONE_LINK.sub(lambda m: f"{m['text']}{marks([notes.number(m['url'], m['text'])])}", text)


def with_notes(cells: list[Cell], heading: str = NOTES_HEADING) -> list[Cell]:
    """The page's cells, each `##` section's links moved to a notes cell (under `heading`) at the end of that section."""
    out: list[Cell] = []
    notes = SectionNotes(heading=heading)

    def close() -> None:
        nonlocal notes
        if notes.numbers:
            out.append(Cell("markdown", notes.markdown(), "notes", out[-1].line if out else 0))
        notes = SectionNotes(heading=heading)

    for cell in cells:
        starts_section = cell.kind == "markdown" and cell.text.lstrip().startswith("## ")
        if starts_section or cell.role in ("keypoints", "quiz"):
            close()
        if cell.kind == "markdown" and cell.role == "section":
            cell = Cell(cell.kind, to_notes(cell.text, notes), cell.role, cell.line, cell.args)
        out.append(cell)
    close()
    return out
