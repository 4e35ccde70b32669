"""Everything the command line prints, with control and bidi characters shown escaped.

Names and texts come from files that anyone may have written: a learner called `Eve\\x1b[31m`
must not turn the instructor's terminal red, and a right-to-left override must not reorder a
line. Line breaks and tabs pass; every other control or invisible formatting character is
printed as its escape (`\\x1b`, `\\u202e`).
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


def escape_controls(text: str) -> str:
    """`text` with each unsafe character replaced by its Python escape."""
    return UNSAFE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


class SafeText:
    """A text stream that escapes unsafe characters on the way out; everything else is passed through."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_controls(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """While inside, sys.stdout and sys.stderr escape unsafe characters."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeText(out), SafeText(err)  # a TextIO in all but name
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
