"""The course builder on a small course: the notebooks it writes, the problems it reports, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from jkquiz.bank import load_bank
from jkquiz.build_course import build
from jkquiz.build_course.__main__ import main
from jkquiz.course import lessons

FIXTURE = Path(__file__).parent / "fixtures" / "figures"

LESSON = """\
# Demo lesson: a title

**Questions this lesson answers**
- What happened first?

**Learning objectives** — after this lesson you can:
- Put two events in order.
- Read a chart.

**Reading time:** about 4 minutes

## First section

Something happened in 1905 ([Source A](https://example.org/a)).

<!-- ask: q-demo-year -->

More text after the check.

## Second section

Numbers ([Source B](https://example.org/b)).

<!-- figure: chart series="good impression" -->

<!-- figure: timeline -->

<!-- ask: q-demo-later -->

## Key points

- One.
- Two.
- Three.

<!-- quiz -->
"""

START = """\
<!-- page: start -->
# Start here

**Reading time:** about 2 minutes

## Warm-up

<!-- ask: q-demo-year -->

## Contents

<!-- contents -->
"""

FINAL = """\
<!-- page: final -->
# Final quiz

<!-- quiz: all n=2 title="Final quiz" -->
"""


def write_course(folder: Path, lesson: str = LESSON) -> Path:
    source = folder / "src"
    source.mkdir(parents=True)
    (source / "00-start-here.md").write_text(START, encoding="utf-8")
    (source / "01-demo.md").write_text(lesson, encoding="utf-8")
    (source / "11-final-quiz.md").write_text(FINAL, encoding="utf-8")
    return source


@pytest.fixture(scope="module")
def demo():
    return load_bank(FIXTURE)


def code_sources(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(str(path), as_version=4).cells if c.cell_type == "code"]


def test_builds_cells_navigation_and_contents_from_markdown(tmp_path: Path, demo) -> None:
    source = write_course(tmp_path)
    result = build(source, tmp_path, bank=demo, run=False)
    assert result.errors == [] and [p.name for p in result.written] == [
        "00-start-here.ipynb", "01-demo.ipynb", "11-final-quiz.ipynb"]

    lesson = nbformat.read(str(tmp_path / "01-demo.ipynb"), as_version=4)
    assert [c.id for c in lesson.cells] == [
        "c00-nav-top", "c01-title", "c02-setup", "c03-section", "c04-ask", "c05-section", "c06-notes", "c07-section",
        "c08-figure", "c09-figure", "c10-ask", "c11-notes", "c12-keypoints", "c13-quiz", "c14-nav-bottom"]
    # citations leave the running text for numbered notes at the end of their section
    assert lesson.cells[3].source.endswith("Something happened in 1905<sup>1</sup>.")
    assert lesson.cells[6].source == "**Notes**\n\n1. [Source A](https://example.org/a)"
    assert lesson.cells[7].source == "## Second section\n\nNumbers<sup>1</sup>."
    assert lesson.cells[11].source == "**Notes**\n\n1. [Source B](https://example.org/b)"
    assert code_sources(tmp_path / "01-demo.ipynb") == [
        "import jkquiz", 'jkquiz.ask("q-demo-year")', 'jkquiz.chart("demo", series="good impression")',
        'jkquiz.timeline("demo")', 'jkquiz.ask("q-demo-later")', 'jkquiz.quiz("demo", n=8)']
    assert lesson.cells[5].source == "More text after the check."
    setup = lesson.cells[2]
    assert setup.metadata["jupyter"] == {"source_hidden": True} and "jkquiz-setup" in setup.metadata["tags"]
    assert lesson.metadata["jkquiz"] == {"kind": "lesson", "topic": "demo", "source": "notebooks/src/01-demo.md"}
    nav = lesson.cells[0].source.splitlines()[-1]
    assert nav == ("[← 00 · Start here](00-start-here.ipynb) · [Contents](00-start-here.ipynb) · "
                   "[11 · Final quiz →](11-final-quiz.ipynb)")

    start = nbformat.read(str(tmp_path / "00-start-here.ipynb"), as_version=4)
    assert start.cells[-2].source == ("1. [Demo lesson: a title](01-demo.ipynb) — about 4 minutes\n"
                                      "11. [Final quiz](11-final-quiz.ipynb)")
    assert start.cells[0].source.splitlines()[-1] == "[01 · Demo topic →](01-demo.ipynb)"
    assert code_sources(tmp_path / "11-final-quiz.ipynb") == [
        "import jkquiz", 'jkquiz.quiz(None, n=2, title="Final quiz")']


def test_lessons_reads_the_built_notebooks(tmp_path: Path, demo) -> None:
    build(write_course(tmp_path), tmp_path, bank=demo, run=False)
    found = lessons(tmp_path)
    assert [(p.number, p.slug, p.kind, p.topic) for p in found] == [
        (0, "start-here", "start", None), (1, "demo", "lesson", "demo"), (11, "final-quiz", "final", None)]
    demo_lesson = found[1]
    assert demo_lesson.title == "Demo lesson: a title" and demo_lesson.name == "01-demo.ipynb"
    assert demo_lesson.questions == ["What happened first?"]
    assert demo_lesson.objectives == ["Put two events in order.", "Read a chart."]
    assert demo_lesson.reading_minutes == 4


def test_rebuilding_gives_the_same_notebooks(tmp_path: Path, demo) -> None:
    source = write_course(tmp_path)
    build(source, tmp_path, bank=demo, run=False)
    first = (tmp_path / "01-demo.ipynb").read_bytes()
    build(source, tmp_path, bank=demo, run=False)
    assert (tmp_path / "01-demo.ipynb").read_bytes() == first


BROKEN = LESSON.replace("<!-- ask: q-demo-year -->", "<!-- ask: q-demo-yaer -->") \
    .replace("**Reading time:** about 4 minutes", "") \
    .replace('series="good impression"', 'colour="red"') \
    .replace("<!-- figure: timeline -->", "<!-- figure: pie -->") \
    .replace("## Key points\n\n- One.\n- Two.\n- Three.\n\n<!-- quiz -->", "<!-- quiz -->\n\n## Key points\n\n- One.")


def test_every_problem_is_reported_with_file_and_line_and_nothing_is_written(tmp_path: Path, demo,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = write_course(tmp_path, BROKEN)
    result = build(source, tmp_path, bank=demo, run=False)
    assert result.written == []
    assert result.errors == [
        "src/01-demo.md:26: unknown marker <!-- figure: pie -->; markers are ask: <question id>, "
        "figure: timeline|chart|map, quiz, review, dashboard, contents, page: <kind>",
        "src/01-demo.md:1: the opening lacks **Reading time:** about N minutes",
        "src/01-demo.md:32: a lesson must end with '## Key points' and then <!-- quiz -->",
        "src/01-demo.md:16: no question 'q-demo-yaer' in the bank (did you mean q-demo-year, q-demo-later?)",
        "src/01-demo.md:24: figure chart has no option colour",
    ]


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str], course_bank_from) -> None:
    course_bank_from(FIXTURE)
    good = write_course(tmp_path / "good")
    assert main(["--check", "--source", str(good), "--out", str(tmp_path / "good")]) == 0
    assert "3 page(s) checked" in capsys.readouterr().out
    bad = write_course(tmp_path / "bad", BROKEN)
    assert main(["--check", "--source", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "no question 'q-demo-yaer'" in err and "nothing was written" in err
    assert main(["--source", str(tmp_path / "missing")]) == 2
    assert main(["--no-execute", "--source", str(good), "--out", str(tmp_path / "good"), "no-such-page"]) == 2


def test_executing_stores_figures_and_widget_state_without_touching_the_learners_home(
        tmp_path: Path, demo, monkeypatch: pytest.MonkeyPatch, course_bank_from) -> None:
    import os

    course_bank_from(FIXTURE)  # the kernel loads the demo bank
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    home = Path(os.environ["JKQUIZ_HOME"])
    source = write_course(tmp_path)
    result = build(source, tmp_path, bank=demo, only=["demo"])
    assert [p.name for p in result.written] == ["01-demo.ipynb"] and result.seconds["01-demo.ipynb"] > 0
    notebook = json.loads((tmp_path / "01-demo.ipynb").read_text(encoding="utf-8"))
    outputs = {"".join(c["source"]): c["outputs"] for c in notebook["cells"] if c["cell_type"] == "code"}
    assert outputs['jkquiz.timeline("demo")'][0]["data"]["image/png"]
    quiz_text = "".join(outputs['jkquiz.quiz("demo", n=8)'][0]["data"]["text/plain"])
    assert quiz_text == "Run this cell (Shift+Enter) to see the quiz “Demo topic” (8 questions)."
    assert notebook["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    assert all("execution" not in c["metadata"] for c in notebook["cells"])  # no timestamps stored
    # nothing of the learner's is touched (figures may cache the compiled course bank there, a cache only)
    assert [p.name for p in home.iterdir()] in ([], ["cache"]) and not any(home.rglob("*.sqlite3*")), \
        "the build wrote into the learner's JKQUIZ_HOME"


def test_dollar_signs_stay_money_not_maths() -> None:
    from jkquiz.build_course.assemble import literal_dollars

    assert literal_dollars("grants of $300 million and $200 million") == "grants of &#36;300 million and &#36;200 million"
    assert literal_dollars(r"already \$5") == "already &#36;5"
    assert literal_dollars("code `$x` stays") == "code `$x` stays"
