"""Small helpers shared by the benchmarks: best-of-N timing and the JSON last line."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any


def best_of(fn: Callable[[], Any], repeat: int = 5) -> float:
    """The fastest of `repeat` runs, in seconds (the least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def report(figures: dict[str, Any]) -> None:
    """Print each figure on its own line, then all of them as one JSON object (the last line)."""
    for key, value in figures.items():
        print(f"{key}: {value}")
    print(json.dumps(figures, sort_keys=True))
