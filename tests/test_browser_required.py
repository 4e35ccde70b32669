"""Without Chromium the browser tests are skipped with what to install, but fail in CI (JKQUIZ_REQUIRE_BROWSER=1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ONE_BROWSER_TEST = "tests/browser/test_app.py::test_contents_lists_every_lesson_with_objectives_time_and_score"


def run_without_browser(require: bool) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JKQUIZ_CHROMIUM": "/nonexistent/chromium"}
    env.pop("JKQUIZ_REQUIRE_BROWSER", None)
    if require:
        env["JKQUIZ_REQUIRE_BROWSER"] = "1"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", ONE_BROWSER_TEST],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("require", [False, True])
def test_missing_browser_skips_locally_and_fails_in_ci(require: bool) -> None:
    result = run_without_browser(require)
    assert "Chromium not found at /nonexistent/chromium: install it with `sudo apt-get install chromium`" in result.stdout
    if require:
        assert result.returncode != 0 and "1 error" in result.stdout, result.stdout
        assert "JKQUIZ_REQUIRE_BROWSER=1: the browser tests must run" in result.stdout
    else:
        assert result.returncode == 0 and "1 skipped" in result.stdout, result.stdout
