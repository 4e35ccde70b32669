"""`jkquiz lab`: JupyterLab on the course's notebooks, opening the first one."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from jkquiz.serve.launcher.address import remote_notes
from jkquiz.serve.launcher.language import check_language, pack_notes, require_language, speak
from jkquiz.serve.launcher.paths import START_NOTEBOOK
from jkquiz.serve.launcher.prepare import checked_request, own_kernel_env
from jkquiz.serve.launcher.supervise import Launch

DEFAULT_PORT = 8888


def plan_lab(*, notebooks: str | None = None, ip: str = "127.0.0.1", port: int | None = None,
             token: str | None = None, lang: str | None = None) -> Launch:
    """What to run for JupyterLab on the course: checked notebooks, a free port, a token when needed; in `lang`
    ('ko', 'ja', 'en'), the start page of that language, its kernels and JupyterLab's menus speaking it."""
    lang = check_language(lang)
    folder, ip, token, port = checked_request("jupyterlab", "JupyterLab", notebooks, ip, port, token, DEFAULT_PORT)
    start = require_language(folder, lang).relative_to(folder) / START_NOTEBOOK
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
    # the whole course stays the server's root, so a translated page's links to English pages (../) work
    return Launch(name="JupyterLab", argv=argv, env=speak(own_kernel_env(workdir), workdir, lang), cwd=folder, ip=ip,
                  port=port, path=f"/lab/tree/{quote(start.as_posix())}", token=token, workdir=workdir,
                  notes=remote_notes(ip, "run any code on this computer") + pack_notes(lang))
