"""GIFT export read back by pygiftparser (a GIFT parser we did not write) and by Moodle's reading rules."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from jkquiz.bank import load_bank
from jkquiz.interop.common import choose_questions
from jkquiz.interop.gift import escape_gift, export_gift
from jkquiz.interop.gift_read import read_gift

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pygiftparser (2017) warns on import

FIXTURES = Path(__file__).parent / "fixtures"


def parse_with_pygiftparser(text: str) -> dict[str, object]:
    from pygiftparser import parser

    return {q.title: q for q in parser.parseFile(io.StringIO(text))}


def plain(text: str) -> str:
    """pygiftparser keeps GIFT escapes in what it returns; its own helper removes them."""
    from pygiftparser.utils import transformSpecials

    return transformSpecials(text)


def test_every_mini_question_comes_back_from_pygiftparser_with_its_right_answer(mini_bank) -> None:
    questions = choose_questions(mini_bank)
    result = export_gift(mini_bank, questions)
    parsed = parse_with_pygiftparser(result.data.decode("utf-8"))
    assert result.count == len(questions) == len(parsed) == 18
    for q in questions:
        p = parsed[q.id]
        assert p.valid, q.id
        assert plain(p.text) == q.prompt
        assert plain(p.generalFeedback).startswith(q.explanation)
        answers = p.answers
        kind = type(answers).__name__
        if q.type == "single":
            assert kind == "SelectSet"
            right = [plain(a.answer) for a in answers.answers if a.fraction == 100]
            assert right == [q.answer] and [plain(a.answer) for a in answers.answers] == q.choices
        elif q.type == "multiple":
            assert kind == "MultipleChoicesSet"
            credit = {plain(a.answer): a.fraction for a in answers.answers}
            assert {c for c, f in credit.items() if f > 0} == set(q.answers)
            assert credit == {"Eisaku Sato": 50, "Park Chung-hee": 50, "Kim Dae-jung": -50, "Keizo Obuchi": -50}
        elif q.type == "true_false":
            assert kind == "TrueFalseSet" and answers.answer is q.answer
        elif q.type == "number":
            assert kind == "NumericAnswerSet"
            assert (answers.answers[0].value, answers.answers[0].tolerance) == (q.answer, q.tolerance)
        elif q.type == "text":
            assert kind == "ShortSet"
            accepted = [plain(a.answer) for a in answers.answers]
            assert accepted[0] == q.answer and set(q.alternates) <= set(accepted)
        elif q.type == "order":
            assert kind == "MatchingSet"
            assert [(a.question.strip(), plain(a.answer).strip()) for a in answers.answers] == [
                (f"Position {i + 1}", item) for i, item in enumerate(q.items)]
        else:
            assert kind == "MatchingSet"
            assert [(plain(a.question).strip(), plain(a.answer).strip()) for a in answers.answers] == [tuple(p) for p in q.pairs]


def test_categories_ids_tags_and_feedback(mini_bank) -> None:
    text = export_gift(mini_bank, choose_questions(mini_bank, authored_only=True)).data.decode("utf-8")
    assert "\n$CATEGORY: $course$/jkquiz/sample\n\n" in text
    assert "// [id:q-s-single] [tag:sample] [tag:difficulty-1]\n::q-s-single::[plain]Under which treaty" in text
    assert "\t~Treaty of Ganghwa#That was the 1876 treaty that opened Korean ports.\n" in text
    assert "\t=%100%Eisaku Satō\n\t=%100%Eisaku Sato\n" in text  # accent-free spelling added, as jkquiz accepts it
    parsed = parse_with_pygiftparser(text)
    assert all(q.cat == "$course$/jkquiz/sample" for q in parsed.values())
    feedback = plain(parsed["q-s-text"].generalFeedback)
    assert "Japan's government: Japan's government holds that Takeshima" in feedback  # both sides of a contested fact
    assert "Source: Sample source" in feedback


def test_what_gift_cannot_express_is_listed(mini_bank) -> None:
    warnings = export_gift(mini_bank, choose_questions(mini_bank, authored_only=True)).warnings
    joined = "\n".join(warnings)
    assert "GIFT has no ordering type: exported as matching (position -> item)" in joined and "(q-s-order)" in joined
    assert "GIFT has no units" in joined and "(q-s-poll)" in joined
    assert "typo, space and punctuation tolerance is lost — 2 questions (q-s-text, q-s-text-name)" in joined


def test_specials_are_escaped_for_pygiftparser(tmp_path: Path) -> None:
    """= ~ # : { } and backslash in prompts, choices, feedback: pygiftparser reads the same text back."""
    (tmp_path / "01-esc.yaml").write_text(r'''
topic: {id: esc, title: Escapes, objectives: [x]}
facts:
  - {id: e-f, statement: A fact., kind: event, sources: [{title: T, quote: A fact.}]}
questions:
  - id: q-esc
    type: single
    prompt: 'Which {one} = best ~ #1: see C:\dir?'
    choices: ['a = b', 'c ~ d', 'e # f', 'g: h']
    answer: 'c ~ d'
    choice_feedback: {'e # f': 'No = never ~ #0: right.'}
    facts: [e-f]
    explanation: 'Because {x} = y ~ z #w: \v.'
    difficulty: 1
''', encoding="utf-8")
    bank = load_bank(tmp_path)
    text = export_gift(bank, choose_questions(bank, authored_only=True)).data.decode("utf-8")
    assert r"::q-esc::[plain]Which \{one\} \= best \~ \#1\: see C\:\\dir?{" in text
    p = parse_with_pygiftparser(text)["q-esc"]
    assert type(p.answers).__name__ == "SelectSet"
    assert [plain(a.answer) for a in p.answers.answers] == ["a = b", "c ~ d", "e # f", "g: h"]
    assert [plain(a.answer) for a in p.answers.answers if a.fraction == 100] == ["c ~ d"]
    assert plain(p.answers.answers[2].feedback) == "No = never ~ #0: right."
    assert plain(p.text) == r"Which {one} = best ~ #1: see C:\\dir?"  # pygiftparser leaves Moodle's \\ as is
    assert plain(p.generalFeedback).startswith("Because {x} = y ~ z #w: \\\\v.")


def test_every_special_text_reads_back_by_moodles_rules() -> None:
    """Our reader follows qformat_gift (escapes, braces, weights); every text of every type survives."""
    bank = load_bank(FIXTURES / "special")
    questions = choose_questions(bank, authored_only=True)
    reading = read_gift(export_gift(bank, questions).data.decode("utf-8"))
    assert reading.errors == [] and reading.skipped == []
    back = {item.idnumber: item.data for item in reading.items}
    for q in questions:
        data = back[q.id]
        assert data["prompt"] == q.prompt and data["explanation"].startswith(q.explanation)
        if q.type == "single":
            assert (data["choices"], data["answer"]) == (q.choices, q.answer)
            assert data["choice_feedback"] == q.choice_feedback
        elif q.type == "multiple":
            assert (data["choices"], data["answers"]) == (q.choices, q.answers)
        elif q.type == "text":
            assert [data["answer"], *data["alternates"]][:3] == ["x=y#z", "x = y # z", "Ēx=y"]
        elif q.type == "match":
            assert data["pairs"] == [list(p) for p in q.pairs]
        elif q.type == "order":
            assert data["pairs"] == [[f"Position {i + 1}", item] for i, item in enumerate(q.items)]
        elif q.type == "number":
            assert (data["answer"], data["tolerance"]) == (q.answer, q.tolerance)


def test_escape_gift_handles_every_special_and_newlines() -> None:
    assert escape_gift("a~b=c#d{e}f:g\\h\ni") == r"a\~b\=c\#d\{e\}f\:g\\h\ni"
