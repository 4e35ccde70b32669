"""Build the course as one static site: a landing page and the lessons in JupyterLite.

    <out>/index.html     the landing page (in the build's language, offering the course in each language)
    <out>/lab/           JupyterLite's JupyterLab with the twelve lessons in English, Korean (ko/) and Japanese
                         (ja/); lab/lab/ speaks English, lab/lab-ko/ and lab/lab-ja/ Korean and Japanese (site/languages.py)
    <out>/pyodide/       Python for the browser (Pyodide) and every wheel the course needs
    <out>/fonts/         the course's CJK font subsets, linked by every page (jkquiz.site.fonts)

No Voici app (yet): voici 0.10.0, the newest, is built on JupyterLite 0.7, whose Pyodide kernel
(0.7.x) cannot start Pyodide 314 ("Classic web workers are not supported"), and Pyodide 314 is the
only one for which PyPI has a pydantic-core wheel; JupyterLite 0.8's kernel does not load in
Voici 0.10's page ("Shared module @jupyterlab/pluginmanager doesn't exist").

Every address in the pages is relative, so the site works from any sub-path (GitHub Pages, a school
server, a USB stick). The page asks nothing of another host: the kernel loads its packages from
<out>/pyodide/ and never falls back to PyPI.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from jkquiz.bank import Bank
from jkquiz.i18n.switch import edition_folder, edition_page
from jkquiz.site.fonts import copy_fonts, kernel_env, link_fonts
from jkquiz.site.languages import add_language_apps, editions, write_translations
from jkquiz.site.pages import landing_page, lesson_copy
from jkquiz.site.runtime import KERNEL_PACKAGES, assemble_runtime

KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
EXTENSIONS = ("@jupyterlite/pyodide-kernel-extension", "@jupyter-widgets/jupyterlab-manager", "anywidget")
START = "00-start-here.ipynb"
CONTENTS = "index.ipynb"
COURSE_TITLE = "Japan–South Korea relations"
PRELOAD = (*KERNEL_PACKAGES, "jkquiz")


def kernel_settings(runtime_url: str, preload: tuple[str, ...] = PRELOAD,
                    env: dict[str, str] | None = None) -> dict[str, object]:
    """The Pyodide kernel's settings: our runtime, every package preloaded, never PyPI; `env`: its environment."""
    options: dict[str, object] = {"packages": list(preload)}
    if env:
        options["env"] = dict(env)
    return {KERNEL_PLUGIN: {
        "pyodideUrl": f"{runtime_url}pyodide.mjs",
        "disablePyPIFallback": True,
        "loadPyodideOptions": options,
    }}


QUIET_LAB = {  # no news or update checks: they would ask another host
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


def lite_config(runtime_url: str, preload: tuple[str, ...] = PRELOAD, env: dict[str, str] | None = None,
                **extra: object) -> dict[str, object]:
    """A jupyter-lite.json for one app."""
    data = {"appName": COURSE_TITLE, "defaultKernelName": "python",
            "litePluginSettings": kernel_settings(runtime_url, preload, env),
            "settingsOverrides": QUIET_LAB, **extra}
    return {"jupyter-lite-schema-version": 0, "jupyter-config-data": data}


def extension_paths() -> list[str]:
    """The front-end extensions the pages need (and no others), from this environment."""
    root = Path(sys.prefix) / "share" / "jupyter" / "labextensions"
    paths = [root / name for name in EXTENSIONS]
    missing = [str(p) for p in paths if not (p / "package.json").is_file()]
    if missing:
        raise SystemExit(f"missing front-end extensions {missing}: install jkquiz[site]")
    return [str(p) for p in paths]


def kernel_wheels() -> list[Path]:
    """The Pyodide kernel's own wheels (pyodide_kernel, piplite, its ipykernel and widgetsnbextension stand-ins)."""
    pypi = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / EXTENSIONS[0] / "static" / "pypi"
    return sorted(w for w in pypi.glob("*.whl") if not w.name.startswith("widgetsnbextension-3."))


def stage_contents(notebooks: Path, target: Path, *, for_app: bool) -> list[Path]:
    """The course's lessons in every language built, copied for the site as they sit in notebooks/ (English at the
    top, the others in ko/ and ja/), widget outputs dropped (figures kept in the lab)."""
    from jkquiz.course import lessons

    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    copies = []
    for lang, folder in editions(notebooks).items():
        into = edition_folder(target, lang)
        into.mkdir(exist_ok=True)
        for lesson in lessons(folder):
            copy = into / lesson.name
            copy.write_text(json.dumps(lesson_copy(lesson.path, lesson.title, for_app=for_app), ensure_ascii=False,
                                       indent=1), encoding="utf-8")
            copies.append(copy)
    if for_app:
        from jkquiz.serve.launcher.app import contents_notebook

        (target / CONTENTS).write_text(json.dumps(contents_notebook(), ensure_ascii=False, indent=1), encoding="utf-8")
    return copies


def package_files(notebooks: Path) -> dict[str, bytes]:
    """What the jkquiz wheel carries for the browser: the compiled bank and message catalogs, the pre-drawn figures,
    the lessons' text."""
    from jkquiz.bank.compiled import bank_key, compiled_name, to_json, yaml_files
    from jkquiz.bank.load import load_located
    from jkquiz.course import lessons, without_outputs
    from jkquiz.figures.prerendered import figures_name, prerender

    files = yaml_files()
    key = bank_key(files)
    bank, locations = load_located(files)
    found = [(lang, lesson) for lang, folder in editions(notebooks).items() for lesson in lessons(folder)]
    extra = {
        f"jkquiz/_data/compiled/{compiled_name(key)}": to_json(bank).encode("utf-8"),
        f"jkquiz/_data/compiled/{figures_name(key)}": prerender([lesson.path for _, lesson in found]),
    }
    extra.update(compiled_catalogs())  # the browser has no Babel to compile the .po files
    extra.update(compiled_translations(bank, locations.files))  # nor PyYAML to read the bank's translations
    for lang, lesson in found:  # contents() reads titles and objectives; the stored outputs stay out of the wheel
        text = json.dumps(without_outputs(json.loads(lesson.path.read_text(encoding="utf-8"))), ensure_ascii=False)
        extra[f"jkquiz/_data/notebooks/{edition_page(lang, lesson.name)}"] = text.encode("utf-8")
    return extra


def compiled_translations(bank: Bank, files: dict[str, str] | None = None) -> dict[str, bytes]:
    """The bank's translations into Korean and Japanese, compiled, named as jkquiz.bank.compiled looks for them.

    `files`: each topic's bank file (the loader's Locations.files; else read from the bank folder's file names)."""
    from jkquiz.bank.compiled import course_bank_dir, translation_key, translation_name, translation_to_json
    from jkquiz.bank.translation import LANGUAGES, load_translation

    return {f"jkquiz/_data/compiled/{translation_name(lang, translation_key(lang))}":
            translation_to_json(load_translation(bank, course_bank_dir(), lang, files)).encode("utf-8") for lang in LANGUAGES}


def compiled_catalogs() -> dict[str, bytes]:
    """The interface's catalogs compiled to .mo, named as jkquiz.i18n looks for them inside the package."""
    from jkquiz.i18n import LANGUAGES
    from jkquiz.i18n.catalogs import catalog_key, compile_po, compiled_name, po_path

    extra = {}
    for lang in LANGUAGES:
        if po_path(lang).is_file():
            po = po_path(lang).read_bytes()
            extra[f"jkquiz/_data/compiled/{compiled_name(lang, catalog_key(po))}"] = compile_po(po)
    return extra


def run_tool(argv: list[str], cwd: Path) -> None:
    """Run a build tool from this environment; stop the build with its name when it fails."""
    completed = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(f"{completed.stdout}{completed.stderr}\nbuilding the site failed at: {' '.join(argv)}")


def tool(name: str) -> str:
    """A command installed next to this Python (jupyter-lite, voici)."""
    found = Path(sys.executable).parent / name
    if not found.exists():
        raise SystemExit(f"`{name}` is not installed here: install jkquiz[site] (python3 course.py site does)")
    return str(found)


def build_lite(out: Path, cache: Path, contents: Path, extra: dict[str, bytes] | None, preload: tuple[str, ...],
               env: dict[str, str] | None = None) -> None:
    """out/pyodide (the runtime) and out/lab (JupyterLite with `contents`; `env`: the kernel's environment)."""
    assemble_runtime(out / "pyodide", cache, kernel_wheels(), extra, preload)
    lab_dir = cache / "work" / "lab"
    shutil.rmtree(lab_dir, ignore_errors=True)  # its task database would skip steps whose output is elsewhere now
    lab_dir.mkdir(parents=True)
    (lab_dir / "jupyter-lite.json").write_text(json.dumps(lite_config("./../pyodide/", preload, env), indent=1),
                                               encoding="utf-8")
    run_tool([tool("jupyter-lite"), "build", "--lite-dir", str(lab_dir), "--contents", str(contents),
              "--output-dir", str(out / "lab"), "--apps", "lab", "--ignore-sys-prefix", "--no-sourcemaps",
              "--no-unused-shared-packages", *(f"--LiteBuildConfig.federated_extensions={p}" for p in extension_paths())],
             cwd=lab_dir)


BARE_NOTEBOOK = {
    "cells": [{"cell_type": "code", "id": "button", "metadata": {}, "execution_count": None, "outputs": [],
               "source": 'import ipywidgets\nipywidgets.Button(description="Click me")'}],
    "metadata": {"kernelspec": {"name": "python", "display_name": "Python (Pyodide)", "language": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}


def build_bare_site(out: Path, *, cache: Path) -> Path:
    """The benchmark's baseline: one notebook with one ipywidgets button, built the same way as the course."""
    out = out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    contents = cache / "work" / "bare-contents"
    shutil.rmtree(contents, ignore_errors=True)
    contents.mkdir(parents=True)
    (contents / "bare.ipynb").write_text(json.dumps(BARE_NOTEBOOK, indent=1), encoding="utf-8")
    build_lite(out, cache, contents, None, (*KERNEL_PACKAGES, "ipywidgets"))
    return out


def build_site(out: Path, *, cache: Path, notebooks: Path | None = None, say: Callable[[str], None] = print) -> Path:
    """Build the whole site into `out` (replaced); `cache` keeps downloads between builds."""
    from jkquiz.course import notebooks_dir

    started = time.perf_counter()
    notebooks = notebooks or notebooks_dir()
    out = out.resolve()
    work = cache / "work"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    say("compiling the bank and drawing the figures")
    extra = package_files(notebooks)
    say("building the lessons in JupyterLite, with Python for the browser (Pyodide and wheels)")
    stage_contents(notebooks, work / "lab-contents", for_app=False)
    build_lite(out, cache, work / "lab-contents", extra, PRELOAD, env=kernel_env())
    copy_fonts(out)
    link_fonts(out / "lab" / "lab" / "index.html")
    langs = list(editions(notebooks))
    write_translations(out / "lab", langs)  # JupyterLab's own menus in Korean and Japanese
    add_language_apps(out / "lab", langs, QUIET_LAB)  # copies of lab/lab/, its font link included
    (out / "index.html").write_text(landing_page(langs), encoding="utf-8")
    (out / ".nojekyll").write_text("")  # GitHub Pages: serve folders starting with _ as they are
    say(f"built {out} in {time.perf_counter() - started:.0f} s")
    return out
