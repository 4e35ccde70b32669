"""Execute built notebooks with nbclient, storing widget state, with a throwaway JKQUIZ_HOME."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

CELL_TIMEOUT = 120  # seconds per cell; a cold kernel loads the bank and matplotlib in a few


def execute(notebook: Any, folder: Path, home: Path | None = None, lang: str = "en") -> Any:
    """Run every cell in `folder` (as pytest-notebook does) and return the notebook with its outputs.

    The kernel speaks `lang` (JKQUIZ_LANG), as a learner's does when the course is served in it."""
    from nbclient import NotebookClient

    folder.mkdir(parents=True, exist_ok=True)  # notebooks/<lang>/ the first time
    with tempfile.TemporaryDirectory(prefix="jkquiz-build-home-") as scratch:
        env = {**os.environ, "JKQUIZ_HOME": str(home or scratch)}  # a learner's progress is never touched
        env["JKQUIZ_LANG"] = lang  # not the builder's own language: a page's outputs depend on its language only
        client = NotebookClient(
            notebook,
            timeout=CELL_TIMEOUT,
            kernel_name="python3",
            resources={"metadata": {"path": str(folder)}},
            store_widget_state=True,
            record_timing=False,  # no timestamps in the stored notebooks
        )
        client.execute(env=env)
    return notebook
