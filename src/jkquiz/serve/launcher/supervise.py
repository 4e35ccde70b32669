"""Run a course server (JupyterLab or Voilà) in the foreground and always shut it down cleanly.

The server runs as a child in its own session, so a Ctrl-C in the terminal reaches only
jkquiz, which then stops the server with SIGTERM (both servers shut their kernels down on
it) and finally ends any kernel that outlived it: no orphaned processes, no traceback.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from jkquiz.serve.launcher.address import LOOPBACK, ServerError
from jkquiz.serve.launcher.processes import ProcessTree, quietly

READY_TIMEOUT = 180.0  # a first start on a slow laptop builds caches; give it time
STOP_TIMEOUT = 20.0


@dataclass
class Launch:
    """One server to run: its command line, environment, and the page a learner opens."""

    name: str
    argv: list[str]
    env: dict[str, str]
    cwd: Path
    ip: str
    port: int
    path: str
    token: str
    workdir: Path
    notes: list[str] = field(default_factory=list)

    @property
    def log_path(self) -> Path:
        """Where the server's own output goes."""
        return self.workdir / "server.log"

    @property
    def url(self) -> str:
        """The address to open, with the token when there is one."""
        host = "127.0.0.1" if self.ip in ("0.0.0.0", "") else self.ip
        host = f"[{host}]" if ":" in host else host
        query = f"?token={quote(self.token)}" if self.token else ""
        return f"http://{host}:{self.port}{self.path}{query}"


class _Stop(Exception):
    """A stop was asked for (Ctrl-C, SIGTERM or SIGHUP)."""


class _Stopper:
    """Signal handler: remembers a stop asked for while the server starts, raises _Stop once armed."""

    def __init__(self) -> None:
        self.armed = self.pending = False

    def __call__(self, _signum: int, _frame: Any) -> None:
        if self.armed:
            raise _Stop()
        self.pending = True

    def arm(self) -> None:
        """From now on a stop interrupts at once (and one asked for already does now)."""
        self.armed = True
        if self.pending:
            raise _Stop()


def serve(launch: Launch, *, open_browser: bool, out: IO[str] | None = None,
          ready_timeout: float = READY_TIMEOUT) -> int:
    """Start the server, print its address, wait for Ctrl-C or its end, then stop it all; the exit code."""
    out = out or sys.stdout
    say = lambda text: print(text, file=out, flush=True)  # noqa: E731
    launch.workdir.mkdir(parents=True, exist_ok=True)
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    stopper = _Stopper()
    for sig in previous:
        signal.signal(sig, stopper)
    say(f"jkquiz: starting {launch.name} …")
    code, keep_log = 0, False
    with open(launch.log_path, "wb") as log:
        proc = subprocess.Popen(launch.argv, env=launch.env, cwd=launch.cwd, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        tree = ProcessTree(proc.pid)
        try:
            stopper.arm()
            _wait_ready(launch, proc, tree, ready_timeout)
            say(f"jkquiz: {launch.name} is running. Open the course at\n\n    {launch.url}\n")
            for note in launch.notes:
                say(note)
            say("Keep this window open while you study; press Ctrl-C here to stop (every answer is already saved).")
            if open_browser:
                threading.Thread(target=_open_browser, args=(launch.url,), daemon=True).start()
            while proc.poll() is None:
                time.sleep(0.5)
                tree.refresh()
            say(f"jkquiz: {launch.name} stopped by itself (exit code {proc.returncode}).")
            code, keep_log = 1, True
        except _Stop:
            say(f"\njkquiz: stopping {launch.name} …")
        except ServerError as exc:
            say(f"jkquiz: {exc}")
            code, keep_log = 1, True
        finally:
            ended = _stop(proc, tree)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
    if keep_log:
        say(_log_tail(launch.log_path))
        say(f"jkquiz: the server's full log is in {launch.log_path}")
    else:
        shutil.rmtree(launch.workdir, ignore_errors=True)
    kernels = f" and {ended} leftover process(es) ended" if ended else ""
    say(f"jkquiz: {launch.name} is shut down{kernels}.")
    return code


def _wait_ready(launch: Launch, proc: subprocess.Popen[bytes], tree: ProcessTree, timeout: float) -> None:
    """Wait until the server accepts connections; fail early if it exits."""
    host = LOOPBACK if launch.ip in ("0.0.0.0", "") else ("::1" if launch.ip == "::" else launch.ip)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerError(f"{launch.name} did not start (exit code {proc.returncode}); its last words are below.")
        try:
            with socket.create_connection((host, launch.port), timeout=1):
                return
        except OSError:
            time.sleep(0.25)
            tree.refresh()
    raise ServerError(f"{launch.name} did not answer within {timeout:.0f} seconds.")


def _stop(proc: subprocess.Popen[bytes], tree: ProcessTree) -> int:
    """SIGTERM the server's group, wait, SIGKILL if needed, end leftover kernels; how many were left over."""
    forced = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # asked again: stop at once, still cleanly
        signal.signal(sig, lambda *_: forced.set())
    tree.refresh()
    if proc.poll() is None:
        quietly(lambda: os.killpg(proc.pid, signal.SIGTERM))
        deadline = time.monotonic() + STOP_TIMEOUT
        while proc.poll() is None and time.monotonic() < deadline and not forced.is_set():
            time.sleep(0.1)
        if proc.poll() is None:
            quietly(lambda: os.killpg(proc.pid, signal.SIGKILL))
            proc.wait()
    return tree.end_survivors()


def _open_browser(url: str) -> None:
    import webbrowser

    quietly(lambda: webbrowser.open(url))


def _log_tail(path: Path, lines: int = 15) -> str:
    """The last lines of the server log, indented."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
    except OSError:
        return ""
    return "\n".join("    " + line for line in text)
