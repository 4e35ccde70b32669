"""What the class report keeps while learners stream past: running sums per question version, a small row per learner.

Nothing here holds an answer: a question version keeps its count, an exact running sum of scores (the facility),
co-moments of (score, the learner's rest score) for the corrected item-total correlation, and counts of distinct
responses (the picks); a learner keeps a compact row (name and scores by topic).
"""

from __future__ import annotations

import json
import math
import struct
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

_TOPIC = struct.Struct("<Hdi")  # topic's position among the bank's topics, mean score, questions answered


class TopicScores(Mapping[str, tuple[float, int]]):
    """A learner's (mean score 0..1, questions answered) by topic, packed in one bytes object (a dict of tuples
    takes ten times the room, which 100,000 learners feel)."""

    __slots__ = ("_names", "_packed")

    def __init__(self, scores: Mapping[str, tuple[float, int]], names: tuple[str, ...]) -> None:
        position = {name: i for i, name in enumerate(names)} if len(scores) else {}
        extra = tuple(t for t in scores if t not in position)  # a topic the bank does not list (a hand-made row)
        if extra:
            names = names + extra
            position.update((t, len(names) - len(extra) + i) for i, t in enumerate(extra))
        self._names = names  # shared by every row: one tuple for the class
        self._packed = b"".join(_TOPIC.pack(position[t], mean, n) for t, (mean, n) in scores.items())

    @classmethod
    def from_packed(cls, packed: bytes, names: tuple[str, ...]) -> TopicScores:
        """The scores again from their packed bytes (as kept on disk) and the names they were packed with."""
        scores = cls.__new__(cls)
        scores._names, scores._packed = names, packed
        return scores

    @property
    def packed(self) -> bytes:
        """The scores as bytes: (topic's position in `names`, mean, answered) each."""
        return self._packed

    @property
    def names(self) -> tuple[str, ...]:
        """The topic names the positions refer to."""
        return self._names

    def __getitem__(self, topic: str) -> tuple[float, int]:
        for i, mean, n in _TOPIC.iter_unpack(self._packed):
            if self._names[i] == topic:
                return mean, n
        raise KeyError(topic)

    def __iter__(self) -> Iterator[str]:
        return (self._names[i] for i, _, _ in _TOPIC.iter_unpack(self._packed))

    def __len__(self) -> int:
        return len(self._packed) // _TOPIC.size

    def __repr__(self) -> str:
        return repr(dict(self.items()))


@dataclass(frozen=True, slots=True)  # slots: a row per learner, so every byte counts 100,000 times
class LearnerRow:
    """One learner: how many questions they answered and their mean first-answer score, overall and by topic."""

    learner: str
    files: int
    answered: int  # questions answered in their current wording
    overall: float | None  # mean score 0..1 (None: nothing answered)
    topics: Mapping[str, tuple[float, int]]  # topic id -> (mean score 0..1, questions answered)
    set_aside: int  # first answers to an older wording or to a question no longer in the bank (not counted)


class ItemSums:
    """One question version's running figures, updated one learner's first answer at a time."""

    __slots__ = ("answered", "_partials", "pairs", "_mean_x", "_mean_y", "_m2x", "_m2y", "_cxy", "responses")

    def __init__(self, count_responses: bool) -> None:
        self.answered = 0
        self._partials: list[float] = []  # exact running sum of the scores (Shewchuk's, as math.fsum keeps it)
        self.pairs = 0  # learners with a rest score (they answered at least one other question)
        self._mean_x = self._mean_y = self._m2x = self._m2y = self._cxy = 0.0
        self.responses: dict[Any, int] | None = {} if count_responses else None  # distinct response -> learners

    def add(self, score: float, rest: float | None, response: Any = None) -> None:
        """Fold in one learner's first answer: its score, the learner's rest score (None: no other question)."""
        self.answered += 1
        _add_exact(self._partials, score)
        if rest is not None:  # Welford's co-moments: stable, and exactly zero spread when a side does not vary
            self.pairs += 1
            dx = score - self._mean_x
            self._mean_x += dx / self.pairs
            dy_before = rest - self._mean_y
            self._mean_y += dy_before / self.pairs
            self._m2x += dx * (score - self._mean_x)
            self._m2y += dy_before * (rest - self._mean_y)
            self._cxy += dx * (rest - self._mean_y)
        if self.responses is not None:
            key = response if type(response) is str else (json.dumps(response),)  # True and 1 stay apart
            self.responses[key] = self.responses.get(key, 0) + 1

    @property
    def facility(self) -> float:
        """Mean score (the same float as statistics.fmean of the scores: the sum is kept exactly)."""
        return math.fsum(self._partials) / self.answered

    @property
    def correlation(self) -> float | None:
        """Pearson's r of (score, rest score); None with fewer than 3 pairs or when either side does not vary."""
        if self.pairs < 3 or self._m2x <= 0 or self._m2y <= 0:
            return None
        return self._cxy / math.sqrt(self._m2x * self._m2y)

    def distinct_responses(self) -> Iterator[tuple[Any, int]]:
        """Each distinct response given and how many learners gave it."""
        for key, count in (self.responses or {}).items():
            yield (key if isinstance(key, str) else json.loads(key[0])), count


def _add_exact(partials: list[float], x: float) -> None:
    """Add x to a sum kept as non-overlapping partials, so that fsum(partials) is the exactly rounded total."""
    i = 0
    for y in partials:
        if abs(x) < abs(y):
            x, y = y, x
        hi = x + y
        lo = y - (hi - x)
        if lo:
            partials[i] = lo
            i += 1
        x = hi
    partials[i:] = [x]
