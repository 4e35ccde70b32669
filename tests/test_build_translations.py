"""Translated lessons (notebooks/src/<lang>/NN-slug.md) built and checked against their English page.

The sources here are tiny fixtures: a Korean and a Japanese translation of the small course of
test_build_course.py, and a bank translation of its demo topic's title.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from test_build_course import FIXTURE, LESSON, write_course

from jkquiz.bank import load_bank
from jkquiz.bank.translation import text_hash
from jkquiz.build_course import build, check_translation
from jkquiz.build_course.__main__ import main
from jkquiz.course import lessons, parse_header

KO_LESSON = """\
# 데모 단원: 제목

**이 단원에서 답하는 질문**
- 무엇이 먼저 일어났는가?

**학습 목표** — 이 단원을 마치면 다음을 할 수 있습니다:
- 두 사건을 순서대로 놓는다.
- 도표를 읽는다.

**읽는 시간:** 약 4분

## 첫째 절

1905년에 어떤 일이 일어났다 ([출처 A](https://example.org/a)).

<!-- ask: q-demo-year -->

확인 뒤의 글.

## 둘째 절

수치 ([출처 B](https://example.org/b)).

<!-- figure: chart series="good impression" -->

<!-- figure: timeline -->

<!-- ask: q-demo-later -->

## 핵심 정리

- 하나.
- 둘.
- 셋.

<!-- quiz -->
"""

KO_START = """\
<!-- page: start -->
# 시작하기

**읽는 시간:** 약 2분

## 몸풀기

<!-- ask: q-demo-year -->

## 목차

<!-- contents -->
"""

JA_LESSON = """\
# デモの課

**この課で答える問い**
- 何が先に起きたか。

**学習目標** — この課を終えると、次のことができます:
- 二つの出来事を順に並べる。

**読む時間:** 約4分

## 第一節

1905年に出来事があった（[出典A](https://example.org/a)）。

<!-- ask: q-demo-year -->

## 第二節

数値（[出典B](https://example.org/b)）。

<!-- figure: chart series="good impression" -->

<!-- figure: timeline -->

<!-- ask: q-demo-later -->

## 要点

- 一つ。

<!-- quiz -->
"""


def translate(source: Path, lang: str, name: str, body: str, english: str | None = None) -> Path:
    """Write notebooks/src/<lang>/<name> with the first line a translation records (hash of the English now)."""
    folder = source / lang
    folder.mkdir(exist_ok=True)
    english_text = english if english is not None else (source / name).read_text(encoding="utf-8")
    path = folder / name
    path.write_text(f"<!-- translation of {name}; English hash {text_hash(english_text)} -->\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def course(tmp_path: Path) -> tuple[Path, Path]:
    """The small course, its Korean start page and lesson, and a bank whose demo topic's title is in Korean."""
    bank_dir = tmp_path / "bank"
    shutil.copytree(FIXTURE, bank_dir)
    (bank_dir / "ko").mkdir()
    (bank_dir / "ko" / "01-demo.yaml").write_text(
        f"topic:\n  title:\n    from: {text_hash('Demo topic')}\n    text: 데모 주제\n", encoding="utf-8")
    source = write_course(tmp_path / "notebooks")
    translate(source, "ko", "00-start-here.md", KO_START)
    translate(source, "ko", "01-demo.md", KO_LESSON)
    return source, bank_dir


def built(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(str(path), as_version=4)


def test_a_translation_builds_the_same_cells_in_its_language(course: tuple[Path, Path], tmp_path: Path) -> None:
    source, bank_dir = course
    out = tmp_path / "out"
    result = build(source, out, bank=load_bank(bank_dir), bank_dir=bank_dir, run=False)
    assert result.errors == []
    assert sorted(str(p.relative_to(out)) for p in result.written) == [
        "00-start-here.ipynb", "01-demo.ipynb", "11-final-quiz.ipynb", "ko/00-start-here.ipynb", "ko/01-demo.ipynb"]

    english, korean = built(out / "01-demo.ipynb"), built(out / "ko" / "01-demo.ipynb")
    assert [c.id for c in korean.cells] == [c.id for c in english.cells]  # the same cells, one for one
    # every marker became the same call; the hidden setup cell also sets the course's language
    assert [c.source for c in korean.cells if c.cell_type == "code"] == [
        'import jkquiz\njkquiz.set_language("ko", remember_choice=False, quiet=True)', 'jkquiz.ask("q-demo-year")',
        'jkquiz.chart("demo", series="good impression")', 'jkquiz.timeline("demo")', 'jkquiz.ask("q-demo-later")',
        'jkquiz.quiz("demo", n=8)']
    setup = korean.cells[2]
    assert setup.metadata["jupyter"] == {"source_hidden": True} and "jkquiz-setup" in setup.metadata["tags"]
    assert korean.cells[1].source.startswith("# 데모 단원: 제목\n\n**이 단원에서 답하는 질문**")
    # citations become notes under the language's heading
    assert korean.cells[3].source.endswith("1905년에 어떤 일이 일어났다<sup>1</sup>.")
    assert korean.cells[6].source == "**출처**\n\n1. [출처 A](https://example.org/a)"
    assert korean.cells[12].source.startswith("## 핵심 정리")
    assert korean.metadata["jkquiz"] == {"kind": "lesson", "topic": "demo", "source": "notebooks/src/ko/01-demo.md",
                                         "lang": "ko"}
    # navigation in Korean; the untranslated final quiz is linked in English, one folder up
    assert korean.cells[0].source.splitlines()[-1] == (
        "[← 00 · 시작하기](00-start-here.ipynb) · [목차](00-start-here.ipynb) · [11 · Final quiz →](../11-final-quiz.ipynb)")
    start = built(out / "ko" / "00-start-here.ipynb")
    assert start.cells[0].source.splitlines()[-1] == "[01 · 데모 주제 →](01-demo.ipynb)"  # the bank's translated title
    assert start.cells[-2].source == "1. [데모 단원: 제목](01-demo.ipynb) — 약 4분\n11. [Final quiz](../11-final-quiz.ipynb)"
    # each page links to itself in every language that has it (the untranslated final quiz: English only)
    assert korean.cells[0].source.splitlines()[1] == "[English](../01-demo.ipynb) · **한국어**"
    assert english.cells[0].source.splitlines()[1] == "**English** · [한국어](ko/01-demo.ipynb)"
    assert built(out / "11-final-quiz.ipynb").cells[0].source.count("\n") == 1  # the comment and the navigation
    # the English notebooks are as they were without translations
    assert english.cells[0].source.splitlines()[-1].startswith("[← 00 · Start here](00-start-here.ipynb) · [Contents]")
    assert "lang" not in english.metadata["jkquiz"]


def test_the_translated_header_is_read_as_the_course_reads_it(course: tuple[Path, Path], tmp_path: Path) -> None:
    source, bank_dir = course
    build(source, tmp_path / "out", bank=load_bank(bank_dir), bank_dir=bank_dir, langs=["ko"], run=False)
    lesson = lessons(tmp_path / "out" / "ko")[1]
    assert (lesson.title, lesson.kind, lesson.topic) == ("데모 단원: 제목", "lesson", "demo")
    assert lesson.questions == ["무엇이 먼저 일어났는가?"]
    assert lesson.objectives == ["두 사건을 순서대로 놓는다.", "도표를 읽는다."]
    assert lesson.reading_minutes == 4
    japanese = parse_header(JA_LESSON.split("## ")[0], "ja")
    assert (japanese.title, japanese.questions, japanese.objectives, japanese.reading_minutes) == (
        "デモの課", ["何が先に起きたか。"], ["二つの出来事を順に並べる。"], 4)
    assert parse_header(JA_LESSON.split("## ")[0], "ko").reading_minutes is None  # each language its own lead-ins


def test_a_japanese_translation_builds_without_a_bank_translation(course: tuple[Path, Path], tmp_path: Path) -> None:
    source, bank_dir = course
    translate(source, "ja", "01-demo.md", JA_LESSON)
    result = build(source, tmp_path / "out", bank=load_bank(bank_dir), bank_dir=bank_dir, langs=["ja"], run=False)
    assert result.errors == [] and [p.name for p in result.written] == ["01-demo.ipynb"]
    japanese = built(tmp_path / "out" / "ja" / "01-demo.ipynb")
    assert japanese.cells[2].source == 'import jkquiz\njkquiz.set_language("ja", remember_choice=False, quiet=True)'
    # citations in full-width brackets become notes as well
    assert [c.source for c in japanese.cells if c.source.startswith("**出典**")] == [
        "**出典**\n\n1. [出典A](https://example.org/a)", "**出典**\n\n1. [出典B](https://example.org/b)"]
    assert japanese.cells[3].source.endswith("1905年に出来事があった<sup>1</sup>。")
    # no Japanese start page yet: English pages, one folder up; no Japanese topic title: the English one
    assert japanese.cells[0].source.splitlines()[-1] == (
        "[← 00 · Start here](../00-start-here.ipynb) · [目次](../00-start-here.ipynb) · "
        "[11 · Final quiz →](../11-final-quiz.ipynb)")


def test_check_reports_a_stale_translation_a_missing_marker_and_a_changed_url(
        course: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    source, bank_dir = course
    monkeypatch.chdir(source.parent)
    broken = KO_LESSON.replace("<!-- ask: q-demo-later -->\n", "") \
        .replace("https://example.org/b", "https://example.org/b-changed")
    translate(source, "ko", "01-demo.md", broken)
    (source / "01-demo.md").write_text(LESSON.replace("More text", "More words"), encoding="utf-8")  # English changed
    bank = load_bank(bank_dir)
    result = build(source, source.parent / "out", bank=bank, bank_dir=bank_dir, langs=["ko"], run=False)
    now = text_hash((source / "01-demo.md").read_text(encoding="utf-8"))
    assert result.written == []
    assert result.errors == [
        "src/ko/01-demo.md:36: a lesson needs at least two <!-- ask: ... --> checks",
        f"src/ko/01-demo.md:1: stale: src/01-demo.md:1 changed since this was translated (English hash "
        f"{text_hash(LESSON)}, now {now}); bring the translation up to date, then set the hash to {now}",
        "src/ko/01-demo.md:36: missing marker <!-- ask: q-demo-later --> (src/01-demo.md:28)",
        "src/ko/01-demo.md:21: missing the link to https://example.org/b (src/01-demo.md:22)",
        "src/ko/01-demo.md:23: link to https://example.org/b-changed is not in the English 01-demo.md "
        "(keep every address as it is; translate only the link's words; a page in this language cited beside the "
        "English one must be a source of the bank's matching fact)",
    ]
    assert check_translation("ko", source=source, bank=bank) == [
        *result.errors, "src/11-final-quiz.md:1: no translation into ko yet (write src/ko/11-final-quiz.md)"]
    assert check_translation("ko", source=source, bank=bank, require_all=False) == result.errors


def test_check_reports_other_markers_sections_lead_ins_and_the_first_line(
        course: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    source, bank_dir = course
    monkeypatch.chdir(source.parent)
    changed = KO_LESSON.replace("<!-- ask: q-demo-year -->", "<!-- ask: q-demo-later -->") \
        .replace("**읽는 시간:** 약 4분", "**Reading time:** about 4 minutes") \
        .replace("## 둘째 절\n", "## 둘째 절\n\n## 덧붙인 절\n")
    translate(source, "ko", "01-demo.md", changed)
    (source / "ko" / "00-start-here.md").write_text(KO_START, encoding="utf-8")  # no first line
    errors = check_translation("ko", source=source, bank=load_bank(bank_dir), require_all=False)
    first = "<!-- translation of 00-start-here.md; English hash " + text_hash((source / "00-start-here.md").read_text())
    assert errors == [
        "src/ko/01-demo.md:1: the opening lacks **읽는 시간:** 약 N분",
        f"src/ko/00-start-here.md:1: a translation starts with the line {first} -->",
        "src/ko/01-demo.md:17: marker <!-- ask: q-demo-later --> where the English has <!-- ask: q-demo-year --> "
        "(src/01-demo.md:16)",
        "src/ko/01-demo.md:33: 4 `##` sections; the English 01-demo.md has 3",
    ]


def test_cli_builds_and_checks_a_language(course: tuple[Path, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str], course_bank_from) -> None:
    source, bank_dir = course
    course_bank_from(bank_dir)
    out = tmp_path / "out"
    assert main(["--check", "--lang", "ko", "--source", str(source), "--out", str(out)]) == 0
    assert "2 page(s) checked" in capsys.readouterr().out
    assert main(["--no-execute", "--lang", "ko", "--source", str(source), "--out", str(out), "demo"]) == 0
    assert [p.name for p in out.rglob("*.ipynb")] == ["01-demo.ipynb"]
    assert built(out / "ko" / "01-demo.ipynb").cells[0].source.endswith("(../11-final-quiz.ipynb)")
    assert main(["--check", "--lang", "ja", "--source", str(source)]) == 2  # no Japanese pages
    assert "no translated pages" in capsys.readouterr().err
    (source / "01-demo.md").write_text(LESSON + "\nOne more line.\n", encoding="utf-8")
    assert main(["--check", "--source", str(source)]) == 1  # default: English and every translation
    assert "01-demo.md:1: stale:" in capsys.readouterr().err


def test_executing_a_translation_speaks_its_language_silently(course: tuple[Path, Path], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch, course_bank_from) -> None:
    import json
    import os

    source, bank_dir = course
    course_bank_from(bank_dir)  # the kernel loads the demo bank
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.delenv("JKQUIZ_LANG", raising=False)
    home = Path(os.environ["JKQUIZ_HOME"])
    result = build(source, tmp_path / "out", bank=load_bank(bank_dir), bank_dir=bank_dir, langs=["ko"], only=["demo"])
    assert list(result.seconds) == ["ko/01-demo.ipynb"]
    notebook = json.loads((tmp_path / "out" / "ko" / "01-demo.ipynb").read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert code[0]["outputs"] == []  # the hidden setup cell says nothing
    assert all(o.get("output_type") != "error" for c in code for o in c["outputs"])
    assert code[2]["outputs"][0]["data"]["image/png"]  # the chart is drawn in the Korean lesson too
    # nothing of the learner's is touched (the builder may cache the compiled Korean catalog there)
    assert [p.name for p in home.iterdir()] in ([], ["cache"]) and not any(home.rglob("*.sqlite3"))


def test_a_pages_language_is_not_remembered_as_the_learners_choice() -> None:
    import jkquiz
    from jkquiz.i18n import get_language, set_language
    from jkquiz.progress.current import LANGUAGE_KEY, progress_store

    try:
        jkquiz.set_language("ja", remember_choice=False, quiet=True)  # what a translated page's setup cell runs
        assert get_language() == "ja"
        assert progress_store().setting(LANGUAGE_KEY) is None
    finally:
        set_language(None)


def test_a_translation_may_cite_a_bank_source_beside_the_english_one(course: tuple[Path, Path]) -> None:
    """A government's page in the translation's language, cited beside the English one, is allowed when the bank
    cites it too (the translators add it to the matching fact's sources); any other new address is not."""
    from jkquiz.build_course.source import read_page
    from jkquiz.build_course.translations import check_links

    source, _bank_dir = course
    extra = KO_LESSON.replace("([출처 A](https://example.org/a))",
                              "([출처 A](https://example.org/a); [외교부](https://example.org/ko-page))")
    path = translate(source, "ko", "01-demo.md", extra)
    page, english = read_page(path, "ko"), read_page(source / "01-demo.md")
    assert check_links(page, english, frozenset({"https://example.org/ko-page"})) == ([], [])
    errors, _ = check_links(page, english)
    assert len(errors) == 1 and "link to https://example.org/ko-page is not in the English" in errors[0]
