"""course.py runs any jkquiz command from where the user is, and git ignores Jupyter's checkpoints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_course_py_passes_a_command_through_from_the_current_folder(tmp_path: Path) -> None:
    """`python3 course.py jkquiz validate data/bank` with a path relative to where it is typed."""
    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "01-t.yaml").write_text(
        "topic:\n  id: t\n  title: T\n  objectives: [Read]\nfacts: []\nquestions: []\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "course.py"), "jkquiz", "validate", "bank"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0] == "bank/01-t.yaml:2:3: t: topic 't' has no questions"


def test_git_ignores_notebook_checkpoints() -> None:
    checkpoint = ROOT / "notebooks" / ".ipynb_checkpoints" / "00-start-here-checkpoint.ipynb"
    result = subprocess.run(["git", "check-ignore", "-q", str(checkpoint)], cwd=ROOT)
    assert result.returncode == 0, "git would offer .ipynb_checkpoints/ for committing"
