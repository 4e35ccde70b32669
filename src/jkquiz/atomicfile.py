"""Replace a file in one step (a temporary file beside it, then a rename), with ordinary permissions.

`tempfile.mkstemp` creates its file -rw------- whatever the umask says, so a file renamed into
place from it keeps that mode: a web server running as another user could not serve an HTML
export. The file written here gets the mode a plain `open(path, "w")` would give it (0o666 less
the umask), or the mode of the file it replaces.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def default_mode() -> int:
    """0o666 less the process umask: what a newly created file gets."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def replace_file(path: Path, write: Callable[[IO[bytes]], object], *, keep_mode: bool = True,
                 before_replace: Callable[[], None] | None = None) -> None:
    """Write `path` through `write` (given a binary file) and rename it into place; no half-written file ever.

    `keep_mode`: an existing file keeps its permissions; otherwise (or for a new file) the umask decides.
    `before_replace` runs last, just before the rename, and may raise to cancel it.
    """
    folder = path.parent if str(path.parent) else Path(".")
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        mode = stat.S_IMODE(path.stat().st_mode) if keep_mode and path.exists() else default_mode()
        os.chmod(temp, mode)
        if before_replace is not None:
            before_replace()
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
