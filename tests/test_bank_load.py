"""Loading the bank: models, file order, generated questions, the shipped bank."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jkquiz.bank import load_bank
from jkquiz.bank.model import QUESTION_TYPES
from jkquiz.errors import BankError

from fixture_paths import FIXTURES, ROOT


def test_mini_bank_loads_every_type_in_file_order(mini_bank) -> None:
    authored = [q for q in mini_bank.questions.values() if not q.generated]
    assert [q.id for q in authored][:3] == ["q-s-single", "q-s-multiple", "q-s-tf"]
    assert {q.type for q in authored} == set(QUESTION_TYPES)
    assert list(mini_bank.topics) == ["sample"]
    assert mini_bank.facts["s-treaty"].when == "1965-12"
    assert mini_bank.facts["s-treaty"].topic == "sample"


def test_yaml_12_scalars_stay_text(tmp_path: Path) -> None:
    text = (FIXTURES / "mini" / "01-sample.yaml").read_text(encoding="utf-8")
    text = text.replace("choices: [Treaty on Basic Relations, Treaty of San Francisco, Treaty of Ganghwa]",
                        "choices: [Treaty on Basic Relations, yes, no, Treaty of Ganghwa]")
    (tmp_path / "01-sample.yaml").write_text(text, encoding="utf-8")
    bank = load_bank(tmp_path)
    assert bank.questions["q-s-single"].choices == ["Treaty on Basic Relations", "yes", "no", "Treaty of Ganghwa"]


def test_questions_for_filters(mini_bank) -> None:
    assert {q.type for q in mini_bank.questions_for("sample", types=["text"])} == {"text"}
    assert all(q.difficulty == 3 for q in mini_bank.questions_for("sample", difficulty=3))
    assert not any(q.generated for q in mini_bank.questions_for("sample", generated=False))
    assert mini_bank.questions_for("nope") == []


def test_generated_questions_are_marked_stable_and_grounded(mini_bank_dir: Path) -> None:
    first = load_bank(mini_bank_dir)
    second = load_bank(mini_bank_dir)
    generated = [q for q in first.questions.values() if q.generated]
    assert generated, "the mini bank should yield generated questions"
    assert [q.model_dump() for q in generated] == [second.questions[q.id].model_dump() for q in generated]
    kinds = {q.id.split("-")[1] for q in generated}
    assert kinds == {"year", "timeline", "choice"}
    for q in generated:
        assert q.id.startswith("gen-")
        facts = [first.facts[f] for f in q.facts]
        if q.type == "number":  # year: the prompt is the statement with the year blanked
            assert int(q.answer) == facts[0].year
            statement = facts[0].statement
            assert q.prompt.replace("_____", str(facts[0].year)).endswith(statement) or q.prompt.endswith(f"“{statement}”")
        elif q.type == "order":  # timeline: labels of the facts, earliest first
            assert q.items == [f.label for f in sorted(facts, key=lambda f: f.when)]
        else:  # choice: every option is the answer of some fact of the same kind
            answers = {f.answer for f in first.facts.values() if f.kind == facts[0].kind}
            assert set(q.choices) <= answers and q.answer == facts[0].answer
            assert q.answer not in q.prompt


def test_generation_depends_on_seed_only(mini_bank_dir: Path) -> None:
    a = load_bank(mini_bank_dir, seed=1).questions["gen-choice-s-sato"].choices
    b = load_bank(mini_bank_dir, seed=1).questions["gen-choice-s-sato"].choices
    assert a == b


def test_time_bound_generated_prompt_says_as_of(mini_bank) -> None:
    for q in mini_bank.questions.values():
        for fact in mini_bank.facts_of(q):
            if fact.as_of:
                assert fact.as_of[:4] in q.prompt


def test_broken_bank_raises_with_every_problem() -> None:
    with pytest.raises(BankError) as info:
        load_bank(FIXTURES / "broken")
    assert len(info.value.problems) == 18


def test_shipped_bank_loads_from_an_installed_wheel(tmp_path: Path) -> None:
    """Build the wheel, install it in a fresh venv without the checkout, load the default bank."""
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
                   check=True)
    wheel = next(dist.glob("jkquiz-*.whl"))
    # the translations ship too: the bank's (data/bank/<lang>/) and the lessons' (notebooks/<lang>/, their sources)
    import zipfile

    shipped = set(zipfile.ZipFile(wheel).namelist())
    translated = [p for lang in ("ko", "ja") for top in (ROOT / "data" / "bank" / lang, ROOT / "notebooks" / lang,
                                                         ROOT / "notebooks" / "src" / lang) for p in top.glob("*.*")]
    assert any(p.suffix == ".yaml" for p in translated)
    assert [p for p in translated if f"jkquiz/_data/{p.relative_to(ROOT).as_posix().replace('data/', '', 1)}"
            not in shipped] == []
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True)
    code = "import jkquiz, sys; b = jkquiz.load_bank(); print(len(b.topics), len(b.facts)); print(jkquiz.__file__)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": ""},
                         capture_output=True, text=True, check=True).stdout.split("\n")
    topics, facts = map(int, out[0].split())
    assert topics >= 1 and facts >= 1
    assert out[1].startswith(str(target))
