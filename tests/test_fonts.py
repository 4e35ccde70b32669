"""The CJK font subsets: every Hangul, Kana and Han character the bank and lessons use is in them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from jkquiz.fonts import FAMILY, FONT_DIR, LICENSE, faces, font_face_css, served_url, ttf_paths, web_files
from jkquiz.fonts.build import NPM_DIR, ROOT, missing_characters, source_files, used_characters


def _ranges(css_range: str) -> list[tuple[int, int]]:
    spans = []
    for part in css_range.split(","):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        spans.append((int(low, 16), int(high or low, 16)))
    return spans


def test_every_cjk_character_in_the_bank_and_lessons_is_in_the_subsets() -> None:
    files = source_files()
    assert any(p.suffix == ".yaml" for p in files) and any(p.suffix == ".md" for p in files)
    used = used_characters(files)
    assert {"독", "도", "竹", "島", "た", "カ"} <= set(used)  # Hangul, Han, Hiragana, Katakana
    lacking = missing_characters(files)
    assert not lacking, "not in the font subsets (run `python -m jkquiz.fonts build`): " + ", ".join(
        f"{c} U+{ord(c):04X} in {p.relative_to(ROOT)}" for c, p in sorted(lacking.items()))


def test_a_new_character_in_a_lesson_is_reported_with_its_file(tmp_path: Path) -> None:
    lesson = tmp_path / "12-new.md"
    lesson.write_text("독도 / 竹島, and new ones: 驪 鷹島\n", encoding="utf-8")
    lacking = missing_characters([lesson])
    assert set(lacking) == {"驪", "鷹"} and lacking["鷹"] == lesson  # 島 is in the bank already
    out = subprocess.run([sys.executable, "-m", "jkquiz.fonts", "check"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout == ""  # the course itself is covered


def test_each_character_is_in_the_face_its_css_range_sends_it_to() -> None:
    used = used_characters(source_files())
    cmaps = {face["name"]: set(TTFont(str(FONT_DIR / face["woff2"])).getBestCmap()) for face in faces()}
    for char in used:
        owners = [f["name"] for f in faces() if any(a <= ord(char) <= b for a, b in _ranges(f["unicode_range"]))]
        assert owners, f"{char} is in no face's unicode-range"
        assert any(ord(char) in cmaps[name] for name in owners), f"{char}: its face lacks it"


def test_web_and_matplotlib_files_hold_the_same_glyphs_under_their_own_names() -> None:
    for face, ttf in zip(faces(), ttf_paths(), strict=True):
        web, desktop = TTFont(str(FONT_DIR / face["woff2"])), TTFont(str(ttf))
        assert web.flavor == "woff2" and desktop.flavor is None
        assert web.getBestCmap() == desktop.getBestCmap()
        assert len(desktop.getGlyphOrder()) == face["glyphs"] and len(desktop.getBestCmap()) == face["characters"]
        assert desktop["name"].getDebugName(1) == face["name"] and face["name"].startswith("jkquiz Noto Sans ")
        assert "glyf" in desktop and ".notdef" in desktop.getGlyphOrder()  # the box a missing glyph shows
        assert (FONT_DIR / face["woff2"]).stat().st_size < 200_000  # a subset, not the whole 5-6 MB font


def test_the_licence_and_the_pinned_sources_are_shipped() -> None:
    text = LICENSE.read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text and LICENSE in web_files()
    package = json.loads((NPM_DIR / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((NPM_DIR / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in package["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned to one version"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
        assert lock["packages"][f"node_modules/{name}"]["integrity"].startswith("sha512-")
        assert any(face["source"].startswith(f"{name}@{version} ") for face in faces())


def test_css_declares_one_family_from_the_servers_static_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JUPYTERHUB_SERVICE_PREFIX", raising=False)
    assert served_url() == "/voila/templates/jkquiz/static/fonts/"
    css = font_face_css()
    assert css.count(f'font-family: "{FAMILY}"') == 2 and 'url("/voila/templates/jkquiz/static/fonts/NotoSansKR' in css
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/user/aiko/")
    assert served_url() == "/user/aiko/voila/templates/jkquiz/static/fonts/"
    assert FONT_DIR.parts[-5:] == ("voila", "templates", "jkquiz", "static", "fonts")


def test_the_voila_templates_stylesheet_is_current() -> None:
    from jkquiz.fonts.build import STYLESHEET, stylesheet

    assert STYLESHEET.read_text(encoding="utf-8") == stylesheet()
    template = (FONT_DIR.parents[1] / "index.html.j2").read_text(encoding="utf-8")
    assert 'href="{{ resources.base_url }}voila/templates/jkquiz/static/fonts/fonts.css"' in template


def test_widgets_contents_and_html_export_use_the_font() -> None:
    from jkquiz.interop.html import CSP, _page
    from jkquiz.notebook.contents import Entry, contents_html
    from jkquiz.widgets.style import stylesheet

    css = stylesheet()
    assert font_face_css() in css and f'"{FAMILY}"; }}' in css.replace("), ", "; ").replace('"jkquiz CJK"; }', '"jkquiz CJK"; }')
    assert '.jkquiz button { font-family: var(--jp-ui-font-family' in css
    page = contents_html([Entry("03-territory.ipynb", "Dokdo / Takeshima (독도 / 竹島)")], {})
    assert font_face_css() in page and f'.jkq-contents {{ font-family: var(--jp-content-font-family' in page
    assert "font-src data:" in CSP
    korean, latin = _page("index.html.j2", "독도", links=[]), _page("index.html.j2", "Dokdo", links=[])
    assert "data:font/woff2;base64," in korean and korean.count("@font-face") == 1  # Hangul only: the KR face
    assert "@font-face" not in latin


def test_the_static_site_asks_no_server_for_the_fonts(monkeypatch) -> None:
    """In the browser (Pyodide) there is no course server: no @font-face pointing at one (it would 404)."""
    import sys

    from jkquiz.fonts import font_face_css

    assert "@font-face" in font_face_css()
    monkeypatch.setattr(sys, "platform", "emscripten")
    assert font_face_css() == ""
    assert "@font-face" in font_face_css("fonts/")  # an explicit address still works
