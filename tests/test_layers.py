"""The layer rules: bank, engine and progress import no ipywidgets, IPython; bank and engine no SQLite."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        ("jkquiz.bank", ("ipywidgets", "IPython", "sqlite3")),
        ("jkquiz.engine", ("ipywidgets", "IPython", "sqlite3")),
        ("jkquiz", ("ipywidgets", "IPython", "pydantic", "matplotlib")),
    ],
)
def test_module_imports_nothing_forbidden(module: str, forbidden: tuple[str, ...]) -> None:
    code = (
        f"import sys, {module}\n"
        f"bad = [m for m in {forbidden!r} if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"importing {module} imported {out}"
