"""grade() for all seven types: right, wrong, partial, typos, other scripts, invalid input."""

from __future__ import annotations

import pytest

from jkquiz.bank.model import QUESTION_ADAPTER
from jkquiz import fuzzy
from jkquiz.engine import grade, parse_number


@pytest.fixture(autouse=True, params=["rapidfuzz", "pure-python"])
def similarity(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every grading test runs twice: with rapidfuzz, and with the pure-Python ratio the browser uses."""
    if request.param == "pure-python":
        monkeypatch.setattr(fuzzy, "_backend", lambda: fuzzy._indel_ratio)
        monkeypatch.setattr(fuzzy, "using_rapidfuzz", lambda: False)
    assert fuzzy.using_rapidfuzz() == (request.param == "rapidfuzz")
    return request.param


def make(**fields):
    base = {"id": "q", "prompt": "?", "facts": ["f"], "explanation": "because", "difficulty": 1}
    return QUESTION_ADAPTER.validate_python(base | fields)


SINGLE = make(type="single", choices=["Tokyo", "Seoul", "Busan"], answer="Tokyo")
MULTI = make(type="multiple", choices=["A", "B", "C", "D"], answers=["A", "B"])
TF = make(type="true_false", answer=False)
NUM = make(type="number", answer=1965)
PCT = make(type="number", answer=13, tolerance=2, unit="%")
BESSHO = make(type="text", answer="Kōrō Bessho", alternates=["別所浩郎", "Bessho Kōrō"])
DOKDO = make(type="text", answer="Dokdo", alternates=["Tokdo", "독도", "Takeshima", "竹島"])
ORDER = make(type="order", items=["Ganghwa", "Protectorate", "Annexation", "March 1st"])
MATCH = make(type="match", pairs=[["Kono", "1993"], ["Murayama", "1995"], ["Agreement", "2015"]])


def test_single() -> None:
    assert grade(SINGLE, "Tokyo").status == "correct"
    assert grade(SINGLE, "Seoul").status == "wrong"
    assert grade(SINGLE, None).status == "invalid"
    assert grade(SINGLE, "Osaka").status == "invalid"


def test_multiple_partial_credit() -> None:
    assert grade(MULTI, ["A", "B"]).score == 1
    half = grade(MULTI, ["A"])
    assert (half.status, half.score, half.message) == ("partial", 0.5, "1 of 2 right choices selected.")
    assert grade(MULTI, ["A", "C"]).score == 0  # one right (+1/2), one wrong (-1/2)
    assert grade(MULTI, ["C", "D"]).status == "wrong"
    assert grade(MULTI, []).status == "invalid"


def test_true_false() -> None:
    assert grade(TF, False).correct and not grade(TF, True).correct
    assert grade(TF, "false").correct
    assert grade(TF, None).status == "invalid"


@pytest.mark.parametrize("typed", ["1965", " 1965 ", "1965.0", "1,965", "１９６５", 1965, 1965.0])
def test_number_forms_accepted(typed) -> None:
    assert grade(NUM, typed).correct


@pytest.mark.parametrize("typed", ["nineteen", "19 65", "1965x", "1,96,5", "", "   ", True, float("nan")])
def test_non_numbers_get_a_message_not_a_verdict(typed) -> None:
    verdict = grade(NUM, typed)
    assert verdict.status == "invalid" and verdict.message


def test_number_wrong_says_direction_and_tolerance_and_unit() -> None:
    assert grade(NUM, "1966").message == "1966 is too high."
    assert grade(NUM, "1950").message == "1950 is too low."
    assert grade(PCT, "14").correct and grade(PCT, "11 %").correct and not grade(PCT, "16").correct
    assert parse_number("13%", "%") == 13.0


@pytest.mark.parametrize("typed", ["Kōrō Bessho", "Koro Bessho", "koro bessho", "KORO  BESSHO.", "別所浩郎", "Bessho Koro"])
def test_text_normalization_and_scripts(typed: str) -> None:
    verdict = grade(BESSHO, typed)
    assert verdict.correct and verdict.message == ""


@pytest.mark.parametrize("typed", ["Dokdo", "Tokdo", "독도", "Takeshima", "竹島", "dok-do"])
def test_text_alternates_any_script(typed: str) -> None:
    assert grade(DOKDO, typed).correct


def test_text_typo_accepted_with_spelling() -> None:
    verdict = grade(BESSHO, "Koro Beshho")
    assert verdict.correct and verdict.message == "Accepted; correct spelling: Kōrō Bessho"


def test_text_wrong_and_empty() -> None:
    assert grade(DOKDO, "Ulleungdo").status == "wrong"
    assert grade(DOKDO, "Dok").status == "wrong"  # too far from any accepted spelling
    assert grade(DOKDO, "  ").status == "invalid"


def test_order_credit_per_position() -> None:
    assert grade(ORDER, ORDER.items).correct
    swapped = grade(ORDER, ["Protectorate", "Ganghwa", "Annexation", "March 1st"])
    assert (swapped.status, swapped.score, swapped.parts) == ("partial", 0.5, (False, False, True, True))
    assert grade(ORDER, ["Ganghwa"]).status == "invalid"


def test_match_credit_per_pair() -> None:
    right = {"Kono": "1993", "Murayama": "1995", "Agreement": "2015"}
    assert grade(MATCH, right).correct
    one = grade(MATCH, {"Kono": "1995", "Murayama": "1993", "Agreement": "2015"})
    assert (one.status, one.score, one.parts) == ("partial", 0.3333, (False, False, True))
    assert grade(MATCH, {"Kono": "1993"}).status == "invalid"


ISLETS = make(type="text", answer="Dokdo")  # 5 letters: one slip
OKI = make(type="text", answer="Oki")  # under 4 letters: exactly
LONG = make(type="text", answer="Takeshima")  # 9 letters: two slips
PORT = make(type="text", answer="Busan")


@pytest.mark.parametrize(("question", "typed", "expected"), [
    (ISLETS, "Dokod", "correct"),   # two neighbours swapped
    (ISLETS, "Dokdp", "correct"),   # one letter wrong
    (ISLETS, "Dockdo", "correct"),  # one letter too many
    (ISLETS, "Dkdo", "correct"),    # one letter missing
    (ISLETS, "Dkodp", "wrong"),     # two slips in five letters
    (ISLETS, "Dokdoooo", "wrong"),
    (OKI, "Oki", "correct"),
    (OKI, "Oko", "wrong"),          # three letters: typed exactly or not at all
    (LONG, "Takesima", "correct"),  # one slip
    (LONG, "Tkaeshma", "correct"),  # a swap and a missing letter
    (LONG, "Tkaesma", "wrong"),     # three slips
])
def test_slips_forgiven_by_the_answers_length(question, typed: str, expected: str) -> None:
    verdict = grade(question, typed)
    assert verdict.status == expected
    if expected == "correct" and typed != question.answer:
        assert verdict.message == f"Accepted; correct spelling: {question.answer}"


def test_a_slip_that_is_another_questions_answer_or_choice_is_wrong() -> None:
    """In a quiz where another question offers 'Pusan', typing 'Pusan' for 'Busan' is not a slip."""
    assert grade(PORT, "Pusan").correct  # alone: one letter wrong
    rivals = frozenset({"Tokyo", "Pusan", "Seoul"})
    assert grade(PORT, "Pusan", rivals).status == "wrong"
    assert grade(PORT, "Busna", rivals).correct  # a slip closer to the answer than to any rival
    assert grade(PORT, "Pusna", frozenset({"Pusan"})).status == "wrong"  # as close to a rival as to the answer


def test_a_quiz_passes_its_other_questions_as_rivals() -> None:
    from jkquiz.bank.bank import Bank
    from jkquiz.engine import QuizSession

    city = make(id="q-city", type="single", choices=["Pusan", "Seoul"], answer="Seoul")
    session = QuizSession([PORT, city], Bank(), seed=1)
    assert session.submit("q", "Pusan").verdict.status == "wrong"


def test_slips_are_rapidfuzzs_osa_distance() -> None:
    """The grader counts slips in pure Python (the browser has no rapidfuzz): the same numbers as rapidfuzz's
    optimal-string-alignment distance, capped where the grader stops counting."""
    import random

    from rapidfuzz.distance import OSA

    from jkquiz.text import slips

    rng = random.Random(11)
    alphabet = "abdkost독도竹島"
    for _ in range(3000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        for limit in (0, 1, 2):
            assert slips(a, b, limit) == min(OSA.distance(a, b), limit + 1), (a, b, limit)
