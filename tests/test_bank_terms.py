"""Native-script names (terms, non-Latin text alternates) must appear in a source quote of their facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from jkquiz.bank import inspect_bank
from jkquiz.bank.load import default_bank_dir
from jkquiz.cli import main

HEADER = """\
topic:
  id: sample
  title: Sample
  objectives: [Name things.]
facts:
"""

QUESTION = """\
questions:
  - id: q-name
    type: text
    prompt: What is the Korean name of the islets?
    answer: Dokdo
    alternates: [{alternates}]
    facts: [f-islets]
    explanation: Korea calls them Dokdo.
    difficulty: 1
"""


def _bank(tmp_path: Path, terms: str, quote: str, alternates: str = "Tokdo") -> Path:
    """One fact with `terms` and one `quote`, and a text question with `alternates`."""
    fact = f"""\
  - id: f-islets
    statement: Korea calls the islets Dokdo; Japan calls them Takeshima.
    kind: place
    terms:
{terms}
    sources:
      - title: Sample source
        quote: "{quote}"
"""
    (tmp_path / "01-sample.yaml").write_text(HEADER + fact + QUESTION.format(alternates=alternates), encoding="utf-8")
    return tmp_path


def _terms_problems(path: Path) -> list:
    return [p for p in inspect_bank(path).problems if "source quotes" in p.message]


def test_sourced_terms_pass_despite_spacing_separators_and_width(tmp_path: Path) -> None:
    terms = "      ko: 독도 의용 수비대\n      ja: 三・一独立運動\n      hanja: 獨島"
    quote = "Dokdo Volunteer Garrison (Korean: 독도의용수비대); 三·一独立運動; Hanja: 獨島"
    assert _terms_problems(_bank(tmp_path, terms, quote)) == []
    # a half-width katakana quote still sources the full-width term (NFKC)
    assert _terms_problems(_bank(tmp_path, "      ja: タケシマ", "ﾀｹｼﾏ")) == []


def test_unsourced_term_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = _bank(tmp_path, "      ko: 독도\n      ja: 竹島", "Dokdo (독도) in Korean")
    problems = _terms_problems(path)
    assert [(p.line, p.column, p.id, p.field) for p in problems] == [(11, 11, "f-islets", "terms.ja")]
    assert problems[0].message == (
        "terms.ja '竹島' appears in none of this fact's source quotes: quote a source that gives it, or remove it"
    )


def test_unsourced_hangul_alternate_is_reported(tmp_path: Path) -> None:
    # 독도 is sourced; 독섬 is in no term and no quote; Latin alternates are not checked
    path = _bank(tmp_path, "      ko: 독도", "Dokdo (독도)", alternates="Tokdo, Dokseom, 독도, 독섬")
    problems = _terms_problems(path)
    assert [(p.line, p.column, p.id, p.field) for p in problems] == [(19, 38, "q-name", "alternates.3")]
    assert "alternate '독섬' appears in none of the terms or source quotes" in problems[0].message


def test_kana_and_han_alternates_are_checked_too(tmp_path: Path) -> None:
    path = _bank(tmp_path, "      ja: 竹島", "Takeshima (竹島)", alternates="竹島, たけしま, 竹嶋")
    assert [p.field for p in _terms_problems(path)] == ["alternates.1", "alternates.2"]


def test_validate_fails_on_an_unsourced_term(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _bank(tmp_path, "      ko: 박정희", "Park Chung-hee")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "01-sample.yaml:10:11: f-islets: terms.ko '박정희' appears in none of this fact's source quotes" in out


def test_shipped_bank_names_are_all_sourced() -> None:
    assert _terms_problems(default_bank_dir()) == []
