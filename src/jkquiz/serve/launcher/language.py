"""`--lang ko|ja|en` on `jkquiz lab` and `jkquiz app`: the course served in one language.

The lessons of a language are built into notebooks/<lang>/ (English: notebooks/ itself); the server's
kernels get JKQUIZ_LANG, so quizzes, feedback and the contents speak it; and JupyterLab's own menus speak it
through the official language packs (jupyterlab-language-pack-ko-KR, -ja-JP), chosen by a settings default
(`@jupyterlab/translation-extension:plugin` `locale`) written for this server only. A learner who picked a
language in JupyterLab's Settings menu keeps their pick: a default never overrides a user's setting.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

from jkquiz.serve.launcher.address import BadAddress
from jkquiz.serve.launcher.paths import START_NOTEBOOK, CourseNotFound

LANGUAGES = ("en", "ko", "ja")
NAMES = {"en": "English", "ko": "한국어", "ja": "日本語"}
LAB_LOCALES = {"en": "en", "ko": "ko_KR", "ja": "ja_JP"}  # JupyterLab's names for its language packs
LANGUAGE_PACKS = {"ko": ("jupyterlab_language_pack_ko_KR", "jupyterlab-language-pack-ko-KR"),
                  "ja": ("jupyterlab_language_pack_ja_JP", "jupyterlab-language-pack-ja-JP")}
TRANSLATION_PLUGIN = "@jupyterlab/translation-extension:plugin"
ENV = "JKQUIZ_LANG"


class BadLanguage(BadAddress):
    """A language the course is not served in (a usage problem, like a bad address)."""


def check_language(lang: str | None) -> str | None:
    """`lang` as the course names it ('ko'), None for no choice, or a usage error naming the choices."""
    if lang is None:
        return None
    code = lang.strip().replace("-", "_").split("_")[0].lower()
    if code not in LANGUAGES:
        choices = ", ".join(f"{c} ({NAMES[c]})" for c in LANGUAGES)
        raise BadLanguage(f"the course is served in {choices}; {lang!r} is not one of them.")
    return code


def lessons_of(folder: Path, lang: str | None) -> Path:
    """The folder of the lessons in `lang`: notebooks/<lang>/, or notebooks/ itself for English."""
    return folder if lang in (None, "en") else folder / lang


def require_language(folder: Path, lang: str | None) -> Path:
    """The lessons' folder in `lang`, with its start page; a clear error when that language is not built."""
    lessons = lessons_of(folder, lang)
    if lessons != folder and not (lessons / START_NOTEBOOK).is_file():
        built = sorted(p.name for p in lessons.glob("[0-9][0-9]-*.ipynb")) if lessons.is_dir() else []
        have = f" (it has only {', '.join(built)})" if built else ""
        raise CourseNotFound(
            f"the course in {NAMES[lang or 'en']} is not built: {lessons / START_NOTEBOOK} is missing{have}. "
            f"Build it with `python -m jkquiz.build_course --lang {lang}`, or leave out --lang for English.")
    return lessons


def language_pack_missing(lang: str | None) -> str | None:
    """The pip name of the JupyterLab language pack `lang` needs when it is not installed, else None."""
    if lang not in LANGUAGE_PACKS:
        return None
    module, package = LANGUAGE_PACKS[lang]
    return package if importlib.util.find_spec(module) is None else None


def lab_config_dir(workdir: Path, lang: str) -> Path:
    """A Jupyter config folder for this server alone: JupyterLab's interface language as a settings default."""
    folder = workdir / "jupyter-config"
    labconfig = folder / "labconfig"
    labconfig.mkdir(parents=True, exist_ok=True)
    overrides = {TRANSLATION_PLUGIN: {"locale": LAB_LOCALES[lang]}}
    (labconfig / "default_setting_overrides.json").write_text(json.dumps(overrides, indent=1), encoding="utf-8")
    return folder


def speak(env: dict[str, str], workdir: Path, lang: str | None) -> dict[str, str]:
    """The server's environment in `lang`: its kernels' JKQUIZ_LANG, and JupyterLab's language first on
    JUPYTER_CONFIG_PATH (the front of that path wins). No language chosen: as it was."""
    if lang is None:
        return env
    env = dict(env)
    env[ENV] = lang
    config = lab_config_dir(workdir, lang)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(p for p in (str(config), env.get("JUPYTER_CONFIG_PATH", "")) if p)
    return env


def pack_notes(lang: str | None) -> list[str]:
    """What to tell a learner whose JupyterLab cannot speak `lang` (its language pack is not installed)."""
    package = language_pack_missing(lang)
    if package is None:
        return []
    return [f"JupyterLab's own menus stay in English: its {NAMES[lang or 'en']} language pack is not installed "
            f"(pip install {package}; `python3 course.py start` installs it). The lessons are in {NAMES[lang or 'en']}."]
