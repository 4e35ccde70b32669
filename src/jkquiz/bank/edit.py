"""Add facts and questions to a topic's bank file: validate, refuse duplicates, append, re-check, write atomically.

The pipeline, in order (each step can refuse, and then the file is left untouched):

1. each new item is checked against its model (a clear message per wrong field);
2. an id already in the bank, or the same question or statement already there, is refused;
3. the items are appended with ruamel.yaml's round trip (comments and order kept);
4. the new text is read with the bank's own loader and put together with the other files as they
   were read for step 2 (the bank is loaded once), and any problem it did not have before refuses the edit;
5. the file is replaced atomically (temporary file + os.replace), and only if nobody
   changed it meanwhile.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jkquiz.atomicfile import replace_file
from jkquiz.bank.bank import Bank
from jkquiz.bank.ids import suggest_id
from jkquiz.bank.load import LoadResult, assemble, display_path, inspect_bank, read_bank_file
from jkquiz.bank.locations import Locations
from jkquiz.bank.messages import describe, suggest
from jkquiz.bank.model import Fact, QuestionBase
from jkquiz.bank.yamlstyle import append_items
from jkquiz.errors import BankError, JkquizError, Problem
from jkquiz.text import normalize
from jkquiz.types import question_adapter

FACT_PLACEHOLDER = "todo-link-a-fact"  # a fact id that does not exist, so `jkquiz validate` flags it
EXPLANATION_PLACEHOLDER = "TODO: explain why the answer is right."
QUESTION_KEYS = ("id", "renamed_from", "type", "prompt", "choices", "answer", "answers", "alternates", "tolerance", "min", "max",
                 "unit", "items", "pairs", "choice_feedback", "shuffle", "facts", "explanation", "difficulty", "tags")
FACT_KEYS = ("id", "statement", "label", "when", "answer", "kind", "as_of", "value", "unit", "series", "coords", "terms",
             "contested", "perspectives", "tags", "sources")


class EditError(BankError):
    """An addition was refused; `problems` says why, and the file is unchanged."""


class UnknownTopicError(JkquizError):
    """The topic named does not exist in the bank."""


@dataclass
class EditResult:
    """What was written: the file and the ids added."""

    file: str
    ids: list[str] = field(default_factory=list)


def add_question(topic: str, data: dict[str, Any], *, bank: str | os.PathLike[str] | None = None,
                 allow_placeholder_fact: bool = False, loaded: LoadResult | None = None) -> EditResult:
    """Append one question to `topic`'s file."""
    return add_items(topic, "questions", [data], bank=bank, allow_placeholder_fact=allow_placeholder_fact, loaded=loaded)


def add_fact(topic: str, data: dict[str, Any], *, bank: str | os.PathLike[str] | None = None,
             loaded: LoadResult | None = None) -> EditResult:
    """Append one fact to `topic`'s file."""
    return add_items(topic, "facts", [data], bank=bank, loaded=loaded)


def add_items(topic: str, section: str, items: list[dict[str, Any]], *, bank: str | os.PathLike[str] | None = None,
              allow_placeholder_fact: bool = False, loaded: LoadResult | None = None) -> EditResult:
    """Append facts or questions to a topic's file after every check passes; raise EditError otherwise.

    `loaded`: the bank at `bank` as the caller already loaded it (saves loading it again).
    """
    before = loaded or inspect_bank(bank)
    path = topic_file(before.bank, before.locations, topic)
    clean = [tidy(item) for item in items]
    check_items(before.bank, before.locations, section, clean, display_path(path))
    original = path.read_bytes()
    text = append_items(original.decode("utf-8-sig"), section, clean)
    tolerated = _placeholder_problem if allow_placeholder_fact else None
    recheck(before, path, text, clean, section, tolerated)
    _replace_atomically(path, text, original)
    return EditResult(display_path(path), [str(item["id"]) for item in clean])


def topic_file(bank: Bank, locations: Locations, topic: str) -> Path:
    """The file holding a topic; an unknown topic names the nearest ones."""
    if topic not in bank.topics:
        names = list(bank.topics)
        raise UnknownTopicError(f"no topic '{topic}'{suggest(topic, names)}; topics are: {', '.join(names)}")
    return Path(locations.files[topic])


def tidy(item: dict[str, Any]) -> dict[str, Any]:
    """The item with empty optional fields dropped and question keys in the bank's usual order."""
    kept = {k: v for k, v in item.items() if v is not None and v != "" and v != [] and v != {}}
    order = {k: i for i, k in enumerate(QUESTION_KEYS if "type" in kept else FACT_KEYS)}
    return dict(sorted(kept.items(), key=lambda kv: order.get(kv[0], len(order))))


def validate_item(section: str, item: dict[str, Any], file: str = "") -> Any:
    """The item as its model, or EditError with one plain sentence per wrong field."""
    label = str(item.get("id") or f"new {section[:-1]}")
    try:
        return Fact.model_validate(item) if section == "facts" else question_adapter().validate_python(item)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            message, loc = describe(error, Fact if section == "facts" else None)
            problems.append(Problem(file, 0, 0, label, ".".join(map(str, loc)), message))
        raise EditError(problems) from exc


def check_items(bank: Bank, locations: Locations, section: str, items: list[dict[str, Any]], file: str = "") -> None:
    """Each item fits its model and repeats nothing already in the bank (or in the batch); `file`: where it goes."""
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    seen_keys: dict[str, str] = {}
    for item in items:
        try:
            model = validate_item(section, item, file)
        except EditError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(_duplicates(bank, locations, section, model, seen_ids, seen_keys, file))
    if problems:
        raise EditError(problems)


def _duplicates(bank: Bank, locations: Locations, section: str, model: Any, seen_ids: dict[str, str],
                seen_keys: dict[str, str], file: str) -> list[Problem]:
    """An id or content the bank (or this batch) already has; each problem names the file:line of the existing item."""
    out = []
    existing_at = locations.place_of(model.id)
    if existing_at or model.id in seen_ids:
        place = existing_at or "earlier in this batch"
        out.append(Problem(file, 0, 0, model.id, "id", f"duplicate id '{model.id}' (already at {place})"))
    seen_ids[model.id] = model.id
    key = same_content_key(model)
    existing = {same_content_key(other): other.id for other in
                (bank.facts.values() if section == "facts" else bank.iter_authored())}
    twin = existing.get(key) or seen_keys.get(key)
    if twin:
        what = "statement" if section == "facts" else "question (same prompt and answer)"
        place = locations.place_of(twin)
        out.append(Problem(file, 0, 0, model.id, "prompt" if section != "facts" else "statement",
                           f"the same {what} is already in the bank as '{twin}'" + (f" ({place})" if place else "")))
    seen_keys[key] = model.id
    return out


def same_content_key(item: Fact | QuestionBase) -> str:
    """What makes two items the same regardless of id, wording case or explanation."""
    if isinstance(item, Fact):
        return "fact:" + normalize(item.statement)
    data = item.model_dump(mode="json", exclude={"id", "renamed_from", "facts", "explanation", "difficulty", "tags", "choice_feedback",
                                             "shuffle"})
    data["prompt"] = normalize(item.prompt)
    return "question:" + json.dumps(data, sort_keys=True, ensure_ascii=False)


def _placeholder_problem(problem: Problem) -> bool:
    return f"'{FACT_PLACEHOLDER}'" in problem.message


def recheck(before: LoadResult, path: Path, text: str, items: list[dict[str, Any]], section: str,
            tolerated: Callable[[Problem], bool] | None = None) -> None:
    """Read the new text with the bank loader and check it with the other files as `before` read them; refuse any new problem."""
    others = [one for one in before.files_read if one.path.resolve() != path.resolve()]
    with tempfile.TemporaryDirectory(prefix="jkquiz-edit-") as folder:
        draft = Path(folder) / path.name  # the text read as a file, under the file's own name in messages
        draft.write_text(text, encoding="utf-8")
        after = assemble([*others, read_bank_file(draft, display_path(path))])
    old = {_key(p) for p in before.problems}
    new = [p for p in after.problems if _key(p) not in old and not (tolerated and tolerated(p))]
    if new:
        shown = [Problem(display_path(path), p.line, p.column, p.id, p.field, p.message) if p.file.endswith(path.name) else p for p in new]
        raise EditError(shown)
    store = after.bank.facts if section == "facts" else after.bank.questions
    for item in items:  # the file must read back exactly as meant (no YAML surprise)
        wanted = validate_item(section, item).model_dump()
        if item["id"] not in store or store[item["id"]].model_dump() != wanted:
            raise EditError([Problem(display_path(path), 0, 0, str(item["id"]), "", "the item did not read back as written; nothing was changed")])


def _key(problem: Problem) -> tuple[str, str, str]:
    return (problem.id, problem.field, problem.message)


def _replace_atomically(path: Path, text: str, original: bytes) -> None:
    """Write `text` over `path` via a temporary file in the same folder, unless `path` changed meanwhile."""
    def unchanged() -> None:
        if path.read_bytes() != original:
            raise EditError([Problem(display_path(path), 0, 0, "", "", "the file changed while the item was being added; nothing was written, try again")])

    replace_file(path, lambda out: out.write(text.encode("utf-8")), before_replace=unchanged)


def draft_problems(bank: Bank, locations: Locations, question: QuestionBase, topic: str) -> list[Problem]:
    """What the bank's checks say about one draft question (answer among choices, facts exist, …), before saving."""
    from jkquiz.bank.checks import run_checks

    question = question_adapter().validate_python(question.model_dump(), context={"topic": topic})
    trial = Bank(topics=bank.topics, facts=bank.facts, questions={question.id: question})
    return [p for p in run_checks(trial, locations.only_topics()) if p.id == question.id]


def draft_fact_problems(bank: Bank, locations: Locations, data: dict[str, Any], topic: str) -> list[Problem]:
    """What the bank's checks say about one draft fact (native names quoted, both sides when contested, …), before saving."""
    from jkquiz.bank.checks import run_checks

    fact = Fact.model_validate(data, context={"topic": topic})
    trial = Bank(topics=bank.topics, facts={**bank.facts, fact.id: fact}, questions={})
    return [p for p in run_checks(trial, locations.only_topics()) if p.id == fact.id]

