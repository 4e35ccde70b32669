"""The single-user start command on a hub: `python -m jkquiz.hub.start [jupyterhub-singleuser options]`.

Runs as the learner, in any spawner (local processes, Docker, Kubernetes): copies the course's notebooks
into `~/jkquiz-course` (new lessons are added later; a learner's own copies are never overwritten), keeps
the progress file in `~/jkquiz-progress` (JKQUIZ_HOME, unless the hub set it), lets the collector service
only read progress files (see jkquiz.hub.authorizer), then becomes `jupyterhub-singleuser`.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from jkquiz.hub import COURSE_FOLDER, PROGRESS_FOLDER

AUTHORIZER = "jkquiz.hub.authorizer.CollectorReadsProgressOnly"


def place_course(home: Path, source: Path | None = None) -> list[str]:
    """Copy the course's notebooks (without outputs) into `home`/jkquiz-course; the names copied.

    A notebook already there is the learner's (maybe annotated): it is kept as it is. Outputs are left out
    because stored widgets would show quiz buttons that do nothing until the lesson is run.
    """
    from jkquiz.course import notebooks_dir, without_outputs

    source = source or notebooks_dir()
    target = home / COURSE_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in sorted(source.iterdir()):
        if path.name.startswith(".") or path.name in ("src", "__pycache__"):
            continue
        destination = target / path.name
        if destination.exists():
            continue
        if path.is_dir():
            shutil.copytree(path, destination)
        elif path.suffix == ".ipynb":
            notebook = without_outputs(json.loads(path.read_text(encoding="utf-8")))
            destination.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            shutil.copy2(path, destination)
        copied.append(path.name)
    return copied


def singleuser_command(argv: list[str]) -> list[str]:
    """`jupyterhub-singleuser` of this environment with the collector's authorizer and the learner's options."""
    script = Path(sys.executable).with_name("jupyterhub-singleuser")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "jupyterhub.singleuser"]
    return [*base, f"--ServerApp.authorizer_class={AUTHORIZER}", *argv]


def main(argv: list[str] | None = None) -> None:
    """Prepare the learner's home, then exec the single-user server."""
    from jkquiz.serve.launcher.paths import server_env

    argv = list(sys.argv[1:] if argv is None else argv)
    home = Path(os.environ.get("HOME") or Path.home())
    place_course(home)
    env = server_env()  # JupyterLab's news toast off, jkquiz's Voilà template on the path
    env.setdefault("JKQUIZ_HOME", str(home / PROGRESS_FOLDER))
    Path(env["JKQUIZ_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)
    command = singleuser_command(argv)
    os.execve(command[0], command, env)


if __name__ == "__main__":
    main()
