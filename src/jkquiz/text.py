"""Text normalization shared by the bank checks and the grader (no third-party imports)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_LATIN_LIMIT = 0x0370  # combining marks are dropped only after Latin letters (keeps kana dakuten)


def normalize(text: str) -> str:
    """Fold case, width, Latin diacritics and punctuation: 'Kōrō  Bessho.' -> 'koro bessho'."""
    text = unicodedata.normalize("NFKC", text).casefold()
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        category = unicodedata.category(char)
        if category == "Mn" and kept and ord(kept[-1]) < _LATIN_LIMIT:
            continue
        kept.append(" " if category[0] in "PS" or category == "Zs" else char)
    folded = unicodedata.normalize("NFC", "".join(kept))
    return _SPACES.sub(" ", folded).strip()


def squash(text: str) -> str:
    """normalize() without any spaces: 'Heung-su' and 'Heung su' both give 'heungsu'."""
    return normalize(text).replace(" ", "")


def contains_phrase(haystack: str, needle: str) -> bool:
    """True when `needle` appears in `haystack` as whole words, after normalization."""
    n = normalize(needle)
    if not n:
        return False
    return f" {n} " in f" {normalize(haystack)} "


def format_number(value: float) -> str:
    """1965.0 -> '1965'; 2.5 -> '2.5'."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def slips(a: str, b: str, limit: int = 2) -> int:
    """Typing slips between two texts: insertions, deletions, substitutions and swaps of two neighbours
    (optimal string alignment distance), counted up to `limit` + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        row = [i]
        for j, y in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, before[j - 2] + 1)
            row.append(cost)
        if min(row) > limit:
            return limit + 1
        before, previous = previous, row
    return min(previous[-1], limit + 1)


def slips_allowed(answer: str) -> int:
    """How many slips a typed answer may have: none under 4 characters, one up to 7, two from 8."""
    return 0 if len(answer) < 4 else 1 if len(answer) <= 7 else 2
