"""The course's three editions in the static site: the lessons of each language, JupyterLab's own menus in it.

    <out>/lab/lab/     JupyterLab as JupyterLite builds it (its interface in English)
    <out>/lab/lab-ko/  the same JupyterLab, its interface in Korean: a copy of the app's few files whose
    <out>/lab/lab-ja/  jupyter-lite.json sets the translation plugin's locale (everything else is shared); the
                       folder's name starts with "lab" because JupyterLite's router opens `?path=` only on an
                       address that has /lab (or /tree, /notebooks...) in it

The lessons sit in the site's files as they do in notebooks/: the English ones at the top, the Korean
and Japanese ones in ko/ and ja/, so the links between editions that the builder writes work unchanged.
JupyterLab's translations come from the official language packs (installed with the course), written
where JupyterLite's page asks for them (`api/translations/<locale>.json`); a learner may still pick
another language in Settings → Language, and their pick is kept in their browser.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections.abc import Mapping
from pathlib import Path

from jkquiz.i18n import LANGUAGES
from jkquiz.i18n.switch import START_PAGE, edition_folder, edition_page
from jkquiz.serve.launcher.language import LAB_LOCALES, LANGUAGE_PACKS, TRANSLATION_PLUGIN

APP = "lab"  # the app folder JupyterLite writes: <out>/lab/lab/


def editions(notebooks: Path) -> dict[str, Path]:
    """Each language whose lessons are built (English: `notebooks` itself), with their folder."""
    from jkquiz.course import lessons

    return {lang: edition_folder(notebooks, lang) for lang in LANGUAGES
            if lang == "en" or lessons(edition_folder(notebooks, lang))}


def app_folder(lang: str) -> str:
    """The folder (under <out>/lab/) of JupyterLab speaking `lang`."""
    return APP if lang == "en" else f"{APP}-{lang}"


def start_url(lang: str) -> str:
    """The start page of `lang`'s lessons in JupyterLab speaking `lang`, relative to the site's root."""
    return f"lab/{app_folder(lang)}/index.html?path={edition_page(lang, START_PAGE)}"


def pack_catalogs(lang: str) -> dict[str, object]:
    """A language pack's catalogs by domain ({'jupyterlab': {...}, ...}), as JupyterLab's translation API serves them."""
    module = LANGUAGE_PACKS[lang][0]
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise SystemExit(f"JupyterLab's {LAB_LOCALES[lang]} language pack ({LANGUAGE_PACKS[lang][1]}) is not "
                         "installed: install jkquiz[site]")
    folder = Path(spec.origin).parent / "locale" / LAB_LOCALES[lang] / "LC_MESSAGES"
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))}


def language_names(locale: str) -> dict[str, str]:
    """'Korean (South Korea)' and '한국어 (대한민국)', as JupyterLab's language menu lists a locale."""
    from babel import Locale

    found = Locale.parse(locale)
    return {"displayName": found.get_display_name("en") or locale, "nativeName": found.get_display_name() or locale}


def write_translations(lab: Path, langs: list[str]) -> None:
    """JupyterLab's translations for `langs` where JupyterLite's page fetches them (<lab>/api/translations/)."""
    api = lab / "api" / "translations"
    api.mkdir(parents=True, exist_ok=True)
    listed = {"en": {"displayName": "English", "nativeName": "English"}}
    for lang in langs:
        if lang == "en":
            continue
        locale = LAB_LOCALES[lang]
        listed[locale] = language_names(locale)
        pack = {"data": pack_catalogs(lang), "message": ""}
        (api / f"{locale}.json").write_text(json.dumps(pack, ensure_ascii=False), encoding="utf-8")
    (api / "all.json").write_text(json.dumps({"data": listed, "message": ""}, ensure_ascii=False, indent=1),
                                  encoding="utf-8")


def add_language_apps(lab: Path, langs: list[str], overrides: Mapping[str, object]) -> None:
    """<lab>/<lang>/: JupyterLab speaking `lang` by default (`overrides`: the site's other settings, kept)."""
    source = lab / APP
    for lang in langs:
        if lang == "en":
            continue
        target = lab / app_folder(lang)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)
        config_file = target / "jupyter-lite.json"
        config = json.loads(config_file.read_text(encoding="utf-8"))
        data = config.setdefault("jupyter-config-data", {})
        data["settingsOverrides"] = {**overrides, TRANSLATION_PLUGIN: {"locale": LAB_LOCALES[lang]}}
        config_file.write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
