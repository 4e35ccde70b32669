"""Start `jkquiz lab` / `jkquiz app` as a learner does, in the background, and stop them with Ctrl-C.

Used by tests/test_serve.py and the browser tests. Every Jupyter and jkquiz folder goes to a temp
dir; the process group is killed whatever happens, and what outlived Ctrl-C is reported.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from jkquiz.course import copy_without_outputs

START_TIMEOUT = 120.0
STOP_TIMEOUT = 45.0


def free_port() -> int:
    """A port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def clear_outputs(source: Path, target: Path) -> None:
    """Copy the course's notebooks with outputs cleared (stored widgets would race with Run All)."""
    copy_without_outputs(source, target)


def jkquiz_command() -> list[str]:
    """The `jkquiz` console script of this environment (what a learner's `course.py` runs)."""
    script = Path(sys.executable).with_name("jkquiz")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from jkquiz.cli import main; sys.exit(main())"]


class CourseServer:
    """`jkquiz lab` or `jkquiz app` running in the background for a test module."""

    def __init__(self, command: str, notebooks: Path, workdir: Path, *extra: str,
                 env: dict[str, str] | None = None) -> None:
        self.command, self.notebooks, self.workdir, self.extra = command, notebooks, workdir, extra
        self.extra_env = env or {}
        self.home = workdir / "jkquiz-home"
        self.log_path = workdir / f"jkquiz-{command}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = self.origin = self.token = ""
        self.returncode: int | None = None

    def env(self) -> dict[str, str]:
        """This environment with every Jupyter and jkquiz folder in the temp dir (nothing written to ~)."""
        env = dict(os.environ)
        for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR",
                     "JUPYTERLAB_WORKSPACES_DIR"):
            folder = self.workdir / name.lower()
            folder.mkdir(parents=True, exist_ok=True)
            env[name] = str(folder)
        env["JKQUIZ_HOME"] = str(self.home)
        env["TMPDIR"] = str(self.workdir)  # the server's own work folder, so a leftover would be seen
        env.pop("JKQUIZ_NOTEBOOKS", None)
        env.update(self.extra_env)
        return env

    def start(self) -> CourseServer:
        """Start the command and wait until it prints the course's address."""
        argv = [*jkquiz_command(), self.command, "--no-browser", "--notebooks", str(self.notebooks),
                "--port", str(free_port()), *self.extra]
        env = self.env()
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         env=env, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            match = re.search(r"^\s+(http://\S+)\s*$", self.output(), re.MULTILINE)
            if match:
                self.url = match.group(1)
                parts = urlsplit(self.url)
                self.origin = f"{parts.scheme}://{parts.netloc}"
                self.token = parse_qs(parts.query).get("token", [""])[0]
                return self
            if self.proc.poll() is not None:
                pytest.fail(f"jkquiz {self.command} exited with {self.proc.returncode}:\n{self.output()}")
            time.sleep(0.2)
        self.kill()
        pytest.fail(f"jkquiz {self.command} printed no address within {START_TIMEOUT:.0f} s:\n{self.output()}")

    def at(self, path: str) -> str:
        """The address of `path` on this server, with the token (which also logs the browser in)."""
        joiner = "&" if "?" in path else "?"
        return f"{self.origin}{path}{joiner}token={quote(self.token)}" if self.token else self.origin + path

    def output(self) -> str:
        """What jkquiz printed so far."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def server_log(self) -> str:
        """jkquiz's output and the Jupyter server's own log (kept in the server's temp folder)."""
        logs = [self.output()]
        logs += [p.read_text(encoding="utf-8", errors="replace") for p in self.workdir.glob("jkquiz-*/server.log")]
        return "\n".join(logs)

    def processes(self) -> list[Any]:
        """jkquiz and every process under it (the server and its kernels)."""
        import psutil

        try:
            root = psutil.Process(self.proc.pid)  # type: ignore[union-attr]
            return [root, *root.children(recursive=True)]
        except psutil.Error:
            return []

    def kernels(self) -> int:
        """How many kernels the server runs now."""
        count = 0
        for proc in self.processes():
            try:
                count += any("ipykernel" in part for part in proc.cmdline())
            except Exception:  # noqa: BLE001 - it ended while we looked
                pass
        return count

    def wait_kernels(self, at_most: int, timeout: float = 15.0) -> int:
        """Wait until the server runs at most `at_most` kernels; how many it runs."""
        deadline = time.monotonic() + timeout
        while (count := self.kernels()) > at_most and time.monotonic() < deadline:
            time.sleep(0.2)
        return count

    def stop(self) -> list[str]:
        """Press Ctrl-C as a learner would; the processes that outlived it (ended here), as text."""
        import psutil

        assert self.proc is not None
        tree = self.processes()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass
        self.returncode = self.proc.poll()
        survivors = [p for p in tree if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        described = [" ".join(p.cmdline()[:4]) for p in survivors]
        self.kill()
        end_all(survivors)
        return described

    def kill(self) -> None:
        """Kill the whole process group, whatever state it is in."""
        kill_group(self.proc)


def kill_group(proc: subprocess.Popen[bytes] | None) -> None:
    """Kill a server's whole process group (it was started in a session of its own) and reap it."""
    if proc is not None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.wait()


def end_all(processes: list[Any]) -> None:
    """Kill psutil processes that outlived their server, ignoring those already gone."""
    import psutil

    for proc in processes:
        try:
            proc.kill()
        except psutil.Error:
            pass
