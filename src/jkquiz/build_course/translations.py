"""Translated lessons, notebooks/src/<lang>/NN-slug.md, checked against their English source.

A translation keeps its English page's markers (`<!-- … -->`, in the same order), its link addresses and its
number of `##` sections; its first line records the hash of the English text it was made from, so a change
to the English marks the translation stale. Each check returns 'file:line: message' problems.
`check_translation("ko")` is what `jkquiz validate --lang ko` calls.
"""

from __future__ import annotations

import difflib
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jkquiz.bank import Bank
from jkquiz.bank.translation import text_hash
from jkquiz.build_course.checks import TRANSLATION_CHECKS
from jkquiz.build_course.source import LANGUAGES, TRANSLATION_START, Page, read_pages

Found = tuple[list[str], list[str]]
COMMENT = re.compile(r"<!--.*?-->")
URL = re.compile(r"\[[^\]]*\]\((https?://[^)\s]+)\)")


@dataclass(frozen=True)
class Marker:
    """One `<!-- … -->` comment of a source file: where it is, as written, and as compared."""

    line: int
    text: str
    key: str  # what must match the English: the comment with spaces normalised and a quiz's title left out


def _key(comment: str) -> str:
    """A marker as compared: a quiz's `title="…"` may be translated, everything else must stay."""
    inner = " ".join(comment[4:-3].split())
    if inner.startswith("quiz"):
        try:
            words = shlex.split(inner)
        except ValueError:
            return inner
        inner = " ".join(w for w in words if not w.startswith("title="))
    return inner


def markers(lines: list[str]) -> list[Marker]:
    """Every comment in the text, in order (a translation's first line, its header, left out)."""
    found = []
    for number, line in enumerate(lines, start=1):
        if number == 1 and TRANSLATION_START.match(line):
            continue
        found += [Marker(number, m.group(0), _key(m.group(0))) for m in COMMENT.finditer(line)]
    return found


def section_lines(lines: list[str]) -> list[int]:
    """The line of every `##` heading, outside fenced code."""
    found, fenced = [], False
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("## "):
            found.append(number)
    return found


def urls(lines: list[str]) -> list[tuple[int, str]]:
    """Every link address with its line, in order."""
    return [(number, m.group(1)) for number, line in enumerate(lines, start=1) for m in URL.finditer(line)]


def _lines(page: Page) -> list[str]:
    return page.source.read_text(encoding="utf-8").splitlines()


def check_origin(page: Page, english: Page) -> Found:
    """The first line names this page's English source and the hash of its text now (else: stale)."""
    current = text_hash(english.source.read_text(encoding="utf-8"))
    expected = f"<!-- translation of {english.source.name}; English hash {current} -->"
    if page.english_hash is None:
        if any("cannot read this first line" in p for p in page.problems):
            return [], []  # already reported by the reader
        return [f"{page.where(1)}: a translation starts with the line {expected}"], []
    if page.translation_of != english.source.name:
        return [f"{page.where(1)}: the first line names {page.translation_of}; this file translates "
                f"{english.source.name}"], []
    if page.english_hash != current:
        return [f"{page.where(1)}: stale: {english.where(1)} changed since this was translated (English hash "
                f"{page.english_hash}, now {current}); bring the translation up to date, then set the hash to {current}"], []
    return [], []


def check_markers(page: Page, english: Page) -> Found:
    """The same `<!-- … -->` markers as the English, in the same order (a quiz's title may be translated)."""
    ours, theirs = markers(_lines(page)), markers(_lines(english))
    errors = []
    matcher = difflib.SequenceMatcher(a=[m.key for m in theirs], b=[m.key for m in ours], autojunk=False)
    end = len(_lines(page)) or 1
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        at = ours[b1].line if b1 < len(ours) else end  # where the English marker should have been
        if op == "replace" and a2 - a1 == b2 - b1:
            errors += [f"{page.where(o.line)}: marker {o.text} where the English has {t.text} "
                       f"({english.where(t.line)})" for o, t in zip(ours[b1:b2], theirs[a1:a2])]
            continue
        errors += [f"{page.where(at)}: missing marker {t.text} ({english.where(t.line)})" for t in theirs[a1:a2]]
        errors += [f"{page.where(o.line)}: marker {o.text} is not in the English {english.source.name}"
                   for o in ours[b1:b2]]
    return errors, []


def check_links(page: Page, english: Page, cited: frozenset[str] = frozenset()) -> Found:
    """Every link address of the English (translate a link's words, never its address), and no other except a
    source the bank cites (`cited`): where a government publishes its position in the translation's language,
    that page is cited beside the English one, and it is added to the matching fact's sources."""
    ours_lines, theirs_lines = _lines(page), _lines(english)
    ours, theirs = urls(ours_lines), urls(theirs_lines)
    our_sections, their_sections = section_lines(ours_lines), section_lines(theirs_lines)
    ours_set, theirs_set = {u for _, u in ours}, {u for _, u in theirs}
    errors = []
    reported: set[str] = set()
    for line, url in theirs:
        if url in ours_set or url in reported:
            continue
        reported.add(url)
        # the matching section of the translation (sections correspond in order), else its first line
        index = sum(1 for s in their_sections if s <= line) - 1
        at = our_sections[index] if 0 <= index < len(our_sections) and len(our_sections) == len(their_sections) else 1
        errors.append(f"{page.where(at)}: missing the link to {url} ({english.where(line)})")
    for line, url in ours:
        if url not in theirs_set and url not in reported and url not in cited:
            reported.add(url)
            errors.append(f"{page.where(line)}: link to {url} is not in the English {english.source.name} "
                          "(keep every address as it is; translate only the link's words; a page in this language "
                          "cited beside the English one must be a source of the bank's matching fact)")
    return errors, []


def check_sections(page: Page, english: Page) -> Found:
    """As many `##` sections as the English, so each section translates one section."""
    ours, theirs = section_lines(_lines(page)), section_lines(_lines(english))
    if len(ours) == len(theirs):
        return [], []
    at = ours[len(theirs)] if len(ours) > len(theirs) else (ours[-1] if ours else 1)
    return [f"{page.where(at)}: {len(ours)} `##` sections; the English {english.source.name} has {len(theirs)}"], []


COMPARISONS: list[Callable[[Page, Page], Found]] = [check_origin, check_markers, check_links, check_sections]


def cited_urls(bank: Bank) -> frozenset[str]:
    """Every address the bank's facts cite."""
    return frozenset(s.url for fact in bank.facts.values() for s in fact.sources if s.url)


def compare_pages(pages: list[Page], english: list[Page], bank: Bank | None = None) -> Found:
    """Every difference between each translated page and its English page that a translation may not have."""
    cited = cited_urls(bank) if bank is not None else frozenset()
    by_name = {p.source.name: p for p in english}
    errors: list[str] = []
    warnings: list[str] = []
    for page in pages:
        source = by_name.get(page.source.name)
        if source is None:
            errors.append(f"{page.where(1)}: no English page {page.source.name} next to notebooks/src/{page.lang}/ "
                          f"(a translation has the name of the page it translates)")
            continue
        for check in COMPARISONS:
            found_errors, found_warnings = check_links(page, source, cited) if check is check_links else check(page, source)
            errors += found_errors
            warnings += found_warnings
    return errors, warnings


def translation_sources(source: Path, lang: str) -> Path:
    """Where the lessons' translations into `lang` are: notebooks/src/<lang>/."""
    return source / lang


def check_language(lang: str, english: list[Page], source: Path, bank: Bank) -> tuple[list[Page], list[str], list[str]]:
    """Read and check every translated page of `lang`: its own problems, its checks, and its English."""
    folder = translation_sources(source, lang)
    pages = read_pages(folder, lang) if folder.is_dir() else []
    errors: list[str] = []
    warnings: list[str] = []
    for page in pages:
        errors += page.problems
        for check in TRANSLATION_CHECKS:
            found_errors, found_warnings = check(page, bank)
            errors += found_errors
            warnings += found_warnings
    found_errors, found_warnings = compare_pages(pages, english, bank)
    return pages, errors + found_errors, warnings + found_warnings


def untranslated(lang: str, english: list[Page], pages: list[Page], source: Path) -> list[str]:
    """A line for each English page without a translation into `lang`."""
    have = {p.source.name for p in pages}
    folder = translation_sources(source, lang)
    return [f"{english_page.where(1)}: no translation into {lang} yet (write {_shown(folder / english_page.source.name)})"
            for english_page in english if english_page.source.name not in have]


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def check_translation(lang: str, *, source: Path | None = None, bank: Bank | None = None,
                      require_all: bool = True) -> list[str]:
    """Every problem of the lessons' translations into `lang`, as 'file:line: message' (empty when all is well).

    Stale (the English changed since), markers, links and sections unlike the English, a header without the
    language's lead-ins; with `require_all`, also each English page not yet translated.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no lesson translations into {lang!r}; languages: {', '.join(LANGUAGES)}")
    if source is None:
        from jkquiz.course import notebooks_dir

        source = notebooks_dir() / "src"
    if bank is None:
        from jkquiz.bank.shared import course_bank

        bank = course_bank()
    english = read_pages(source)
    pages, errors, _warnings = check_language(lang, english, source, bank)
    return errors + (untranslated(lang, english, pages, source) if require_all else [])
