"""`jkquiz add`, `list` and `stats` as an instructor types them: exit codes, messages, the file written."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from jkquiz.bank import load_bank
from jkquiz.bank.load import display_path
from jkquiz.cli import main


@pytest.fixture
def bank_dir(tmp_path: Path, mini_bank_dir: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(mini_bank_dir, target)
    return target


def run(argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_add_question_from_flags(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([
        "add", "question", "--bank", str(bank_dir), "--topic", "sample", "--type", "match",
        "--prompt", "Match each statement with its year.",
        "--pair", "Kono Statement -> 1993", "--pair", "Treaty on Basic Relations -> 1965",
        "--fact", "s-kono", "--fact", "s-treaty", "--explanation", "1993 and 1965.", "--difficulty", "3",
    ], capsys)
    assert (code, err) == (0, "")
    assert out.strip().startswith("Added question 'q-s-statement-year' to ")
    q = load_bank(bank_dir).questions["q-s-statement-year"]
    assert q.pairs == [("Kono Statement", "1993"), ("Treaty on Basic Relations", "1965")]  # type: ignore[attr-defined]
    assert q.difficulty == 3 and q.facts == ["s-kono", "s-treaty"]


def test_add_number_with_unit_and_true_false(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--bank", str(bank_dir), "--topic", "sample", "--fact", "s-poll", "--explanation", "13%."]
    code, _, _ = run(["add", "question", *common, "--type", "number", "--id", "q-poll-2014",
                      "--prompt", "As of 2014, what share of Japanese viewed South Korea's influence positively?",
                      "--answer", "13", "--tolerance", "1", "--unit", "%"], capsys)
    assert code == 0
    code, _, _ = run(["add", "question", *common, "--type", "true_false", "--id", "q-poll-tf",
                      "--prompt", "As of 2014, most Japanese viewed South Korea's influence positively.", "--answer", "no"], capsys)
    assert code == 0
    bank = load_bank(bank_dir)
    assert (bank.questions["q-poll-2014"].answer, bank.questions["q-poll-2014"].unit) == (13, "%")  # type: ignore[attr-defined]
    assert bank.questions["q-poll-tf"].answer is False  # type: ignore[attr-defined]


def test_add_refuses_bad_input_with_exit_codes(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (bank_dir / "01-sample.yaml").read_bytes()
    code, _, err = run(["add", "question", "--bank", str(bank_dir), "--topic", "sample", "--type", "single",
                        "--prompt", "Which?", "--choice", "A", "--choice", "B"], capsys)
    assert code == 2 and "missing --answer, --fact, --explanation" in err and "-i" in err
    code, _, err = run(["add", "question", "--bank", str(bank_dir), "--topic", "sampel", "--type", "text",
                        "--prompt", "Name?", "--answer", "X", "--fact", "s-kono", "--explanation", "E."], capsys)
    assert code == 2 and "no topic 'sampel' (did you mean 'sample'?)" in err
    code, _, err = run(["add", "question", "--bank", str(bank_dir), "--topic", "sample", "--type", "single",
                        "--prompt", "Which treaty of 1965?", "--choice", "A", "--choice", "B", "--answer", "C",
                        "--fact", "s-treaty", "--explanation", "E."], capsys)
    assert code == 1 and "nothing was written" in err and "answer 'C' is not among the choices" in err
    assert "Traceback" not in err
    assert (bank_dir / "01-sample.yaml").read_bytes() == before


def test_add_with_an_existing_id_prints_one_short_line_naming_the_existing_item(
        bank_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(bank_dir.parent)  # the instructor's course folder: files named as they would see them
    file = display_path(bank_dir / "01-sample.yaml")
    assert file == str(Path("bank", "01-sample.yaml"))
    line = 1 + (bank_dir / "01-sample.yaml").read_text(encoding="utf-8").splitlines().index("  - id: q-s-single")
    code, out, err = run([
        "add", "question", "--bank", str(bank_dir), "--topic", "sample", "--id", "q-s-single", "--type", "true_false",
        "--prompt", "Was the treaty signed in 1965?", "--answer", "true", "--fact", "s-treaty", "--explanation", "It was.",
    ], capsys)
    expected = (f"jkquiz: nothing was written: {file}: q-s-single: duplicate id 'q-s-single' "
                f"(already at {file}:{line})\n")
    assert (code, out, err) == (1, "", expected)
    assert len(err) < 300


def test_add_with_existing_content_names_the_twin_and_its_place(
        bank_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(bank_dir.parent)  # the instructor's course folder: files named as they would see them
    file = display_path(bank_dir / "01-sample.yaml")
    assert file == str(Path("bank", "01-sample.yaml"))
    line = 1 + (bank_dir / "01-sample.yaml").read_text(encoding="utf-8").splitlines().index("  - id: q-s-tf")
    code, out, err = run([
        "add", "question", "--bank", str(bank_dir), "--topic", "sample", "--id", "q-s-kono-again", "--type", "true_false",
        "--prompt", "The Kono Statement was issued in 1995.", "--answer", "false", "--fact", "s-kono",
        "--explanation", "It was issued in 1993.",
    ], capsys)
    expected = (f"jkquiz: nothing was written: {file}: q-s-kono-again: the same question (same prompt and answer) "
                f"is already in the bank as 'q-s-tf' ({file}:{line})\n")
    assert (code, out, err) == (1, "", expected)
    assert "None" not in err and len(err) < 300


def test_add_fact_from_flags(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["add", "fact", "--bank", str(bank_dir), "--topic", "sample", "--id", "s-murayama",
                        "--statement", "The Murayama Statement was issued in 1995.", "--kind", "document",
                        "--when", "1995-08-15", "--label", "Murayama Statement",
                        "--source-title", "Sample source", "--quote", "Murayama Statement"], capsys)
    assert code == 0 and "Added fact 's-murayama'" in out
    fact = load_bank(bank_dir).facts["s-murayama"]
    assert fact.when == "1995-08-15" and fact.sources[0].quote == "Murayama Statement"


def test_add_fact_with_native_names_both_sides_and_coordinates(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["add", "fact", "--bank", str(bank_dir), "--topic", "sample",
                          "--statement", "The islets Korea calls Dokdo (독도) and Japan calls Takeshima (竹島) lie in the sea between them.",
                          "--kind", "place", "--coords", "37.24, 131.87", "--ko", "독도", "--ja", "竹島", "--hanja", "獨島",
                          "--japan-holds", "Japan's government holds that Takeshima is part of Japan's territory.",
                          "--korea-holds", "South Korea's government holds that Dokdo is part of Korea's territory.",
                          "--source-title", "Sample source", "--quote", "Dokdo (독도, 獨島) and Takeshima (竹島)"], capsys)
    file = display_path(bank_dir / "01-sample.yaml")
    assert (code, out, err) == (0, f"Added fact 's-islets-dokdo-takeshima' to {file}.\n", "")
    fact = load_bank(bank_dir).facts["s-islets-dokdo-takeshima"]
    assert fact.coords == (37.24, 131.87) and fact.contested
    assert fact.terms is not None and (fact.terms.ko, fact.terms.ja, fact.terms.hanja) == ("독도", "竹島", "獨島")
    assert fact.perspectives is not None and fact.perspectives.korea.startswith("South Korea's government holds")


def test_add_fact_refuses_coordinates_off_the_globe_and_a_single_side(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (bank_dir / "01-sample.yaml").read_bytes()
    common = ["add", "fact", "--bank", str(bank_dir), "--topic", "sample", "--statement", "The islets lie east of Ulleungdo.",
              "--kind", "place", "--source-title", "Sample source", "--quote", "east of Ulleungdo"]
    code, out, err = run([*common, "--coords", "137.24,131.87", "--japan-holds", "Japan's government holds X."], capsys)
    assert (code, out) == (2, "")
    assert err == ("jkquiz: --coords: latitude 137.24 is out of range: it must be between -90 (south) and 90 (north); "
                   "--japan-holds: a contested fact needs both sides: add --korea-holds too "
                   "(or use -i to be asked for each field)\n")
    code, _, err = run([*common, "--coords", "37.24 north"], capsys)
    assert code == 2 and err.startswith("jkquiz: --coords: '37.24 north' is not a latitude and a longitude: type two numbers")
    code, _, err = run([*common, "--coords", "37.24, -190"], capsys)
    assert code == 2 and "--coords: longitude -190 is out of range: it must be between -180 (west) and 180 (east)" in err
    assert (bank_dir / "01-sample.yaml").read_bytes() == before


def test_add_fact_interactively_asks_for_names_sides_and_coordinates(
        bank_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    answers = "\n".join([
        "sample",
        "The islets Korea calls Dokdo (독도) and Japan calls Takeshima (竹島) lie in the sea between them.",
        "place",
        "", "", "", "",          # date, key datum, label, as of: none
        "91, 131.87",            # out of range: asked again
        "37.24, 131.87",
        "독도", "竹島", "",        # Hangul, Japanese, no Hanja
        "yes",                   # contested: both sides asked for, neither may stay empty
        "Japan's government holds that Takeshima is part of Japan's territory.",
        "",
        "South Korea's government holds that Dokdo is part of Korea's territory.",
        "Sample source", "", "Dokdo (독도) and Takeshima (竹島)",
        "", "",                  # tags, id
        "yes",
    ]) + "\n"
    code, out, err = run(["add", "fact", "-i", "--bank", str(bank_dir)], capsys, answers, monkeypatch)
    assert code == 0, err
    assert "Coordinates (optional: latitude, longitude in decimal degrees, e.g. 37.24, 131.87): " in out
    assert "  latitude 91 is out of range: it must be between -90 (south) and 90 (north)\n" in out
    assert "South Korea holds (what South Korea's government holds; both sides mark the fact contested):   This field is required." in out
    fact = load_bank(bank_dir).facts["s-islets-dokdo-takeshima"]
    assert fact.coords == (37.24, 131.87) and fact.contested and fact.terms is not None and fact.terms.hanja is None
    assert fact.perspectives is not None and fact.perspectives.japan.startswith("Japan's government holds")


def test_add_question_interactively(bank_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Each field is asked for; a wrong answer is asked again with the reason; the item is shown before writing."""
    answers = "\n".join([
        "1",                 # topic: sample
        "multiple",          # type
        "Which of these documents date from the 1990s?",
        "Kono Statement", "Obuchi–Kim declaration", "Treaty on Basic Relations", "",  # choices, empty line ends
        "9",                 # not a choice number: asked again
        "1,2",               # right choices
        "s-kon",             # no such fact: asked again
        "s-kono, s-kim",
        "The Kono Statement (1993) and the Obuchi–Kim declaration (1998).",
        "4",                 # difficulty out of range: asked again
        "2",
        "",                  # tags: none
        "",                  # id: suggested
        "yes",               # confirm
    ]) + "\n"
    code, out, err = run(["add", "question", "-i", "--bank", str(bank_dir)], capsys, answers, monkeypatch)
    assert code == 0, err
    assert "type numbers from 1 to 3, separated by commas" in out
    assert "no fact 's-kon' (did you mean 's-kono'?)" in out
    assert "type a whole number from 1 to 3" in out
    assert "answers: [Kono Statement, Obuchi–Kim declaration]" in out  # the preview, before the question to confirm
    q = load_bank(bank_dir).questions["q-s-documents-date-1990s"]
    assert q.answers == ["Kono Statement", "Obuchi–Kim declaration"] and q.facts == ["s-kono", "s-kim"]  # type: ignore[attr-defined]


def test_interactive_input_ending_early_writes_nothing(bank_dir: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    before = (bank_dir / "01-sample.yaml").read_bytes()
    code, _, err = run(["add", "fact", "-i", "--bank", str(bank_dir)], capsys, "sample\nA statement.\n", monkeypatch)
    assert code == 1 and "input ended before every field was given: nothing was written" in err
    assert (bank_dir / "01-sample.yaml").read_bytes() == before


def test_list_filters_and_formats(mini_bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["list", "--bank", str(mini_bank_dir), "--type", "number", "--authored-only", "--format", "json"], capsys)
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == ["q-s-number", "q-s-poll"]
    assert rows[1] == {"id": "q-s-poll", "topic": "sample", "type": "number", "difficulty": 3, "origin": "authored",
                       "facts": ["s-poll"], "prompt": rows[1]["prompt"], "explained": True}
    code, out, _ = run(["list", "--bank", str(mini_bank_dir), "--difficulty", "3"], capsys)
    lines = out.strip().splitlines()
    assert lines[0].split() == ["ID", "TOPIC", "TYPE", "D", "ORIGIN", "PROMPT"]
    assert {line.split()[0] for line in lines[1:-1]} == {"q-s-order", "q-s-poll", "gen-timeline-sample-1"}
    assert lines[-1] == "3 questions"
    code, _, err = run(["list", "--bank", str(mini_bank_dir), "--topic", "nope"], capsys)
    assert code == 2 and "no topic 'nope'" in err


def test_stats_counts_and_gaps(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a fact no question cites, and a question whose explanation is a TODO
    run(["add", "fact", "--bank", str(bank_dir), "--topic", "sample", "--id", "s-lonely",
         "--statement", "The Murayama Statement was issued in 1995.", "--kind", "document",
         "--source-title", "Sample source", "--quote", "Murayama Statement"], capsys)
    run(["add", "question", "--bank", str(bank_dir), "--topic", "sample", "--type", "true_false", "--id", "q-todo",
         "--prompt", "The Kono Statement came before the Murayama Statement.", "--answer", "true",
         "--fact", "s-kono", "--explanation", "TODO: explain"], capsys)
    code, out, _ = run(["stats", "--bank", str(bank_dir), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert (data["topics"], data["facts"], data["authored"]) == (1, 8, 11)
    assert data["by_topic"]["sample"]["single"] == {"authored": 2, "generated": 3}
    assert data["by_topic"]["sample"]["true_false"] == {"authored": 2, "generated": 0}
    assert data["facts_without_questions"] == {"sample": ["s-lonely"]}
    assert data["questions_without_explanation"] == ["q-todo"]
    code, out, _ = run(["stats", "--bank", str(bank_dir)], capsys)
    assert "Facts without questions (no authored question cites them): 1\n  sample: s-lonely" in out
    assert "Questions without explanations: 1\n  q-todo" in out
