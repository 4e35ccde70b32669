"""The bank as quizzes use it: topics, facts and questions by id (where each was written: bank/locations.py)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from jkquiz.bank.model import Fact, QuestionBase, Topic


@dataclass
class Bank:
    """Topics, facts and questions by id, in file order; questions include generated ones."""

    topics: dict[str, Topic] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    questions: dict[str, QuestionBase] = field(default_factory=dict)

    def questions_for(
        self,
        topic: str | Iterable[str] | None = None,
        *,
        types: Iterable[str] | None = None,
        difficulty: int | Iterable[int] | None = None,
        tags: Iterable[str] | None = None,
        generated: bool = True,
    ) -> list[QuestionBase]:
        """Questions of one or several topics (all when None), filtered by type, difficulty and tags."""
        topics = {topic} if isinstance(topic, str) else set(topic) if topic is not None else None
        type_set = set(types) if types is not None else None
        levels = {difficulty} if isinstance(difficulty, int) else set(difficulty) if difficulty is not None else None
        tag_set = set(tags) if tags is not None else None
        return [
            q
            for q in self.questions.values()
            if (topics is None or q.topic in topics)
            and (type_set is None or q.type in type_set)
            and (levels is None or q.difficulty in levels)
            and (tag_set is None or tag_set.intersection(q.tags))
            and (generated or not q.generated)
        ]

    def facts_for(self, topic: str) -> list[Fact]:
        """The facts written in a topic's file, in file order."""
        return [f for f in self.facts.values() if f.topic == topic]

    def facts_of(self, question: QuestionBase) -> list[Fact]:
        """The facts a question rests on (those that exist)."""
        return [self.facts[f] for f in question.facts if f in self.facts]

    def iter_authored(self) -> Iterator[QuestionBase]:
        """Questions written in files (not generated)."""
        return (q for q in self.questions.values() if not q.generated)
