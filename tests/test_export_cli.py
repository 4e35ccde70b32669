"""`jkquiz export` on the course's real bank (one smoke run per format) and its usage errors."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from jkquiz.bank import load_bank
from jkquiz.cli import main
from jkquiz.interop.gift_read import read_gift

ROOT = Path(__file__).resolve().parents[1]
BANK = ROOT / "data" / "bank"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def real_bank():
    return load_bank(BANK)


def test_real_bank_exports_to_every_file_format(real_bank, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    total = len(real_bank.questions)
    schema = etree.RelaxNG(etree.parse(str(FIXTURES / "moodle-xml-subset.rng")))
    for fmt, name in (("gift", "bank.gift"), ("moodle-xml", "bank.xml"), ("anki", "bank.apkg"), ("jupyterquiz", "bank.json")):
        assert main(["export", fmt, "--bank", str(BANK), "-o", str(tmp_path / name)]) == 0
        err = capsys.readouterr().err
        assert f"({fmt}) to {tmp_path / name}." in err
    reading = read_gift((tmp_path / "bank.gift").read_text(encoding="utf-8"))
    assert reading.errors == [] and reading.skipped == [] and len(reading.items) == total
    xml = etree.parse(str(tmp_path / "bank.xml"))
    assert schema.validate(xml), schema.error_log
    assert xml.xpath("count(/quiz/question[@type!='category'])") == total
    assert zipfile.ZipFile(tmp_path / "bank.apkg").testzip() is None
    quiz = json.loads((tmp_path / "bank.json").read_text(encoding="utf-8"))
    assert len(quiz) == sum(1 for q in real_bank.questions.values() if q.type not in ("order", "match"))  # type: ignore[attr-defined]


def test_topic_filter_authored_only_and_standard_output(real_bank, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "gift", "--bank", str(BANK), "--topic", "territory", "--authored-only"]) == 0
    out, err = capsys.readouterr()
    authored = [q for q in real_bank.questions_for("territory") if not q.generated]
    assert out.count("\n// [id:") == len(authored) and "$CATEGORY: $course$/jkquiz/territory\n" in out
    assert "gen-" not in out and f"Exported {len(authored)} questions (gift) to standard output." in err
    assert "warning: GIFT:" in err


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "gift", "--bank", str(BANK), "--topic", "teritory"]) == 2
    assert "no topic 'teritory' (did you mean 'territory'" in capsys.readouterr().err
    assert main(["export", "html", "--bank", str(BANK), "-o", str(tmp_path / "one.html")]) == 2
    assert "topics make" in capsys.readouterr().err and not (tmp_path / "one.html").exists()
    assert main(["export", "html", "--bank", str(BANK), "--topic", "territory", "-o", str(tmp_path / "one.html")]) == 0
    assert (tmp_path / "one.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert main(["export", "gift", "--bank", str(tmp_path / "nowhere")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_a_bank_with_problems_exports_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = subprocess.run([sys.executable, "-c", "from jkquiz.cli import run; run()", "export", "gift",
                          "--bank", str(FIXTURES / "broken"), "-o", str(tmp_path / "x.gift")], capture_output=True, text=True)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "nothing was exported; run `jkquiz validate`" in run.stderr and not (tmp_path / "x.gift").exists()


def test_interop_and_editing_import_no_widgets_and_no_heavy_libraries() -> None:
    code = ("import sys, jkquiz.interop, jkquiz.interop.gift, jkquiz.interop.moodle_xml, jkquiz.interop.anki, "
            "jkquiz.interop.jupyterquiz, jkquiz.interop.html, jkquiz.interop.gift_import, jkquiz.bank.edit, "
            "jkquiz.bank.inventory, jkquiz.cli.export, jkquiz.cli.add, jkquiz.cli.inventory, jkquiz.cli.importing\n"
            "print(','.join(m for m in ('ipywidgets', 'IPython', 'genanki', 'lxml', 'sqlite3', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
