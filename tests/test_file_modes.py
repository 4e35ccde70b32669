"""Files jkquiz writes get the permissions the user's umask gives, as any program's files do."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from jkquiz.cli import main
from jkquiz.progress import open_store, write_export

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_html_export_is_readable_by_a_web_server(tmp_path: Path, umask_022: None, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "quiz.gift"
    assert main(["export", "gift", "--topic", "normalization", "-o", str(target)]) == 0
    assert mode(target) == 0o644
    site = tmp_path / "site"
    assert main(["export", "html", "-o", str(site)]) == 0
    pages = list(site.rglob("*.html"))
    assert pages and {mode(p) for p in pages} == {0o644}


def test_progress_export_follows_the_umask(tmp_path: Path, umask_022: None) -> None:
    store = open_store(tmp_path / "progress.sqlite3")
    target = tmp_path / "aiko.jsonl"
    write_export(store, "Aiko", target)
    assert mode(target) == 0o644
    os.umask(0o077)
    write_export(store, "Aiko", tmp_path / "private.jsonl")
    assert mode(tmp_path / "private.jsonl") == 0o600
