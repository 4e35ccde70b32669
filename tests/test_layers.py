"""The layer rules: bank, engine and progress import no ipywidgets, IPython; bank and engine no SQLite;
and the import-linter contracts (pyproject.toml) hold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fixture_paths import ROOT


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


def test_import_contracts_hold() -> None:
    """The import-linter contracts in pyproject.toml: layers (data flows down), no view in the model, no Jinja2 in
    a learner's kernel, the course server's launcher, server and kernel parts apart, no cycles."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml")], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 7 kept, 0 broken." in result.stdout
