"""The language switch between the course's editions: English lessons in notebooks/, the Korean and Japanese
ones in notebooks/ko/ and notebooks/ja/ (same file names). Links are relative, so they work in JupyterLab,
in the app (Voilà) and in the static site alike."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from jkquiz.i18n.language import LANGUAGE_NAMES, LANGUAGES

__all__ = ["START_PAGE", "LanguageLink", "edition_folder", "edition_language", "edition_page", "language_links",
           "links_markdown", "switch_markdown"]

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


def edition_folder(root: Path, lang: str) -> Path:
    """Where `lang`'s lessons sit under a course folder `root`: English in it, the others in <lang>/."""
    return root if lang == "en" else root / lang


def edition_page(lang: str, page: str) -> str:
    """`page` of `lang`'s edition, relative to the course folder ('ko/03-territory.ipynb'; English: `page`)."""
    return page if lang == "en" else f"{lang}/{page}"


def _links(here: str, page: str, has: Callable[[str], bool]) -> list[LanguageLink]:
    """Each language whose edition `has` the page (this one, `here`, always), with its link from `here`'s folder."""
    root = Path("/course")  # any root: only the paths relative to each other matter
    links = []
    for code in LANGUAGES:
        if code != here and not has(code):
            continue
        target = edition_folder(root, code) / page
        href = page if code == here else Path(os.path.relpath(target, edition_folder(root, here))).as_posix()
        links.append(LanguageLink(code, LANGUAGE_NAMES[code], href, code == here))
    return links


def language_links(folder: Path, page: str = START_PAGE) -> list[LanguageLink]:
    """The switch for a page of the lessons in `folder`: each language whose edition has `page`, this one first
    marked current (an edition not built yet is left out rather than linked broken)."""
    here = edition_language(folder)
    root = folder.parent if here != "en" else folder
    return _links(here, page, lambda code: (edition_folder(root, code) / page).is_file())


def links_markdown(folder: Path, page: str = START_PAGE) -> str:
    """The switch as one line of Markdown ('English · [한국어](ko/00-start-here.ipynb) · ...'); empty with one
    edition only."""
    return _markdown(language_links(folder, page))


def switch_markdown(here: str, page: str, editions: Mapping[str, Collection[str]]) -> str:
    """The switch for `page` of the `here` edition, as the builder writes it: `editions` maps each language to the
    pages it has (from the sources, so a build of one language links the others whether or not they are built)."""
    return _markdown(_links(here, page, lambda code: page in editions.get(code, ())))


def _markdown(links: list[LanguageLink]) -> str:
    if len(links) < 2:
        return ""
    return " · ".join(f"**{link.name}**" if link.current else f"[{link.name}]({link.href})" for link in links)
