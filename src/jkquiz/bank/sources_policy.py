"""Sources a course can cite: addresses on the refused list (mirrors, wikis, aggregators) are errors.

The list jkquiz ships is `refused_sources.txt` beside this module; an instructor adds entries in a
`refused-sources.txt` in the bank folder. An entry is a domain (it and its subdomains) or a
shell-style pattern on the host name.
"""

from __future__ import annotations

import fnmatch
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

SHIPPED = Path(__file__).with_name("refused_sources.txt")
LOCAL_NAME = "refused-sources.txt"


def read_entries(path: Path) -> tuple[str, ...]:
    """The entries of one list file: lower-case, without comments and blank lines."""
    lines = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


@lru_cache(maxsize=8)
def refused_entries(bank_folders: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The shipped list plus the `refused-sources.txt` of each bank folder that has one."""
    entries = list(read_entries(SHIPPED))
    for folder in bank_folders:
        local = Path(folder) / LOCAL_NAME
        if local.is_file():
            entries += read_entries(local)
    return tuple(entries)


def refused_by(url: str, entries: tuple[str, ...]) -> str | None:
    """The entry that refuses `url`, or None."""
    host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    if not host:
        return None
    for entry in entries:
        if any(c in entry for c in "*?["):
            if fnmatch.fnmatchcase(host, entry):
                return entry
        elif host == entry or host.endswith("." + entry):
            return entry
    return None
