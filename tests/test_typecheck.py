"""The type checker passes over src/ ([tool.mypy] in pyproject.toml), and every `type: ignore` says why."""

from __future__ import annotations

import re
import subprocess
import sys

from fixture_paths import ROOT


def test_mypy_passes_over_src() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")


def test_every_type_ignore_carries_a_reason() -> None:
    bare = []
    for path in sorted((ROOT / "src").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found = re.search(r"type: ignore(\[[^\]]*\])?(.*)$", line)
            if found and not re.match(r"\s+#\s*\S", found.group(2)):
                bare.append(f"{path.relative_to(ROOT)}:{number}")
    assert bare == []
