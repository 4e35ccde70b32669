"""Shared fixtures: paths to the test banks and a clean jkquiz home per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fixture_paths import FIXTURES, TESTS

# Modules whose tests start Jupyter servers or kernels (seconds each): `-m "not slow"` leaves them out.
SLOW_MODULES = {"test_notebooks_execute.py", "test_serve.py", "test_serve_language.py", "test_binder.py"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what needs Chromium (everything under tests/browser/) `browser`, and the slowest tests `slow`."""
    browser_dir = TESTS / "browser"
    for item in items:
        path = Path(str(item.path))
        if browser_dir in path.parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
        elif path.name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def mini_bank_dir() -> Path:
    """A small valid bank with every question type."""
    return FIXTURES / "mini"


@pytest.fixture
def mini_bank(mini_bank_dir: Path):
    """The small valid bank, loaded."""
    from jkquiz.bank import load_bank

    return load_bank(mini_bank_dir)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Keep every test's progress database and Jupyter files out of the user's home; every test starts in English
    (no language chosen, none in $JKQUIZ_LANG)."""
    home = tmp_path_factory.mktemp("jkquiz-home")
    monkeypatch.setenv("JKQUIZ_HOME", str(home))
    monkeypatch.delenv("JKQUIZ_LANG", raising=False)
    _forget_progress_store()
    _forget_language()
    yield home
    _forget_progress_store()
    _forget_language()


def _forget_language() -> None:
    """A language chosen by one test (set_language, or remembered from its store) is not the next test's."""
    from jkquiz.i18n import remember_language, set_language

    set_language(None)
    remember_language(None)


def _forget_progress_store() -> None:
    """The kernel-wide progress store is opened once per process: each test opens its own home's."""
    import sys

    study = sys.modules.get("jkquiz.notebook.study")
    if study is not None:
        study.forget_store()
    current = sys.modules.get("jkquiz.progress.current")
    if current is not None:
        current.forget_store()


@pytest.fixture
def course_bank_from(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Make the course bank another folder for one test (JKQUIZ_BANK, for a kernel too), forgetting the loaded
    course bank and its translations before and after, so no later test sees that folder's bank."""
    from jkquiz.bank import shared

    def forget() -> None:
        shared.course_bank.cache_clear()
        shared.course_localizer.cache_clear()

    def use(folder: Path) -> None:
        monkeypatch.setenv("JKQUIZ_BANK", str(folder))
        forget()

    yield use
    forget()


@pytest.fixture
def translated_bank_dir(tmp_path: Path, mini_bank_dir: Path) -> Path:
    """A copy of the mini bank with its Korean translation (tests/fixtures/translations/ko) beside it."""
    import shutil

    folder = tmp_path / "bank"
    shutil.copytree(mini_bank_dir, folder)
    shutil.copytree(FIXTURES / "translations" / "ko", folder / "ko")
    return folder
