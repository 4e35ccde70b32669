#!/usr/bin/env python3
"""Set up jkquiz in ./.venv and run it: `python3 course.py start` or `python3 course.py test`.

Needs only Python 3.11+ (and git to get the files). Everything else is installed here:
the Python packages into .venv (re-installed only when pyproject.toml changes) and,
for the tests, Debian's chromium via apt-get when it is missing and we may install it.

    python3 course.py start [jkquiz lab options]   set up, then open the course in JupyterLab
    python3 course.py app   [jkquiz app options]   set up, then serve the course as a web app (Voilà)
    python3 course.py test  [pytest options]       set up (with test tools, chromium and the hub's proxy), run every test
    python3 course.py site  [DIR] [--lang ko|ja]   set up, build the course as a static site (default build/site/)
    python3 course.py serve-site [DIR] [--port N]  serve the built site on this computer
    python3 course.py bench                        set up, run the benchmarks in benchmarks/
    python3 course.py jkquiz COMMAND [options]     set up, then run any jkquiz command (validate, add, report...)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
SITE_VENV = ROOT / ".venv-site"  # the static site's build tools (JupyterLite), kept out of .venv
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
CHROMIUM = "/usr/bin/chromium"


def say(text: str) -> None:
    print(f"[course] {text}", file=sys.stderr, flush=True)  # stdout stays the command's own


def installed(extra: str, where: Path = VENV) -> bool:
    """Whether jkquiz[extra] is installed in the environment `where` (.venv) for the current pyproject.toml."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extra.encode()).hexdigest()
    stamp = where / f".jkquiz-installed-{extra}"
    return (where / PYTHON.relative_to(VENV)).exists() and stamp.exists() and stamp.read_text() == digest


def ensure_venv(extra: str, where: Path = VENV) -> Path:
    """Create the environment `where` (.venv) and install jkquiz[extra] into it when anything changed (the test
    extra holds the course one); its Python."""
    if sys.version_info < (3, 11):
        sys.exit(f"jkquiz needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = where / PYTHON.relative_to(VENV)
    if installed(extra, where) or (extra == "course" and installed("test", where)):
        return python
    if not python.exists():
        say(f"creating a virtual environment in {where.name}/")
        venv.EnvBuilder(with_pip=True, clear=where.exists()).create(where)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extra.encode()).hexdigest()
    stamp = where / f".jkquiz-installed-{extra}"
    say(f"installing jkquiz[{extra}] and its dependencies (first time: a minute or two)")
    run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--upgrade", "pip"])
    run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", f"{ROOT}[{extra}]"])
    stamp.write_text(digest)
    return python


def ensure_chromium() -> None:
    """Install Debian's chromium for the browser tests when it is missing and we can."""
    if Path(CHROMIUM).exists() or os.environ.get("JKQUIZ_CHROMIUM"):
        return
    apt = shutil.which("apt-get")
    sudo = [] if hasattr(os, "geteuid") and os.geteuid() == 0 else ["sudo", "-n"]
    if apt and (not sudo or shutil.which("sudo")):
        say("installing Debian's chromium for the browser tests (apt-get)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        ok = subprocess.call([*sudo, apt, "update", "-qq"], env=env) == 0
        ok = ok and subprocess.call([*sudo, apt, "install", "-y", "-qq", "chromium"], env=env) == 0
        if ok:
            return
    say(
        "chromium is not installed and could not be installed here; browser tests will be skipped.\n"
        "         Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or set JKQUIZ_CHROMIUM\n"
        "         to a Chromium/Chrome binary."
    )


def ensure_proxy() -> None:
    """Install the hub test's proxy (configurable-http-proxy) into hub/node_modules from hub/package-lock.json."""
    hub = ROOT / "hub"
    lock = hub / "package-lock.json"
    stamp = hub / "node_modules" / ".jkquiz-installed"
    if not lock.exists():
        return
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    npm = shutil.which("npm")
    if not npm:
        say("npm is not installed: the real-hub test (tests/hub/) needs it for configurable-http-proxy and will be\n"
            "         skipped (a failure in CI). Install Node.js and npm (e.g. `sudo apt-get install npm`).")
        return
    say("installing configurable-http-proxy into hub/node_modules (npm ci) for the real-hub test")
    if subprocess.call([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=hub) == 0:
        stamp.write_text(digest)


def run(command: list[str], **kwargs: object) -> None:
    code = subprocess.call(command, cwd=ROOT, **kwargs)  # type: ignore[arg-type]
    if code != 0:
        sys.exit(code)


def hand_over(command: list[str]) -> None:
    """Become `command` (a server): Ctrl-C then reaches it alone, and it stops its server and kernels.

    Waiting for it as a child would not do: Ctrl-C would interrupt this script too, and
    subprocess kills its child on an interrupt, leaving the server and its kernels behind.
    """
    if os.name == "nt":  # no exec on Windows: wait, and let the child handle Ctrl-C
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        sys.exit(subprocess.call(command, cwd=ROOT))
    os.chdir(ROOT)
    os.execv(command[0], command)


def main(argv: list[str]) -> None:
    action, rest = (argv[0], argv[1:]) if argv else ("start", [])
    if action == "start":
        ensure_venv("course")
        hand_over([str(BIN / "jkquiz"), "lab", *rest])
    elif action == "app":
        ensure_venv("course")
        hand_over([str(BIN / "jkquiz"), "app", *rest])
    elif action == "jkquiz":  # any jkquiz command, run from where you are (paths as you type them)
        ensure_venv("course")
        command = [str(BIN / "jkquiz"), *rest]
        if os.name == "nt":
            sys.exit(subprocess.call(command))
        os.execv(command[0], command)
    elif action == "test":
        ensure_venv("test")
        ensure_chromium()
        ensure_proxy()
        # two processes, each taking a whole test file at a time (a module's server starts once)
        parallel = [] if any(word.startswith(("-n", "--numprocesses")) for word in rest) else [
            "-n", "2", "--dist", "loadfile"]
        run([str(PYTHON), "-m", "pytest", *parallel, *rest])
    elif action == "site":
        # its own environment: JupyterLite's front-end extensions in .venv would load in `jkquiz lab` and fail there
        python = ensure_venv("site", SITE_VENV)
        options, places = [], []
        for index, word in enumerate(rest):  # "--lang ko" is an option and its value, not a folder
            (options if word.startswith("--") or (index and rest[index - 1] == "--lang") else places).append(word)
        target = places[0] if places else str(ROOT / "build" / "site")
        run([str(python), "-m", "jkquiz.cli", "site", "build", target, *options])
        say(f"serve it with: python3 course.py serve-site {target}   (or any static web server)")
    elif action == "serve-site":
        ensure_venv("course")
        hand_over([str(BIN / "jkquiz"), "site", "serve", *(rest or [str(ROOT / "build" / "site")])])
    elif action == "bench":
        ensure_venv("test")
        for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
            say(f"running {script.name}")
            run([str(PYTHON), str(script), *rest])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except KeyboardInterrupt:
        sys.exit(130)
