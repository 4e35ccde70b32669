"""`jkquiz lab`: JupyterLab on the course's notebooks, opening the first one."""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from jkquiz.serve.address import ServerError, check_ip, choose_port, remote_notes, resolve_token
from jkquiz.serve.paths import START_NOTEBOOK, notebooks_dir, require_notebooks, server_env
from jkquiz.serve.server import Launch
from jkquiz.serve.warm import write_kernelspec

DEFAULT_PORT = 8888


def require_module(module: str, what: str) -> None:
    """A clear error when a server package is missing from this Python."""
    if importlib.util.find_spec(module) is None:
        raise ServerError(
            f"{what} is not installed in this Python ({sys.executable}). "
            "`python3 course.py start` installs everything; or run: pip install 'jkquiz[course]'"
        )


def plan_lab(*, notebooks: str | None = None, ip: str = "127.0.0.1", port: int | None = None,
             token: str | None = None) -> Launch:
    """What to run for JupyterLab on the course: checked notebooks, a free port, a token when needed."""
    require_module("jupyterlab", "JupyterLab")
    folder = notebooks_dir(notebooks)
    require_notebooks(folder)
    ip = check_ip(ip)
    token = resolve_token(ip, token)
    port = choose_port(ip, port, DEFAULT_PORT)
    argv = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",  # jkquiz opens the browser itself once the server answers
        f"--ServerApp.ip={ip}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # never a surprise port: the printed address is the real one
        f"--ServerApp.root_dir={folder}",
        f"--IdentityProvider.token={token}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--allow-root")  # containers and classroom machines often run as root
    workdir = Path(tempfile.mkdtemp(prefix="jkquiz-lab-"))
    env = server_env()
    kernels = workdir / "jupyter-data"
    write_kernelspec(kernels)  # first on JUPYTER_PATH: notebooks run on this Python, bank loaded at start
    env["JUPYTER_PATH"] = os.pathsep.join([str(kernels), env["JUPYTER_PATH"]])
    return Launch(name="JupyterLab", argv=argv, env=env, cwd=folder, ip=ip, port=port,
                  path=f"/lab/tree/{quote(START_NOTEBOOK)}", token=token, workdir=workdir,
                  notes=remote_notes(ip, "run any code on this computer"))
