"""Static HTML export, opened from disk in headless Chromium and answered by clicking and typing."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .export_browser import guarded_page, open_browser
from jkquiz.bank import load_located
from jkquiz.engine import grade
from jkquiz.engine.grade import offered
from jkquiz.interop.common import choose_questions
from jkquiz.interop.html import export_html
from jkquiz.text import normalize

from fixture_paths import FIXTURES, ROOT


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from open_browser()


@pytest.fixture(scope="module")
def mini_page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    bank, locations = load_located(FIXTURES / "mini")
    result = export_html(bank, choose_questions(bank), files=locations.files)
    assert list(result.pages) == ["01-sample.html"] and result.warnings == []
    path = tmp_path_factory.mktemp("site") / "01-sample.html"
    path.write_bytes(result.pages["01-sample.html"])
    return path


@pytest.fixture
def page(browser: Any, mini_page_file: Path) -> Iterator[Any]:
    page, guard = guarded_page(browser)
    page.goto(mini_page_file.as_uri())
    yield page
    page.close()
    guard.check()


def card(page: Any, qid: str) -> Any:
    return page.locator(f'li.jkq-card[data-qid="{qid}"]')


def feedback(page: Any, qid: str) -> str:
    return card(page, qid).locator(".jkq-feedback").inner_text()


def test_single_choice_wrong_then_feedback_with_explanation_and_source(page: Any) -> None:
    q = card(page, "q-s-single")
    q.get_by_label("Treaty of Ganghwa").check()
    q.get_by_role("button", name="Check").click()
    text = feedback(page, "q-s-single")
    assert text.startswith("✘ Not quite.")
    assert "Answer: Treaty on Basic Relations" in text
    assert "Treaty of Ganghwa: That was the 1876 treaty that opened Korean ports." in text
    assert "The Treaty on Basic Relations of 1965." in text and "Source" in text
    assert q.get_by_role("button", name="Check").is_disabled() and q.get_by_label("Treaty of Ganghwa").is_disabled()
    assert page.locator("#jkq-score").inner_text() == "1 of 18 answered · 0 points"


def test_keyboard_only_text_and_number(page: Any) -> None:
    """Tab into the box, type, press Enter: checked without a mouse; focus goes to the feedback."""
    q = card(page, "q-s-text")
    q.locator("input").focus()
    page.keyboard.type("Dokdoo")
    page.keyboard.press("Enter")
    assert feedback(page, "q-s-text").startswith("✔ Correct. Accepted; correct spelling: Dokdo")
    assert page.evaluate("document.activeElement.className").startswith("jkq-feedback")
    q = card(page, "q-s-number")
    q.locator("input").focus()
    page.keyboard.type("nineteen")
    page.keyboard.press("Enter")
    assert feedback(page, "q-s-number").startswith("ℹ Not checked yet. 'nineteen' is not a number.")
    assert not q.locator("input").is_disabled()  # asked again, not marked wrong
    q.locator("input").fill("1,965")
    page.keyboard.press("Enter")
    assert feedback(page, "q-s-number").startswith("✔ Correct.")


def test_order_by_keyboard_and_match_by_selects(page: Any) -> None:
    q = card(page, "q-s-order")
    target = ["Diplomatic relations established", "Kono Statement", "Obuchi–Kim declaration"]
    for position, item in enumerate(target):
        while True:
            items = q.locator(".jkq-item-text").all_inner_texts()
            where = items.index(item)
            if where == position:
                break
            q.get_by_role("button", name=f"Move up: {item}").focus()
            page.keyboard.press("Enter")
    assert q.locator(".jkq-item-text").all_inner_texts() == target
    q.get_by_role("button", name="Check").click()
    assert feedback(page, "q-s-order").startswith("✔ Correct.")
    assert q.locator(".jkq-mark").all_inner_texts() == ["✔ right"] * 3
    m = card(page, "q-s-match")
    m.get_by_label("Eisaku Sato").select_option(label="South Korea")
    m.get_by_label("Park Chung-hee").select_option(label="South Korea")
    m.get_by_role("button", name="Check").click()
    assert feedback(page, "q-s-match").startswith("◐ Partly right.")
    assert m.locator(".jkq-mark").all_inner_texts() == ["✘ wrong", "✔ right"]


def test_multiple_partial_credit_and_contested_sides(page: Any) -> None:
    q = card(page, "q-s-multiple")
    q.get_by_label("Eisaku Sato").check()
    q.get_by_label("Kim Dae-jung").check()
    q.get_by_role("button", name="Check").click()
    assert feedback(page, "q-s-multiple").startswith("✘ Not quite. 1 of 2 right choices selected, 1 wrong.")
    t = card(page, "q-s-islets-japan")
    t.get_by_label("They are an inherent part of Japan's territory.").check()
    t.get_by_role("button", name="Check").click()
    text = feedback(page, "q-s-islets-japan")
    assert "Japan's government" in text and "South Korea's government holds that Dokdo" in text


RESPONSES: dict[str, list[Any]] = {
    "q-s-single": ["Treaty on Basic Relations", "Treaty of Ganghwa", "", None],
    "q-s-multiple": [["Eisaku Sato", "Park Chung-hee"], ["Eisaku Sato"], ["Eisaku Sato", "Kim Dae-jung"],
                     ["Kim Dae-jung", "Keizo Obuchi"], ["Eisaku Sato", "Park Chung-hee", "Keizo Obuchi"], []],
    "q-s-tf": [True, False, None],
    "q-s-number": ["1965", " 1,965 ", "１９６５", "1966", "1964.5", "19 65", "", "abc", "-1965", "1965.0"],
    "q-s-poll": ["13", "15", "15.1", "11 %", "10%", "13 %"],
    "q-s-text": ["Dokdo", "dokdo!", "Tok-do", "독도", "Dokdoo", "Dok", "Takeshima", "", "  ",
                 "Dokod", "Dokdp", "Dockdo", "Dkdo", "Dkodp", "Eisaku Sato", "Japna"],
    "q-s-text-name": ["Eisaku Sato", "EISAKU SATŌ", "sato eisaku", "佐藤栄作", "Eisaku Satoo", "Sato"],
    "q-s-order": [["Diplomatic relations established", "Kono Statement", "Obuchi–Kim declaration"],
                  ["Kono Statement", "Diplomatic relations established", "Obuchi–Kim declaration"],
                  ["Kono Statement", "Kono Statement", "Obuchi–Kim declaration"]],
    "q-s-match": [{"Eisaku Sato": "Japan", "Park Chung-hee": "South Korea"},
                  {"Eisaku Sato": "South Korea", "Park Chung-hee": "Japan"}, {"Eisaku Sato": "Japan"}],
}


def test_browser_grades_exactly_as_the_python_grader(page: Any, mini_bank) -> None:
    """The same responses through jkquiz.engine.grade and through the page's script give the same verdicts
    (the page is one quiz: the other questions' answers and choices are rivals to a typed slip)."""
    on_page = choose_questions(mini_bank)
    for qid, responses in RESPONSES.items():
        rivals = frozenset(text for q in on_page if q.id != qid for text in offered(q))
        for response in responses:
            want = grade(mini_bank.questions[qid], response, rivals)
            got = page.evaluate("([qid, r]) => window.jkquiz.grade(window.jkquiz.data.questions[qid], r)", [qid, response])
            assert (got["status"], got["score"], got["message"], tuple(got["parts"])) == (
                want.status, want.score, want.message, want.parts), (qid, response)


def test_normalize_matches_python(browser: Any, mini_page_file: Path) -> None:
    page, guard = guarded_page(browser)
    page.goto(mini_page_file.as_uri())
    samples = ["Kōrō  Bessho.", "Heung-su", "ＴＯＫＹＯ", "Straße", "독도 (獨島)", "がぎ ぐ", "Ēx=y#z", "  a\t b  ", "İstanbul", "ÆSIR—æsir"]
    got = page.evaluate("s => s.map(x => window.jkquiz.normalize(x))", samples)
    page.close()
    guard.check()
    assert got == [normalize(s) for s in samples]


def test_special_characters_stay_text_and_no_script_runs(browser: Any, tmp_path: Path) -> None:
    special, locations = load_located(FIXTURES / "special")
    pages = export_html(special, choose_questions(special), files=locations.files).pages
    path = tmp_path / "01-special.html"
    path.write_bytes(pages["01-special.html"])
    page, guard = guarded_page(browser)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    q = special.questions["q-sp-single"]
    assert page.locator("h1").inner_text() == 'Special <characters> & "quotes"'
    c = card(page, "q-sp-single")
    assert c.locator(".jkq-prompt").inner_text() == "1." + q.prompt
    c.get_by_label("Wrong <script>alert(1)</script>").check()
    c.get_by_role("button", name="Check").click()
    text = feedback(page, "q-sp-single")
    assert "No: {never} = #0 ~ ok: <i>why</i>." in text and "<script>alert('explained')</script>" in text
    assert c.locator(".jkq-feedback script, .jkq-feedback i").count() == 0
    m = card(page, "q-sp-match")
    for left, right in special.questions["q-sp-match"].pairs:  # type: ignore[attr-defined]
        m.get_by_label(left).select_option(label=right)
    m.get_by_role("button", name="Check").click()
    assert feedback(page, "q-sp-match").startswith("✔ Correct.")
    assert m.locator(".jkq-feedback a").count() == 1  # the https source; the javascript: one stays text
    assert m.locator(".jkq-feedback a").get_attribute("href") == "https://example.org/a?b=1&c=%3C2%3E"
    assert dialogs == [] and page.locator("script").count() == 2  # the data and the quiz script, nothing injected
    page.close()
    guard.check()


def test_no_serious_accessibility_violations(page: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_real_bank_pages_open_cleanly(browser: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Smoke test of the course's own bank through the command line: every page loads without an error."""
    from jkquiz.cli import main

    site = tmp_path / "site"
    assert main(["export", "html", "--bank", str(ROOT / "data" / "bank"), "-o", str(site)]) == 0
    assert "Exported" in capsys.readouterr().err
    _, locations = load_located(ROOT / "data" / "bank")
    names = sorted(p.name for p in site.iterdir())
    assert names == sorted([Path(f).stem + ".html" for f in locations.files.values()] + ["index.html"])
    page, guard = guarded_page(browser)
    for name in names:
        page.goto((site / name).as_uri())
        if name != "index.html":
            data = json.loads(page.locator("#jkq-data").text_content())
            assert page.locator("li.jkq-card").count() == len(data["questions"]) > 0
    page.close()
    guard.check()
