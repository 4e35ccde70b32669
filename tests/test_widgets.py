"""Drive every question type through the widgets as a learner would (no kernel, no browser)."""

from __future__ import annotations

import re

import ipywidgets as w
import pytest

import jkquiz
from jkquiz.engine import QuizSession
from jkquiz.widgets import QuizView


def view_of(bank, qid: str, seed: int = 1) -> QuizView:
    return QuizView(QuizSession([bank.questions[qid]], bank, seed=seed), single=True)


def feedback_markup(view: QuizView) -> str:
    """The feedback's HTML: the verdict and the rest (the "Next question" control sits between them)."""
    return view.verdict.value + view.details.value


def feedback_text(view: QuizView) -> str:
    return re.sub(r"<[^>]+>", "", feedback_markup(view))


def status_of(view: QuizView) -> set[str]:
    return {c for c in view.feedback._dom_classes if c in ("jkq-correct", "jkq-wrong", "jkq-partial", "jkq-invalid")}


def test_single_radio_right_and_wrong(mini_bank) -> None:
    view = view_of(mini_bank, "q-s-single")
    radio = view.area.children[0]
    assert isinstance(radio, w.RadioButtons) and radio.value is None
    radio.value = "Treaty of Ganghwa"
    view.check_button.click()
    text = feedback_text(view)
    assert "✘ Not quite." in text and "Your answer: Treaty of Ganghwa · Right answer: Treaty on Basic Relations" in text
    assert "That was the 1876 treaty that opened Korean ports." in text
    assert radio.disabled and view.check_button.disabled
    assert status_of(view) == {"jkq-wrong"}

    view = view_of(mini_bank, "q-s-single")
    view.area.children[0].value = "Treaty on Basic Relations"
    view.check_button.click()
    assert "✔ Correct." in feedback_text(view) and status_of(view) == {"jkq-correct"}


def test_multiple_checkboxes_partial(mini_bank) -> None:
    view = view_of(mini_bank, "q-s-multiple")
    boxes = {box.description: box for box in view.area.children[0].children}
    assert set(boxes) == {"Eisaku Sato", "Park Chung-hee", "Kim Dae-jung", "Keizo Obuchi"}
    boxes["Eisaku Sato"].value = True
    view.check_button.click()
    text = feedback_text(view)
    assert "◐ Partly right. 1 of 2 right choices selected." in text
    assert "Right answer: Eisaku Sato, Park Chung-hee" in text
    assert all(box.disabled for box in boxes.values())


def test_true_false_buttons(mini_bank) -> None:
    view = view_of(mini_bank, "q-s-tf")
    toggle = view.area.children[0]
    assert list(toggle.options) == ["True", "False"] and toggle.value is None
    assert "True or false?" in view.prompt.value
    toggle.value = "False"
    view.check_button.click()
    assert feedback_text(view).startswith("✔ Correct.")


def test_number_box_message_then_enter_submits(mini_bank) -> None:
    view = view_of(mini_bank, "q-s-number")
    box = view.area.children[0]
    box.value = "nineteen sixty-five"
    view.check_button.click()
    assert "is not a number" in feedback_text(view) and not box.disabled
    box.value = "1,965"
    box._handle_custom_msg({"event": "submit"}, [])  # the learner presses Enter
    assert feedback_text(view).startswith("✔ Correct.") and box.disabled


def test_number_with_unit_and_tolerance(mini_bank) -> None:
    view = view_of(mini_bank, "q-s-poll")
    box, unit = view.area.children[0].children
    assert unit.value == "%"
    box.value = "15"
    view.check_button.click()
    assert feedback_text(view).startswith("✔ Correct.")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("독도", "✔ Correct."), ("Tokdo", "✔ Correct."), ("Dokdoo", "✔ Correct. Accepted; correct spelling: Dokdo"),
     ("Ulleungdo", "✘ Not quite.")],
)
def test_text_box_scripts_and_typos(mini_bank, typed: str, expected: str) -> None:
    view = view_of(mini_bank, "q-s-text")
    view.area.children[0].value = typed
    view.check_button.click()
    assert feedback_text(view).startswith(expected)


def test_text_contested_feedback_shows_both_sides(mini_bank) -> None:
    view = view_of(mini_bank, "q-s-text")
    view.area.children[0].value = "Dokdo"
    view.check_button.click()
    text = feedback_text(view)
    assert "Japan's government" in text and "South Korea's government" in text
    assert "“inherent part”" in text


def test_order_up_down_buttons(mini_bank) -> None:
    view = view_of(mini_bank, "q-s-order")
    renderer = view.renderer
    right = mini_bank.questions["q-s-order"].items
    # move each right item into place with the buttons, as a learner would
    for target, item in enumerate(right):
        while renderer.order.index(item) > target:
            renderer.ups[renderer.order.index(item)].click()
    assert renderer.order == right
    assert [re.sub("<[^>]+>", "", label.value) for label in renderer.labels] == right
    view.check_button.click()
    assert feedback_text(view).startswith("✔ Correct.")
    assert all("right place" in m.value for m in renderer.marks)


def test_order_partial_marks_positions(mini_bank) -> None:
    view = view_of(mini_bank, "q-s-order")
    view.check_button.click()  # the shuffled order is never the right one
    verdict = view.session.current.feedback.verdict
    assert verdict.status in ("partial", "wrong")
    assert sum("wrong place" in m.value for m in view.renderer.marks) == verdict.parts.count(False) > 0


def test_match_dropdowns(mini_bank) -> None:
    view = view_of(mini_bank, "q-s-match")
    rows = view.area.children[0].children
    drops = {row.children[1].description: row.children[1] for row in rows}
    drops["Eisaku Sato"].value = "Japan"
    view.check_button.click()
    assert "Match every item first." in feedback_text(view)
    drops["Park Chung-hee"].value = "Japan"
    view.check_button.click()
    assert feedback_text(view).startswith("◐ Partly right.")


def test_full_quiz_flow_progress_skip_results_and_review(mini_bank) -> None:
    view = jkquiz.quiz("sample", n=3, seed=4, bank=mini_bank)
    assert "Question 1 of 3" in view.head.value and view.next_button.description == "Skip"
    view.next_button.click()  # Next before Check skips
    assert "Question 2 of 3" in view.head.value
    assert view.session.items[0].skipped
    view.check_button.click()  # Check with nothing chosen: a message, no verdict
    assert view.session.current.feedback is None and "ℹ" in view.verdict.value
    view.next_button.click()
    view.next_button.click()
    results = re.sub("<[^>]+>", " ", view.results.value)
    assert "You scored 0 of 3 (0%)" in results and "3 skipped" in results
    review = view.review_button
    assert review.description == "Review missed questions (3)"
    review.click()
    assert "Question 1 of 3" in view.head.value and len(view.session.items) == 3


def test_answered_question_relabels_next(mini_bank) -> None:
    qs = [mini_bank.questions["q-s-tf"], mini_bank.questions["q-s-number"]]
    view = QuizView(QuizSession(qs, mini_bank, seed=1))
    view.area.children[0].value = "False"
    view.check_button.click()
    assert view.next_question_button.description == "Next question" and "1 answered, score 1" in view.head.value
    assert view.next_button not in view.buttons.children, "no Skip once answered: the feedback offers Next question"
    assert '<progress class="jkq-progress" value="1" max="2"' in view.head.value
    view.next_question_button.click()
    assert view.next_button in view.buttons.children and view.feedback.layout.display == "none"
    view.area.children[0].value = "1965"
    view.check_button.click()
    assert view.next_question_button.description == "See results"
    view.next_question_button.click()
    assert "You scored 2 of 2 (100%)" in view.results.value
    assert view.review_button.disabled  # nothing missed: nothing to review


def test_bank_text_is_escaped(tmp_path, mini_bank_dir) -> None:
    text = (mini_bank_dir / "01-sample.yaml").read_text(encoding="utf-8")
    text = text.replace("prompt: Under which treaty did Japan and South Korea establish relations?",
                        'prompt: "<script>alert(1)</script> Under which treaty <b>?"')
    text = text.replace("explanation: The Treaty on Basic Relations of 1965.", 'explanation: "<img src=x onerror=alert(1)>"')
    (tmp_path / "01-sample.yaml").write_text(text, encoding="utf-8")
    bank = jkquiz.load_bank(tmp_path)
    view = view_of(bank, "q-s-single")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in view.prompt.value and "<script>" not in view.prompt.value
    view.area.children[0].value = "Treaty on Basic Relations"
    view.check_button.click()
    assert "&lt;img src=x onerror=alert(1)&gt;" in feedback_markup(view) and "<img" not in feedback_markup(view)


def test_n_larger_than_pool_shows_note(mini_bank) -> None:
    view = jkquiz.quiz("sample", n=500, seed=1, bank=mini_bank)
    assert "Only" in view.note.value and "you asked for 500" in view.note.value


def test_public_api_errors_name_nearest(mini_bank) -> None:
    with pytest.raises(ValueError, match="did you mean 'sample'"):
        jkquiz.quiz("sampl", bank=mini_bank)
    with pytest.raises(ValueError, match="did you mean 'q-s-tf'"):
        jkquiz.ask("q-s-ft", bank=mini_bank)


def test_broken_bank_gives_a_learner_a_notice_not_a_traceback(monkeypatch) -> None:
    from jkquiz import api
    from fixture_paths import FIXTURES

    monkeypatch.setenv("JKQUIZ_BANK", str(FIXTURES / "broken"))
    api.course_bank.cache_clear()
    try:
        for view in (jkquiz.quiz("errors"), jkquiz.ask("q-e-ok")):
            text = re.sub("<[^>]+>", "", view.children[1].value)
            assert "This quiz cannot be shown right now" in text
            assert "01-errors.yaml:14:16: e-contested: a contested fact needs both perspectives" in text
            assert "(and 17 more)" in text and "jkquiz validate" in text
    finally:
        api.course_bank.cache_clear()


def test_sources_grouped_and_overlapping_quotes_shown_once() -> None:
    from jkquiz.engine import Feedback, SourceNote, Verdict
    from jkquiz.widgets.feedback import sources_html

    fb = Feedback("q", Verdict("correct", 1.0), sources=(
        SourceNote("Atlas", "https://example.org/a", "also known as Dokdo"),
        SourceNote("Atlas", "https://example.org/a", "also known as Dokdo or Takeshima"),
        SourceNote("Other", None, "<b>quoted</b>"),
    ))
    html = sources_html(fb)
    assert html.count("also known as Dokdo") == 1 and "“also known as Dokdo or Takeshima”" in html
    assert html.count("<li>") == 2 and "&lt;b&gt;quoted&lt;/b&gt;" in html


def test_a_wrong_quick_check_offers_try_again(mini_bank) -> None:
    attempts: list[str] = []
    view = QuizView(QuizSession([mini_bank.questions["q-s-single"]], mini_bank, seed=1,
                                on_attempt=lambda a: attempts.append(a.status)), single=True)
    assert [b.description for b in view.buttons.children] == ["Check"]
    view.area.children[0].value = "Treaty of Ganghwa"
    view.check_button.click()
    assert [b.description for b in view.buttons.children] == ["Check", "Try again"]
    view.try_again_button.click()
    radio = view.area.children[0]
    assert radio.value is None and not radio.disabled and feedback_markup(view) == ""
    assert [b.description for b in view.buttons.children] == ["Check"]
    radio.value = "Treaty on Basic Relations"
    view.check_button.click()
    assert "✔ Correct." in feedback_text(view)
    assert [b.description for b in view.buttons.children] == ["Check"], "no Try again after a right answer"
    assert attempts == ["wrong", "correct"], "both answers are recorded"


def test_text_shown_before_the_cell_runs(mini_bank) -> None:
    assert repr(view_of(mini_bank, "q-s-single")) == "Run this cell (Shift+Enter) to see the question."
    quiz = QuizView(QuizSession([mini_bank.questions["q-s-single"], mini_bank.questions["q-s-tf"]], mini_bank,
                                seed=1, title="Normalization"))
    assert repr(quiz) == "Run this cell (Shift+Enter) to see the quiz “Normalization” (2 questions)."


def test_end_quiz_does_not_repeat_the_quick_checks_shown_in_the_lesson(mini_bank) -> None:
    pool = [q.id for q in mini_bank.questions_for("sample")]
    plain = [item.question.id for item in jkquiz.quiz("sample", n=3, seed=5, bank=mini_bank).session.items]
    for qid in plain[:2]:  # two of the quiz's questions were the lesson's quick checks
        jkquiz.ask(qid, seed=1, bank=mini_bank)
    drawn = [item.question.id for item in jkquiz.quiz("sample", n=3, seed=5, bank=mini_bank).session.items]
    assert not set(plain[:2]) & set(drawn), f"{drawn} repeats a quick check from {plain[:2]}"
    assert len(drawn) == 3 and len(pool) > 5
    again = [item.question.id for item in jkquiz.quiz("sample", n=3, seed=5, bank=mini_bank).session.items]
    assert again == drawn, "the same seed and the same lesson draw the same quiz"


def test_focus_moves_to_the_feedback_after_check_and_next_question_moves_on(mini_bank) -> None:
    check = view_of(mini_bank, "q-s-single")
    check.check_button.click()  # nothing chosen: Check stays enabled and keeps the focus
    assert check.keyboard.sent == [] and check.nav.layout.display == "none"
    check.area.children[0].value = "Treaty of Ganghwa"
    check.check_button.click()
    assert check.keyboard.sent == ["feedback"], "Check is disabled after checking: the focus goes to the feedback"
    assert 'tabindex="-1"' in check.verdict.value and 'role="status"' in check.verdict.value
    assert check.feedback.children == (check.verdict, check.nav, check.details), "Next question before the sources"
    assert check.nav.layout.display != "none" and check.next_question_button.description == "Next question"
    check.next_question_button.click()
    assert check.keyboard.sent == ["feedback", "next"], "a quick check's Next question goes to the next quiz on the page"
    check.try_again_button.click()
    assert check.keyboard.sent[-1] == "first"

    quiz = QuizView(QuizSession([mini_bank.questions["q-s-tf"], mini_bank.questions["q-s-number"]], mini_bank, seed=1))
    quiz.area.children[0].value = "False"
    quiz.check_button.click()
    quiz.next_question_button.click()
    assert quiz.keyboard.sent == ["feedback", "first"] and "Question 2 of 2" in quiz.head.value
    quiz.area.children[0].value = "1965"
    quiz.check_button.click()
    quiz.next_question_button.click()
    assert quiz.keyboard.sent[-2:] == ["feedback", "results"] and quiz.keyboard in quiz.children
