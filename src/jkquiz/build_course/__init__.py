"""Build the course notebooks from notebooks/src/*.md: `python -m jkquiz.build_course`.

Re-runnable: every notebook is rewritten from its source, navigation and contents are
regenerated, and each notebook is executed so its outputs (figures, widget state) are stored.
Translations, notebooks/src/<lang>/NN-slug.md (lang ko or ja), become notebooks/<lang>/NN-slug.ipynb;
they are checked against their English page first (translations.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jkquiz.bank import Bank
from jkquiz.build_course.assemble import Edition, build_notebook
from jkquiz.build_course.checks import check_pages
from jkquiz.build_course.source import LANGUAGES, Page, read_pages
from jkquiz.build_course.translations import check_language, check_translation, translation_sources
from jkquiz.i18n.switch import edition_folder, edition_page

ROOT = Path(__file__).resolve().parents[3]


@dataclass
class BuildResult:
    """What a build found and did."""

    pages: list[Page]
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # execution time per notebook ("ko/02-….ipynb")


def languages_present(source: Path) -> list[str]:
    """The languages with translated pages in `source` (notebooks/src/<lang>/NN-slug.md)."""
    return [lang for lang in LANGUAGES if any(translation_sources(source, lang).glob("[0-9][0-9]-*.md"))]


def build(
    source: Path = ROOT / "notebooks" / "src",
    out: Path = ROOT / "notebooks",
    *,
    bank: Bank | None = None,
    bank_dir: Path | None = None,
    only: Iterable[str] | None = None,
    langs: Iterable[str] | None = None,
    run: bool = True,
    check_only: bool = False,
    say: Callable[[str], None] = lambda _text: None,
) -> BuildResult:
    """Check every page; if nothing is wrong, write (and execute) the notebooks named by `only` (all by default).

    `langs`: "en" and/or translation languages; by default English and every language with translations.
    A translation's topic titles come from the bank's translation (`bank_dir`/<lang>/), English when missing.
    """
    if bank is None:
        from jkquiz.bank.shared import course_bank
        from jkquiz.datafiles import data_dir

        bank = course_bank()
        bank_dir = bank_dir or data_dir("JKQUIZ_BANK", "bank", "data/bank")
    chosen = ["en", *languages_present(source)] if langs is None else list(langs)
    english = read_pages(source)
    result = BuildResult([])
    editions: list[tuple[Edition, list[Page]]] = []
    present = {"en": frozenset(p.notebook_name for p in english)}
    present |= {lang: frozenset(f"{path.stem}.ipynb" for path in translation_sources(source, lang).glob("[0-9][0-9]-*.md"))
                for lang in languages_present(source)}
    if "en" in chosen:
        result.pages += english
        errors, warnings = check_pages(english, bank, _topic_files(bank, bank_dir))
        result.errors += errors
        result.warnings += warnings
        editions.append((Edition(editions=present), english))
    for lang in (code for code in chosen if code != "en"):
        pages, errors, warnings = check_language(lang, english, source, bank)
        result.pages += pages
        result.errors += errors
        result.warnings += warnings
        titles = _topic_titles(bank, bank_dir, lang)
        editions.append((Edition(lang, {p.notebook_name: p for p in pages}, titles, present), pages))
    if result.errors or check_only:
        return result
    wanted = set(only or [])
    for edition, pages in editions:
        folder = edition_folder(out, edition.lang)
        for page in pages:
            if wanted and not wanted & {page.slug, page.notebook_name, f"{page.number:02d}-{page.slug}"}:
                continue
            notebook = build_notebook(page, english, bank, edition)
            name = edition_page(edition.lang, page.notebook_name)
            if run:
                from jkquiz.build_course.execute import execute

                started = time.perf_counter()
                say(f"executing {name}")
                execute(notebook, folder, lang=edition.lang)
                result.seconds[name] = time.perf_counter() - started
            target = folder / page.notebook_name
            _write(notebook, target)
            result.written.append(target)
    return result


def _topic_files(bank: Bank, bank_dir: Path | None) -> dict[str, str]:
    """Each topic's bank file, read from the bank folder's file names (empty without the folder)."""
    from jkquiz.bank.translation import topic_files

    return topic_files(bank, bank_dir) if bank_dir is not None else {}


def _topic_titles(bank: Bank, bank_dir: Path | None, lang: str) -> dict[str, str]:
    """Each topic's title in `lang`, from the bank's translation; topics without one are left out."""
    if bank_dir is None:
        return {}
    from jkquiz.bank.translation import load_translation

    translation = load_translation(bank, bank_dir, lang)
    titles = {t: translation.text(t, "topic", "", "title", topic.title) for t, topic in bank.topics.items()}
    return {t: title for t, title in titles.items() if title}


def _write(notebook: object, target: Path) -> None:
    import nbformat

    nbformat.validate(notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".ipynb.tmp")
    nbformat.write(notebook, str(tmp))
    tmp.replace(target)  # a half-written notebook never replaces a good one


__all__ = ["BuildResult", "build", "check_translation", "languages_present"]
