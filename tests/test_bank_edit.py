"""Adding facts and questions to bank files: file's style kept, checked first, duplicates refused, atomic."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from jkquiz.bank import load_bank
from jkquiz.bank.edit import EditError, UnknownTopicError, add_fact, add_items, add_question, suggest_id

ROOT = Path(__file__).resolve().parents[1]

NEW_QUESTION = {
    "id": "q-s-new-kono",
    "type": "single",
    "prompt": "Which statement of 1993 acknowledged the involvement of the military?",
    "choices": ["Kono Statement", "Murayama Statement", "Yes", "1:30"],
    "answer": "Kono Statement",
    "choice_feedback": {"1:30": "A time, not a statement."},
    "facts": ["s-kono"],
    "explanation": "The Kono Statement was issued in 1993.",
    "difficulty": 2,
}


@pytest.fixture
def bank_dir(tmp_path: Path, mini_bank_dir: Path) -> Path:
    """A writable copy of the mini bank."""
    target = tmp_path / "bank"
    shutil.copytree(mini_bank_dir, target)
    return target


def inserted_lines(before: str, after: str) -> list[str]:
    """The lines added, asserting that nothing else changed."""
    added = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False).get_opcodes():
        assert op in ("equal", "insert"), f"existing lines changed: {op} {before.splitlines()[i1:i2]}"
        if op == "insert":
            added += after.splitlines()[j1:j2]
    return added


def test_question_is_appended_in_the_files_style_and_loads(bank_dir: Path) -> None:
    file = bank_dir / "01-sample.yaml"
    before = file.read_text(encoding="utf-8")
    result = add_question("sample", dict(NEW_QUESTION), bank=bank_dir)
    after = file.read_text(encoding="utf-8")
    assert result.ids == ["q-s-new-kono"] and result.file.endswith("01-sample.yaml")
    assert after.startswith(before)  # the question goes at the end of the last section; all else byte-identical
    assert after[len(before):] == (
        "  - id: q-s-new-kono\n"
        "    type: single\n"
        "    prompt: Which statement of 1993 acknowledged the involvement of the military?\n"
        '    choices: [Kono Statement, Murayama Statement, "Yes", "1:30"]\n'
        "    answer: Kono Statement\n"
        "    choice_feedback:\n"
        '      "1:30": A time, not a statement.\n'
        "    facts: [s-kono]\n"
        "    explanation: The Kono Statement was issued in 1993.\n"
        "    difficulty: 2\n"
    )
    question = load_bank(bank_dir).questions["q-s-new-kono"]
    assert question.choices == ["Kono Statement", "Murayama Statement", "Yes", "1:30"]  # type: ignore[attr-defined]
    assert question.choice_feedback == {"1:30": "A time, not a statement."}  # type: ignore[attr-defined]
    assert "# A small, valid bank" in after  # the file's comment survives


def test_fact_goes_before_questions_and_keeps_blank_line_style(tmp_path: Path) -> None:
    """On a real bank file (blank lines between items, a blank line before `questions:`), only lines are inserted."""
    bank = tmp_path / "bank"
    bank.mkdir()
    for name in ("03-territory.yaml",):
        shutil.copy(ROOT / "data" / "bank" / name, bank / name)
    file = bank / "03-territory.yaml"
    before = file.read_text(encoding="utf-8")
    long = ("The Liancourt Rocks lie in the sea between the Korean peninsula and the Japanese archipelago, "
            "about 87 kilometres from Ulleungdo; this sentence is long so that it is folded.")
    add_fact("territory", {"id": "terr-test-fact", "statement": long, "kind": "place", "when": "1965",
                           "sources": [{"title": "Test source", "quote": "about 87 kilometres"}]}, bank=bank)
    after = file.read_text(encoding="utf-8")
    added = inserted_lines(before, after)
    assert added[0] == "  - id: terr-test-fact" and added[1] == "    statement: >-"
    assert all(len(line) <= 90 for line in added) and len(added) == 11
    lines = after.splitlines()
    start, at = lines.index(added[0]), lines.index("questions:")
    assert lines[start - 1] == "" and lines[start - 2].strip().startswith("quote:")  # a blank line between facts
    assert lines[at - 1] == "" and lines[at - 2].endswith("about 87 kilometres")  # and still one before questions
    assert load_bank(bank).facts["terr-test-fact"].statement == long


def test_invalid_question_is_refused_with_field_messages_and_file_untouched(bank_dir: Path) -> None:
    file = bank_dir / "01-sample.yaml"
    before = file.read_bytes()
    bad = dict(NEW_QUESTION, answer="Treaty of Portsmouth", difficulty=5)
    with pytest.raises(EditError) as info:
        add_question("sample", bad, bank=bank_dir)
    messages = [p.message for p in info.value.problems]
    assert any("difficulty must be 1, 2 or 3, not 5" in m for m in messages)
    bad = dict(NEW_QUESTION, answer="Treaty of Portsmouth")
    with pytest.raises(EditError) as info:
        add_question("sample", bad, bank=bank_dir)
    assert "answer 'Treaty of Portsmouth' is not among the choices" in str(info.value.problems[0])
    assert file.read_bytes() == before
    assert [p.name for p in bank_dir.iterdir()] == ["01-sample.yaml"]  # no temporary file left behind


def test_duplicates_are_refused(bank_dir: Path) -> None:
    same_id = dict(NEW_QUESTION, id="q-s-single")
    with pytest.raises(EditError, match=r"duplicate id 'q-s-single' \(already at .*01-sample.yaml:\d+\)"):
        add_question("sample", same_id, bank=bank_dir)
    twin = {  # q-s-tf again under another id, differently cased and spaced
        "id": "q-s-tf-again", "type": "true_false", "prompt": "the kono statement was  issued in 1995.",
        "answer": False, "facts": ["s-kono"], "explanation": "Another explanation.", "difficulty": 3,
    }
    with pytest.raises(EditError, match="already in the bank as 'q-s-tf'"):
        add_question("sample", twin, bank=bank_dir)
    with pytest.raises(EditError, match="same statement is already in the bank as 's-kono'"):
        add_fact("sample", {"id": "s-kono-2", "statement": "The Kono Statement was issued in 1993.", "kind": "document",
                            "sources": [{"title": "x", "quote": "y"}]}, bank=bank_dir)
    with pytest.raises(EditError, match="duplicate id 'q-a'"):
        add_items("sample", "questions", [dict(NEW_QUESTION, id="q-a"), dict(NEW_QUESTION, id="q-a", prompt="Other?")], bank=bank_dir)


def test_bank_checks_run_on_the_new_file_before_it_replaces_the_old(bank_dir: Path) -> None:
    """A question the loader's cross-item checks reject (unknown fact) never reaches the file."""
    before = (bank_dir / "01-sample.yaml").read_bytes()
    with pytest.raises(EditError) as info:
        add_question("sample", dict(NEW_QUESTION, facts=["s-konoo"]), bank=bank_dir)
    problem = info.value.problems[0]
    assert problem.file.endswith("01-sample.yaml") and problem.line > 140
    assert "fact 's-konoo' does not exist (did you mean 's-kono'?)" in problem.message
    assert (bank_dir / "01-sample.yaml").read_bytes() == before


def test_unknown_topic_names_the_nearest(bank_dir: Path) -> None:
    with pytest.raises(UnknownTopicError, match="no topic 'sampel' \\(did you mean 'sample'\\?\\)"):
        add_question("sampel", dict(NEW_QUESTION), bank=bank_dir)


def test_file_changed_meanwhile_is_not_overwritten(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If someone saves the file while the addition is being checked, their edit wins and nothing is written."""
    import jkquiz.bank.edit as edit

    file = bank_dir / "01-sample.yaml"
    real = edit.recheck

    def recheck_then_someone_saves(*args, **kwargs):
        real(*args, **kwargs)
        file.write_text(file.read_text(encoding="utf-8") + "# a colleague's note\n", encoding="utf-8")

    monkeypatch.setattr(edit, "recheck", recheck_then_someone_saves)
    with pytest.raises(EditError, match="the file changed while the item was being added"):
        add_question("sample", dict(NEW_QUESTION), bank=bank_dir)
    assert file.read_text(encoding="utf-8").endswith("# a colleague's note\n")
    assert "q-s-new-kono" not in file.read_text(encoding="utf-8")


def test_suggested_ids_read_well_and_are_free(mini_bank) -> None:
    """Key words of the text after the file's own prefix: no stop words, counts, possessive 's or cut words; a year last."""
    suggest = lambda text, kind="q": suggest_id(mini_bank, "sample", text, kind)  # noqa: E731
    assert suggest("As of 2009, which country's police guard the islets?") == "q-s-police-guard-2009"  # was q-sample-as-2009-country-s
    assert suggest("How many of the 300 members of the National Assembly voted for the motion?") == "q-s-members-national-assembly"
    assert suggest("Which treaty was signed in 1965?") == "q-s-treaty-signed-1965"
    assert suggest("What did <b>Japan's</b> co-operation agreement of 1965 commit Japan to?") == "q-s-co-operation-agreement-1965"
    assert suggest("In 1998, Kim Dae-jung and Keizo Obuchi signed a joint declaration.", "f") == "s-kim-dae-jung-1998"
    long_words = "Which internationally recognised demilitarisation commitments accompanied the reconciliation?"
    assert suggest(long_words) == "q-s-internationally-recognised"  # whole words only, at most 40 characters after the prefix
    assert suggest("") == "q-s"
    # free in the bank: one more key word first, then a number
    assert suggest("Which treaty was signed in Tokyo in 1965?") == "q-s-treaty-tokyo-1965"  # a name before common words
    mini_bank.questions["q-s-treaty-tokyo-1965"] = mini_bank.questions["q-s-single"]
    assert suggest("Which treaty was signed in Tokyo in 1965?") == "q-s-treaty-signed-tokyo-1965"
    mini_bank.facts["q-s-treaty-signed-tokyo-1965"] = mini_bank.facts["s-kono"]
    assert suggest("Which treaty was signed in Tokyo in 1965?") == "q-s-treaty-tokyo-1965-2"
    # a topic with no ids yet: its own name, or its whole id when the first word is a stop word
    assert suggest_id(mini_bank, "before-1945", "Who signed it?") == "q-before-1945-signed"
    assert suggest_id(mini_bank, "public-opinion", "What share of Japanese?", "f") == "public-share-japanese"
