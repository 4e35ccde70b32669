"""The static site for the browser tests and the benchmark: built once by `python3 course.py site`, reused while
nothing it is built from has changed (a stamp of the inputs' hash), served on 127.0.0.1 under a sub-path."""

from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ("src/jkquiz", "data/bank", "notebooks", "site/package.json", "site/package-lock.json",
          "site/requirements.txt", "pyproject.toml")
STAMP = ".jkquiz-site-inputs"


def inputs_digest() -> str:
    """Hash of every file the site is built from."""
    digest = hashlib.sha256()
    for name in INPUTS:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(ROOT)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def built_site(target: Path = ROOT / "build" / "site-test") -> Path:
    """The site built from this checkout (rebuilt only when an input changed).

    The tests run in two processes (pytest-xdist, a file each at a time): the first to ask builds the site while
    holding a lock beside it, the other waits for it and then finds it built.
    """
    wanted = inputs_digest()
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f"{target.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stamp = target / STAMP
        if stamp.is_file() and stamp.read_text() == wanted and (target / "index.html").is_file():
            return target
        done = subprocess.run([sys.executable, str(ROOT / "course.py"), "site", str(target)], cwd=ROOT,
                              capture_output=True, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        if done.returncode != 0:
            raise RuntimeError(f"`python3 course.py site` failed:\n{done.stdout[-5000:]}\n{done.stderr[-5000:]}")
        stamp.write_text(wanted)
        return target


def serve_under_subpath(site: Path, workdir: Path, subpath: str = "course/jkquiz"):  # type: ignore[no-untyped-def]
    """Serve `site` as http://127.0.0.1:PORT/<subpath>/ (as GitHub Pages serves a project); (server, base URL)."""
    from jkquiz.site.serve import serve_in_background

    link = workdir.joinpath(*subpath.split("/"))
    link.parent.mkdir(parents=True, exist_ok=True)
    if not link.exists():
        link.symlink_to(site.resolve(), target_is_directory=True)
    icon = workdir / "favicon.ico"  # the host's own icon: Chromium asks the host's root for one, outside the site
    if not icon.exists():
        icon.write_bytes((site / "lab" / "lab" / "favicon.ico").read_bytes())
    server, origin = serve_in_background(workdir)
    return server, f"{origin}{subpath}/"
