"""Anki export opened with Anki's own library: notes, fields, and re-import updating cards, keeping reviews."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from jkquiz.bank import load_bank, load_located
from jkquiz.cli import main
from jkquiz.interop.anki import MODEL_ID, export_anki
from jkquiz.interop.common import choose_questions

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def collection(tmp_path: Path):
    from anki.collection import Collection

    folder = tmp_path / "learner"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    yield col
    col.close()


def import_package(col, path: Path):
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())).log


def notes_by_id(col) -> dict[str, object]:
    return {col.get_note(nid)["Id"]: col.get_note(nid) for nid in col.find_notes("")}


def test_notes_and_fields_as_anki_reads_them(mini_bank, collection, tmp_path: Path) -> None:
    package = tmp_path / "deck.apkg"
    result = export_anki(mini_bank, choose_questions(mini_bank), timestamp=1_700_000_000)
    package.write_bytes(result.data)
    log = import_package(collection, package)
    assert len(log.new) == result.count == 18
    notes = notes_by_id(collection)
    assert set(notes) == {q.id for q in mini_bank.questions.values()}
    single = notes["q-s-single"]
    assert single.note_type()["id"] == MODEL_ID and single.note_type()["name"] == "jkquiz question"
    assert single.keys() == ["Id", "Topic", "Prompt", "Choices", "Answer", "Explanation", "Sources"]
    assert single["Prompt"] == "Under which treaty did Japan and South Korea establish relations?"
    assert "<li>Treaty of Ganghwa</li>" in single["Choices"] and single["Answer"] == "Treaty on Basic Relations"
    assert single["Explanation"].startswith("<p>The Treaty on Basic Relations of 1965.</p>")
    assert "That was the 1876 treaty that opened Korean ports." in single["Explanation"]
    assert "seed text (Japan–South Korea relations): “had established diplomatic relations in December 1965”" in single["Sources"]
    assert sorted(single.tags) == ["difficulty-1", "sample"]
    assert notes["q-s-order"]["Answer"] == "Diplomatic relations established → Kono Statement → Obuchi–Kim declaration"
    assert notes["q-s-text"]["Answer"].startswith("Dokdo<br><small>Also accepted: Tokdo, 독도")
    deck = collection.decks.name(collection.get_card(single.card_ids()[0]).did)
    assert deck == "Japan–South Korea relations::Sample topic"
    back = collection.get_card(single.card_ids()[0]).answer()
    assert "Treaty on Basic Relations" in back and "Source" in back  # explanation and source on the back


def test_reexport_updates_notes_and_keeps_review_history(mini_bank_dir: Path, tmp_path: Path, collection) -> None:
    bank_dir = tmp_path / "bank"
    shutil.copytree(mini_bank_dir, bank_dir)
    first = tmp_path / "v1.apkg"
    bank, locations = load_located(bank_dir)  # the package is dated by its bank files
    first.write_bytes(export_anki(bank, choose_questions(bank), files=locations.files).data)
    import_package(collection, first)
    note = notes_by_id(collection)["q-s-single"]
    card = collection.get_card(note.card_ids()[0])
    card.start_timer()
    collection.sched.answerCard(card, 3)  # the learner reviews the card once
    reviewed = collection.get_card(card.id)
    assert reviewed.reps == 1
    # the instructor improves an explanation; the file is newer, so the export is newer
    file = bank_dir / "01-sample.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace(
        "explanation: The Treaty on Basic Relations of 1965.", "explanation: The Treaty on Basic Relations, signed in 1965."),
        encoding="utf-8")
    os.utime(file, (os.stat(file).st_atime, os.stat(file).st_mtime + 120))
    second = tmp_path / "v2.apkg"
    bank, locations = load_located(bank_dir)
    second.write_bytes(export_anki(bank, choose_questions(bank), files=locations.files).data)
    log = import_package(collection, second)
    assert len(log.new) == 0 and len(log.updated) == 18  # matched by GUID: no duplicates
    notes = notes_by_id(collection)
    assert len(notes) == 18
    assert notes["q-s-single"]["Explanation"].startswith("<p>The Treaty on Basic Relations, signed in 1965.</p>")
    kept = collection.get_card(card.id)
    assert (kept.reps, kept.due, kept.ivl) == (reviewed.reps, reviewed.due, reviewed.ivl)
    assert collection.db.scalar("select count() from revlog where cid = ?", card.id) == 1


def test_same_bank_gives_the_same_package(mini_bank) -> None:
    one = export_anki(mini_bank, choose_questions(mini_bank)).data
    two = export_anki(mini_bank, choose_questions(mini_bank)).data
    assert zipfile.ZipFile(io.BytesIO(one)).read("collection.anki2") == zipfile.ZipFile(io.BytesIO(two)).read("collection.anki2")


def test_bank_text_is_escaped_in_fields(collection, tmp_path: Path) -> None:
    special = load_bank(FIXTURES / "special")
    package = tmp_path / "special.apkg"
    package.write_bytes(export_anki(special, choose_questions(special)).data)
    import_package(collection, package)
    single = notes_by_id(collection)["q-sp-single"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in single["Choices"] and "<script" not in single["Choices"]
    assert "<b>bold</b>" not in single["Prompt"] and "&lt;b&gt;bold&lt;/b&gt;" in single["Prompt"]
    assert 'href="javascript' not in notes_by_id(collection)["q-sp-match"]["Sources"]


def test_output_path_problems(mini_bank_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A truncated or mistyped .apkg name, a missing folder: clear messages, nothing half-written."""
    code = main(["export", "anki", "--bank", str(mini_bank_dir), "-o", str(tmp_path / "deck.apk")])
    assert code == 2 and "does not end in .apkg (did you mean" in capsys.readouterr().err
    code = main(["export", "anki", "--bank", str(mini_bank_dir), "-o", str(tmp_path / "deck")])
    assert code == 2 and "deck.apkg" in capsys.readouterr().err
    code = main(["export", "anki", "--bank", str(mini_bank_dir), "-o", str(tmp_path / "no" / "deck.apkg")])
    err = capsys.readouterr().err
    assert code == 1 and "the folder" in err and "does not exist" in err
    code = main(["export", "anki", "--bank", str(mini_bank_dir)])
    assert code == 2 and "needs -o" in capsys.readouterr().err
    code = main(["export", "anki", "--bank", str(mini_bank_dir), "-o", str(tmp_path / "deck.apkg")])
    assert code == 0 and zipfile.is_zipfile(tmp_path / "deck.apkg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.apkg"]  # no temporary file left
