"""Translations of the bank's text: one file per topic and language, data/bank/<lang>/NN-topic.yaml.

A translation file mirrors its bank file. Under `topic`, `facts: {id: ...}` and `questions: {id: ...}`
each translated field has an entry `{from: HASH, text: TRANSLATION}`: `from` is the hash of the English
it was made from (text_hash), so a change to the English shows the translation as out of date instead of
silently showing an old meaning. Field names are paths into the item: `statement`, `perspectives.japan`,
`choices.2`, `choice_feedback.2` (the feedback of choice 2), `pairs.0.1`, `items.3`. A text question may
add `accept: [...]`, the spellings in that language accepted beside the English ones.

Generated questions are not translated here: they are made again from their facts' translations.
`jkquiz translate sync --lang ko` writes and updates these files (`write_file`), with the English of
every entry in a comment above it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jkquiz.bank.bank import Bank
from jkquiz.bank.locations import files_by_name
from jkquiz.bank.model import Fact, QuestionBase, Topic

LANGUAGES = ("ko", "ja")
NAMES = {"en": "English", "ko": "한국어", "ja": "日本語"}
SECTIONS = ("topic", "facts", "questions")
_FACT_FIELDS = ("statement", "label", "answer", "perspectives.japan", "perspectives.korea", "series", "unit")


def text_hash(english: str) -> str:
    """The 12-hex-digit hash of an English text that a translation records in `from`."""
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:12]


def topic_texts(topic: Topic) -> dict[str, str]:
    """A topic's translatable texts by path."""
    texts = {"title": topic.title}
    if topic.summary:
        texts["summary"] = topic.summary
    texts.update({f"objectives.{i}": text for i, text in enumerate(topic.objectives)})
    return texts


def fact_texts(fact: Fact) -> dict[str, str]:
    """A fact's translatable texts by path."""
    data = fact.model_dump(include={"statement", "label", "answer", "perspectives", "series", "unit"})
    texts: dict[str, str] = {}
    for path in _FACT_FIELDS:
        value: Any = data
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, str) and value:
            texts[path] = value
    return texts


def question_texts(question: QuestionBase) -> dict[str, str]:
    """A question's translatable texts by path: prompt, explanation and the type's own strings."""
    texts = {"prompt": question.prompt, "explanation": question.explanation}
    choices: list[str] = list(getattr(question, "choices", []) or [])
    texts.update({f"choices.{i}": c for i, c in enumerate(choices)})
    feedback: dict[str, str] = getattr(question, "choice_feedback", {}) or {}
    texts.update({f"choice_feedback.{choices.index(c)}": text for c, text in feedback.items() if c in choices})
    texts.update({f"items.{i}": item for i, item in enumerate(getattr(question, "items", []) or [])})
    for i, (left, right) in enumerate(getattr(question, "pairs", []) or []):
        texts[f"pairs.{i}.0"], texts[f"pairs.{i}.1"] = left, right
    if question.type == "text":
        texts["answer"] = question.answer  # type: ignore[attr-defined]  # text questions' answer is their spelling
    unit = getattr(question, "unit", None)
    if isinstance(unit, str) and unit:
        texts["unit"] = unit
    return texts


def english_of(bank: Bank, topic_id: str) -> dict[str, dict[str, dict[str, str]]]:
    """Every translatable English text of one topic: section -> item id -> path -> text.

    The topic's own texts are under section "topic", item id "" .
    """
    out: dict[str, dict[str, dict[str, str]]] = {"topic": {}, "facts": {}, "questions": {}}
    if topic_id in bank.topics:
        out["topic"][""] = topic_texts(bank.topics[topic_id])
    out["facts"] = {f.id: fact_texts(f) for f in bank.facts_for(topic_id)}
    out["questions"] = {q.id: question_texts(q) for q in bank.iter_authored() if q.topic == topic_id}
    return out


@dataclass(frozen=True)
class Entry:
    """One translated text, the hash of the English it was made from, and the line it is written on."""

    text: str
    source_hash: str
    line: int = 0


@dataclass
class TopicTranslation:
    """One translation file, read: entries by (section, item id, path), extra accepted spellings."""

    file: str
    entries: dict[tuple[str, str, str], Entry] = field(default_factory=dict)
    accept: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (section, item id) -> line


def read_file(path: Path, display: str | None = None) -> TopicTranslation:
    """Read a translation file (YamlFileError when it is not YAML; unknown shapes are skipped by `problems`)."""
    from jkquiz.bank.yamlfile import locate, read_yaml

    doc = read_yaml(path)
    out = TopicTranslation(display or str(path))
    data = doc.data if isinstance(doc.data, dict) else {}
    for section in SECTIONS:
        block = data.get(section)
        if not isinstance(block, dict):
            continue
        items = {"": block} if section == "topic" else block
        for item_id, fields in items.items():
            if not isinstance(fields, dict):
                continue
            base = (section,) if section == "topic" else (section, item_id)
            out.lines[(section, str(item_id))] = locate(doc.root, base, key=True)[0]
            for name, value in fields.items():
                if name == "accept" and isinstance(value, list):
                    out.accept[str(item_id)] = [str(v) for v in value if isinstance(v, str) and v.strip()]
                elif isinstance(value, dict) and isinstance(value.get("text"), str):
                    line = locate(doc.root, (*base, name), key=True)[0]
                    out.entries[(section, str(item_id), str(name))] = Entry(value["text"], str(value.get("from", "")), line)
                elif isinstance(value, str):  # a bare translation: `sync` records the English it translates
                    line = locate(doc.root, (*base, name), key=True)[0]
                    out.entries[(section, str(item_id), str(name))] = Entry(value, "", line)
    return out


@dataclass
class Translation:
    """A language's translations of a whole bank; `text()` gives a current translation or None."""

    lang: str
    topics: dict[str, TopicTranslation] = field(default_factory=dict)  # topic id -> its file
    unreadable: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, message): files not read

    def entry(self, topic: str, section: str, item_id: str, path: str) -> Entry | None:
        found = self.topics.get(topic)
        return found.entries.get((section, item_id, path)) if found else None

    def text(self, topic: str, section: str, item_id: str, path: str, english: str) -> str | None:
        """The translation of `english` at that place, if there is one made from this very English."""
        entry = self.entry(topic, section, item_id, path)
        if entry is None or not entry.text.strip() or entry.source_hash != text_hash(english):
            return None
        return entry.text

    def accepted(self, topic: str, question_id: str) -> list[str]:
        """Spellings in this language accepted for a text question, beside the English ones."""
        found = self.topics.get(topic)
        return list(found.accept.get(question_id, [])) if found else []


def translation_dir(bank_dir: Path, lang: str) -> Path:
    """Where a bank's translations into `lang` live: <bank folder>/<lang>/."""
    return bank_dir / lang


def topic_files(bank: Bank, bank_dir: Path, files: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each topic's English file: `files` (the loader's Locations.files) when given, else read from the names of
    `bank_dir`'s files (NN-<topic id>.yaml, as the bank's checks require), for the topics of `bank`."""
    if files is not None:
        return dict(files)
    found = sorted(f for f in bank_dir.iterdir() if f.suffix in (".yaml", ".yml") and f.is_file()) if bank_dir.is_dir() else []
    named = files_by_name(found)
    return {topic_id: named[topic_id] for topic_id in bank.topics if topic_id in named}


def load_translation(bank: Bank, bank_dir: Path, lang: str, files: Mapping[str, str] | None = None) -> Translation:
    """The translations into `lang` of every topic of `bank` that has a translation file (`files`: see topic_files)."""
    from jkquiz.bank.load import display_path
    from jkquiz.bank.yamlfile import YamlFileError

    out = Translation(lang)
    folder = translation_dir(bank_dir, lang)
    for topic_id, file in topic_files(bank, bank_dir, files).items():
        path = folder / Path(file).name
        if path.is_file():
            try:
                out.topics[topic_id] = read_file(path, display_path(path))
            except YamlFileError as exc:  # the English is shown for this topic; validate --lang says why
                out.unreadable.append((display_path(path), exc.line, exc.message))
    return out


@dataclass(frozen=True)
class Gap:
    """A text without a current translation: where it belongs, and why."""

    file: str
    line: int
    item: str
    path: str
    reason: str  # "missing" or "changed"
    english: str
    current_hash: str

    def message(self) -> str:
        what = f"{self.item} {self.path}".strip()
        if self.reason == "missing":
            return f"{self.file}:{self.line}: {what}: no translation yet (English: {_short(self.english)})"
        return (f"{self.file}:{self.line}: {what}: the English changed since this was translated; check the "
                f"translation against the English now ({_short(self.english)}) and set `from: {self.current_hash}`")


def gaps(bank: Bank, translation: Translation, bank_dir: Path, files: Mapping[str, str] | None = None) -> Iterator[Gap]:
    """Every translatable text of `bank` with no translation in `translation`, or one made from other English."""
    from jkquiz.bank.load import display_path

    for topic_id, file in topic_files(bank, bank_dir, files).items():
        found = translation.topics.get(topic_id)
        tfile = found.file if found else display_path(translation_dir(bank_dir, translation.lang) / Path(file).name)
        for section, items in english_of(bank, topic_id).items():
            for item_id, texts in items.items():
                item_line = found.lines.get((section, item_id), 0) if found else 0
                for path, english in texts.items():
                    entry = translation.entry(topic_id, section, item_id, path)
                    label = item_id or "topic"
                    if entry is None or not entry.text.strip():
                        yield Gap(tfile, entry.line if entry else item_line, label, path, "missing", english, text_hash(english))
                    elif entry.source_hash != text_hash(english):
                        yield Gap(tfile, entry.line, label, path, "changed", english, text_hash(english))


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= limit else f"“{text[:limit - 1]}…”"


def render_file(bank: Bank, topic_id: str, lang: str, old: TopicTranslation | None, file: str) -> str:
    """The translation file of one topic, with every English text in a comment and the translations kept.

    An entry whose English changed keeps its old `from`, so `jkquiz validate --lang` still reports it; a
    bare translation (`path: text`, no `from`) is taken as made from the English as it is now.
    """
    import yaml

    def scalar(value: str) -> str:
        return yaml.safe_dump(value, allow_unicode=True, width=10**9, default_style='"').strip()

    name = NAMES.get(lang, lang)
    lines = [
        f"# {name} ({lang}) translation of {Path(file).name}: written by `jkquiz translate sync --lang {lang}`.",
        "# Fill in each `text` (keep it on one line); `from` is the hash of the English it translates: when the",
        "# English changes, `jkquiz validate --lang " + lang + "` reports the entry until `from` is set to the new hash.",
        "# Quotes of sources are never translated. Names follow CONTRIBUTING.md's naming policy.",
    ]
    for section, items in english_of(bank, topic_id).items():
        if not items or not any(items.values()):
            continue
        lines += ["", f"{section}:"]
        for item_id, texts in items.items():
            indent = "  "
            if section != "topic":
                lines.append(f"  {item_id}:")
                indent = "    "
            for path, english in texts.items():
                entry = old.entries.get((section, item_id, path)) if old else None
                lines.append(f"{indent}{path}:")
                lines += [f"{indent}  # en: {line}" for line in " ".join(english.split()).splitlines()]
                kept = entry is not None and entry.text.strip() and entry.source_hash
                lines.append(f"{indent}  from: {entry.source_hash if kept and entry else text_hash(english)}")
                lines.append(f"{indent}  text: {scalar(entry.text) if entry else chr(34) * 2}")
            if section == "questions" and texts.get("answer") is not None and "choices.0" not in texts:
                accept = old.accept.get(item_id, []) if old else []
                lines.append(f"{indent}accept: [{', '.join(scalar(a) for a in accept)}]")
    return "\n".join(lines) + "\n"


def sync(bank: Bank, bank_dir: Path, lang: str, topics: list[str] | None = None,
         files: Mapping[str, str] | None = None) -> list[Path]:
    """Write each topic's translation file into `lang` anew from the bank, keeping every translation (`files`: see topic_files)."""
    from jkquiz.atomicfile import replace_file

    folder = translation_dir(bank_dir, lang)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for topic_id, file in topic_files(bank, bank_dir, files).items():
        if topics and topic_id not in topics:
            continue
        path = folder / Path(file).name
        old = read_file(path) if path.is_file() else None
        text = render_file(bank, topic_id, lang, old, file).encode("utf-8")
        replace_file(path, lambda out: out.write(text))  # called at once, so the loop variable is this file's
        written.append(path)
    return written
