"""The `python3` kernelspec a course server starts its kernels with: this Python, warmed at start."""

from __future__ import annotations

import json
import sys
from pathlib import Path

WARM_MODULE = "jkquiz.serve.kernel.warm"  # runs in the kernel; named, never imported here
WARM_LINE = f"__import__('{WARM_MODULE}', fromlist=['warm']).warm()"  # binds no name in the notebook


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
