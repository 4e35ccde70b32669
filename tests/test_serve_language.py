"""`jkquiz lab --lang` and `jkquiz app --lang`: the language's start page, JKQUIZ_LANG for the kernels,
JupyterLab's interface language for that server only, the app's contents of the language's lessons."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
from course_servers import CourseServer, clear_outputs, jkquiz_command
from lessons_in_language import write_start_page

from jkquiz.serve.launcher.app import build_site, plan_app
from jkquiz.serve.launcher.lab import plan_lab
from jkquiz.serve.launcher.language import TRANSLATION_PLUGIN, require_language
from jkquiz.serve.launcher.paths import CourseNotFound

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course's notebooks, outputs cleared, with a Korean start page (a fixture, not the course's)."""
    target = tmp_path_factory.mktemp("course") / "notebooks"
    clear_outputs(ROOT / "notebooks", target)
    for lang in ("ko", "ja"):  # the course's own translations, if built, are not this test's
        shutil.rmtree(target / lang, ignore_errors=True)
    write_start_page(target, "ko")
    return target


def first_config(env: dict[str, str]) -> Path:
    return Path(env["JUPYTER_CONFIG_PATH"].split(os.pathsep)[0])


def test_lab_in_korean_opens_the_korean_start_page_and_speaks_korean(notebooks: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JKQUIZ_LANG", raising=False)
    launch = plan_lab(notebooks=str(notebooks), lang="ko")
    assert launch.path == "/lab/tree/ko/00-start-here.ipynb"
    assert launch.cwd == notebooks and f"--ServerApp.root_dir={notebooks}" in launch.argv  # ../ links still work
    assert launch.env["JKQUIZ_LANG"] == "ko"
    overrides = first_config(launch.env) / "labconfig" / "default_setting_overrides.json"
    assert json.loads(overrides.read_text(encoding="utf-8")) == {TRANSLATION_PLUGIN: {"locale": "ko_KR"}}
    assert overrides.is_relative_to(launch.workdir)  # this server's alone, removed with it
    english = plan_lab(notebooks=str(notebooks))
    assert english.path == "/lab/tree/00-start-here.ipynb" and "JKQUIZ_LANG" not in english.env
    assert plan_lab(notebooks=str(notebooks), lang="en").env["JKQUIZ_LANG"] == "en"


def test_a_language_not_built_is_a_clear_error(notebooks: Path) -> None:
    with pytest.raises(CourseNotFound) as caught:
        require_language(notebooks, "ja")
    assert "the course in 日本語 is not built" in str(caught.value)
    assert "python -m jkquiz.build_course --lang ja" in str(caught.value)
    run = subprocess.run([*jkquiz_command(), "lab", "--no-browser", "--notebooks", str(notebooks), "--lang", "ja"],
                         capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert run.returncode == 1 and "not built" in run.stderr and "Traceback" not in run.stderr
    run = subprocess.run([*jkquiz_command(), "app", "--lang", "fr"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "--lang" in run.stderr


def test_app_in_korean_lists_the_korean_lessons(notebooks: Path, tmp_path: Path) -> None:
    site = build_site(notebooks, tmp_path / "site", lang="ko")
    index = json.loads((site / "ko" / "index.ipynb").read_text(encoding="utf-8"))
    assert index["metadata"]["title"].startswith("한일 관계")
    assert "".join(index["cells"][1]["source"]) == "import jkquiz\njkquiz.contents()"  # run in ko/: its lessons
    start = json.loads((site / "ko" / "00-start-here.ipynb").read_text(encoding="utf-8"))
    navigation = "".join(start["cells"][0]["source"])
    assert "(../01-before-1945.ipynb)" in navigation  # not yet translated: the English page
    lessons = [p.name for p in (site / "ko").glob("*.ipynb")]
    assert sorted(lessons) == ["00-start-here.ipynb", "index.ipynb"]
    launch = plan_app(notebooks=str(notebooks), lang="ko")
    assert launch.path == "/voila/render/ko/index.ipynb" and launch.env["JKQUIZ_LANG"] == "ko"


def test_a_served_lab_defaults_to_the_language_pack(notebooks: Path, tmp_path: Path) -> None:
    """Over HTTP: JupyterLab's language setting defaults to ko_KR on this server, and its pack is installed."""
    server = CourseServer("lab", notebooks, tmp_path, "--lang", "ko").start()
    try:
        assert server.url.split("?")[0].endswith("/lab/tree/ko/00-start-here.ipynb")
        with urllib.request.urlopen(server.at(f"/lab/api/settings/{TRANSLATION_PLUGIN}"), timeout=60) as response:
            assert json.load(response)["schema"]["properties"]["locale"]["default"] == "ko_KR"
        with urllib.request.urlopen(server.at("/lab/api/translations/ko_KR"), timeout=60) as response:
            pack = json.load(response)
        assert pack["message"] == "" and pack["data"]["jupyterlab"]["menu\u0004File"] == ["파일"]
    finally:
        survivors = server.stop()
    assert server.returncode == 0 and not survivors
    assert not any((tmp_path / "jupyter_config_dir").rglob("*.json")), "nothing is written to the learner's config"
