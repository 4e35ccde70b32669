"""Where a loaded bank's topics, facts and questions were written: file, line and column for every message.

The loader makes a `Locations` beside the `Bank`; validation, `jkquiz add` and anything else that names a
file:line take it from there. The runtime `Bank` (quizzes, the engine, widgets, the compiled bank, the site)
holds no locations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from jkquiz.errors import Problem

if TYPE_CHECKING:  # PyYAML is needed only to load YAML (the browser loads a compiled bank)
    import yaml

ItemKind = Literal["topic", "fact", "question"]
FILE_NAME = re.compile(r"^\d\d-(?P<id>[a-z0-9][a-z0-9-]*)\.ya?ml$")  # a bank file: NN-<topic id>.yaml


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
class Locations:
    """Where each topic, fact and question of a bank was written, by kind and id (generated questions: their fact's)."""

    topics: dict[str, Where] = field(default_factory=dict)
    facts: dict[str, Where] = field(default_factory=dict)
    questions: dict[str, Where] = field(default_factory=dict)

    @property
    def files(self) -> dict[str, str]:
        """Topic id -> the file it came from, in file order."""
        return {topic_id: where.file for topic_id, where in self.topics.items()}

    def of(self, kind: ItemKind, item_id: str) -> Where | None:
        """Where the topic, fact or question with this id was written (None when not in a file)."""
        table = self.topics if kind == "topic" else self.facts if kind == "fact" else self.questions
        return table.get(item_id)

    def place_of(self, item_id: str) -> str:
        """'file:line' where the fact or question with this id was written, or '' when it is not in a file."""
        where = self.facts.get(item_id) or self.questions.get(item_id)
        return where.place() if where else ""

    def problem(self, kind: ItemKind, item_id: str, *fields: Any, message: str, key: bool = False) -> Problem:
        """A Problem located at a field of a topic, fact or question."""
        where = self.of(kind, item_id)
        if where is None:
            return Problem("", 0, 0, item_id, ".".join(map(str, fields)), message)
        line, column = where.at(*fields, key=key)
        return Problem(where.file, line, column, item_id, ".".join(map(str, fields)), message)

    def only_topics(self) -> Locations:
        """The topics' locations alone (checks of a draft item: its file is known, the item is not written yet)."""
        return Locations(topics=dict(self.topics))


def display_path(path: Path) -> str:
    """The path as the user will recognise it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def topic_of_file(file: str) -> str | None:
    """The topic id a bank file's name gives ('03-territory.yaml' -> 'territory'), or None when it is not NN-<id>.yaml."""
    match = FILE_NAME.match(file.replace("\\", "/").rsplit("/", 1)[-1])
    return match["id"] if match else None


def files_by_name(files: Iterable[Path]) -> dict[str, str]:
    """Topic id -> file, read from the files' names: what Locations.files is for a bank that passed its checks."""
    return {topic: display_path(f) for f in files if (topic := topic_of_file(f.name)) is not None}
