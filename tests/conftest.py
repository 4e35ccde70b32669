"""Shared fixtures: paths to the test banks and a clean jkquiz home per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fixture_paths import FIXTURES


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
    """Keep every test's progress database and Jupyter files out of the user's home."""
    home = tmp_path_factory.mktemp("jkquiz-home")
    monkeypatch.setenv("JKQUIZ_HOME", str(home))
    _forget_progress_store()
    yield home
    _forget_progress_store()


def _forget_progress_store() -> None:
    """The kernel-wide progress store is opened once per process: each test opens its own home's."""
    import sys

    study = sys.modules.get("jkquiz.study")
    if study is not None:
        study.forget_store()
