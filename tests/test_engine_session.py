"""Selecting questions and running a QuizSession: feedback, repeats, skips, retries, the hook."""

from __future__ import annotations

import random

import pytest

from jkquiz.engine import QuizSession, check_question, select_questions
from jkquiz.errors import QuizError


def test_select_is_reproducible_and_mixes_authored_and_generated(mini_bank) -> None:
    a = select_questions(mini_bank, random.Random(7), "sample", 6).questions
    b = select_questions(mini_bank, random.Random(7), "sample", 6).questions
    assert [q.id for q in a] == [q.id for q in b]
    assert any(q.generated for q in a) and any(not q.generated for q in a)
    assert [q.difficulty for q in a] == sorted(q.difficulty for q in a)


def test_select_spreads_over_facts_when_possible(mini_bank) -> None:
    for seed in range(20):
        chosen = select_questions(mini_bank, random.Random(seed), "sample", 4).questions
        facts = [f for q in chosen for f in q.facts]
        assert len(facts) == len(set(facts)), f"seed {seed}: two questions share a fact"


def test_select_filters_by_type_difficulty_and_tags(mini_bank) -> None:
    chosen = select_questions(mini_bank, random.Random(1), "sample", 3, types=["text"]).questions
    assert {q.type for q in chosen} == {"text"}
    hard = select_questions(mini_bank, random.Random(1), None, 3, difficulty=3).questions
    assert all(q.difficulty == 3 for q in hard)
    tagged = select_questions(mini_bank, random.Random(1), None, 3, tags=["timeline"]).questions
    assert tagged and all("timeline" in q.tags for q in tagged)


def test_n_larger_than_pool_gives_whole_pool_and_a_note(mini_bank) -> None:
    pool = mini_bank.questions_for("sample", types=["text"])
    chosen = select_questions(mini_bank, random.Random(1), "sample", 50, types=["text"])
    assert len(chosen.questions) == len(pool)
    assert chosen.note == f"Only {len(pool)} questions match this quiz, so you get all of them (you asked for 50)."


def test_unknown_topic_and_question_name_the_nearest(mini_bank) -> None:
    with pytest.raises(ValueError, match=r"no topic 'sampel' \(did you mean 'sample'\?\)"):
        select_questions(mini_bank, random.Random(1), "sampel")
    with pytest.raises(QuizError, match=r"no question 'q-s-singel' \(did you mean 'q-s-single'"):
        check_question(mini_bank, "q-s-singel")


def test_choices_shuffled_per_attempt_and_order_never_starts_solved(mini_bank) -> None:
    q = mini_bank.questions["q-s-single"]
    layouts = {QuizSession([q], mini_bank, seed=s).items[0].layout.options for s in range(10)}
    assert len(layouts) > 1
    order = mini_bank.questions["q-s-order"]
    for s in range(10):
        assert list(QuizSession([order], mini_bank, seed=s).items[0].layout.options) != order.items


def test_submit_feedback_carries_answer_explanation_sources_and_sides(mini_bank) -> None:
    q = mini_bank.questions["q-s-text"]
    feedback = QuizSession([q], mini_bank, seed=1).submit(q.id, "Takeshima")
    assert feedback.status == "wrong"
    assert feedback.answer == "Dokdo"
    assert feedback.explanation == "Korea calls them Dokdo (독도)."
    assert [s.quote for s in feedback.sources] == ["inherent part", "Dokdo (독도), Takeshima (竹島)"]
    assert feedback.perspectives[0].japan.startswith("Japan's government holds")
    assert feedback.perspectives[0].korea.startswith("South Korea's government holds")


def test_choice_feedback_for_the_picked_choice(mini_bank) -> None:
    q = mini_bank.questions["q-s-single"]
    feedback = QuizSession([q], mini_bank).submit(q.id, "Treaty of Ganghwa")
    assert feedback.choice_notes == ("Treaty of Ganghwa: That was the 1876 treaty that opened Korean ports.",)


def test_submit_twice_keeps_the_first_answer_and_records_once(mini_bank) -> None:
    recorded = []
    q = mini_bank.questions["q-s-number"]
    session = QuizSession([q], mini_bank, on_attempt=recorded.append)
    first = session.submit(q.id, "1966")
    again = session.submit(q.id, "1965")
    assert first.status == again.status == "wrong" and again.repeated and not first.repeated
    assert len(recorded) == 1 and recorded[0].response == "1966"


def test_invalid_submission_is_not_recorded_and_can_be_fixed(mini_bank) -> None:
    recorded = []
    q = mini_bank.questions["q-s-number"]
    session = QuizSession([q], mini_bank, on_attempt=recorded.append)
    assert session.submit(q.id, "").status == "invalid"
    assert session.submit(q.id, "nineteen sixty-five").status == "invalid"
    assert recorded == []
    assert session.submit(q.id, "1,965").status == "correct"
    assert [a.status for a in recorded] == ["correct"]


def test_attempt_record_fields(mini_bank) -> None:
    recorded = []
    clock = iter([10.0, 14.5]).__next__
    q = mini_bank.questions["q-s-multiple"]
    session = QuizSession([q], mini_bank, on_attempt=recorded.append, clock=clock)
    session.submit(q.id, {"Eisaku Sato"})
    attempt = recorded[0]
    assert (attempt.question_id, attempt.topic, attempt.status, attempt.score) == ("q-s-multiple", "sample", "partial", 0.5)
    assert attempt.response == ["Eisaku Sato"] and attempt.seconds == 4.5
    assert len(attempt.content_hash) == 16 and attempt.answered_at.tzinfo is not None


def test_failing_hook_keeps_feedback_and_warns(mini_bank) -> None:
    def broken(_attempt):
        raise OSError("disk full")

    q = mini_bank.questions["q-s-tf"]
    feedback = QuizSession([q], mini_bank, on_attempt=broken).submit(q.id, False)
    assert feedback.status == "correct"
    assert feedback.warning == "Your answer could not be saved: disk full"


def test_advance_skips_unanswered_and_retry_missed(mini_bank) -> None:
    qs = [mini_bank.questions[i] for i in ("q-s-tf", "q-s-number", "q-s-text")]
    session = QuizSession(qs, mini_bank, seed=3)
    session.submit("q-s-tf", False)
    session.advance()
    session.advance()  # Next before Check: q-s-number is skipped
    session.submit("q-s-text", "Ulleungdo")
    assert session.advance() is None and session.finished
    summary = session.summary()
    assert (summary.correct, summary.wrong, summary.skipped, summary.points, summary.percent) == (1, 1, 1, 1, 33)
    retry = session.retry_missed()
    assert [i.question.id for i in retry.items] == ["q-s-number", "q-s-text"]
    assert retry.summary().points == 0


def test_retry_with_nothing_missed_is_an_error(mini_bank) -> None:
    q = mini_bank.questions["q-s-tf"]
    session = QuizSession([q], mini_bank)
    session.submit(q.id, False)
    with pytest.raises(QuizError, match="nothing was missed"):
        session.retry_missed()


def test_choice_note_names_the_choice_only_once(mini_bank_dir, tmp_path) -> None:
    import jkquiz

    text = (mini_bank_dir / "01-sample.yaml").read_text(encoding="utf-8")
    text = text.replace("Treaty of Ganghwa: That was the 1876 treaty", "Treaty of Ganghwa: Treaty of Ganghwa was the 1876 treaty")
    (tmp_path / "01-sample.yaml").write_text(text, encoding="utf-8")
    bank = jkquiz.load_bank(tmp_path)
    q = bank.questions["q-s-single"]
    feedback = QuizSession([q], bank).submit(q.id, "Treaty of Ganghwa")
    assert feedback.choice_notes == ("Treaty of Ganghwa was the 1876 treaty that opened Korean ports.",)


def test_an_unexpected_error_while_saving_is_logged_and_the_learner_sees_a_plain_line(mini_bank, tmp_path) -> None:
    from jkquiz.engine.session import UNEXPECTED
    from jkquiz.progress.current import log_to_file

    def buggy(_attempt):
        raise KeyError("card")

    log_to_file(tmp_path / "jkquiz.log")
    q = mini_bank.questions["q-s-tf"]
    feedback = QuizSession([q], mini_bank, on_attempt=buggy).submit(q.id, False)
    assert feedback.status == "correct" and feedback.warning == UNEXPECTED
    assert "KeyError" not in feedback.warning and "Traceback" not in feedback.warning
    logged = (tmp_path / "jkquiz.log").read_text(encoding="utf-8")
    assert "saving the answer to q-s-tf failed" in logged and "Traceback (most recent call last)" in logged
    assert "KeyError: 'card'" in logged


def test_questions_met_already_are_drawn_last_and_the_draw_stays_reproducible(mini_bank) -> None:
    pool = [q.id for q in mini_bank.questions_for("sample")]
    for seed in range(10):
        met = set(q.id for q in select_questions(mini_bank, random.Random(seed), "sample", 3).questions)
        again = [q.id for q in select_questions(mini_bank, random.Random(seed), "sample", 3, answered=met).questions]
        assert not met.intersection(again), f"seed {seed}: a question met already came back while others were left"
        assert again == [q.id for q in select_questions(mini_bank, random.Random(seed), "sample", 3, answered=met).questions]
    everything_but_two = set(pool[2:])
    chosen = {q.id for q in select_questions(mini_bank, random.Random(1), "sample", 4, answered=everything_but_two).questions}
    assert set(pool[:2]) <= chosen and len(chosen) == 4, "the questions not met come first, then the others fill up"


def test_two_facts_stating_the_same_positions_show_one_pair(tmp_path) -> None:
    from fixture_paths import FIXTURES
    from jkquiz.bank import load_bank

    text = (FIXTURES / "mini" / "01-sample.yaml").read_text(encoding="utf-8")
    twin = '''  - id: s-islets-names
    statement: Japan calls the islets Takeshima and South Korea calls them Dokdo.
    kind: place
    contested: true
    perspectives:
      japan: Japan's government holds that Takeshima is an inherent part of Japan's territory.
      korea: South Korea's government holds that Dokdo is an integral part of Korea's territory.
    sources: [{title: Other source, quote: calls them}]
'''
    question = '''  - id: q-s-islets-both
    type: true_false
    prompt: Both governments claim the islets.
    answer: true
    facts: [s-islets, s-islets-names]
    explanation: Each government holds that the islets are its own.
    difficulty: 1
'''
    text = text.replace("  - id: s-poll\n", twin + "  - id: s-poll\n") + question
    (tmp_path / "01-sample.yaml").write_text(text, encoding="utf-8")
    bank = load_bank(tmp_path)
    q = bank.questions["q-s-islets-both"]
    feedback = QuizSession([q], bank, seed=1).submit(q.id, True)
    assert len(feedback.perspectives) == 1, feedback.perspectives
    assert feedback.perspectives[0].japan.startswith("Japan's government holds that Takeshima")
    from jkquiz.widgets.feedback import feedback_html

    assert feedback_html(feedback).count('class="jkq-sides"') == 1
