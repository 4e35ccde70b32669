"""Load bank files into a Bank, collecting every problem with file, line and column."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jkquiz.bank.bank import Bank, Where
from jkquiz.bank.checks import run_checks
from jkquiz.bank.generate import generate_questions
from jkquiz.bank.messages import describe, suggest
from jkquiz.bank.model import Fact, Strict, Topic
from jkquiz.bank.text_safety import unsafe_text
from jkquiz.bank.yamlfile import YamlFileError, read_yaml
from jkquiz.datafiles import data_dir
from jkquiz.errors import BankError, Problem
from jkquiz.types import question_adapter

SECTIONS = ("topic", "facts", "questions")
BANK_SUFFIXES = (".yaml", ".yml")


class PathProblem(BankError):
    """A path given to the loader does not exist (a usage error rather than a bank problem)."""


@dataclass
class LoadResult:
    """A bank (possibly partial) and every problem found while loading it."""

    bank: Bank
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def default_bank_dir() -> Path:
    """The bank shipped with the package (wheel) or the checkout's data/bank (source tree)."""
    return data_dir("JKQUIZ_BANK", "bank", "data/bank")


def load_bank(path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None, *, seed: int = 0) -> Bank:
    """Load and check the bank at `path` (a file, a folder, or several); raise BankError on any problem."""
    result = inspect_bank(path, seed=seed)
    if result.problems:
        raise BankError(result.problems)
    return result.bank


def inspect_bank(
    path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None, *, seed: int = 0,
    skip: Iterable[str] = (),
) -> LoadResult:
    """Load the bank at `path`, returning what loaded and every problem (raises only PathProblem).

    `skip`: names of checks in bank.checks.CHECKS not to run (file and model problems are always reported).
    """
    files = bank_files(path)
    bank = Bank()
    problems: list[Problem] = []
    for file in files:
        problems.extend(_load_file(file, bank))
    generate_questions(bank, seed=seed)  # before the checks: generated questions must not give answers away either
    problems.extend(run_checks(bank, skip))
    return LoadResult(bank, problems, [display_path(f) for f in files])


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


def display_path(path: Path) -> str:
    """The path as the user will recognise it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _load_file(path: Path, bank: Bank) -> list[Problem]:
    """Add one file's valid items to `bank`; return the problems found in it."""
    name = display_path(path)
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        return [Problem(name, exc.line, exc.column, "", "", exc.message)]
    problems: list[Problem] = [Problem(name, p.line, p.column, "", "", p.message) for p in unsafe_text(doc.root, doc.text)]
    base = Where(name, doc.root, ())

    def at(path_: tuple[Any, ...], item: str, field_: str, message: str, key: bool = False) -> None:
        line, column = base.at(*path_, key=key)
        problems.append(Problem(name, line, column, item, field_, message))

    data = doc.data
    if not isinstance(data, dict):
        at((), "", "", "a bank file must be a block with `topic:`, `facts:` and `questions:`")
        return problems
    for key in data:
        if key not in SECTIONS:
            at((key,), "", str(key), f"unknown section '{key}'{suggest(str(key), SECTIONS)}", key=True)
    if "topic" not in data:
        at((), "", "topic", "missing required section 'topic'")
        return problems

    topic = _validate(Topic, data["topic"], ("topic",), "topic", at, "")
    topic_id = topic.id if topic else str(path.stem.split("-", 1)[-1])
    if topic is not None:
        if topic.id in bank.topics:
            at(("topic", "id"), topic.id, "id", f"duplicate topic id '{topic.id}' (also in {bank.files[topic.id]})")
        else:
            bank.topics[topic.id] = topic
            bank.files[topic.id] = name
            bank.where[f"topic:{topic.id}"] = Where(name, doc.root, ("topic",))

    for section, model, kind, store in (
        ("facts", Fact, "fact", bank.facts),
        ("questions", None, "question", bank.questions),
    ):
        items = data.get(section) or []
        if not isinstance(items, list):
            at((section,), "", section, f"'{section}' must be a list of items (each starting with '- ')")
            continue
        for index, raw in enumerate(items):
            given = raw.get("id") if isinstance(raw, dict) else None
            label = given if isinstance(given, str) else f"{section}[{index}]"
            item = _validate(model, raw, (section, index), label, at, topic_id)
            if item is None:
                continue
            if item.id in bank.facts or item.id in bank.questions:
                first = bank.where.get(f"fact:{item.id}") or bank.where.get(f"question:{item.id}")
                where = f"{first.file}:{first.at()[0]}" if first else "elsewhere"
                at((section, index, "id"), item.id, "id", f"duplicate id '{item.id}' (first defined at {where})")
                continue
            store[item.id] = item
            bank.where[f"{kind}:{item.id}"] = Where(name, doc.root, (section, index))
    return problems


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
