"""Every problem is reported with its file, line and column; bad files get one clear line."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from jkquiz.bank import inspect_bank
from jkquiz.cli import main

from fixture_paths import FIXTURES

BROKEN = FIXTURES / "broken"

EXPECTED = [  # (file, line, column, id, message fragment)
    ("01-errors.yaml", 14, 16, "e-contested", "needs both perspectives; missing: japan, korea"),
    ("01-errors.yaml", 19, 14, "e-unsourced", "a fact without a source"),
    ("01-errors.yaml", 24, 9, "e-noquote", "a source without a quote"),
    ("01-errors.yaml", 34, 5, "e-halfside", "missing: korea"),
    ("01-errors.yaml", 41, 29, "q-e-choice", "'Tokyo' appears twice in choices"),
    ("01-errors.yaml", 42, 13, "q-e-choice", "answer 'Busan' is not among the choices"),
    ("01-errors.yaml", 50, 19, "q-e-facts", "fact 'e-missing' does not exist"),
    ("01-errors.yaml", 52, 17, "q-e-facts", "difficulty must be 1, 2 or 3, not 5"),
    ("01-errors.yaml", 53, 5, "q-e-facts", "unknown field 'colour'"),
    ("01-errors.yaml", 57, 19, "q-e-order", "'A' appears twice in items"),
    ("01-errors.yaml", 66, 20, "q-e-match", "not one-to-one: right item '1993' appears twice"),
    ("01-errors.yaml", 73, 13, "q-e-number", "answer 1965 is outside the stated range 1900..1950"),
    ("01-errors.yaml", 81, 13, "q-e-leak", "gives away the answer 'Treaty on Basic Relations'"),
    ("01-errors.yaml", 88, 13, "q-e-asof", 'say "As of 2014, ..."'),
    ("01-errors.yaml", 100, 9, "q-e-ok", "duplicate id 'q-e-ok' (first defined at"),
    ("01-errors.yaml", 108, 11, "q-e-type", "unknown question type 'singel' (did you mean 'single'?)"),
    ("02-lonely.yaml", 2, 3, "lonely", "topic 'lonely' has no questions"),
    ("02-lonely.yaml", 6, 9, "e-ok", "duplicate id 'e-ok'"),
]


def test_every_problem_at_its_line() -> None:
    problems = inspect_bank(BROKEN).problems
    got = sorted((Path(p.file).name, p.line, p.column, p.id, p.message) for p in problems)
    assert len(got) == len(EXPECTED) + 0, "\n".join(map(str, got))
    for (file, line, column, item, fragment), (gfile, gline, gcolumn, gitem, gmessage) in zip(sorted(EXPECTED), got):
        assert (gfile, gline, gcolumn, gitem) == (file, line, column, item)
        assert fragment in gmessage


def test_marked_lines_match_the_fixture_comments() -> None:
    """Every line commented '<- problem' in the fixtures is reported (guards the fixtures themselves)."""
    reported = {(Path(p.file).name, p.line) for p in inspect_bank(BROKEN).problems}
    for path in BROKEN.glob("*.yaml"):
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "# <- problem" in text and "line of the block" not in text and not text.startswith("#"):
                assert (path.name, number) in reported, f"{path.name}:{number} not reported"


def test_validate_json_lists_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BROKEN), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    problems = json.loads(out)
    assert len(problems) == len(EXPECTED)
    assert set(problems[0]) == {"file", "line", "column", "id", "field", "message"}
    assert {"file": str(BROKEN / "01-errors.yaml").split("tests/", 1)[-1]}  # paths are shown relative when possible
    assert "18 problems" in err


def test_validate_text_prints_problems_then_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "mini")]) == 0
    out, _ = capsys.readouterr()
    assert re.fullmatch(r"1 file, 1 topics, 7 facts, 10 authored \+ \d+ generated questions: no problems\n", out)
    assert main(["validate", str(BROKEN)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert re.match(r".*01-errors\.yaml:14:16: e-contested: a contested fact", lines[0])
    assert lines[-1].endswith("18 problems")


def _validate_one(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("name", "content", "line", "fragment"),
    [
        ("01-broken.yaml", b"topic:\n  id: x\n  title: [unclosed\n", 4, "not valid YAML"),
        ("01-tab.yaml", b"topic:\n\tid: x\n", 2, "tab character is used for indentation"),
        ("01-empty.yaml", b"", 1, "the file is empty"),
        ("01-comments.yaml", b"# nothing here\n", 1, "holds only comments"),
        ("01-latin1.yaml", "topic:\n  id: x\n  title: Caf\u00e9\n".encode("latin-1"), 3, "not UTF-8"),
        ("01-list.yaml", b"- a\n- b\n", 1, "must be a block with `topic:`"),
        ("01-alias.yaml", b"topic: &t\n  id: x\nfacts: *t\n", 1, "aliases"),  # the anchor's line
        ("01-dupkey.yaml", b"topic:\n  id: x\n  id: y\n", 3, "appears twice"),
    ],
)
def test_bad_files_get_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes,
                                      line: int, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = _validate_one(path, capsys)
    assert code == 1
    first = out.splitlines()[0]
    assert re.match(rf".*{re.escape(name)}:{line}:\d+: .*{re.escape(fragment)}", first), first
    assert "Traceback" not in out + err


def test_alias_bomb_is_refused_quickly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = tmp_path / "01-bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    code, out, _ = _validate_one(path, capsys)
    elapsed = time.perf_counter() - start
    assert code == 1 and "aliases (*name) are not allowed" in out
    assert elapsed < 5, "an alias bomb must not be expanded"  # expanding it would take minutes and gigabytes


def test_huge_file_is_refused_without_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "01-huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    code, out, _ = _validate_one(path, capsys)
    assert code == 1
    assert re.match(r".*01-huge\.yaml:1:1: the file is 100 MB \(104,857,600 bytes\); a bank file may be at most 5 MB",
                    out.splitlines()[0])


def test_folder_without_bank_files_and_missing_path_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _validate_one(tmp_path, capsys)
    assert code == 2 and err.strip().endswith("no bank files (*.yaml) in this folder") and not out
    code, out, err = _validate_one(tmp_path / "nope", capsys)
    assert code == 2 and err.strip().endswith("nope: no such file or folder")


def test_problem_field_names_the_key(tmp_path: Path) -> None:
    problems = inspect_bank(BROKEN).problems
    fields = {(p.id, p.field) for p in problems}
    assert ("q-e-facts", "colour") in fields
    assert ("q-e-choice", "answer") in fields
    assert ("q-e-choice", "choices.2") in fields


def test_validate_skip_leaves_out_one_named_check(capsys: pytest.CaptureFixture[str]) -> None:
    from jkquiz.bank.checks import answers_not_leaked, check_names

    broken = FIXTURES / "broken"
    every = inspect_bank(broken).problems
    loaded = inspect_bank(broken)
    leaked = set(answers_not_leaked(loaded.bank, loaded.locations))
    assert leaked and "answers-not-leaked" in check_names()
    assert main(["validate", "--format", "json", "--skip", "answers-not-leaked", str(broken)]) == 1
    shown = json.loads(capsys.readouterr().out)
    assert len(shown) == len(every) - len(leaked)
    assert {(p["id"], p["message"]) for p in shown} == {(p.id, p.message) for p in every if p not in leaked}


def test_validate_skip_of_an_unknown_check_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--skip", "numbers-within-rang", str(FIXTURES / "mini")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("jkquiz: --skip: no check named 'numbers-within-rang' (did you mean 'numbers-within-range'?); checks are: ")
