"""The course bank compiled to JSON, keyed by a hash of its YAML files: fast to load, and needs no PyYAML.

`load_course_bank()` looks for a compiled bank whose key matches the YAML files as they are now
(first one shipped inside the package, as the static site's wheel does, then the user's cache);
without one it loads the YAML and writes the compiled bank to the cache for next time. A YAML edit
changes the key, so a compiled bank is never used stale; when the cache cannot be written the YAML
is simply loaded each time. The key also covers the code that shapes a bank (this package's bank
modules and question types), the generation seed and the format below.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from jkquiz.bank.bank import Bank
from jkquiz.bank.translation import Translation, load_translation
from jkquiz.datafiles import data_dir
from jkquiz.errors import BankError, Problem

FORMAT = 1
BANK_SUFFIXES = (".yaml", ".yml")
PREFIX = "bank-"
CODE_DIRS = ("bank", "types")  # jkquiz packages whose code decides what a loaded bank holds


def course_bank_dir() -> Path:
    """The course's bank folder ($JKQUIZ_BANK, the package's copy, or the repository's data/bank)."""
    return data_dir("JKQUIZ_BANK", "bank", "data/bank")


def yaml_files(folder: Path | None = None) -> list[Path]:
    """The course's bank files, in name order (the order load_bank reads them)."""
    folder = folder or course_bank_dir()
    return sorted(f for f in folder.iterdir() if f.suffix in BANK_SUFFIXES and f.is_file())


def bank_key(files: list[Path], seed: int = 0) -> str:
    """Hash of the files' names and bytes, the bank-shaping code, the seed and the format."""
    digest = hashlib.sha256(f"jkquiz-compiled-bank {FORMAT} seed={seed}\n".encode())
    for file in files:
        digest.update(f"{file.name}\0{file.stat().st_size}\0".encode())
        digest.update(file.read_bytes())
    package = Path(__file__).resolve().parents[1]
    for name in CODE_DIRS:
        for source in sorted((package / name).glob("*.py")):
            digest.update(f"{name}/{source.name}\0".encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:32]


def packaged_dir() -> Path:
    """Where a build puts compiled banks inside the package (jkquiz/_data/compiled)."""
    return Path(__file__).resolve().parents[1] / "_data" / "compiled"


def cache_dir() -> Path:
    """Where compiled banks are written: $JKQUIZ_HOME/cache when set, else the user's cache folder."""
    home = os.environ.get("JKQUIZ_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    from platformdirs import user_cache_path

    return user_cache_path("jkquiz", appauthor=False)


def compiled_name(key: str) -> str:
    """The file name of the compiled bank for `key`."""
    return f"{PREFIX}{key}.json"


def to_json(bank: Bank) -> str:
    """The bank as JSON: topics, facts and questions (generated ones too) with their topic."""
    data = {
        "format": FORMAT,
        "topics": [t.model_dump(mode="json") for t in bank.topics.values()],
        "facts": [{"topic": f.topic, "item": f.model_dump(mode="json")} for f in bank.facts.values()],
        "questions": [
            {"topic": q.topic, "generated": q.generated, "item": q.model_dump(mode="json")}
            for q in bank.questions.values()
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def from_json(text: str | bytes) -> Bank:
    """A Bank from to_json's text: its items were validated when it was written, so they are rebuilt, not validated again.

    The file is trusted as this package wrote it (under the key of the YAML files and code it was compiled from).
    The garbage collector waits meanwhile: the thousands of objects made here are all kept, and collecting
    while they are made took half the load's time.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _from_json(text)
    finally:
        if collecting:
            gc.enable()


def _from_json(text: str | bytes) -> Bank:
    from jkquiz.bank.construct import rebuild
    from jkquiz.bank.model import Fact, Topic
    from jkquiz.types import get_type

    data: dict[str, Any] = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError(f"compiled bank format {data.get('format')!r}, expected {FORMAT}")
    bank = Bank()
    for raw in data["topics"]:
        topic = rebuild(Topic, raw)
        bank.topics[topic.id] = topic
    for entry in data["facts"]:  # the topic is given as validation context, as the YAML loader gives it
        fact = rebuild(Fact, entry["item"], {"topic": entry["topic"]})
        bank.facts[fact.id] = fact
    for entry in data["questions"]:
        item = entry["item"]
        context = {"topic": entry["topic"], "generated": bool(entry["generated"])}
        question = rebuild(get_type(item["type"]).model, item, context)
        bank.questions[question.id] = question
    return bank


def write_compiled(bank: Bank, folder: Path, key: str) -> Path:
    """Write the compiled bank atomically as folder/bank-<key>.json and remove older ones; OSError if it cannot."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / compiled_name(key)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".bank-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(to_json(bank))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    for old in folder.glob(f"{PREFIX}*.json"):
        if old != target:
            old.unlink(missing_ok=True)
    return target


def _read(file: Path) -> Bank | None:
    """The compiled bank in `file`, or None when it is missing or unreadable (then YAML is used)."""
    try:
        return from_json(file.read_bytes())  # UTF-8, as written; json decodes bytes faster than a text file reads
    except (OSError, ValueError, KeyError, TypeError):
        return None


def load_course_bank(folder: Path | None = None, *, seed: int = 0) -> Bank:
    """The course bank: compiled when a compiled bank matches the YAML files, else loaded from YAML (and compiled)."""
    files = yaml_files(folder)
    key = bank_key(files, seed)
    for place in (packaged_dir(), cache_dir()):
        bank = _read(place / compiled_name(key))
        if bank is not None:
            return bank
    try:
        from jkquiz.bank.load import load_bank
    except ImportError as exc:  # no PyYAML (the browser) and no compiled bank that matches
        message = "the question bank changed after this course was built, and YAML cannot be read here: rebuild it"
        raise BankError([Problem("", 0, 0, "", "", message)]) from exc
    bank = load_bank(files, seed=seed)
    try:
        write_compiled(bank, cache_dir(), key)
    except OSError:
        pass  # a read-only cache only costs the YAML load next time
    return bank


# ------------------------------------------------------------------ translations of the bank (data/bank/<lang>/)
def translation_key(lang: str, folder: Path | None = None, seed: int = 0) -> str:
    """Hash of the bank's key and the translation files into `lang` (names and bytes)."""
    folder = folder or course_bank_dir()
    digest = hashlib.sha256(f"jkquiz-compiled-translation {FORMAT} {lang} {bank_key(yaml_files(folder), seed)}\n".encode())
    translated = folder / lang
    for file in sorted(translated.glob("*.yaml")) if translated.is_dir() else []:
        digest.update(f"{file.name}\0".encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:32]


def translation_name(lang: str, key: str) -> str:
    """The file name of the compiled translation into `lang` for `key`."""
    return f"translation-{lang}-{key}.json"


def translation_to_json(translation: Translation) -> str:
    """A language's translations as JSON (entries with their English hashes and lines, accepted spellings)."""
    topics = {
        topic: {"file": found.file, "accept": found.accept,
                "lines": [[s, i, line] for (s, i), line in found.lines.items()],
                "entries": [[s, i, p, e.text, e.source_hash, e.line] for (s, i, p), e in found.entries.items()]}
        for topic, found in translation.topics.items()
    }
    return json.dumps({"format": FORMAT, "lang": translation.lang, "topics": topics,
                       "unreadable": translation.unreadable}, ensure_ascii=False, separators=(",", ":"))


def translation_from_json(text: str | bytes) -> Translation:
    """A Translation from translation_to_json's text."""
    from jkquiz.bank.translation import Entry, TopicTranslation

    data: dict[str, Any] = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError(f"compiled translation format {data.get('format')!r}, expected {FORMAT}")
    out = Translation(str(data["lang"]), unreadable=[(str(f), int(n), str(m)) for f, n, m in data.get("unreadable", [])])
    for topic, found in data["topics"].items():
        entries = {(s, i, p): Entry(t, h, line) for s, i, p, t, h, line in found["entries"]}
        lines = {(s, i): line for s, i, line in found["lines"]}
        out.topics[topic] = TopicTranslation(found["file"], entries, dict(found["accept"]), lines)
    return out


def load_course_translation(bank: Bank, lang: str, folder: Path | None = None) -> Translation:
    """The course's translations into `lang`: compiled when a compiled one matches the files, else read (and compiled)."""
    folder = folder or course_bank_dir()
    key = translation_key(lang, folder)
    for place in (packaged_dir(), cache_dir()):
        try:
            return translation_from_json((place / translation_name(lang, key)).read_bytes())
        except (OSError, ValueError, KeyError, TypeError):
            continue
    try:
        translation = load_translation(bank, folder, lang)
    except ImportError:  # no PyYAML (the browser) and no compiled translation that matches: the English is shown
        return Translation(lang)
    try:
        target = cache_dir()
        target.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target, prefix=".translation-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(translation_to_json(translation))
        os.replace(temporary, target / translation_name(lang, key))
    except OSError:
        pass  # a read-only cache only costs reading the YAML next time
    return translation
