"""The language switch between the course's editions: English lessons in notebooks/, the Korean and Japanese
ones in notebooks/ko/ and notebooks/ja/ (same file names). Links are relative, so they work in JupyterLab,
in the app (Voilà) and in the static site alike."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from jkquiz.i18n.language import LANGUAGE_NAMES, LANGUAGES

__all__ = ["START_PAGE", "LanguageLink", "edition_language", "language_links", "links_markdown"]

START_PAGE = "00-start-here.ipynb"


@dataclass(frozen=True)
class LanguageLink:
    """One language of the switch: its code, its name in itself, the page in it (relative), and whether it is this one."""

    code: str
    name: str
    href: str
    current: bool


def edition_language(folder: Path) -> str:
    """The language of the lessons in `folder`: 'ko' for notebooks/ko, 'ja' for notebooks/ja, else 'en'."""
    return folder.name if folder.name in LANGUAGES and folder.name != "en" else "en"


def _edition(root: Path, lang: str) -> Path:
    return root if lang == "en" else root / lang


def language_links(folder: Path, page: str = START_PAGE) -> list[LanguageLink]:
    """The switch for a page of the lessons in `folder`: each language whose edition has `page`, this one first
    marked current (an edition not built yet is left out rather than linked broken)."""
    here = edition_language(folder)
    root = folder.parent if here != "en" else folder
    links = []
    for code in LANGUAGES:
        target = _edition(root, code) / page
        if code != here and not target.is_file():
            continue
        href = page if code == here else Path(os.path.relpath(target, folder)).as_posix()
        links.append(LanguageLink(code, LANGUAGE_NAMES[code], href, code == here))
    return links


def links_markdown(folder: Path, page: str = START_PAGE) -> str:
    """The switch as one line of Markdown ('English · [한국어](ko/00-start-here.ipynb) · ...'); empty with one
    edition only."""
    links = language_links(folder, page)
    if len(links) < 2:
        return ""
    return " · ".join(f"**{link.name}**" if link.current else f"[{link.name}]({link.href})" for link in links)
