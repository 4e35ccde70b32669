"""`jkquiz collect` against a stand-in hub (tests/fake_hub.py): every learner's progress file read through the
hub with the collect token, written as exports under hub names, missing learners named with the reason, the
report of exactly their scores, `--anonymize`; the servers' authorizer; the course placed in a learner's home.
The same path through a real JupyterHub is tested in tests/hub/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fake_hub import FakeHub, FakeLearner
from fixture_paths import FIXTURES
from jkquiz.bank import Bank, load_bank
from jkquiz.cli import main
from jkquiz.engine import QuizSession
from jkquiz.hub.authorizer import collector_may
from jkquiz.hub.client import HubClient, HubError
from jkquiz.hub.gather import PROGRESS_FILE, export_name
from jkquiz.hub.start import place_course
from jkquiz.progress import open_store
from jkquiz.progress.exportfile import open_export
from jkquiz.progress.pending import append_pending
from jkquiz.report import learner_code

SINGLE, TF = "q-s-single", "q-s-tf"
RIGHT = {SINGLE: "Treaty on Basic Relations", TF: False}
WRONG = {SINGLE: "Treaty of Ganghwa", TF: True}
TOKEN = "collect-token"


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "bank"
    folder.mkdir()
    shutil.copy(FIXTURES / "mini" / "01-sample.yaml", folder / "01-sample.yaml")
    return folder


def progress_file(tmp: Path, bank: Bank, given: dict[str, object], learner: str = "learner",
                  keep_wal: bool = False) -> dict[str, bytes]:
    """A learner's progress file (and its WAL) after answering `given` in a notebook, as the server holds it."""
    tmp.mkdir(parents=True)
    store = open_store(tmp / "progress.sqlite3")
    session = QuizSession([bank.questions[q] for q in given], bank, seed=1,
                          on_attempt=lambda a: store.record(a, learner))
    for qid, response in given.items():
        assert session.submit(qid, response).verdict.valid
    wal = tmp / "progress.sqlite3-wal"
    if keep_wal:  # read while the notebook's kernel still has the file open: the answers are in the WAL only
        assert wal.exists() and wal.stat().st_size > 0
        files = {PROGRESS_FILE: (tmp / "progress.sqlite3").read_bytes(), PROGRESS_FILE + "-wal": wal.read_bytes()}
    store.close()
    if not keep_wal:  # the kernel ended: SQLite folded the WAL into the file
        assert not wal.exists() or not wal.stat().st_size
        files = {PROGRESS_FILE: (tmp / "progress.sqlite3").read_bytes()}
    return files


@pytest.fixture
def hub(tmp_path: Path, bank_dir: Path):
    bank = load_bank(bank_dir)
    with FakeHub(TOKEN) as fake:
        fake.learners = {
            "aiko": FakeLearner("aiko", progress_file(tmp_path / "aiko", bank, RIGHT, learner="Ann Lee")),
            "minjun": FakeLearner("minjun", progress_file(tmp_path / "minjun", bank, {SINGLE: RIGHT[SINGLE], TF: WRONG[TF]},
                                                  keep_wal=True)),
            "haruto": FakeLearner("haruto", progress_file(tmp_path / "haruto", bank, WRONG)),
            "dee": FakeLearner("dee", running=False),
            "eve": FakeLearner("eve"),  # logged in, answered nothing yet
            "fay": FakeLearner("fay", broken=True),
            "gil": FakeLearner("gil", running=False, pending="spawn"),
            "ivy": FakeLearner("ivy", refuses=True),
        }
        yield fake


def collect(hub: FakeHub, out: Path, bank_dir: Path, *extra: str, token: str = TOKEN,
            monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("JKQUIZ_HUB_TOKEN", token)
    return main(["collect", "--hub", hub.url, "--out", str(out), "--bank", str(bank_dir), *extra])


def learners_of(stdout: str) -> dict[str, float | None]:
    return {row["learner"]: row["overall"] for row in json.loads(stdout)["learners"]}


def test_collect_writes_each_learners_export_under_their_hub_name_and_names_the_missing(
        hub: FakeHub, tmp_path: Path, bank_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "exports"
    assert collect(hub, out, bank_dir, monkeypatch=monkeypatch) == 1  # some learners missed
    captured = capsys.readouterr()
    assert sorted(p.name for p in out.iterdir()) == ["aiko.jsonl", "haruto.jsonl", "minjun.jsonl"]
    assert "Collected 3 of 8 learners (6 answers)" in captured.out
    assert "s per learner" in captured.out
    missing = {line.split(":")[1].strip(): line for line in captured.err.splitlines() if line.startswith("not collected")}
    assert sorted(missing) == ["dee", "eve", "fay", "gil", "ivy"]
    assert "server is not running" in missing["dee"]
    assert "no progress record yet" in missing["eve"]
    assert "could not be read (the server answered HTTP 503)" in missing["fay"]
    assert "starting or stopping" in missing["gil"]
    assert "refused the token (HTTP 403)" in missing["ivy"] and "jkquiz.hub.start" in missing["ivy"]
    with open_export(out / "aiko.jsonl") as export:  # the hub's name, whatever name the learner gave
        assert export.learner == "aiko"
        assert {a.question_id: a.status for a in export.attempts()} == {SINGLE: "correct", TF: "correct"}
    with open_export(out / "minjun.jsonl") as export:  # the answers still in the WAL are there too
        assert {a.question_id: a.status for a in export.attempts()} == {SINGLE: "correct", TF: "wrong"}
    assert hub.requests and all(auth == f"token {TOKEN}" for _, auth in hub.requests)
    assert not any("token" in path for path, _ in hub.requests)  # never in a URL (logs keep URLs)


def test_collect_report_shows_exactly_each_learners_score_by_hub_name(
        hub: FakeHub, tmp_path: Path, bank_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    code = collect(hub, tmp_path / "exports", bank_dir, "--report", "--format", "json", monkeypatch=monkeypatch)
    assert code == 1
    assert learners_of(capsys.readouterr().out) == {"aiko": 1.0, "minjun": 0.5, "haruto": 0.0}


def test_an_earlier_export_is_kept_when_the_learner_cannot_be_reached_now(
        hub: FakeHub, tmp_path: Path, bank_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "exports"
    collect(hub, out, bank_dir, monkeypatch=monkeypatch)
    before = (out / "aiko.jsonl").read_text(encoding="utf-8")
    hub.learners["aiko"].running = False
    capsys.readouterr()
    assert collect(hub, out, bank_dir, "--learner", "aiko", monkeypatch=monkeypatch) == 1
    err = capsys.readouterr().err
    assert "not collected: aiko: their server is not running" in err
    assert f"the export collected earlier is kept ({out / 'aiko.jsonl'})" in err
    assert (out / "aiko.jsonl").read_text(encoding="utf-8") == before


def test_only_and_exclude_choose_learners(hub: FakeHub, tmp_path: Path, bank_dir: Path,
                                          capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "exports"
    assert collect(hub, out, bank_dir, "--learner", "aiko", "--learner", "zed", monkeypatch=monkeypatch) == 1
    assert [p.name for p in out.iterdir()] == ["aiko.jsonl"]
    assert "not collected: zed: not a user of this hub" in capsys.readouterr().err
    out2 = tmp_path / "exports2"
    for name in ("dee", "eve", "fay", "gil", "ivy"):
        hub.learners.pop(name)
    assert collect(hub, out2, bank_dir, "--exclude", "haruto", monkeypatch=monkeypatch) == 0
    assert sorted(p.name for p in out2.iterdir()) == ["aiko.jsonl", "minjun.jsonl"]


def test_anonymize_replaces_names_with_stable_codes_everywhere(
        hub: FakeHub, tmp_path: Path, bank_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "exports"
    collect(hub, out, bank_dir, monkeypatch=monkeypatch)
    (out / "sora.jsonl").write_text("not an export\n", encoding="utf-8")  # its message names the file
    capsys.readouterr()
    runs = []
    for _ in range(2):
        assert main(["report", str(out), "--bank", str(bank_dir), "--anonymize", "--format", "json"]) == 1
        runs.append(capsys.readouterr())
    assert runs[0].out == runs[1].out  # stable
    expected = {learner_code("aiko"): 1.0, learner_code("minjun"): 0.5, learner_code("haruto"): 0.0}
    assert learners_of(runs[0].out) == expected
    for name in ("aiko", "minjun", "haruto", "sora"):
        assert name not in runs[0].out and name not in runs[0].err, name
    assert "file 4" in runs[0].err  # sora.jsonl, unreadable: named by its number only
    assert main(["report", str(out), "--bank", str(bank_dir), "--anonymize", "--salt", "s3cret", "--format", "json"]) == 1
    salted = learners_of(capsys.readouterr().out)
    assert salted == {learner_code("aiko", "s3cret"): 1.0, learner_code("minjun", "s3cret"): 0.5,
                      learner_code("haruto", "s3cret"): 0.0}
    assert not set(salted) & set(expected)
    assert main(["report", str(out), "--bank", str(bank_dir), "--format", "json"]) == 1  # without: hub names
    assert set(learners_of(capsys.readouterr().out)) == {"aiko", "minjun", "haruto"}


def test_a_refused_token_and_an_absent_hub_are_explained(hub: FakeHub, tmp_path: Path, bank_dir: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert collect(hub, tmp_path / "x", bank_dir, token="wrong", monkeypatch=monkeypatch) == 1
    assert "refused the token (HTTP 403)" in capsys.readouterr().err
    monkeypatch.setenv("JKQUIZ_HUB_TOKEN", TOKEN)
    assert main(["collect", "--hub", "http://127.0.0.1:9", "--out", str(tmp_path / "y")]) == 1
    assert "could not be reached" in capsys.readouterr().err
    monkeypatch.delenv("JKQUIZ_HUB_TOKEN")
    assert main(["collect", "--hub", hub.url, "--out", str(tmp_path / "z")]) == 2
    assert "no token" in capsys.readouterr().err
    assert main(["collect", "--hub", "hub.example.org", "--token-file", str(tmp_path / "none")]) == 2
    assert "cannot be read" in capsys.readouterr().err


def test_server_addresses_keep_the_hubs_base_url() -> None:
    client = HubClient("https://uni.example/jupyter/hub/", "t")
    assert client.base == "https://uni.example/jupyter"
    assert client.server_url("/jupyter/user/aiko/") == "https://uni.example/jupyter/user/aiko"
    assert client.server_url("https://other.example/user/aiko/") == "https://other.example/user/aiko"
    with pytest.raises(HubError, match="should look like"):
        HubClient("hub.example.org", "t")


def test_export_names_are_safe_file_names() -> None:
    assert export_name("aiko") == "aiko.jsonl"
    assert export_name("aiko.lee@uni.example") == "aiko.lee@uni.example.jsonl"
    assert "/" not in export_name("../etc/passwd") and export_name("../etc/passwd").endswith(".jsonl")


def test_answers_waiting_beside_a_busy_progress_file_are_collected(
        hub: FakeHub, tmp_path: Path, bank_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    bank = load_bank(bank_dir)
    files = progress_file(tmp_path / "sora", bank, {SINGLE: RIGHT[SINGLE]})
    later = tmp_path / "later"  # an answer given while the file was busy waits in progress.sqlite3.pending.jsonl
    progress_file(later, bank, {TF: RIGHT[TF]})  # (made here only to have the attempt)
    store = open_store(later / "progress.sqlite3")
    attempt = next(store.attempts("learner"))
    store.close()
    append_pending(tmp_path / "sora" / "progress.sqlite3", "learner", attempt)
    files[PROGRESS_FILE + ".pending.jsonl"] = (tmp_path / "sora" / "progress.sqlite3.pending.jsonl").read_bytes()
    hub.learners = {"sora": FakeLearner("sora", files)}
    assert collect(hub, tmp_path / "exports", bank_dir, monkeypatch=monkeypatch) == 0
    with open_export(tmp_path / "exports" / "sora.jsonl") as export:
        assert {a.question_id: a.status for a in export.attempts()} == {SINGLE: "correct", TF: "correct"}


@pytest.mark.parametrize(("action", "resource", "path", "allowed"), [
    ("read", "contents", "/user/aiko/api/contents/jkquiz-progress/progress.sqlite3", True),
    ("read", "contents", "/user/aiko/api/contents/jkquiz-progress/progress.sqlite3-wal", True),
    ("read", "contents", "/user/aiko/api/contents/jkquiz-progress/progress.sqlite3.pending.jsonl", True),
    ("read", "contents", "/user/aiko/api/contents/jkquiz-course/01-before-1945.ipynb", False),  # their other files
    ("read", "contents", "/user/aiko/api/contents/jkquiz-progress", False),  # a folder listing
    ("read", "contents", "/user/aiko/api/contents/jkquiz-progress/%2E%2E/notes.txt", False),
    ("write", "contents", "/user/aiko/api/contents/jkquiz-progress/progress.sqlite3", False),
    ("execute", "kernels", "/user/aiko/api/kernels", False),  # never code as the learner
    ("read", "kernels", "/user/aiko/api/kernels", False),
    ("execute", "terminals", "/user/aiko/api/terminals", False),
])
def test_the_collector_may_only_read_progress_files(action: str, resource: str, path: str, allowed: bool) -> None:
    assert collector_may(action, resource, path) is allowed


def test_the_course_is_placed_in_a_learners_home_without_outputs_and_their_copies_kept(tmp_path: Path) -> None:
    source = tmp_path / "notebooks"
    source.mkdir()
    cell = {"cell_type": "code", "id": "c", "metadata": {}, "execution_count": 3, "source": "jkquiz.ask('q')",
            "outputs": [{"output_type": "stream", "name": "stdout", "text": "old"}]}
    for name in ("00-start-here.ipynb", "01-before-1945.ipynb"):
        (source / name).write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    (source / "src").mkdir()
    (source / "src" / "01-before-1945.md").write_text("# source")
    home = tmp_path / "home"
    assert place_course(home, source) == ["00-start-here.ipynb", "01-before-1945.ipynb"]
    placed = json.loads((home / "jkquiz-course" / "00-start-here.ipynb").read_text())
    assert placed["cells"][0]["outputs"] == [] and placed["cells"][0]["execution_count"] is None
    assert not (home / "jkquiz-course" / "src").exists()
    (home / "jkquiz-course" / "00-start-here.ipynb").write_text("my notes")  # the learner's own copy
    (source / "02-normalization.ipynb").write_text((source / "00-start-here.ipynb").read_text())  # a new lesson
    assert place_course(home, source) == ["02-normalization.ipynb"]
    assert (home / "jkquiz-course" / "00-start-here.ipynb").read_text() == "my notes"
