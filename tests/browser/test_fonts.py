"""Hangul and Kanji drawn with the course's own font, served by each server, whatever fonts the machine has.

Each check: `document.fonts.check` for the course's family, Chromium's own account of the font that drew
독도 and 竹島 (DevTools' platform fonts: the course's subsets, not a system font), and pictures of the
glyphs that differ from one another and from the box of a character the font lacks (tofu boxes are alike).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from jkquiz.fonts import FAMILY, SERVED_AT, faces

from .conftest import ARTIFACTS
from .export_browser import guarded_page
from .test_lab import run_all
from fixture_paths import ROOT

LESSON_TIMEOUT = 60_000
SAMPLE = "독도竹島"
MISSING = "驪"  # in no lesson or fact, so not in the subsets: drawn as the missing-glyph box here


def _probe(page: Page, inside: str) -> dict[str, bytes]:
    """Each sample character (and one the font lacks) in its own span inside `inside`, as a PNG of that span."""
    page.evaluate(
        """([selector, chars]) => {
            const box = document.createElement('div');
            box.id = 'jkq-font-probe';
            box.style.fontSize = '32px';
            for (const c of chars) {
                const span = document.createElement('span');
                span.textContent = c; span.dataset.char = c; span.style.padding = '2px';
                box.appendChild(span);
            }
            document.querySelector(selector).prepend(box);
        }""",
        [inside, SAMPLE + MISSING],
    )
    page.evaluate("document.fonts.ready")
    return {c: page.locator(f'#jkq-font-probe span[data-char="{c}"]').screenshot() for c in SAMPLE + MISSING}


def _platform_fonts(page: Page, selector: str) -> set[str]:
    """The fonts Chromium actually drew the element's text with (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {f["familyName"] for f in fonts if f["glyphCount"]}


def _assert_cjk_drawn(page: Page, inside: str) -> None:
    loaded: Any = page.evaluate(f"document.fonts.load('16px \"{FAMILY}\"', '{SAMPLE}')"
                                ".then(faces => faces.map(f => f.status + ' ' + f.unicodeRange.slice(0, 11)))")
    # the Hangul face and the Kana/Han face loaded (declared by the page and by each quiz: the same files)
    assert {"loaded U+1100-11FF", "loaded U+3040-30FF"} == set(loaded)
    assert page.evaluate(f"document.fonts.check('16px \"{FAMILY}\"', '{SAMPLE}')") is True
    pictures = _probe(page, inside)
    assert _platform_fonts(page, '#jkq-font-probe span[data-char="독"]') == {"jkquiz Noto Sans KR"}
    assert _platform_fonts(page, '#jkq-font-probe span[data-char="竹"]') == {"jkquiz Noto Sans JP"}
    glyphs = [pictures[c] for c in SAMPLE]
    assert len(set(glyphs)) == len(SAMPLE), "two characters drew the same picture: boxes, not glyphs"
    assert pictures[MISSING] not in glyphs


def test_app_contents_page_uses_the_course_font(app_server, page: Page) -> None:
    page.goto(app_server.at("/voila/render/index.ipynb"))
    contents = page.locator(".jkq-contents")
    expect(contents).to_be_visible(timeout=LESSON_TIMEOUT)
    assert f'"{FAMILY}"' in contents.evaluate("e => getComputedStyle(e).fontFamily")
    _assert_cjk_drawn(page, ".jkq-contents")


def test_app_lesson_draws_hangul_and_kanji_with_the_course_font(app_server, page: Page) -> None:
    page.goto(app_server.at("/voila/render/03-territory.ipynb"))
    expect(page.locator(".jkquiz").first).to_be_visible(timeout=LESSON_TIMEOUT)
    response = page.request.get(app_server.at("/" + SERVED_AT + faces()[0]["woff2"]))
    assert response.ok and response.headers["content-type"].startswith("font/woff2")
    text = page.locator("#rendered_cells p").filter(has_text="독도").first
    expect(text).to_be_visible()
    page.evaluate("document.fonts.ready")
    text.screenshot(path=str(ARTIFACTS / "fonts-app-lesson-03.png"))  # to look at: 독도, 獨島, 竹島 in the text
    _assert_cjk_drawn(page, "#rendered_cells .jp-RenderedHTMLCommon")  # lesson text, in the page's font


def test_lab_quiz_draws_hangul_and_kanji_with_the_course_font(lab_server, page: Page) -> None:
    run_all(page, lab_server, "00-start-here.ipynb")
    expect(page.locator(".jp-OutputArea-output .jkquiz").first).to_be_visible(timeout=LESSON_TIMEOUT)
    response = page.request.get(lab_server.at("/" + SERVED_AT + faces()[1]["woff2"]))
    assert response.ok  # JupyterLab serves the font through Voilà's server extension
    _assert_cjk_drawn(page, ".jp-OutputArea-output .jkquiz")


def test_html_export_page_opened_from_disk_draws_hangul_and_kanji(browser: Any, tmp_path: Path) -> None:
    from jkquiz.cli import main

    site = tmp_path / "site"
    assert main(["export", "html", "--bank", str(ROOT / "data" / "bank"), "-o", str(site)]) == 0
    page, guard = guarded_page(browser)
    page.goto((site / "03-territory.html").as_uri())  # file://: only inlined fonts load there
    expect(page.locator("li.jkq-card").first).to_be_visible()
    _assert_cjk_drawn(page, ".jkq-page")
    page.close()
    guard.check()
