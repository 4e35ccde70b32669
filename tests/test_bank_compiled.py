"""The compiled bank: the same bank as the YAML, used only while it matches the YAML files, never stale."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fixture_paths import ROOT
from jkquiz.bank import load_bank
from jkquiz.bank.compiled import bank_key, cache_dir, compiled_name, from_json, load_course_bank, to_json, yaml_files


def dump(bank) -> dict:
    return {
        "topics": [t.model_dump() for t in bank.topics.values()],
        "facts": [(f.topic, f.model_dump()) for f in bank.facts.values()],
        "questions": [(q.topic, q.generated, q.model_dump()) for q in bank.questions.values()],
    }  # where each topic was written is the loader's (Locations), not the runtime bank's: not compiled


@pytest.fixture
def bank_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the course's bank, made the course's bank for this test."""
    folder = tmp_path / "bank"
    shutil.copytree(ROOT / "data" / "bank", folder)
    monkeypatch.setenv("JKQUIZ_BANK", str(folder))
    return folder


def test_compiled_bank_is_the_yaml_bank() -> None:
    yaml_bank = load_bank(yaml_files())
    again = from_json(to_json(yaml_bank))
    assert dump(again) == dump(yaml_bank)
    assert [q.id for q in again.questions.values()] == [q.id for q in yaml_bank.questions.values()]
    assert any(q.generated for q in again.questions.values())


def test_compiled_items_are_the_validated_models_exactly() -> None:
    """Rebuilt without validation, each item is what validating its JSON gives: same class, values, value types."""
    from jkquiz.bank.model import Fact, Topic
    from jkquiz.types import question_adapter

    yaml_bank = load_bank(yaml_files())
    text = to_json(yaml_bank)
    data = json.loads(text)
    again = from_json(text)
    validated = {
        "topics": [Topic.model_validate(raw) for raw in data["topics"]],
        "facts": [Fact.model_validate(e["item"], context={"topic": e["topic"]}) for e in data["facts"]],
        "questions": [question_adapter().validate_python(e["item"], context={"topic": e["topic"], "generated": e["generated"]})
                      for e in data["questions"]],
    }
    for kind, reference in validated.items():
        rebuilt = list(getattr(again, kind).values())
        from_yaml = list(getattr(yaml_bank, kind).values())
        assert len(rebuilt) == len(reference) == len(from_yaml)
        for item, valid, original in zip(rebuilt, reference, from_yaml):
            assert type(item) is type(valid) is type(original)
            assert repr(item) == repr(valid)  # repr tells 0 from 0.0 and a tuple from a list
            assert item == valid == original  # (an unset default stays as written in the YAML: 0 == 0.0)
            assert item.model_fields_set == valid.model_fields_set
            assert getattr(item, "topic", None) == getattr(valid, "topic", None) == getattr(original, "topic", None)
            assert getattr(item, "generated", None) == getattr(valid, "generated", None)


def test_first_load_compiles_the_next_reads_it(bank_copy: Path) -> None:
    first = load_course_bank()
    compiled = cache_dir() / compiled_name(bank_key(yaml_files()))
    assert compiled.is_file()
    second = load_course_bank()
    assert dump(second) == dump(first)


def test_an_edited_yaml_file_is_seen_on_the_next_load(bank_copy: Path) -> None:
    before = load_course_bank()
    file = bank_copy / "02-normalization.yaml"
    text = file.read_text(encoding="utf-8")
    title = before.topics["normalization"].title
    file.write_text(text.replace(f"title: {title}", "title: Normalization, edited", 1), encoding="utf-8")
    after = load_course_bank()
    assert after.topics["normalization"].title == "Normalization, edited"
    assert len(list(cache_dir().glob("bank-*.json"))) == 1  # the stale one is gone


def test_a_stale_compiled_file_is_never_used(bank_copy: Path) -> None:
    load_course_bank()
    compiled = cache_dir() / compiled_name(bank_key(yaml_files()))
    data = json.loads(compiled.read_text(encoding="utf-8"))
    data["topics"][0]["title"] = "Tampered"
    compiled.write_text(json.dumps(data), encoding="utf-8")
    assert load_course_bank().topics[data["topics"][0]["id"]].title == "Tampered"  # same key: it is used
    file = bank_copy / "01-before-1945.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "\n# a comment changes the key\n", encoding="utf-8")
    assert all(t.title != "Tampered" for t in load_course_bank().topics.values())


def test_unwritable_cache_falls_back_to_yaml(bank_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "home"
    blocked.mkdir()
    (blocked / "cache").write_text("a file where the cache folder would be")
    monkeypatch.setenv("JKQUIZ_HOME", str(blocked))
    bank = load_course_bank()
    assert "normalization" in bank.topics
    assert (blocked / "cache").is_file()


def test_broken_compiled_file_is_rebuilt(bank_copy: Path) -> None:
    load_course_bank()
    compiled = cache_dir() / compiled_name(bank_key(yaml_files()))
    compiled.write_text("{not json", encoding="utf-8")
    assert "normalization" in load_course_bank().topics
    assert json.loads(compiled.read_text(encoding="utf-8"))["format"] == 1


BLOCKER = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"yaml", "rapidfuzz", "matplotlib", "ruamel", "genanki"}:
            raise ImportError(f"{name} is not installed in the browser")
sys.meta_path.insert(0, Block())
"""


def run_without_browser_missing(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", BLOCKER + code], capture_output=True, text=True, env=env, timeout=120)


def test_quiz_runs_without_pyyaml_rapidfuzz_or_matplotlib(bank_copy: Path) -> None:
    """What the browser has: no PyYAML, rapidfuzz or matplotlib; a compiled bank that matches."""
    load_course_bank()  # compiles into this test's cache
    code = """
import jkquiz, sys
from jkquiz.api import course_bank
view = jkquiz.quiz("territory", n=3, seed=1)
q = next(q for q in course_bank().questions.values() if q.type == "text")
from jkquiz.engine import grade
assert grade(q, q.answer[:-1] + "x").status in ("correct", "wrong")
assert "yaml" not in sys.modules and "rapidfuzz" not in sys.modules and "matplotlib" not in sys.modules
print(type(view).__name__)
"""
    done = run_without_browser_missing(code, dict(os.environ))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "QuizView"


def test_without_pyyaml_and_no_matching_compiled_bank_a_learner_reads_why(bank_copy: Path) -> None:
    done = run_without_browser_missing("import jkquiz; print(jkquiz.quiz('territory').message)", dict(os.environ))
    assert done.returncode == 0, done.stderr
    assert "question bank changed after this course was built" in done.stdout


def test_dump_is_pydantics_json_dump() -> None:
    """content_hash dumps questions without pydantic's serializer: the same dict, for every item of both loads."""
    from jkquiz.bank.construct import dump
    from jkquiz.bank.model import _HASH_EXCLUDE

    yaml_bank = load_bank(yaml_files())
    for bank in (yaml_bank, from_json(to_json(yaml_bank))):
        for item in [*bank.topics.values(), *bank.facts.values(), *bank.questions.values()]:
            assert dump(item) == item.model_dump(mode="json")
            assert json.dumps(dump(item)) == json.dumps(item.model_dump(mode="json"))  # 0 vs 0.0, key order
        for question in bank.questions.values():
            assert dump(question, _HASH_EXCLUDE) == question.model_dump(mode="json", exclude=_HASH_EXCLUDE)
