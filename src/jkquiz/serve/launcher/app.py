"""`jkquiz app`: the course as a web app with Voilà: a contents page, lessons without code, live quizzes."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from jkquiz.course import without_outputs
from jkquiz.i18n import N_, get_language
from jkquiz.i18n.catalogs import translations
from jkquiz.notebook.contents import read_entries
from jkquiz.serve.files import JUPYTER_CONFIG
from jkquiz.serve.launcher.address import remote_notes
from jkquiz.serve.launcher.language import check_language, require_language, speak
from jkquiz.serve.launcher.paths import START_NOTEBOOK, require_notebooks
from jkquiz.serve.launcher.prepare import checked_request, own_kernel_env
from jkquiz.serve.launcher.supervise import Launch

DEFAULT_PORT = 8866
CONTENTS = "index.ipynb"
COURSE_TITLE = N_("Japan–South Korea relations")
INTRO = N_("Start with *Start here*, then choose a lesson. Each lesson ends with a quiz; your score so far "
           "is shown next to it, and every answer is saved as you give it.")
CONTENTS_TITLE = N_("{title}: contents")
CONTENTS_WORD = N_("Contents")  # the navigation's link to the contents, as jkquiz.build_course writes it
# Only the front-end extensions the course needs: others installed next to JupyterLab (nbdime, notebook)
# do not load in Voilà's page and fill the console with errors.
EXTENSIONS = ["@voila-dashboards/widgets-manager8", "@jupyter-widgets/jupyterlab-manager", "jupyterlab_pygments",
              "anywidget"]  # anywidget: the quiz's keyboard help (jkquiz/widgets/static/keys.js)
_SKIP = {"src", "__pycache__", CONTENTS}
NAVIGATION = "<!-- navigation"  # how jkquiz.build_course marks the navigation cells it writes


def contents_notebook(lang: str | None = None) -> dict:
    """The notebook Voilà shows as the front page: a heading and the contents (scores read at each visit),
    in `lang` (else the interface's language now); it lists the lessons of the folder it is in (notebooks/<lang>/)."""
    say = translations(lang or get_language()).gettext
    intro = f"# {say(COURSE_TITLE)}\n\n{say(INTRO)}"
    return {
        "cells": [
            {"cell_type": "markdown", "id": "contents-intro", "metadata": {}, "source": intro},
            {"cell_type": "code", "id": "contents-list", "metadata": {}, "execution_count": None, "outputs": [],
             "source": "import jkquiz\njkquiz.contents()"},
        ],
        "metadata": {
            "title": say(CONTENTS_TITLE).format(title=say(COURSE_TITLE)),
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _clean_copy(source: Path, target: Path, title: str, lang: str = "en") -> None:
    """Copy a lesson without stored outputs (Voilà runs it afresh), with its title for the browser tab,
    and its navigation's Contents link (in the page's language) leading to the app's contents page."""
    notebook = without_outputs(json.loads(source.read_text(encoding="utf-8")))
    word = translations(lang).gettext(CONTENTS_WORD)
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            text = "".join(cell.get("source", ""))
            if text.startswith(NAVIGATION):
                for where in ("", "../"):  # a language without its own start page links the English one
                    text = text.replace(f"[{word}]({where}{START_NOTEBOOK})", f"[{word}]({where}{CONTENTS})")
                cell["source"] = text
    notebook["metadata"]["title"] = title
    target.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")


def build_site(folder: Path, site: Path, lang: str | None = None) -> Path:
    """The folder Voilà serves: the contents notebook, each lesson, and the files lessons use; for a language,
    also <lang>/ with its lessons and its own contents notebook (English pages stay for what is not translated)."""
    require_notebooks(folder)
    site.mkdir(parents=True, exist_ok=True)
    titles = {entry.notebook: entry.title for entry in read_entries(folder)}
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.name in _SKIP:
            continue
        if entry.suffix == ".ipynb":
            if entry.name in titles:  # the course's pages only: no other notebook runs in the app
                _clean_copy(entry, site / entry.name, titles[entry.name])
        elif entry.is_dir():  # files lessons show (images); never notebooks such as the instructor's form
            shutil.copytree(entry, site / entry.name, ignore=shutil.ignore_patterns(".*", "__pycache__", "*.ipynb"))
        else:
            shutil.copy2(entry, site / entry.name)
    (site / CONTENTS).write_text(json.dumps(contents_notebook(), ensure_ascii=False, indent=1), encoding="utf-8")
    if lang not in (None, "en"):
        source = require_language(folder, lang)
        (site / lang).mkdir(exist_ok=True)
        for page in read_entries(source):
            _clean_copy(source / page.notebook, site / lang / page.notebook, page.title, lang)
        (site / lang / CONTENTS).write_text(json.dumps(contents_notebook(lang), ensure_ascii=False, indent=1),
                                            encoding="utf-8")
    return site


def voila_argv(site: Path, ip: str, port: int, token: str) -> list[str]:
    """Voilà's command line: our offline template, no template or theme switching by URL, a token if any."""
    argv = [
        sys.executable, "-m", "voila", str(site),
        "--no-browser",  # jkquiz opens the browser itself once the server answers
        f"--Voila.ip={ip}",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",  # never a surprise port: the printed address is the real one
        "--template=jkquiz",
        "--theme=light",
        "--VoilaConfiguration.show_margins=True",
        f"--Voila.config_file_paths={JUPYTER_CONFIG}",  # voila.py there: kernel shutdown and culling
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
        *(f"--VoilaConfiguration.extension_allowlist={name}" for name in EXTENSIONS),
    ]
    if token:
        argv.append(f"--Voila.token={token}")
    return argv


def plan_app(*, notebooks: str | None = None, ip: str = "127.0.0.1", port: int | None = None,
             token: str | None = None, lang: str | None = None) -> Launch:
    """What to run for the course app: a fresh site folder, a free port, a token when needed; in `lang`, the
    contents page of that language's lessons first, and kernels that speak it."""
    lang = check_language(lang)
    folder, ip, token, port = checked_request("voila", "Voilà", notebooks, ip, port, token, DEFAULT_PORT)
    require_language(folder, lang)
    workdir = Path(tempfile.mkdtemp(prefix="jkquiz-app-"))
    site = build_site(folder, workdir / "site", lang)
    front = CONTENTS if lang in (None, "en") else f"{lang}/{CONTENTS}"
    notes = remote_notes(ip, "use the course, and all share one progress record; for a class, give each "
                             "learner their own server (see the README: JupyterHub)")
    return Launch(name="the course app (Voilà)", argv=voila_argv(site, ip, port, token),
                  env=speak(own_kernel_env(workdir), workdir, lang), cwd=site, ip=ip, port=port,
                  path=f"/voila/render/{front}", token=token, workdir=workdir, notes=notes)
