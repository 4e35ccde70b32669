"""The repository launches on Binder (repo2docker) from binder/: right Python, the course installed, jkquiz's
Jupyter files found by the servers Binder starts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"


def test_runtime_satisfies_requires_python() -> None:
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    major, minor = map(int, re.fullmatch(r"python-(\d+)\.(\d+)", runtime).groups())  # type: ignore[union-attr]
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    low = tuple(map(int, re.fullmatch(r">=(\d+)\.(\d+)", requires).groups()))  # type: ignore[union-attr]
    assert (major, minor) >= low


def test_requirements_install_this_repository_with_the_course_extra() -> None:
    lines = [line.strip() for line in (BINDER / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    assert [line for line in lines if line and not line.startswith("#")] == ["-e .[course]"]
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(dep.startswith("voila") for dep in extras["course"])
    assert any(dep.startswith("jupyterlab") for dep in extras["course"])


def test_start_puts_jkquiz_jupyter_files_first_and_runs_the_command() -> None:
    start = BINDER / "start"
    assert os.access(start, os.X_OK)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "JUPYTER_PATH": "/learner/own/path"}
    env.pop("JUPYTER_CONFIG_PATH", None)
    probe = (
        "import os\n"
        "from voila.paths import collect_template_paths\n"
        "print(collect_template_paths(['voila', 'nbconvert'], 'jkquiz', prune=True)[0])\n"
        "print(os.environ['JUPYTER_PATH'])\n"
        "print(os.environ['JUPYTER_CONFIG_PATH'])\n"
    )
    out = subprocess.run([str(start), sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True, timeout=60).stdout.splitlines()
    from jkquiz.serve.files import JUPYTER_CONFIG, JUPYTER_DATA

    assert out[0] == str(JUPYTER_DATA / "voila" / "templates" / "jkquiz")
    assert out[1] == f"{JUPYTER_DATA}:/learner/own/path"
    assert out[2] == str(JUPYTER_CONFIG)
