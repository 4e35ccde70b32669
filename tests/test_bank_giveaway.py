"""No question gives its answer away: not in another choice, not by showing the answer's native-script name."""

from __future__ import annotations

from pathlib import Path

from jkquiz.bank import inspect_bank

BANK = """\
topic:
  id: t
  title: Names
  objectives: [Name the islets as each government does.]
facts:
  - id: t-name-korea
    statement: South Korea's government calls the islets Dokdo (독도, 獨島).
    answer: Dokdo
    kind: term
    terms: {ko: 독도, hanja: 獨島}
    sources: [{title: Sample, quote: "Dokdo (독도, 獨島)"}]
  - id: t-name-japan
    statement: Japan's government calls the islets Takeshima (竹島).
    answer: Takeshima
    kind: term
    terms: {ja: 竹島}
    sources: [{title: Sample, quote: "Takeshima (竹島)"}]
  - id: t-guard
    statement: South Korea's government calls its police unit on the islets the Dokdo Police Guard.
    answer: Dokdo Police Guard
    kind: term
    sources: [{title: Sample, quote: Dokdo Police Guard}]
  - id: t-seodo
    statement: Seoul's name for the western islet is Seodo.
    answer: Seodo
    kind: term
    sources: [{title: Sample, quote: Seodo}]
  - id: t-dongdo
    statement: Seoul's name for the eastern islet is Dongdo.
    answer: Dongdo
    kind: term
    sources: [{title: Sample, quote: Dongdo}]
questions:
  - id: q-t-korea-name
    type: single
    prompt: What does South Korea's government call the islets (독도)?
    choices: [Dokdo, Dokdo Police Guard, Seodo, Dongdo]
    answer: Dokdo
    facts: [t-name-korea]
    explanation: Seoul calls them Dokdo.
    difficulty: 1
"""


def test_authored_giveaways_are_reported_at_their_line(tmp_path: Path) -> None:
    (tmp_path / "01-t.yaml").write_text(BANK, encoding="utf-8")
    found = sorted((p.line, p.id, p.message) for p in inspect_bank(tmp_path).problems)
    assert found == [
        (36, "q-t-korea-name", "the prompt shows 독도, the answer's own name in another script"),
        (37, "q-t-korea-name", "the choice 'Dokdo Police Guard' contains the answer 'Dokdo', which gives it away"),
    ]


def test_generated_fill_ins_hide_native_names_and_never_offer_the_answer_inside_a_distractor(tmp_path: Path) -> None:
    fixed = BANK.replace("(독도)?", "?").replace("[Dokdo, Dokdo Police Guard, Seodo, Dongdo]", "[Dokdo, Seodo, Dongdo]")
    (tmp_path / "01-t.yaml").write_text(fixed, encoding="utf-8")
    result = inspect_bank(tmp_path)
    assert result.problems == []
    question = result.bank.questions["gen-choice-t-name-korea"]
    assert question.prompt == "Fill in the blank: South Korea's government calls the islets _____."
    assert "Dokdo Police Guard" not in question.choices and "Dokdo" in question.choices


def test_no_fill_in_is_generated_where_hiding_a_name_would_leave_a_hole_in_the_sentence() -> None:
    """A name in another script that the sentence itself uses ('written 위안부 in Korean') cannot be taken out;
    a gloss in brackets ('Dokdo (독도, 獨島)') can."""
    from jkquiz.bank.generate import PREFIX
    from jkquiz.bank.shared import course_bank

    bank = course_bank()

    hole = bank.facts["hm-comfort-women-term"]
    assert "위안부 in Korean" in hole.statement
    assert f"{PREFIX}choice-{hole.id}" not in bank.questions
    for question in bank.questions.values():
        if question.id.startswith(f"{PREFIX}choice-"):
            assert "  " not in question.prompt and " ." not in question.prompt, question.prompt
