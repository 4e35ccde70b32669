"""What the bank holds, for instructors: question rows, counts by topic/type/difficulty, and gaps."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import QUESTION_TYPES, QuestionBase
from jkquiz.text import normalize

_PLACEHOLDERS = {"", "todo", "tbd", "tba", "to do", "n a", "none", "explanation"}


def is_missing_explanation(text: str) -> bool:
    """True for an explanation that says nothing: empty, '-', 'TODO ...', 'TBD'."""
    folded = normalize(text)
    return folded in _PLACEHOLDERS or folded.startswith("todo ")


@dataclass(frozen=True)
class Row:
    """One question as `jkquiz list` shows it."""

    id: str
    topic: str
    type: str
    difficulty: int
    origin: str  # authored | generated
    facts: tuple[str, ...]
    prompt: str
    explained: bool

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON-ready values."""
        return {"id": self.id, "topic": self.topic, "type": self.type, "difficulty": self.difficulty,
                "origin": self.origin, "facts": list(self.facts), "prompt": self.prompt, "explained": self.explained}


def question_rows(bank: Bank, *, topics: Iterable[str] | None = None, types: Iterable[str] | None = None,
                  difficulty: Iterable[int] | None = None, authored_only: bool = False) -> list[Row]:
    """Questions matching the filters, in bank order."""
    return [_row(q) for q in bank.questions_for(list(topics) if topics else None, types=types or None,
                                                 difficulty=difficulty or None, generated=not authored_only)]


def _row(q: QuestionBase) -> Row:
    return Row(q.id, q.topic, q.type, q.difficulty, "generated" if q.generated else "authored",
               tuple(q.facts), q.prompt, q.generated or not is_missing_explanation(q.explanation))


@dataclass
class Stats:
    """Counts and gaps of a bank."""

    topics: int = 0
    facts: int = 0
    authored: int = 0
    generated: int = 0
    by_topic: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # topic -> type -> [authored, generated]
    by_difficulty: dict[int, list[int]] = field(default_factory=dict)  # level -> [authored, generated]
    facts_without_questions: dict[str, list[str]] = field(default_factory=dict)  # topic -> fact ids
    without_explanation: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The statistics as JSON-ready values."""
        return {
            "topics": self.topics, "facts": self.facts, "authored": self.authored, "generated": self.generated,
            "by_topic": {t: {k: {"authored": v[0], "generated": v[1]} for k, v in types.items()} for t, types in self.by_topic.items()},
            "by_difficulty": {str(k): {"authored": v[0], "generated": v[1]} for k, v in sorted(self.by_difficulty.items())},
            "facts_without_questions": self.facts_without_questions,
            "questions_without_explanation": self.without_explanation,
        }


def bank_stats(bank: Bank, topics: Iterable[str] | None = None) -> Stats:
    """Questions by topic, type and difficulty; facts no authored question cites; unexplained questions."""
    chosen = list(topics) if topics else list(bank.topics)
    stats = Stats(topics=len(chosen), facts=sum(len(bank.facts_for(t)) for t in chosen))
    cited: set[str] = set()
    for topic in chosen:
        stats.by_topic[topic] = {t: [0, 0] for t in QUESTION_TYPES}
    for q in bank.questions_for(chosen):
        column = 1 if q.generated else 0
        stats.by_topic[q.topic][q.type][column] += 1
        stats.by_difficulty.setdefault(q.difficulty, [0, 0])[column] += 1
        if q.generated:
            stats.generated += 1
            continue
        stats.authored += 1
        cited.update(q.facts)
        if is_missing_explanation(q.explanation):
            stats.without_explanation.append(q.id)
    for topic in chosen:
        lonely = [f.id for f in bank.facts_for(topic) if f.id not in cited]
        if lonely:
            stats.facts_without_questions[topic] = lonely
    return stats
