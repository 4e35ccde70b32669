"""Where the course's notebooks are, and the environment a course server starts in (jkquiz's Jupyter files first)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from jkquiz.errors import JkquizError
from jkquiz.serve.files import JUPYTER_CONFIG, JUPYTER_DATA

START_NOTEBOOK = "00-start-here.ipynb"


class CourseNotFound(JkquizError):
    """The course's notebooks are not where jkquiz looked for them."""


def notebooks_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The folder of lesson notebooks: `explicit`, else the course's (see jkquiz.course.notebooks_dir)."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from jkquiz.course import notebooks_dir as course_notebooks

    return course_notebooks().resolve()


def require_notebooks(folder: Path, first: str | None = START_NOTEBOOK) -> list[Path]:
    """The lesson notebooks in `folder` (NN-slug.ipynb), or a clear error when there are none."""
    if not folder.is_dir():
        raise CourseNotFound(
            f"the course's notebooks were not found: {folder} is not a folder. "
            "Run this from the course folder, or give the folder with --notebooks."
        )
    lessons = sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb") if p.is_file())
    if not lessons:
        raise CourseNotFound(
            f"no lesson notebooks (named like 01-topic.ipynb) in {folder}. "
            "The lessons may not be built yet; give another folder with --notebooks."
        )
    if first and not (folder / first).is_file():
        raise CourseNotFound(f"the course's first notebook {first} is missing from {folder}.")
    return lessons


def server_env(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a course server: jkquiz's Jupyter folders first, the learner's own kept."""
    env = dict(os.environ if base is None else base)
    for name, folder in (("JUPYTER_PATH", JUPYTER_DATA), ("JUPYTER_CONFIG_PATH", JUPYTER_CONFIG)):
        env[name] = os.pathsep.join(p for p in (str(folder), env.get(name, "")) if p)
    env["PYTHONUNBUFFERED"] = "1"  # the server log is read while the server runs
    return env
