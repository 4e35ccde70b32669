"""The static site's build, without building it: the kernel's settings, the lessons' copies, the wheels' lock."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from fixture_paths import ROOT
from jkquiz.site.build import PRELOAD, lite_config
from jkquiz.site.pages import landing_page, lesson_copy
from jkquiz.site.runtime import MARKERS, prune, rewrite_wheel, wheel_metadata, write_lock


def test_kernel_never_falls_back_to_pypi_and_loads_everything_from_the_site() -> None:
    settings = lite_config("./../pyodide/")["jupyter-config-data"]["litePluginSettings"]  # type: ignore[index]
    kernel = settings["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["disablePyPIFallback"] is True
    assert kernel["pyodideUrl"] == "./../pyodide/pyodide.mjs"  # relative: works from any sub-path
    assert set(kernel["loadPyodideOptions"]["packages"]) == set(PRELOAD) and "jkquiz" in PRELOAD


def test_landing_page_links_stay_inside_the_site() -> None:
    page = landing_page()
    links = [part.split('"', 1)[0] for part in page.split('href="')[1:]]
    assert links and all(not link.startswith(("http:", "https:", "/")) for link in links)
    assert "lab/lab/index.html?path=00-start-here.ipynb" in links


def test_landing_page_offers_each_language_in_its_own_words(monkeypatch) -> None:
    from jkquiz.i18n import speaking

    english = landing_page(["en", "ko", "ja"])
    assert '<html lang="en">' in english
    assert ('<li lang="ko"><a href="lab/lab-ko/index.html?path=ko/00-start-here.ipynb" hreflang="ko">강의 열기</a> '
            '(한국어)</li>') in english
    assert '<a href="lab/lab-ja/index.html?path=ja/00-start-here.ipynb" hreflang="ja">コースを開く</a> (日本語)' in english
    with speaking("ko"):
        korean = landing_page(["en", "ko", "ja"])
    assert '<html lang="ko">' in korean and "<em>실행 → 모든 셀 실행</em>" in korean
    assert '<p class="start"><a href="lab/lab-ko/index.html?path=ko/00-start-here.ipynb">강의 열기</a></p>' in korean
    assert '<a href="lab/lab/index.html?path=00-start-here.ipynb" hreflang="en">Open the course</a> (English)' in korean
    with speaking("ja"):
        assert '<html lang="en">' in landing_page(["en"])  # a language not built: the page stays English


def test_lesson_copy_has_no_stored_outputs() -> None:
    copy = lesson_copy(ROOT / "notebooks" / "03-territory.ipynb", "Territory", for_app=False)
    assert [o for c in copy["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])] == []
    assert "widgets" not in copy["metadata"] and copy["metadata"]["title"] == "Territory"


def make_wheel(folder: Path, name: str, requires: list[str]) -> Path:
    wheel = folder / f"{name}-1.0-py3-none-any.whl"
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n" + "".join(f"Requires-Dist: {r}\n" for r in requires)
    with zipfile.ZipFile(wheel, "w") as out:
        out.writestr(f"{name}/__init__.py", "")
        out.writestr(f"{name}-1.0.dist-info/METADATA", meta)
        out.writestr(f"{name}-1.0.dist-info/RECORD", "")
    return wheel


def test_lock_has_the_browsers_dependencies_and_prune_keeps_only_what_is_needed(tmp_path: Path) -> None:
    wheels = [make_wheel(tmp_path, "alpha", ["beta", 'pexpect; sys_platform != "emscripten"', "gamma; extra == 'x'"]),
              make_wheel(tmp_path, "beta", []), make_wheel(tmp_path, "unused", [])]
    assert wheel_metadata(wheels[0])[2] == ["beta"] and MARKERS["sys_platform"] == "emscripten"
    lock = write_lock(tmp_path, wheels, {"abi_version": "2026_0"})
    assert lock["packages"]["alpha"]["depends"] == ["beta"]
    prune(tmp_path, lock, ["alpha"])
    assert sorted(json.loads((tmp_path / "pyodide-lock.json").read_text())["packages"]) == ["alpha", "beta"]
    assert not (tmp_path / "unused-1.0-py3-none-any.whl").exists()


def test_files_added_to_a_wheel_are_in_its_record(tmp_path: Path) -> None:
    wheel = make_wheel(tmp_path, "alpha", [])
    rewrite_wheel(wheel, add={"alpha/_data/compiled/bank-x.json": b"{}"})
    with zipfile.ZipFile(wheel) as archive:
        record = archive.read("alpha-1.0.dist-info/RECORD").decode()
        assert "alpha/_data/compiled/bank-x.json,sha256=" in record
        assert archive.read("alpha/_data/compiled/bank-x.json") == b"{}"


def test_site_ships_the_course_font_and_every_page_and_quiz_declares_it(tmp_path: Path, monkeypatch) -> None:
    import sys

    from jkquiz.fonts import FAMILY, SITE_URL_ENV, faces, font_face_css
    from jkquiz.site.fonts import FROM_APP_PAGE, copy_fonts, kernel_env, link_fonts

    folder = copy_fonts(tmp_path)
    assert {face["woff2"] for face in faces()} | {"OFL.txt", "fonts.css"} == {p.name for p in folder.iterdir()}
    css = (folder / "fonts.css").read_text(encoding="utf-8")
    assert css.count("@font-face") == len(faces()) and 'url("Noto' in css and f'"{FAMILY}"' in css
    page = tmp_path / "lab" / "lab" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<html><head><title>x</title></head><body></body></html>")
    link_fonts(page)
    link_fonts(page)  # once only
    assert page.read_text().count('href="../../fonts/fonts.css"') == 1
    settings = lite_config("./../pyodide/", env=kernel_env())["jupyter-config-data"]["litePluginSettings"]  # type: ignore[index]
    assert settings["@jupyterlite/pyodide-kernel-extension:kernel"]["loadPyodideOptions"]["env"] == {SITE_URL_ENV: FROM_APP_PAGE}
    monkeypatch.setattr(sys, "platform", "emscripten")
    monkeypatch.setenv(SITE_URL_ENV, FROM_APP_PAGE)  # in the site's kernel: a quiz declares the site's files
    assert f'url("{FROM_APP_PAGE}{faces()[0]["woff2"]}")' in font_face_css()
