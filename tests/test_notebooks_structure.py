"""The course notebooks, read with nbformat: lesson structure, API calls that name real questions and
topics, navigation between existing notebooks, and notebooks in step with their Markdown sources."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

import jkquiz
from jkquiz.course import lessons, parse_header

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
PAGES = lessons(NOTEBOOK_DIR)
LESSONS = [p for p in PAGES if p.kind == "lesson"]
SCAFFOLD_TAGS = {"jkquiz-nav", "jkquiz-setup"}
FIGURE_CALLS = {"timeline", "chart", "liancourt_map"}
LINK = re.compile(r"\]\(([^)\s]+)\)")


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(str(path), as_version=4)


def content_cells(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """The cells a lesson is made of: without the generated navigation and the hidden `import jkquiz`."""
    return [c for c in notebook.cells if not SCAFFOLD_TAGS & set(c.metadata.get("tags", []))]


def api_calls(source: str) -> list[tuple[str, list[object], dict[str, object]]]:
    """Every `jkquiz.name(...)` call in a cell as (name, positional constants, keyword constants)."""
    calls = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                isinstance(node.func.value, ast.Name) and node.func.value.id == "jkquiz":
            calls.append((node.func.attr, [ast.literal_eval(a) for a in node.args],
                          {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}))
    return calls


@pytest.fixture(scope="module")
def bank():
    from jkquiz.api import course_bank

    return course_bank()


def test_the_course_lists_start_lessons_review_and_final_in_order() -> None:
    kinds = [p.kind for p in PAGES]
    assert kinds[0] == "start" and kinds[-2:] == ["review", "final"]
    assert set(kinds[1:-2]) == {"lesson"} and len(LESSONS) >= 9
    assert [p.number for p in PAGES] == sorted(p.number for p in PAGES)


def test_every_bank_topic_has_its_lesson_named_like_its_bank_file(bank) -> None:
    from jkquiz.bank import load_located

    files = load_located()[1].files  # where each topic was written is the loader's, not the course bank's
    taught = {p.topic: p.name for p in LESSONS}
    assert set(taught) == set(bank.topics)
    for topic, name in taught.items():
        assert Path(files[topic]).stem == Path(name).stem, f"{name} does not match {files[topic]}"


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.slug for p in LESSONS])
def test_lesson_has_title_objectives_figure_checks_key_points_and_quiz(lesson, bank) -> None:
    cells = content_cells(read(lesson.path))
    header = parse_header(cells[0].source)
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# ")
    assert header.title and header.questions and header.objectives and header.reading_minutes
    sections = [c for c in cells if c.cell_type == "markdown" and c.source.startswith("## ")]
    assert len(sections) >= 3, "the narrative is in ## sections"
    notes = [c for c in cells if c.cell_type == "markdown" and c.source.startswith("**Notes**")]
    assert any("<sup>" in c.source for c in sections), "the narrative marks its citations with note numbers"
    assert notes and all(re.search(r"^1\. \[[^\]]+\]\(https?://", c.source, re.MULTILINE) for c in notes), \
        "each section's notes list its sources as links"

    calls = [(c, api_calls(c.source)) for c in cells if c.cell_type == "code"]
    figures = [c for c, found in calls if any(name in FIGURE_CALLS for name, _, _ in found)]
    asks = [c for c, found in calls if any(name == "ask" for name, _, _ in found)]
    assert figures, "at least one figure"
    for cell in figures:  # the stored output is the picture, with alt text for screen readers
        assert cell.outputs and "image/png" in cell.outputs[0].data
        assert len(cell.outputs[0].metadata["image/png"]["alt"]) > 40
    assert len(asks) >= 2, "at least two inline checks"

    key_points, quiz = cells[-2], cells[-1]
    assert key_points.cell_type == "markdown" and key_points.source.startswith("## Key points")
    assert len(re.findall(r"^- ", key_points.source, re.MULTILINE)) >= 3
    assert quiz.cell_type == "code" and api_calls(quiz.source) == [("quiz", [lesson.topic], {"n": 8})]
    assert quiz.outputs[0].data["text/plain"].startswith("Run this cell (Shift+Enter) to see the quiz")


@pytest.mark.parametrize("page", PAGES, ids=[p.slug for p in PAGES])
def test_code_cells_are_short_calls_that_name_real_questions_and_topics(page, bank) -> None:
    for cell in (c for c in read(page.path).cells if c.cell_type == "code"):
        assert len(cell.source.splitlines()) <= 2, f"code cell too long: {cell.source!r}"
        if cell.source == "import jkquiz":
            continue
        for name, args, kwargs in api_calls(cell.source) or pytest.fail(f"not a jkquiz call: {cell.source!r}"):
            assert name in jkquiz.__all__, f"jkquiz.{name} is not public API"
            if name == "ask":
                assert args[0] in bank.questions, f"{page.name}: no question {args[0]!r}"
            if name in ("quiz", "timeline", "chart") and args and args[0] is not None:
                topics = args[0] if isinstance(args[0], list) else [args[0]]
                assert set(topics) <= set(bank.topics), f"{page.name}: no topic in {topics!r}"
        assert not any(o.output_type == "error" for o in cell.outputs), f"{page.name}: stored error output"


def test_the_special_pages_call_warm_up_review_dashboard_and_final_quiz() -> None:
    calls = {p.kind: [call for c in read(p.path).cells if c.cell_type == "code" for call in api_calls(c.source)]
             for p in PAGES if p.kind != "lesson"}
    assert [name for name, _, _ in calls["start"]] == ["ask"]
    assert [name for name, _, _ in calls["review"]] == ["review", "dashboard"]
    assert calls["final"] == [("quiz", [None], {"n": 20, "title": "Final quiz"})]


def test_navigation_links_previous_contents_and_next_existing_notebooks() -> None:
    names = [p.name for p in PAGES]
    for index, page in enumerate(PAGES):
        notebook = read(page.path)
        navs = [c for c in notebook.cells if "jkquiz-nav" in c.metadata.get("tags", [])]
        assert [notebook.cells[0], notebook.cells[-1]] == navs, f"{page.name}: navigation at top and bottom"
        expected = ([names[index - 1]] if index else []) + (["00-start-here.ipynb"] if index else []) + \
                   ([names[index + 1]] if index + 1 < len(names) else [])
        switch = [f"ko/{page.name}", f"ja/{page.name}"]  # the same page in Korean and Japanese, first
        assert LINK.findall(navs[0].source) == switch + expected
        assert LINK.findall(navs[1].source) == expected
        for cell in notebook.cells:
            for target in LINK.findall(cell.source):
                if not target.startswith(("http://", "https://", "#")):
                    assert (NOTEBOOK_DIR / target).is_file(), f"{page.name} links to missing {target}"


def test_the_start_page_lists_every_other_page() -> None:
    start = read(PAGES[0].path)
    listed = [t for c in start.cells for t in LINK.findall(c.source) if t.endswith(".ipynb")]
    assert set(p.name for p in PAGES[1:]) <= set(listed)


def test_notebooks_are_in_step_with_their_markdown_sources(bank, tmp_path: Path) -> None:
    """Editing notebooks/src without rebuilding (or the notebooks by hand) is caught here."""
    from jkquiz.build_course import build

    result = build(NOTEBOOK_DIR / "src", tmp_path, bank=bank, langs=["en"], run=False)
    assert result.errors == []
    assert [p.name for p in result.written] == [p.name for p in PAGES]
    for fresh in result.written:
        stored = read(NOTEBOOK_DIR / fresh.name)
        assert [(c.id, c.cell_type, c.source) for c in stored.cells] == \
               [(c.id, c.cell_type, c.source) for c in read(fresh).cells], \
               f"{fresh.name} is stale: run `python -m jkquiz.build_course {fresh.stem}`"


TRANSLATIONS = [lang for lang in ("ko", "ja") if any((NOTEBOOK_DIR / "src" / lang).glob("[0-9][0-9]-*.md"))]


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translated_notebooks_are_in_step_with_their_sources(lang: str, bank, tmp_path: Path) -> None:
    """notebooks/<lang>/ is what the builder makes of notebooks/src/<lang>/ now (and the sources pass its checks)."""
    from jkquiz.build_course import build
    from jkquiz.datafiles import data_dir

    result = build(NOTEBOOK_DIR / "src", tmp_path, bank=bank, bank_dir=data_dir("JKQUIZ_BANK", "bank", "data/bank"),
                   langs=[lang], run=False)
    assert result.errors == []
    for fresh in result.written:
        stored = NOTEBOOK_DIR / lang / fresh.name
        assert stored.is_file(), f"{lang}/{fresh.name} is not built: run `python -m jkquiz.build_course --lang {lang}`"
        assert [(c.id, c.cell_type, c.source) for c in read(stored).cells] == \
               [(c.id, c.cell_type, c.source) for c in read(fresh).cells], \
               f"{lang}/{fresh.name} is stale: run `python -m jkquiz.build_course --lang {lang} {fresh.stem}`"
