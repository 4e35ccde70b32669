"""Similarity of two strings (typo tolerance, "did you mean"): rapidfuzz when installed, else pure Python.

The browser (Pyodide) has no rapidfuzz wheel. `ratio` there is computed the same way rapidfuzz's
`fuzz.ratio` is (normalized Indel similarity, 0-100), so grading gives the same verdicts either way;
the test suite runs the grading table both ways. Suggestions (`closest`) use rapidfuzz's WRatio when
it is there and plain `ratio` otherwise: a hint may differ, a grade never does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache


def _indel_ratio(a: str, b: str) -> float:
    """100 * (1 - Indel distance / total length), as rapidfuzz's fuzz.ratio; 100 for two empty strings."""
    total = len(a) + len(b)
    if total == 0:
        return 100.0
    if len(b) > len(a):
        a, b = b, a
    # longest common subsequence, one row at a time; Indel distance = total - 2 * LCS
    previous = [0] * (len(b) + 1)
    for char in a:
        current = [0]
        for j, other in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if char == other else max(previous[j], current[j - 1]))
        previous = current
    distance = total - 2 * previous[-1]
    return (1.0 - distance / total) * 100


@lru_cache(maxsize=1)
def _backend() -> Callable[[str, str], float]:
    """rapidfuzz's ratio when it can be imported, else the pure-Python one."""
    try:
        from rapidfuzz import fuzz
    except ImportError:
        return _indel_ratio
    return fuzz.ratio


def ratio(a: str, b: str) -> float:
    """Similarity of two strings, 0-100 (100 = equal)."""
    return float(_backend()(a, b))


def using_rapidfuzz() -> bool:
    """True when rapidfuzz does the work."""
    return _backend() is not _indel_ratio


def closest(word: str, choices: Sequence[str], *, limit: int = 1, cutoff: float = 60) -> list[str]:
    """Up to `limit` choices most like `word`, best first, each scoring at least `cutoff`."""
    if using_rapidfuzz():
        from rapidfuzz import process

        return [m[0] for m in process.extract(word, list(choices), limit=limit, score_cutoff=cutoff)]
    scored = sorted(((ratio(word, c), i, c) for i, c in enumerate(choices)), key=lambda s: (-s[0], s[1]))
    return [c for score, _, c in scored if score >= cutoff][:limit]
