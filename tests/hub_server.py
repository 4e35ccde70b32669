"""A real JupyterHub for the tests: hub/jupyterhub_config.py in trial mode on 127.0.0.1, started and stopped here.

The hub (from PyPI), its proxy (configurable-http-proxy, installed into hub/node_modules by `course.py test`
from hub/package-lock.json) and every learner's server run in one process group under a temp folder; the
hub's own ports are free ones, so runs on a shared machine do not meet. `stop()` sends SIGTERM as an admin
would, waits for the hub to stop every server, and returns what outlived it.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from course_servers import end_all, free_port, kill_group

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "hub" / "jupyterhub_config.py"
PROXY = ROOT / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
START_TIMEOUT = 120.0
STOP_TIMEOUT = 60.0


def missing_prerequisites() -> list[str]:
    """What the hub test needs and this machine lacks, in words saying how to get it."""
    missing = []
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        missing.append("JupyterHub is not installed: `python3 course.py test` installs it (the test extra)")
    if not PROXY.exists():
        missing.append(f"configurable-http-proxy is not installed at {PROXY}: `python3 course.py test` installs it "
                       "with npm (needs Node.js and npm: `sudo apt-get install npm`)")
    return missing


class Hub:
    """JupyterHub with the course's configuration, in trial mode (a password for everyone, local processes)."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.password = secrets.token_urlsafe(12)
        self.collect_token = secrets.token_hex(32)
        self.log_path = workdir / "jupyterhub.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def home(self, name: str) -> Path:
        """A learner's home folder (trial mode keeps them under the hub's folder)."""
        return self.workdir / "homes" / name

    def start(self) -> Hub:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JKQUIZ_", "JUPYTER"))}
        env.update(JKQUIZ_HUB_DIR=str(self.workdir), JKQUIZ_HUB_BIND_URL=self.url, JKQUIZ_HUB_PROXY=str(PROXY),
                   JKQUIZ_HUB_TRIAL_PASSWORD=self.password, JKQUIZ_COLLECT_TOKEN=self.collect_token,
                   JUPYTER_CONFIG_DIR=str(self.workdir / "hub-jupyter-config"), PYTHONUNBUFFERED="1")
        argv = [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG), f"--JupyterHub.hub_port={free_port()}",
                f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{free_port()}"]
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(argv, cwd=self.workdir, env=env, stdout=log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with {self.proc.returncode}:\n{self.log()}")
            try:
                if self.get("/hub/api")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"JupyterHub did not answer within {START_TIMEOUT:.0f} s:\n{self.log()}")

    def get(self, path: str, token: str | None = None, method: str = "GET") -> tuple[int, bytes]:
        """Status and body of a request to the hub's address (through the proxy)."""
        headers = {"Authorization": f"token {token}"} if token else {}
        request = urllib.request.Request(self.url + path, headers=headers, method=method,
                                         data=b"{}" if method == "POST" else None)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def users(self, token: str) -> list[dict[str, Any]]:
        status, body = self.get("/hub/api/users", token)
        assert status == 200, (status, body)
        return json.loads(body)

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def processes(self) -> list[Any]:
        """The hub and every process under it (proxy, learners' servers, their kernels), and any process
        working in the hub's folder (a server that lost its parent)."""
        import psutil

        found = {}
        try:
            root = psutil.Process(self.proc.pid)  # type: ignore[union-attr]
            found = {p.pid: p for p in [root, *root.children(recursive=True)]}
        except psutil.Error:
            pass
        for proc in psutil.process_iter():
            try:
                if proc.pid not in found and str(self.workdir) in (proc.cwd() or ""):
                    found[proc.pid] = proc
            except psutil.Error:
                continue
        return list(found.values())

    def stop(self) -> list[str]:
        """SIGTERM to the hub (it stops every server and the proxy); the processes that outlived it, ended here."""
        import psutil

        tree = self.processes()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass
        deadline = time.monotonic() + 10  # servers told to stop may take a moment after the hub returns
        while time.monotonic() < deadline and any(_alive(p) for p in tree + self.processes()):
            time.sleep(0.2)
        survivors = [p for p in {p.pid: p for p in tree + self.processes()}.values() if _alive(p)]
        described = []
        for proc in survivors:
            try:
                described.append(f"{proc.pid} {' '.join(proc.cmdline()[:5])}")
            except psutil.Error:
                pass
        end_all(survivors)
        kill_group(self.proc)
        return described


def _alive(proc: Any) -> bool:
    import psutil

    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False
