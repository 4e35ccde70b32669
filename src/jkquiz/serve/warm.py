"""Warm a JupyterLab kernel started by `jkquiz lab`: load the course bank before the learner's Run All."""

from __future__ import annotations

import json
import sys
from pathlib import Path

WARM_LINE = "__import__('jkquiz.serve.warm', fromlist=['warm']).warm()"  # binds no name in the notebook


def warm() -> None:
    """Load the bank and the quiz widgets now, while the learner reads the lesson's first lines."""
    try:
        from jkquiz.bank.shared import course_bank
        import jkquiz.widgets  # noqa: F401 - imported for its cost, paid before the first quiz

        course_bank()
    except Exception:  # noqa: BLE001 - the notebook's own first call shows any problem, in words
        pass


def write_kernelspec(data_dir: Path) -> Path:
    """A `python3` kernelspec in `data_dir` (a JUPYTER_PATH entry): this Python, warmed at start.

    It also makes the course run on the Python jkquiz is installed in, even when the learner has
    another `python3` kernel registered for their own work.
    """
    folder = data_dir / "kernels" / "python3"
    folder.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                 f"--IPKernelApp.exec_lines={WARM_LINE}"],
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "metadata": {"debugger": True},
    }
    (folder / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder
