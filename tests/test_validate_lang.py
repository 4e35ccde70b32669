"""`jkquiz validate --lang ko`: every text without a current translation, and the translations' own mistakes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jkquiz.cli import main

@pytest.fixture
def bank_dir(translated_bank_dir: Path) -> Path:
    return translated_bank_dir


def _lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().out.splitlines()


def test_each_missing_translation_is_reported_with_file_and_line(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(bank_dir), "--lang", "ko"]) == 1
    lines = _lines(capsys)
    missing = [line for line in lines if "no translation yet" in line]
    assert len(missing) == 5 and all(" q-s-islets-japan: " in line for line in missing)
    text = (bank_dir / "ko" / "01-sample.yaml").read_text(encoding="utf-8").splitlines()
    first = missing[0].split(":")
    assert first[0].endswith("ko/01-sample.yaml")
    assert text[int(first[1]) - 1].strip() == "prompt:"
    assert missing[0].endswith("prompt: no translation yet (English: “What does Japan's government hold about the islets?”)")
    assert lines[-1].endswith("5 problems")


def test_a_whole_translation_passes_and_english_validate_is_unchanged(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = bank_dir / "ko" / "01-sample.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text[:text.index("  q-s-islets-japan:")] + """  q-s-islets-japan:
    prompt: 일본 정부는 이 섬들에 대해 어떤 입장입니까?
    explanation: 일본 정부는 다케시마가 일본 고유의 영토라는 입장입니다.
    choices.0: 일본 고유의 영토이다.
    choices.1: 어느 나라에도 속하지 않는다.
    choices.2: 공동으로 관리된다.
""", encoding="utf-8")
    assert main(["translate", "sync", "--lang", "ko", "--bank", str(bank_dir)]) == 0
    capsys.readouterr()
    assert main(["validate", str(bank_dir), "--lang", "ko"]) == 0
    assert _lines(capsys)[-1].endswith("no problems")
    assert main(["validate", str(bank_dir)]) == 0


def test_a_broken_translation_file_is_a_problem_not_a_crash(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (bank_dir / "ko" / "01-sample.yaml").write_text("topic:\n  title: [unclosed\n", encoding="utf-8")
    assert main(["validate", str(bank_dir), "--lang", "ko"]) == 1
    assert any("ko/01-sample.yaml:3" in line and "cannot be read, so its topic is shown in English" in line
               for line in _lines(capsys))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("text: \"고노 담화는 1993년에 발표되었다.\"", "text: \"독도는 작은 섬이다.\"",
         "s-kono: statement: '독도' is South Korea's term: in the course's own voice use the neutral term"),
        ("text: \"샌프란시스코 강화조약\"", "text: \"강화도조약\"",
         "q-s-single: choices.2: reads the same as choices.1 ('강화도조약'): a learner could not tell them apart"),
        ("text: \"박정희\"", "text: \"박정희 대통령\"",
         "s-park: answer: the answer '박정희 대통령' does not appear word for word in the translated statement"),
        ("  s-kono:\n", "  s-knoo:\n", "s-knoo: statement: no fact 's-knoo' in the English bank: this entry is never shown"),
    ],
)
def test_a_translations_own_mistakes_are_reported(bank_dir: Path, capsys: pytest.CaptureFixture[str],
                                                  old: str, new: str, expected: str) -> None:
    file = bank_dir / "ko" / "01-sample.yaml"
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert main(["validate", str(bank_dir), "--lang", "ko"]) == 1
    assert any(expected in line for line in _lines(capsys))
