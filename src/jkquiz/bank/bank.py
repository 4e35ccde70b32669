"""The loaded bank: topics, facts and questions by id, each with where it was written."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jkquiz.bank.model import Fact, QuestionBase, Topic
from jkquiz.errors import Problem

if TYPE_CHECKING:  # PyYAML is needed only to load YAML (the browser loads a compiled bank)
    import yaml


@dataclass(frozen=True)
class Where:
    """Where an item was written: file, its node tree and the item's path in it."""

    file: str
    root: yaml.Node | None
    path: tuple[Any, ...]

    def place(self) -> str:
        """'file:line' of the item (just the file when lines are unknown)."""
        line = self.at()[0]
        return f"{self.file}:{line}" if line else self.file

    def at(self, *fields: Any, key: bool = False) -> tuple[int, int]:
        """1-based line and column of a field of the item (or of the item itself)."""
        if self.root is None:
            return 0, 0
        from jkquiz.bank.yamlfile import locate

        return locate(self.root, self.path + fields, key=key)


@dataclass
class Bank:
    """Topics, facts and questions by id, in file order; questions include generated ones."""

    topics: dict[str, Topic] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    questions: dict[str, QuestionBase] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # topic id -> file it came from
    where: dict[str, Where] = field(default_factory=dict, repr=False)  # "kind:id" -> Where

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

    def place_of(self, item_id: str) -> str:
        """'file:line' where the fact or question with this id was written, or '' when it is not in a file."""
        where = self.where.get(f"fact:{item_id}") or self.where.get(f"question:{item_id}")
        return where.place() if where else ""

    def problem(self, kind: str, item_id: str, *fields: Any, message: str, key: bool = False) -> Problem:
        """A Problem located at a field of a topic, fact or question."""
        where = self.where.get(f"{kind}:{item_id}")
        if where is None:
            return Problem("", 0, 0, item_id, ".".join(map(str, fields)), message)
        line, column = where.at(*fields, key=key)
        return Problem(where.file, line, column, item_id, ".".join(map(str, fields)), message)

    def iter_authored(self) -> Iterator[QuestionBase]:
        """Questions written in files (not generated)."""
        return (q for q in self.questions.values() if not q.generated)
