"""Build the course notebooks from notebooks/src/*.md: `python -m jkquiz.build_course`.

Re-runnable: every notebook is rewritten from its source, navigation and contents are
regenerated, and each notebook is executed so its outputs (figures, widget state) are stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jkquiz.bank import Bank
from jkquiz.build_course.assemble import build_notebook
from jkquiz.build_course.checks import check_pages
from jkquiz.build_course.source import Page, read_pages

ROOT = Path(__file__).resolve().parents[3]


@dataclass
class BuildResult:
    """What a build found and did."""

    pages: list[Page]
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # execution time per notebook


def build(
    source: Path = ROOT / "notebooks" / "src",
    out: Path = ROOT / "notebooks",
    *,
    bank: Bank | None = None,
    only: Iterable[str] | None = None,
    run: bool = True,
    check_only: bool = False,
    say: Callable[[str], None] = lambda _text: None,
) -> BuildResult:
    """Check every page; if nothing is wrong, write (and execute) the notebooks named by `only` (all by default)."""
    if bank is None:
        from jkquiz.bank.shared import course_bank

        bank = course_bank()
    pages = read_pages(source)
    errors, warnings = check_pages(pages, bank)
    result = BuildResult(pages, errors, warnings)
    if errors or check_only:
        return result
    wanted = set(only or [])
    for page in pages:
        if wanted and not wanted & {page.slug, page.notebook_name, f"{page.number:02d}-{page.slug}"}:
            continue
        notebook = build_notebook(page, pages, bank)
        if run:
            from jkquiz.build_course.execute import execute

            started = time.perf_counter()
            say(f"executing {page.notebook_name}")
            execute(notebook, out)
            result.seconds[page.notebook_name] = time.perf_counter() - started
        target = out / page.notebook_name
        _write(notebook, target)
        result.written.append(target)
    return result


def _write(notebook: object, target: Path) -> None:
    import nbformat

    nbformat.validate(notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".ipynb.tmp")
    nbformat.write(notebook, str(tmp))
    tmp.replace(target)  # a half-written notebook never replaces a good one


__all__ = ["BuildResult", "build"]
