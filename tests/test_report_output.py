"""`jkquiz report`'s whole output, byte for byte, for a small class against a known text
(tests/fixtures/report/expected.txt): every format, both sorts, --anonymize with and without a salt, and the
messages on standard error. The class has what changes the order or the text: names that differ only by case,
Japanese and Korean names, two unnamed records, a learner with two files, an unreadable file, answers to an
older wording and to a question no longer in the bank, equal scores."""

from __future__ import annotations

import json
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from fixture_paths import FIXTURES
from jkquiz.bank import Bank, load_bank
from jkquiz.bank.model import content_hash
from jkquiz.cli import main
from jkquiz.engine import Attempt

EXPECTED = FIXTURES / "report" / "expected.txt"
NAMES = ["alice", "Alice", "bob", "Bob", "ÉMILE", "émile", "田中愛子", "김민준", "learner", "learner", "Zoë",
         "zed", "Ana María", "ana maría", "Øyvind", "O'Brien"] + [f"P{i:02d}" for i in range(14)]
RUNS = [[], ["--format", "csv"], ["--format", "json"], ["--sort", "score"], ["--format", "csv", "--sort", "score"],
        ["--learners", "--format", "json", "--sort", "score"], ["--items"], ["--anonymize"],
        ["--anonymize", "--format", "json"], ["--anonymize", "--sort", "score", "--format", "csv"],
        ["--anonymize", "--salt", "s3cret"], ["--min-answers", "3", "--format", "csv"]]


def write_class(folder: Path, bank: Bank) -> None:
    """30 learners' exports (one learner in two files, one file unreadable), drawn from a fixed seed."""
    rng = random.Random(2026)
    qids = ["q-s-single", "q-s-multiple", "q-s-tf", "q-sp-tf", "q-sp-number", "q-sp-single", "q-s-number",
            "q-s-poll"]
    start = datetime(2026, 3, 1, tzinfo=timezone.utc)
    for i, name in enumerate(NAMES):
        ability, lines = rng.random(), []
        for k in range(rng.randint(0 if i == 29 else 1, 9)):
            qid = rng.choice(qids + ["q-s-gone"])
            q = bank.questions.get(qid)
            chash = content_hash(q) if q is not None else "1" * 16
            if q is not None and rng.random() < 0.1:
                chash = "0" * 16  # an older wording
            right = rng.random() < ability
            response: Any = {"single": lambda: q.answer if right else rng.choice(q.choices),  # type: ignore[union-attr]
                             "multiple": lambda: rng.sample(q.choices, rng.randint(1, 3)),  # type: ignore[union-attr]
                             "true_false": lambda: rng.choice([True, False])}.get(q.type if q else "", lambda: 7)()
            score = rng.choice([0.0, 0.5, 1.0]) if q is not None and q.type == "multiple" else float(right)
            status = "correct" if score >= 1 else "wrong" if score <= 0 else "partial"
            lines.append(Attempt(qid, q.topic if q else "sample", chash, response, str(response), status, score, 3.0,
                                 start + timedelta(minutes=97 * i + k), f"s{i}").line())
        parts = [lines[:2], lines[2:]] if name == "bob" else [lines]
        for n, part in enumerate(parts):
            header = {"format": "jkquiz-progress", "version": 1, "learner": name, "attempts": len(part)}
            text = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in [header, *part])
            (folder / f"{i:02d}-{n}.jsonl").write_text(text, encoding="utf-8")
    (folder / "15-x.jsonl").write_text("not an export\n", encoding="utf-8")


def outputs(tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """Every run's exit status, standard output and standard error, the temporary folder written <tmp>."""
    bank_dir = tmp / "bank"
    bank_dir.mkdir()
    shutil.copy(FIXTURES / "mini" / "01-sample.yaml", bank_dir / "01-sample.yaml")
    shutil.copy(FIXTURES / "special" / "01-special.yaml", bank_dir / "02-special.yaml")
    folder = tmp / "class"
    folder.mkdir()
    write_class(folder, load_bank(bank_dir))
    monkeypatch.setenv("COLUMNS", "100")
    capsys.readouterr()
    text = []
    for argv in RUNS:
        status = main(["report", str(folder), "--bank", str(bank_dir), *argv])
        captured = capsys.readouterr()
        text.append(f"=== jkquiz report CLASS {' '.join(argv)}: exit {status}\n--- out\n{captured.out}"
                    f"--- err\n{captured.err}")
    return "".join(text).replace(str(tmp), "<tmp>")


def test_the_whole_report_is_the_known_text(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert outputs(tmp_path, capsys, monkeypatch) == EXPECTED.read_text(encoding="utf-8")
