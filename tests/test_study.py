"""A learner's record in a notebook: quizzes save answers as they are given, review() and dashboard() widgets,
set_learner(); driven through the widgets as a learner clicks."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

import jkquiz
from jkquiz.api import course_bank
from jkquiz.bank.model import content_hash
from jkquiz.engine import Attempt
from jkquiz.errors import ProgressError
from jkquiz.progress import Overview, TopicProgress, open_store
from jkquiz.study import NOTHING_YET, forget_store, learner, overview, progress_store
from jkquiz.widgets.dashboard import DashboardView, table_html


def answer(view, value) -> str:
    """Type or pick an answer in a one-question view, press Check; the feedback as text."""
    view.area.children[0].value = value
    view.check_button.click()
    return re.sub(r"<[^>]+>", "", view.feedback.value)


def record(bank, qid: str, status: str, at: datetime, *, chash: str | None = None, who: str = "learner") -> None:
    q = bank.questions[qid]
    score = {"correct": 1.0, "partial": 0.5, "wrong": 0.0}[status]
    progress_store().record(Attempt(qid, q.topic, chash or content_hash(q), None, "", status, score, 1.0, at,
                                    f"s-{qid}-{at.timestamp()}"), who)


def test_with_no_answers_review_and_dashboard_say_so_and_are_stable() -> None:
    review = jkquiz.review()
    assert review.quiz is None and repr(review) == f"<jkquiz review: {NOTHING_YET}>"
    assert NOTHING_YET in review.children[-1].value
    board = jkquiz.dashboard()
    assert repr(board) == f"<jkquiz dashboard: {len(course_bank().topics)} topics, nothing answered yet>"
    assert "Nothing answered yet" in board.summary.value and board.chart.value == ""
    assert board.table.value.count("<tr>") == len(course_bank().topics) + 1


def test_answers_in_quizzes_are_saved_to_the_file_as_given(mini_bank, _isolated_home) -> None:
    view = jkquiz.ask("q-s-tf", bank=mini_bank)
    assert answer(view, "False").startswith("✔ Correct.")
    view = jkquiz.ask("q-s-number", bank=mini_bank)
    assert answer(view, "1966").startswith("✘ Not quite.")
    # another connection, as another notebook would see it
    rows = sqlite3.connect(_isolated_home / "progress.sqlite3").execute(
        "SELECT learner, question_id, status, response, content_hash FROM attempts ORDER BY id").fetchall()
    assert rows == [("learner", "q-s-tf", "correct", "false", content_hash(mini_bank.questions["q-s-tf"])),
                    ("learner", "q-s-number", "wrong", '"1966"', content_hash(mini_bank.questions["q-s-number"]))]


def test_review_brings_back_a_missed_question_then_says_when_the_next_is_due(mini_bank) -> None:
    answer(jkquiz.ask("q-s-number", bank=mini_bank), "1966")
    now = datetime.now(timezone.utc)
    waiting = jkquiz.review(bank=mini_bank, now=now)
    assert waiting.quiz is None
    assert waiting.message.startswith("Nothing is due for review. Your next review is due on ")
    review = jkquiz.review(bank=mini_bank, now=now + timedelta(minutes=2))
    assert repr(review) == "<jkquiz review: 1 question(s) due>"
    quiz = review.quiz
    assert quiz.session.title == "Review" and quiz.session.current.question.id == "q-s-number"
    quiz.area.children[0].value = "1965"
    quiz.check_button.click()
    assert "✔ Correct." in quiz.feedback.value
    card = progress_store().cards("learner")[0]
    assert (card.reviews, card.last_status) == (2, "correct")
    later = jkquiz.review(bank=mini_bank, now=now + timedelta(minutes=2))
    assert re.fullmatch(r"Nothing is due for review\. Your next review is due on .* \(in [78] minutes\)\.", later.message)


def test_review_takes_the_n_most_overdue_and_flags_changed_questions(mini_bank) -> None:
    now = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)
    for hours, qid in [(5, "q-s-text"), (4, "q-s-order"), (3, "q-s-match"), (2, "q-s-single")]:
        record(mini_bank, qid, "wrong", now - timedelta(hours=hours))
    record(mini_bank, "q-s-tf", "correct", now - timedelta(days=30), chash="old-wording")
    review = jkquiz.review(3, bank=mini_bank, now=now)
    assert [i.question.id for i in review.quiz.session.items] == ["q-s-text", "q-s-order", "q-s-match"]
    review = jkquiz.review(bank=mini_bank, now=now)
    assert [i.question.id for i in review.quiz.session.items][-1] == "q-s-tf"  # changed: due now, as new
    assert review.quiz.session.note == "One question here changed since you last answered it, so it starts afresh."
    with pytest.raises(jkquiz.QuizError, match="at least 1"):
        jkquiz.review(0, bank=mini_bank)


def test_dashboard_counts_per_topic_and_refreshes(mini_bank) -> None:
    now = datetime.now(timezone.utc)
    record(mini_bank, "q-s-tf", "correct", now - timedelta(minutes=1))
    record(mini_bank, "q-s-number", "wrong", now - timedelta(minutes=5))
    record(mini_bank, "q-s-text", "correct", now - timedelta(days=3), chash="old-wording")  # not counted
    board = DashboardView(lambda: overview(bank=mini_bank, now=now))
    total = len(mini_bank.questions)
    assert board.table.value.endswith(f'<tr><th scope="row">Sample topic</th><td>{total}</td><td>2</td><td>1</td>'
                                      f"<td>2</td><td>{round(100 / total)}%</td></tr></tbody></table>")
    assert "You have answered 2 of" in board.summary.value and "2 questions are due for review now" in board.summary.value
    assert board.chart.value.startswith('<img src="data:image/png;base64,')
    assert f"Sample topic: 1 right, 1 answered but not right, of {total}" in board.chart.value
    assert repr(board) == "<jkquiz dashboard: 1 topic, 2 question(s) answered>"
    answer(jkquiz.ask("q-s-single", bank=mini_bank), "Treaty on Basic Relations")
    board.refresh_button.click()
    assert repr(board) == "<jkquiz dashboard: 1 topic, 3 question(s) answered>"
    assert repr(jkquiz.dashboard(bank=mini_bank)) == "<jkquiz dashboard: 1 topic, 3 question(s) answered>"


def test_dashboard_escapes_titles() -> None:
    row = TopicProgress("t", "<b>Dokdo & Takeshima</b>", 4, 1, 1, 0)
    assert "<th scope=\"row\">&lt;b&gt;Dokdo &amp; Takeshima&lt;/b&gt;</th>" in table_html([row])
    board = DashboardView(lambda: Overview("<script>", [row]))
    assert "saved as &lt;script&gt;" in board.summary.value


def test_set_learner_names_earlier_answers_and_is_remembered(mini_bank, capsys: pytest.CaptureFixture[str]) -> None:
    answer(jkquiz.ask("q-s-tf", bank=mini_bank), "False")
    jkquiz.set_learner("  Aiko   Tanaka ")
    assert capsys.readouterr().out == "Your answers are saved as Aiko Tanaka.\n"
    assert progress_store().learners() == ["Aiko Tanaka"]
    forget_store()  # a new kernel next week
    assert learner() == "Aiko Tanaka"
    jkquiz.set_learner("Ben")  # someone else at the same laptop: Aiko's answers stay Aiko's
    answer(jkquiz.ask("q-s-number", bank=mini_bank), "1965")
    assert [(w, progress_store().count(w)) for w in progress_store().learners()] == [("Aiko Tanaka", 1), ("Ben", 1)]
    with pytest.raises(ProgressError, match="1 to 80 printable characters"):
        jkquiz.set_learner("   ")


def test_an_answer_that_cannot_be_saved_is_kept_and_saved_with_the_next(mini_bank, _isolated_home) -> None:
    store = progress_store()
    store._conn.execute("PRAGMA busy_timeout = 100")  # do not wait the full ten seconds in a test
    other = sqlite3.connect(_isolated_home / "progress.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another notebook holds the write lock
    view = jkquiz.ask("q-s-tf", bank=mini_bank)
    text = answer(view, "False")
    assert text.startswith("✔ Correct.")  # the learner keeps the feedback
    assert "Your answer could not be saved: the progress file" in text and "is busy" in text
    assert "It is kept and will be saved with your next answer." in text
    other.execute("ROLLBACK")
    other.close()
    answer(jkquiz.ask("q-s-number", bank=mini_bank), "1965")
    saved = open_store(_isolated_home / "progress.sqlite3")
    assert [a.question_id for a in saved.attempts("learner")] == ["q-s-tf", "q-s-number"]
