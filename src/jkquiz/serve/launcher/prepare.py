"""What `jkquiz lab` and `jkquiz app` check and set up before they start a server."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from jkquiz.serve.launcher.address import ServerError, check_ip, choose_port, resolve_token
from jkquiz.serve.launcher.paths import notebooks_dir, require_notebooks, server_env
from jkquiz.serve.launcher.kernelspec import write_kernelspec


def require_module(module: str, what: str) -> None:
    """A clear error when a server package is missing from this Python."""
    if importlib.util.find_spec(module) is None:
        raise ServerError(
            f"{what} is not installed in this Python ({sys.executable}). "
            "`python3 course.py start` installs everything; or run: pip install 'jkquiz[course]'"
        )


def checked_request(module: str, what: str, notebooks: str | None, ip: str, port: int | None,
                    token: str | None, default_port: int) -> tuple[Path, str, str, int]:
    """The server package, the notebooks, the address, a token when needed, a free port: each checked."""
    require_module(module, what)
    folder = notebooks_dir(notebooks)
    require_notebooks(folder)
    ip = check_ip(ip)
    token = resolve_token(ip, token)
    return folder, ip, token, choose_port(ip, port, default_port)


def own_kernel_env(workdir: Path) -> dict[str, str]:
    """The server's environment, jkquiz's own python3 kernelspec first on JUPYTER_PATH: lessons run on this
    Python (with the bank loaded at start) even if the learner registered another python3 kernel."""
    env = server_env()
    kernels = workdir / "jupyter-data"
    write_kernelspec(kernels)
    env["JUPYTER_PATH"] = os.pathsep.join([str(kernels), env["JUPYTER_PATH"]])
    return env
