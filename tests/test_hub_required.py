"""The real-hub test is skipped only on purpose (JKQUIZ_SKIP_HUB=1), and never in CI (JKQUIZ_REQUIRE_BROWSER=1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HUB_TEST = "tests/browser/test_hub.py"


def run_hub_test(**env_vars: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("JKQUIZ_REQUIRE_BROWSER", "JKQUIZ_SKIP_HUB")}
    env.update(env_vars)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", HUB_TEST],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("ci", [False, True])
def test_skipping_the_hub_test_is_explicit_and_refused_in_ci(ci: bool) -> None:
    result = run_hub_test(JKQUIZ_SKIP_HUB="1", **({"JKQUIZ_REQUIRE_BROWSER": "1"} if ci else {}))
    if ci:
        assert result.returncode != 0 and "the hub test must run" in result.stdout, result.stdout
    else:
        assert result.returncode == 0 and "1 skipped" in result.stdout, result.stdout
        assert "skipped on purpose" in result.stdout


def test_the_hub_test_is_marked_so_it_can_be_deselected() -> None:
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not hub",
                             "--collect-only", HUB_TEST], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "1 deselected" in result.stdout, result.stdout
