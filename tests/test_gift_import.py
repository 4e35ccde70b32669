"""`jkquiz import gift`: GIFT questions into a topic, with a fact link; errors and unsupported items by line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jkquiz.bank import inspect_bank, load_bank
from jkquiz.cli import main
from jkquiz.interop.common import choose_questions
from jkquiz.interop.gift import export_gift

FIXTURES = Path(__file__).parent / "fixtures"

MOODLE_STYLE = """\
// A file written by hand, in the styles of Moodle's GIFT documentation.
$CATEGORY: $course$/Imported

// [id:Q-Capital] [tag:Cities]
::Capital::Which city is the capital of South Korea? {
  =Seoul#Right, since 1948.
  ~Busan#The second city.
  ~Incheon
####Seoul is the capital.}

Japan and South Korea established relations in 1965.{TRUE}

::Year::In which year was the Treaty on Basic Relations signed?{#1965:0####It was 1965.}

What is the Korean name of the islets?{=Dokdo =Tokdo =%50%Dokto}

Match each leader with the country he led. {
  =Sato Eisaku -> Japan
  =Park Chung-hee -> South Korea
  = -> North Korea
}

::Essay::Describe the 1965 treaty in your own words.{}

Welcome to this quiz: this is a description, not a question.

The treaty was signed in {~Seoul =Tokyo ~Busan} in June 1965.
"""


@pytest.fixture
def bank_dir(tmp_path: Path, mini_bank_dir: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(mini_bank_dir, target)
    return target


def test_moodle_style_file_imports_supported_questions_and_reports_the_rest(
        bank_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gift = tmp_path / "moodle.gift"
    gift.write_text(MOODLE_STYLE, encoding="utf-8")
    code = main(["import", "gift", str(gift), "--topic", "sample", "--bank", str(bank_dir)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Added 5 questions to " in out
    assert f"skipped {gift}:23: essay questions" in err
    assert f"skipped {gift}:25: a description (text without answers) is not a question" in err
    assert f"skipped {gift}:27: missing-word questions (text after the answers) are not supported" in err
    assert f"note {gift}:15: partial credit for 'Dokto' (50%) is not supported: left out" in err
    assert f"note {gift}:17: extra right-hand option 'North Korea' (no left item) is not supported: left out" in err
    assert f"note {gift}:11: no general feedback (####): the explanation is a TODO to write" in err
    result = inspect_bank(bank_dir)
    bank = result.bank
    capital = bank.questions["q-capital"]
    assert capital.type == "single" and capital.answer == "Seoul"  # type: ignore[attr-defined]
    assert capital.choice_feedback == {"Seoul": "Right, since 1948.", "Busan": "The second city."}  # type: ignore[attr-defined]
    assert capital.tags == ["cities", "imported"] and capital.explanation == "Seoul is the capital."
    assert bank.questions["year"].answer == 1965  # type: ignore[attr-defined]
    text = next(q for q in bank.iter_authored() if q.type == "text" and "islets?" in q.prompt and q.id != "q-s-text")  # type: ignore[attr-defined]
    assert (text.answer, text.alternates) == ("Dokdo", ["Tokdo"])  # type: ignore[attr-defined]
    # every imported question rests on the placeholder fact, which validation flags until it is linked
    flagged = {p.id for p in result.problems if "todo-link-a-fact" in p.message}
    assert len(flagged) == 5 and "q-capital" in flagged


def test_exported_questions_import_back_into_another_topic_with_a_fact(tmp_path: Path, bank_dir: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    special = load_bank(FIXTURES / "special")
    gift = tmp_path / "special.gift"
    gift.write_bytes(export_gift(special, choose_questions(special, authored_only=True)).data)
    code = main(["import", "gift", str(gift), "--topic", "sample", "--fact", "s-treaty", "--difficulty", "3",
                 "--bank", str(bank_dir)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Added 7 questions" in out and "todo-link-a-fact" not in err
    bank = load_bank(bank_dir)  # loads with no problem at all: the fact link is real
    imported = [q for q in bank.iter_authored() if "imported" in q.tags]
    assert len(imported) == 7 and all(q.facts == ["s-treaty"] and q.difficulty == 3 for q in imported)
    by_prompt = {q.prompt: q for q in imported}
    single = by_prompt[special.questions["q-sp-single"].prompt]
    assert single.choices == special.questions["q-sp-single"].choices  # type: ignore[attr-defined]
    match = by_prompt[special.questions["q-sp-match"].prompt]
    assert match.pairs == special.questions["q-sp-match"].pairs  # type: ignore[attr-defined]
    order = by_prompt[special.questions["q-sp-order"].prompt]
    assert order.type == "match"  # type: ignore[attr-defined]  # GIFT held it as matching; it comes back as such
    # importing the same file again adds nothing: every question is already there
    code = main(["import", "gift", str(gift), "--topic", "sample", "--fact", "s-treaty", "--bank", str(bank_dir)])
    out, err = capsys.readouterr()
    assert code == 0 and "Added 0 questions" in out and err.count("already in the bank as") == 7


def test_syntax_errors_are_listed_with_lines_and_nothing_is_imported(bank_dir: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    gift = tmp_path / "broken.gift"
    gift.write_text(
        "Fine question?{=yes ~no}\n"           # 1
        "\n"
        "Missing brace?{=yes ~no\n"            # 3
        "\n"
        "::Name never closes{=a ~b}\n"         # 5
        "\n"
        "Weights?{~%fifty%a ~b}\n"             # 7
        "\n"
        "Year?{#nineteen}\n"                   # 9
        "\n"
        "Pairs?{=a -> b =c d}\n",              # 11
        encoding="utf-8")
    before = (bank_dir / "01-sample.yaml").read_bytes()
    code = main(["import", "gift", str(gift), "--topic", "sample", "--bank", str(bank_dir)])
    _, err = capsys.readouterr()
    assert code == 1 and "5 GIFT syntax error(s); nothing was imported" in err
    assert f"{gift}:3: unbalanced braces" in err
    assert f"{gift}:5: the question name opens with '::' but never closes" in err
    assert f"{gift}:7: the weight in '%fifty%a' must look like %50% or %-25%" in err
    assert f"{gift}:9: 'nineteen' is not a number" in err
    assert f"{gift}:11: a matching pair needs 'LEFT -> RIGHT', not 'c d'" in err
    assert (bank_dir / "01-sample.yaml").read_bytes() == before


def test_dry_run_and_bad_usage(bank_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gift = tmp_path / "one.gift"
    gift.write_text("Which city is the capital of Japan?{=Tokyo ~Kyoto}\n", encoding="utf-8")
    before = (bank_dir / "01-sample.yaml").read_bytes()
    assert main(["import", "gift", str(gift), "--topic", "sample", "--dry-run", "--bank", str(bank_dir)]) == 0
    assert "Would add 1 question" in capsys.readouterr().out
    assert (bank_dir / "01-sample.yaml").read_bytes() == before
    assert main(["import", "gift", str(gift), "--topic", "sample", "--fact", "s-treatyy", "--bank", str(bank_dir)]) == 2
    assert "no fact 's-treatyy' (did you mean 's-treaty'?)" in capsys.readouterr().err
    assert main(["import", "gift", str(tmp_path / "missing.gift"), "--topic", "sample", "--bank", str(bank_dir)]) == 2
    assert "no such file" in capsys.readouterr().err


def test_command_line_prints_no_traceback(bank_dir: Path, tmp_path: Path) -> None:
    gift = tmp_path / "bad.gift"
    gift.write_text("Oops{=a ~b\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", "from jkquiz.cli import run; run()", "import", "gift", str(gift), "--topic", "sample",
                          "--bank", str(bank_dir)], capture_output=True, text=True)
    assert run.returncode == 1 and "Traceback" not in run.stderr and "unbalanced braces" in run.stderr
