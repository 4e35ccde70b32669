"""Load bank files into a Bank and its Locations, collecting every problem with file, line and column.

Loading is two steps: each file is read and its items validated on their own (`read_bank_file`), then the
files' items are put together in order, questions generated and the bank's checks run (`assemble`). A bank
edit re-reads only the file it changes and assembles it with the other files as they were read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from jkquiz.bank.bank import Bank
from jkquiz.bank.checks import run_checks
from jkquiz.bank.generate import generate_questions
from jkquiz.bank.locations import ItemKind, Locations, Where, display_path
from jkquiz.bank.messages import describe, suggest
from jkquiz.bank.model import Fact, Strict, Topic
from jkquiz.bank.text_safety import unsafe_text
from jkquiz.bank.yamlfile import YamlFileError, read_yaml
from jkquiz.datafiles import data_dir
from jkquiz.errors import BankError, Problem
from jkquiz.types import question_adapter

if TYPE_CHECKING:
    import yaml

__all__ = ["BANK_SUFFIXES", "SECTIONS", "FileItems", "LoadResult", "PathProblem", "assemble", "bank_files",
           "default_bank_dir", "display_path", "inspect_bank", "load_bank", "load_located", "read_bank_file"]

SECTIONS = ("topic", "facts", "questions")
BANK_SUFFIXES = (".yaml", ".yml")


class PathProblem(BankError):
    """A path given to the loader does not exist (a usage error rather than a bank problem)."""


@dataclass(frozen=True)
class Item:
    """A topic, fact or question a file holds, valid on its own, and its path in the file."""

    kind: ItemKind
    model: Any
    path: tuple[Any, ...]


@dataclass
class FileItems:
    """One bank file as read: its items and its own problems, in file order (before other files are seen)."""

    path: Path
    name: str
    root: yaml.Node | None = None
    entries: list[Problem | Item] = field(default_factory=list)


@dataclass
class LoadResult:
    """A bank (possibly partial), where its items were written, and every problem found while loading it."""

    bank: Bank
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    locations: Locations = field(default_factory=Locations, repr=False)
    files_read: list[FileItems] = field(default_factory=list, repr=False)  # each file as read (a bank edit re-reads only its own)


def default_bank_dir() -> Path:
    """The bank shipped with the package (wheel) or the checkout's data/bank (source tree)."""
    return data_dir("JKQUIZ_BANK", "bank", "data/bank")


def load_bank(path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None, *, seed: int = 0) -> Bank:
    """Load and check the bank at `path` (a file, a folder, or several); raise BankError on any problem."""
    return load_located(path, seed=seed)[0]


def load_located(
    path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None, *, seed: int = 0,
) -> tuple[Bank, Locations]:
    """load_bank, with where each item was written (for files named after topics, and messages)."""
    result = inspect_bank(path, seed=seed)
    if result.problems:
        raise BankError(result.problems)
    return result.bank, result.locations


def inspect_bank(
    path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None, *, seed: int = 0,
    skip: Iterable[str] = (),
) -> LoadResult:
    """Load the bank at `path`, returning what loaded and every problem (raises only PathProblem).

    `skip`: names of checks in bank.checks.CHECKS not to run (file and model problems are always reported).
    """
    return assemble([read_bank_file(file) for file in bank_files(path)], seed=seed, skip=skip)


def assemble(read: list[FileItems], *, seed: int = 0, skip: Iterable[str] = ()) -> LoadResult:
    """The bank the files make in this order: duplicates refused, questions generated, the bank's checks run."""
    bank, locations = Bank(), Locations()
    problems: list[Problem] = []
    for one in read:
        problems.extend(_add(one, bank, locations))
    generate_questions(bank, seed=seed)  # before the checks: generated questions must not give answers away either
    for q in bank.questions.values():
        if q.generated and q.id not in locations.questions:  # a generated question is located at its fact
            locations.questions[q.id] = locations.facts[q.facts[0]]
    problems.extend(run_checks(bank, locations, skip))
    return LoadResult(bank, problems, [one.name for one in read], locations, list(read))


def bank_files(path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None) -> list[Path]:
    """The bank files named by `path`: files as given, folders' *.yaml in name order."""
    if path is None:
        paths = [default_bank_dir()]
    elif isinstance(path, (str, os.PathLike)):
        paths = [Path(path)]
    else:
        paths = [Path(p) for p in path]
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.suffix in BANK_SUFFIXES and f.is_file())
            if not found:
                raise PathProblem([Problem(display_path(p), 0, 0, "", "", "no bank files (*.yaml) in this folder")])
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise PathProblem([Problem(display_path(p), 0, 0, "", "", "no such file or folder")])
    return files


def _add(one: FileItems, bank: Bank, locations: Locations) -> list[Problem]:
    """Add one file's items to `bank` (an id seen in an earlier file is refused); return the file's problems."""
    problems: list[Problem] = []
    for entry in one.entries:
        if isinstance(entry, Problem):
            problems.append(entry)
            continue
        model, where = entry.model, Where(one.name, one.root, entry.path)
        if entry.kind == "topic":
            if model.id in bank.topics:
                message = f"duplicate topic id '{model.id}' (also in {locations.files[model.id]})"
                problems.append(Problem(one.name, *where.at("id"), model.id, "id", message))
            else:
                bank.topics[model.id] = model
                locations.topics[model.id] = where
            continue
        if model.id in bank.facts or model.id in bank.questions:
            first = locations.facts.get(model.id) or locations.questions.get(model.id)
            at = f"{first.file}:{first.at()[0]}" if first else "elsewhere"
            problems.append(Problem(one.name, *where.at("id"), model.id, "id", f"duplicate id '{model.id}' (first defined at {at})"))
            continue
        if entry.kind == "fact":
            bank.facts[model.id] = model
            locations.facts[model.id] = where
        else:
            bank.questions[model.id] = model
            locations.questions[model.id] = where
    return problems


def read_bank_file(path: Path, name: str | None = None) -> FileItems:
    """One file's items, each valid on its own, and the file's problems; `name`: how messages name the file."""
    name = name or display_path(path)
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        return FileItems(path, name, None, [Problem(name, exc.line, exc.column, "", "", exc.message)])
    out = FileItems(path, name, doc.root, [Problem(name, p.line, p.column, "", "", p.message) for p in unsafe_text(doc.root, doc.text)])
    base = Where(name, doc.root, ())

    def at(path_: tuple[Any, ...], item: str, field_: str, message: str, key: bool = False) -> None:
        line, column = base.at(*path_, key=key)
        out.entries.append(Problem(name, line, column, item, field_, message))

    data = doc.data
    if not isinstance(data, dict):
        at((), "", "", "a bank file must be a block with `topic:`, `facts:` and `questions:`")
        return out
    for key in data:
        if key not in SECTIONS:
            at((key,), "", str(key), f"unknown section '{key}'{suggest(str(key), SECTIONS)}", key=True)
    if "topic" not in data:
        at((), "", "topic", "missing required section 'topic'")
        return out

    topic = _validate(Topic, data["topic"], ("topic",), "topic", at, "")
    topic_id = topic.id if topic else str(path.stem.split("-", 1)[-1])
    if topic is not None:
        out.entries.append(Item("topic", topic, ("topic",)))
    kinds: tuple[tuple[str, type[Strict] | None, ItemKind], ...] = (("facts", Fact, "fact"), ("questions", None, "question"))
    for section, model, kind in kinds:
        items = data.get(section) or []
        if not isinstance(items, list):
            at((section,), "", section, f"'{section}' must be a list of items (each starting with '- ')")
            continue
        for index, raw in enumerate(items):
            given = raw.get("id") if isinstance(raw, dict) else None
            label = given if isinstance(given, str) else f"{section}[{index}]"
            item = _validate(model, raw, (section, index), label, at, topic_id)
            if item is not None:
                out.entries.append(Item(kind, item, (section, index)))
    return out


# Stand-ins for a required field whose value is wrong, so that an item with one bad
# field still takes part in the cross-item checks (its problem is already reported).
PLACEHOLDERS: dict[str, Any] = {"difficulty": 1, "kind": "event", "explanation": "-", "prompt": "-"}


def _validate(model: type[Strict] | None, raw: Any, path: tuple[Any, ...], label: str, at: Any, topic: str) -> Any:
    """Validate one item of `topic`, reporting each error at its own line; salvage it for later checks if possible."""
    try:
        return _model(model, raw, topic)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    fields: set[Any] = set()
    for error in errors:
        message, loc = describe(error, model)
        at(path + loc, label, ".".join(map(str, loc)), message, key=error["type"] == "extra_forbidden")
        fields.add(loc[0] if loc else None)
    return _salvage(model, raw, fields, topic)


def _model(model: type[Strict] | None, raw: Any, topic: str) -> Any:
    context = {"topic": topic}
    if model is None:
        return question_adapter().validate_python(raw, context=context)
    return model.model_validate(raw, context=context)


def _salvage(model: type[Strict] | None, raw: Any, fields: set[Any], topic: str) -> Any:
    """The item with its bad fields dropped or stood in for, or None when that is not enough."""
    if not isinstance(raw, dict) or None in fields or "id" in fields or "type" in fields:
        return None
    patched = {k: v for k, v in raw.items() if k not in fields}
    patched.update({k: PLACEHOLDERS[k] for k in fields if k in PLACEHOLDERS})
    try:
        return _model(model, patched, topic)
    except ValidationError:
        return None
