"""`jkquiz add` loads (and validates) the bank once: one call of the loader, each bank file read once."""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from fixture_paths import ROOT

import jkquiz.bank.edit
import jkquiz.bank.load as load
import jkquiz.cli.bankarg
from jkquiz.bank import inspect_bank, load_bank  # resolved now, so jkquiz.bank holds the loader itself
from jkquiz.cli import main


@pytest.fixture
def bank_dir(tmp_path: Path, mini_bank_dir: Path) -> Path:
    """The mini bank and a topic of the course's bank: two files, so that a second load would read the other one."""
    target = tmp_path / "bank"
    shutil.copytree(mini_bank_dir, target)
    shutil.copy(ROOT / "data" / "bank" / "02-normalization.yaml", target)
    return target


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts calls of the loader (`inspect_bank`, under every name a jkquiz module holds it by) and file reads."""
    counts: Counter[str] = Counter()
    inspect, read = load.inspect_bank, load.read_yaml

    def counted_inspect(*args, **kwargs):
        counts["inspect_bank"] += 1
        return inspect(*args, **kwargs)

    def counted_read(path, *args, **kwargs):
        counts[str(Path(path).resolve())] += 1
        return read(path, *args, **kwargs)

    assert inspect is inspect_bank
    patched = []
    for name, module in list(sys.modules.items()):
        if name.startswith("jkquiz") and getattr(module, "inspect_bank", None) is inspect:
            monkeypatch.setattr(module, "inspect_bank", counted_inspect)
            patched.append(name)
    assert {"jkquiz.bank", "jkquiz.bank.load", "jkquiz.cli.bankarg"} <= set(patched)
    monkeypatch.setattr(load, "read_yaml", counted_read)
    return counts


def file_reads(counts: Counter[str], bank_dir: Path) -> dict[str, int]:
    return {f.name: counts[str(f.resolve())] for f in sorted(bank_dir.glob("*.yaml"))}


def test_add_fact_loads_the_bank_once(bank_dir: Path, loads: Counter[str], capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(f.name for f in bank_dir.glob("*.yaml"))
    code = main(["add", "fact", "--bank", str(bank_dir), "--topic", "sample", "--id", "s-murayama",
                 "--statement", "The Murayama Statement was issued in 1995.", "--kind", "document",
                 "--when", "1995-08-15", "--label", "Murayama Statement",
                 "--source-title", "Sample source", "--quote", "Murayama Statement"])
    assert (code, capsys.readouterr().err) == (0, "")
    assert loads["inspect_bank"] == 1
    assert file_reads(loads, bank_dir) == {name: 1 for name in files}
    assert "s-murayama" in load_bank(bank_dir).facts


def test_add_question_loads_the_bank_once(bank_dir: Path, loads: Counter[str], capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(f.name for f in bank_dir.glob("*.yaml"))
    code = main(["add", "question", "--bank", str(bank_dir), "--topic", "sample", "--id", "q-s-kono-year",
                 "--type", "number", "--prompt", "In which year was the Kono Statement issued?", "--answer", "1993",
                 "--fact", "s-kono", "--explanation", "It was issued in 1993."])
    assert (code, capsys.readouterr().err) == (0, "")
    assert loads["inspect_bank"] == 1
    assert file_reads(loads, bank_dir) == {name: 1 for name in files}
    assert "q-s-kono-year" in load_bank(bank_dir).questions
