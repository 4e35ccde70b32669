"""The interface in Korean and Japanese: widgets, feedback, review, dashboard, contents, exports, the site's page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import jkquiz
from fixture_paths import FIXTURES
from jkquiz.engine import QuizSession
from jkquiz.i18n import set_language
from jkquiz.widgets import QuizView

BANK = Path(__file__).resolve().parents[1] / "data" / "bank"


def text_of(html: str) -> str:
    """What a reader sees of some HTML: tags dropped, character references read."""
    from html import unescape

    return unescape(re.sub(r"\s+", " ", re.sub("<[^>]+>", " ", html)).strip())


def view_of(bank, qid: str) -> QuizView:
    return QuizView(QuizSession([bank.questions[qid]], bank, seed=1), single=False)


@pytest.mark.parametrize(("lang", "check", "skip", "verdict", "choose"), [
    ("ko", "확인", "건너뛰기", "✔ 정답입니다.", "먼저 답을 고르세요."),
    ("ja", "答え合わせ", "スキップ", "✔ 正解です。", "先に答えを選んでください。"),
])
def test_quiz_widget_speaks_the_language_set(mini_bank, lang: str, check: str, skip: str, verdict: str,
                                              choose: str) -> None:
    set_language(lang)
    view = view_of(mini_bank, "q-s-single")
    assert (view.check_button.description, view.next_button.description) == (check, skip)
    view.check_button.click()  # nothing chosen: the engine's message, in the language
    assert choose in view.verdict.value
    view.area.children[0].value = mini_bank.questions["q-s-single"].answer
    view.check_button.click()
    assert text_of(view.verdict.value).startswith(verdict)
    assert view.next_question_button.description in ("다음 문제", "結果を見る", "결과 보기", "次の問題")


def test_english_by_default_and_a_quiz_built_before_a_switch_keeps_its_words(mini_bank) -> None:
    english = view_of(mini_bank, "q-s-single")
    set_language("ko")
    korean = view_of(mini_bank, "q-s-single")
    assert english.check_button.description == "Check" and korean.check_button.description == "확인"


def test_true_false_labels_are_translated_and_grading_is_not(mini_bank) -> None:
    set_language("ja")
    view = view_of(mini_bank, "q-s-tf")
    toggle = view.area.children[0]
    assert list(toggle.options) == ["正しい", "誤り"]
    assert "正しいですか、誤りですか？" in view.prompt.value
    right = mini_bank.questions["q-s-tf"].answer
    toggle.value = "正しい" if right else "誤り"
    view.check_button.click()
    assert text_of(view.verdict.value).startswith("✔ 正解です。")
    assert view.session.items[0].feedback.verdict.score == 1.0


def test_typed_answer_messages_and_results(mini_bank) -> None:
    set_language("ko")
    view = view_of(mini_bank, "q-s-number")
    box = view.area.children[0]
    box = box.children[0] if hasattr(box, "children") else box
    box.value = "abc"
    view.check_button.click()
    assert "'abc'은(는) 숫자가 아닙니다." in text_of(view.verdict.value)
    view.next_button.click()
    results = text_of(view.results.value)
    assert "1점 만점에 0점입니다(0%)" in results and "건너뜀 1." in results


def test_jkquiz_lang_reaches_a_quiz_built_in_a_new_process(tmp_path: Path) -> None:
    env = dict(os.environ, JKQUIZ_HOME=str(tmp_path), JKQUIZ_LANG="ja")
    code = (f"import jkquiz; from jkquiz.bank import load_bank\n"
            f"view = jkquiz.quiz('sample', n=2, seed=1, bank=load_bank({str(FIXTURES / 'mini')!r}))\n"
            "print(view.check_button.description)")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "答え合わせ"


def test_remembered_choice_speaks_in_the_next_session(tmp_path: Path) -> None:
    """The learner chose Korean yesterday: today's first quiz (a new process, no JKQUIZ_LANG) is in Korean."""
    env = dict(os.environ, JKQUIZ_HOME=str(tmp_path))
    env.pop("JKQUIZ_LANG", None)
    subprocess.run([sys.executable, "-c", "import jkquiz; jkquiz.set_language('ko')"], env=env, check=True,
                   capture_output=True)
    code = (f"import jkquiz; from jkquiz.bank import load_bank\n"
            f"view = jkquiz.quiz('sample', n=2, seed=1, bank=load_bank({str(FIXTURES / 'mini')!r}))\n"
            "print(view.check_button.description)")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "확인"


def test_review_and_dashboard_in_korean(mini_bank) -> None:
    from jkquiz.notebook.study import dashboard, review

    set_language("ko")
    assert "아직 복습할 문제가 없습니다." in text_of(review(bank=mini_bank).children[-1].value)
    quiz = jkquiz.quiz("sample", n=1, seed=1, bank=mini_bank)
    quiz.area.children[0].value = None
    quiz.next_button.click()  # skipped: nothing recorded yet
    board = dashboard(bank=mini_bank)
    assert "나의 학습 기록 · '학습자'(으)로 저장됨" in text_of(board.summary.value)
    assert board.refresh_button.description == "새로 고침"


def test_due_phrase_per_language() -> None:
    from jkquiz.progress.summary import due_phrase

    now = datetime(2026, 12, 2, 5, 0, tzinfo=timezone.utc)
    later = now + timedelta(days=3)
    set_language("ko")
    korean = due_phrase(later, now)
    assert korean.endswith("(3일 후)") and "2026년 12월" in korean
    set_language("ja")
    japanese = due_phrase(later, now)
    assert japanese.endswith("（3日後）") and "2026年12月" in japanese
    set_language("en")
    assert due_phrase(later, now).endswith("(in 3 days)")


def test_progress_warning_in_the_learners_language(tmp_path: Path) -> None:
    from jkquiz.progress.opening import open_or_fallback

    set_language("ja")
    folder = tmp_path / "progress.sqlite3"
    folder.mkdir()  # a folder where the file should be
    store = open_or_fallback(folder)
    assert "学習記録ファイルではなくフォルダです" in store.warning


def test_export_html_lang_ja_page(tmp_path: Path) -> None:
    from jkquiz.cli import main

    out = tmp_path / "ja"
    assert main(["export", "html", "--bank", str(FIXTURES / "mini"), "--lang", "ja", "-o", str(out)]) == 0
    page = (out / "01-sample.html").read_text(encoding="utf-8")
    assert '<html lang="ja">' in page
    assert ">答え合わせ</button>" in page and "最初からやり直す" in page
    assert '"先に答えを選んでください。"' in page  # the script's messages, translated for it


def test_export_html_honours_jkquiz_lang_and_refuses_other_languages(tmp_path: Path, monkeypatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from jkquiz.cli import main

    monkeypatch.setenv("JKQUIZ_LANG", "ko")
    assert main(["export", "html", "--bank", str(FIXTURES / "mini"), "-o", str(tmp_path / "ko")]) == 0
    assert ">확인</button>" in (tmp_path / "ko" / "01-sample.html").read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as usage:
        main(["export", "html", "--bank", str(FIXTURES / "mini"), "--lang", "fr", "-o", str(tmp_path / "fr")])
    assert usage.value.code == 2 and "'en', 'ko', 'ja'" in capsys.readouterr().err


def test_contents_page_language_switch_and_words(tmp_path: Path) -> None:
    from jkquiz.i18n.switch import language_links, links_markdown
    from jkquiz.notebook.contents import Entry, Score, contents_html

    for folder in (tmp_path, tmp_path / "ko"):
        folder.mkdir(exist_ok=True)
        (folder / "00-start-here.ipynb").write_text("{}", encoding="utf-8")
    english = language_links(tmp_path)
    assert [(link.code, link.href, link.current) for link in english] == [
        ("en", "00-start-here.ipynb", True), ("ko", "ko/00-start-here.ipynb", False)]  # no Japanese edition yet
    korean = language_links(tmp_path / "ko")
    assert [(link.code, link.href) for link in korean] == [("en", "../00-start-here.ipynb"),
                                                           ("ko", "00-start-here.ipynb")]
    assert links_markdown(tmp_path / "ko") == "[English](../00-start-here.ipynb) · **한국어**"
    set_language("ko")
    html = contents_html([Entry("03-territory.ipynb", "영토", ("독도/다케시마",), 12, "territory")],
                         {"territory": Score(2, 3, 10)}, korean)
    assert 'href="../00-start-here.ipynb"' in html and 'aria-current="page" lang="ko">한국어' in html
    assert "약 12분" in html and "지금까지의 점수:" in html and "답한 3문제 중 2문제 정답" in html
    assert "이 단원을 마치면 다음을 할 수 있습니다:" in html


def test_choose_language_widget_switches_and_remembers(tmp_path: Path, monkeypatch) -> None:
    from jkquiz.i18n import get_language
    from jkquiz.progress.current import LANGUAGE_KEY, progress_store

    (tmp_path / "ja").mkdir()
    (tmp_path / "00-start-here.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "ja" / "00-start-here.ipynb").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    switch = jkquiz.choose_language()
    assert switch.buttons.value == "en"
    switch.buttons.value = "ja"
    assert get_language() == "ja" and progress_store().setting(LANGUAGE_KEY) == "ja"
    assert "日本語で表示します" in switch.message.value and 'href="ja/00-start-here.ipynb"' in switch.message.value
    assert "コースの言語" in switch.label.value


def test_site_landing_page_in_korean() -> None:
    from jkquiz.site.pages import landing_page

    set_language("ko")
    page = landing_page()
    assert '<html lang="ko">' in page and ">강의 열기</a>" in page and "<em>시작하기</em>" in page


def test_notice_for_a_broken_bank_in_japanese() -> None:
    from jkquiz.widgets.notice import bank_problem_notice

    set_language("ja")
    notice = bank_problem_notice(3, "x.yaml:1:1: oops")
    assert notice.title == "このクイズは今は表示できません" and "（ほかに2件）" in notice.message
