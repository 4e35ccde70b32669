"""The bank in the learner's language: translated texts shown, English identity graded and recorded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jkquiz.bank import load_bank
from jkquiz.bank.localize import Localizer
from jkquiz.bank.translation import gaps, load_translation, text_hash
from jkquiz.engine import QuizSession


@pytest.fixture
def korean(translated_bank_dir: Path):
    bank = load_bank(translated_bank_dir)
    return bank, Localizer(bank, "ko", load_translation(bank, translated_bank_dir, "ko"))


def _session(bank, localizer, qid: str, attempts: list) -> QuizSession:
    return QuizSession([bank.questions[qid]], bank, seed=1, localizer=localizer, on_attempt=attempts.append)


def test_a_translated_question_shows_its_translation_and_keeps_english_identities(korean) -> None:
    bank, localizer = korean
    text = localizer.question(bank.questions["q-s-single"])
    assert text.translated
    assert text.prompt == "일본과 한국은 어느 조약으로 국교를 수립했습니까?"
    assert text.label("Treaty on Basic Relations") == "기본관계조약"
    assert text.choice_feedback == {"Treaty of Ganghwa": "강화도조약은 1876년에 조선의 항구를 연 조약입니다."}


def test_a_question_without_translation_is_shown_whole_in_english_with_a_note(korean) -> None:
    bank, localizer = korean
    text = localizer.question(bank.questions["q-s-islets-japan"])
    assert not text.translated
    assert text.prompt == "What does Japan's government hold about the islets?"
    assert text.labels == {}
    assert localizer.untranslated_note == "이 문제는 아직 한국어로 번역되지 않아 영어로 보여 드립니다."


def test_a_choice_is_graded_and_recorded_by_its_english_identity(korean) -> None:
    bank, localizer = korean
    attempts: list = []
    wrong = _session(bank, localizer, "q-s-single", attempts).submit("q-s-single", "Treaty of Ganghwa")
    assert wrong.status == "wrong"
    assert wrong.answer == "기본관계조약"
    assert wrong.response == "강화도조약"
    assert wrong.choice_notes == ("강화도조약은 1876년에 조선의 항구를 연 조약입니다.",)
    assert wrong.explanation == "1965년의 기본관계조약입니다."
    english: list = []
    QuizSession([bank.questions["q-s-single"]], bank, seed=1, on_attempt=english.append).submit(
        "q-s-single", "Treaty of Ganghwa")
    assert attempts[0].response == english[0].response == "Treaty of Ganghwa"
    assert attempts[0].response_text == english[0].response_text == "Treaty of Ganghwa"
    assert attempts[0].content_hash == english[0].content_hash


@pytest.mark.parametrize(
    ("qid", "response", "status"),
    [
        ("q-s-text", "독도", "correct"),
        ("q-s-text", "獨島", "correct"),
        ("q-s-text", "Dokdo", "correct"),
        ("q-s-text", "Tokdo", "correct"),
        ("q-s-text", "다케시마", "wrong"),
        ("q-s-text-name", "사토", "correct"),
        ("q-s-text-name", "사토 에이사쿠", "correct"),
        ("q-s-text-name", "佐藤栄作", "correct"),
        ("q-s-multiple", ["Eisaku Sato", "Park Chung-hee"], "correct"),
        ("q-s-multiple", ["Eisaku Sato"], "partial"),
        ("q-s-order", ["Diplomatic relations established", "Kono Statement", "Obuchi–Kim declaration"], "correct"),
        ("q-s-match", {"Eisaku Sato": "South Korea", "Park Chung-hee": "Japan"}, "wrong"),
    ],
)
def test_grading_is_the_same_in_korean_and_english(korean, qid: str, response, status: str) -> None:
    bank, localizer = korean
    assert _session(bank, localizer, qid, []).submit(qid, response).status == status
    if response in ("獨島", "사토", "사토 에이사쿠"):
        return  # spellings the Korean translation adds are accepted only where Korean is the learner's language
    assert QuizSession([bank.questions[qid]], bank, seed=1).submit(qid, response).status == status


def test_a_korean_spelling_is_not_accepted_in_english(mini_bank_dir: Path) -> None:
    bank = load_bank(mini_bank_dir)
    assert QuizSession([bank.questions["q-s-text-name"]], bank, seed=1).submit("q-s-text-name", "사토").status == "wrong"


def test_feedback_shows_the_answer_and_the_learners_pairs_in_korean(korean) -> None:
    bank, localizer = korean
    result = _session(bank, localizer, "q-s-match", []).submit("q-s-match", {"Eisaku Sato": "South Korea", "Park Chung-hee": "Japan"})
    assert result.answer == "사토 에이사쿠 → 일본; 박정희 → 한국"
    assert result.response == "사토 에이사쿠 → 한국; 박정희 → 일본"


def test_contested_sides_are_shown_in_the_learners_language(korean) -> None:
    bank, localizer = korean
    result = _session(bank, localizer, "q-s-text", []).submit("q-s-text", "독도")
    assert [(p.japan, p.korea) for p in result.perspectives] == [
        ("일본 정부는 다케시마가 일본 고유의 영토라는 입장이다.", "한국 정부는 독도가 한국 영토의 불가분의 일부라는 입장이다.")]
    assert result.sources[0].quote == "inherent part"  # quotes stay in their source's words


def test_generated_questions_are_made_again_from_their_facts_translations(korean) -> None:
    bank, localizer = korean
    choice = localizer.question(bank.questions["gen-choice-s-park"])
    assert choice.prompt == "빈칸에 알맞은 것을 고르세요: 조약이 체결될 때 한국의 대통령은 _____였다."
    assert choice.label("Park Chung-hee") == "박정희"
    year = localizer.question(bank.questions["gen-year-s-kono"])
    assert year.prompt == "빈칸에 들어갈 연도를 쓰세요: 고노 담화는 _____년에 발표되었다."
    result = _session(bank, localizer, "gen-choice-s-park", []).submit("gen-choice-s-park", "Park Chung-hee")
    assert (result.status, result.answer) == ("correct", "박정희")


def test_a_changed_english_text_shows_english_and_is_reported_with_its_line(translated_bank_dir: Path) -> None:
    folder = translated_bank_dir
    source = folder / "01-sample.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "prompt: Under which treaty did Japan and South Korea establish relations?",
        "prompt: Under which treaty did the two countries establish relations?"), encoding="utf-8")
    bank = load_bank(folder)
    translation = load_translation(bank, folder, "ko")
    assert not Localizer(bank, "ko", translation).question(bank.questions["q-s-single"]).translated
    changed = [g for g in gaps(bank, translation, folder) if g.reason == "changed"]
    assert [(g.item, g.path) for g in changed] == [("q-s-single", "prompt")]
    line = next(i for i, text in enumerate((folder / "ko" / "01-sample.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if text.strip() == "prompt:" and i > changed[0].line - 1)
    assert changed[0].line == line
    new_hash = text_hash("Under which treaty did the two countries establish relations?")
    assert changed[0].message() == (
        f"ko/01-sample.yaml:{line}: q-s-single prompt: the English changed since this was translated; check the "
        "translation against the English now (“Under which treaty did the two countries establish relations?”) "
        f"and set `from: {new_hash}`").replace("ko/01-sample.yaml", changed[0].file)


def test_the_korean_widget_shows_korean_choices_and_records_the_english_one(korean) -> None:
    from jkquiz.widgets import QuizView

    bank, localizer = korean
    attempts: list = []
    view = QuizView(_session(bank, localizer, "q-s-single", attempts), single=True)
    radio = view.renderer.widget
    assert sorted(radio._options_labels) == sorted(["기본관계조약", "샌프란시스코 강화조약", "강화도조약"])
    radio.label = "기본관계조약"
    view.check()
    assert "일본과 한국은 어느 조약으로 국교를 수립했습니까?" in view.prompt.value
    assert attempts[0].response == "Treaty on Basic Relations"
    assert attempts[0].status == "correct"


def test_the_compiled_translation_is_the_same_and_never_stale(translated_bank_dir: Path) -> None:
    from jkquiz.bank.compiled import load_course_translation, translation_from_json, translation_to_json

    bank = load_bank(translated_bank_dir)
    read = load_translation(bank, translated_bank_dir, "ko")
    assert translation_from_json(translation_to_json(read)) == read
    first = load_course_translation(bank, "ko", translated_bank_dir)  # read from YAML, then compiled to the cache
    assert first == read
    again = load_course_translation(bank, "ko", translated_bank_dir)  # from the compiled cache
    assert again == read
    file = translated_bank_dir / "ko" / "01-sample.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace('text: "예시 주제"', 'text: "견본 주제"'), encoding="utf-8")
    changed = load_course_translation(bank, "ko", translated_bank_dir)
    assert Localizer(bank, "ko", changed).topic_title("sample") == "견본 주제"


def test_figures_speak_the_learners_language(korean, monkeypatch: pytest.MonkeyPatch) -> None:
    import jkquiz.bank.shared as shared
    from jkquiz import i18n
    from jkquiz.figures import timeline

    bank, localizer = korean
    monkeypatch.setattr(shared, "course_bank", lambda: bank)
    monkeypatch.setattr(shared, "is_course_bank", lambda candidate: candidate is bank)
    monkeypatch.setattr(shared, "course_localizer", lambda lang: localizer if lang == "ko" else Localizer(bank))
    i18n.set_language("ko")
    try:
        figure = timeline("sample")
    finally:
        i18n.set_language("en")
    assert "1965년 12월: 국교 수립" in figure.alt
    assert "1998년 10월 8일: 오부치–김대중 선언" in figure.alt
    assert "예시 주제" in figure.title
    english = timeline("sample", bank=bank)
    assert "Dec 1965: Diplomatic relations established" in english.alt
