"""jkquiz.fuzzy: the pure-Python ratio (the browser has no rapidfuzz) gives rapidfuzz's numbers exactly."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from jkquiz import fuzzy
from jkquiz.text import squash

PAIRS = [("", ""), ("a", ""), ("", "abc"), ("dokdo", "dokdo"), ("dokdo", "tokdo"), ("korobessho", "korobeshho"),
         ("takeshima", "takeshma"), ("독도", "독도"), ("竹島", "竹嶋"), ("seaofjapan", "eastsea"), ("abc", "cba")]


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_ratio_equals_rapidfuzz(a: str, b: str) -> None:
    assert fuzzy._indel_ratio(a, b) == fuzz.ratio(a, b)


def test_ratio_equals_rapidfuzz_on_random_strings() -> None:
    rng = random.Random(7)
    alphabet = "abcdeoktsh독도竹島 "
    for _ in range(2000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert fuzzy._indel_ratio(a, b) == fuzz.ratio(a, b), (a, b)


def test_same_verdict_on_every_answer_of_the_course(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each text question's accepted spellings against typos of each other: the same ratio both ways."""
    from jkquiz.api import course_bank

    texts = [q for q in course_bank().questions.values() if q.type == "text"]  # type: ignore[attr-defined]
    assert texts
    for q in texts:
        spellings = [squash(s) for s in [q.answer, *q.alternates]]  # type: ignore[attr-defined]
        for a in spellings:
            for b in spellings + [a[:-1], a[1:] + "x", a[::-1]]:
                assert fuzzy._indel_ratio(a, b) == fuzz.ratio(a, b), (q.id, a, b)


def test_closest_without_rapidfuzz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fuzzy, "_backend", lambda: fuzzy._indel_ratio)
    monkeypatch.setattr(fuzzy, "using_rapidfuzz", lambda: False)
    assert fuzzy.closest("explanaton", ["prompt", "explanation", "facts"]) == ["explanation"]
    assert fuzzy.closest("zzz", ["prompt", "facts"]) == []
    assert fuzzy.closest("q-terr", ["q-terr-a", "q-terr-b", "q-norm"], limit=2) == ["q-terr-a", "q-terr-b"]
