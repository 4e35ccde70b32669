"""The browser's Python for the static site: Pyodide's core (npm), pinned wheels (pip), jkquiz's own wheel, one lock.

Everything comes from the registries through their own clients: `npm ci` for the `pyodide` package
(site/package.json and its lock) and `pip download` for the wheels pinned in site/requirements.txt.
Pyodide's own lock lists packages it does not ship (their wheels are on a CDN), so the site writes
its own `pyodide-lock.json` listing exactly the wheels it serves, with their hashes and dependencies.
The kernel preloads them all when it starts, and nothing is ever fetched from another host.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from jkquiz.datafiles import CHECKOUT

PLATFORM = "pyemscripten_2026_0_wasm32"
PYTHON = "3.14"
PIP_TARGET = ["--only-binary=:all:", "--platform", PLATFORM, "--python-version", PYTHON, "--implementation", "cp",
              "--abi", "cp314", "--abi", "none"]
# The target the wheels' dependency markers are evaluated for (Pyodide in a browser).
MARKERS = {"sys_platform": "emscripten", "platform_system": "Emscripten", "os_name": "posix",
           "python_version": PYTHON, "python_full_version": PYTHON + ".0", "implementation_name": "cpython",
           "platform_python_implementation": "CPython", "platform_machine": "wasm32", "extra": ""}
# What jkquiz needs in the browser (its wheel also names PyYAML, rapidfuzz, matplotlib...: not loaded there).
JKQUIZ_BROWSER_DEPENDS = ("pydantic", "platformdirs", "fsrs", "ipywidgets", "anywidget")
# Front-end packages ipywidgets names: their files are already in the page (JupyterLite's extensions).
FRONT_END_ONLY = {"widgetsnbextension", "jupyterlab-widgets"}
# What the Pyodide kernel loads at start (it installs any of these not preloaded from PyPI: never here).
KERNEL_PACKAGES = ("micropip", "piplite", "ipykernel", "comm", "pyodide-kernel", "jedi", "ipython")


def site_root() -> Path:
    """The checkout's site/ folder: package.json, package-lock.json, requirements.txt."""
    return CHECKOUT / "site"


def canonical(name: str) -> str:
    """A package name as PEP 503 compares them."""
    from packaging.utils import canonicalize_name

    return str(canonicalize_name(name))


def npm_pyodide(cache: Path) -> Path:
    """Pyodide's core files from npm (`npm ci` against the committed lock), cached by the lock's hash."""
    lock = site_root() / "package-lock.json"
    stamp = hashlib.sha256(lock.read_bytes()).hexdigest()[:16]
    folder = cache / f"npm-{stamp}"
    core = folder / "node_modules" / "pyodide"
    if not (core / "pyodide.asm.wasm").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy2(site_root() / name, folder / name)
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("building the site needs npm (Node.js): install it, e.g. `apt-get install npm`")
        _run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=folder)
    return core


def pinned_wheels(cache: Path) -> list[Path]:
    """The wheels pinned in site/requirements.txt, downloaded once (pip, no resolution at build time)."""
    requirements = site_root() / "requirements.txt"
    stamp = hashlib.sha256(requirements.read_bytes()).hexdigest()[:16]
    folder = cache / f"wheels-{stamp}"
    done = folder / ".complete"
    if not done.is_file():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        _run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
              *PIP_TARGET, "-r", str(requirements), "-d", str(folder)])
        done.write_text("ok\n")
    return sorted(folder.glob("*.whl"))


def jkquiz_wheel(folder: Path, extra_files: Mapping[str, bytes]) -> Path:
    """jkquiz's wheel built from this checkout, with `extra_files` (compiled bank, figures) added inside."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("jkquiz-*.whl"):
        old.unlink()
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps",
          "--no-build-isolation", "-w", str(folder), str(CHECKOUT)])
    wheel = next(folder.glob("jkquiz-*.whl"))
    rewrite_wheel(wheel, add=extra_files, drop=lambda name: "/_data/notebooks/" in name and name.endswith(".ipynb"))
    return wheel


def rewrite_wheel(wheel: Path, *, add: Mapping[str, bytes], drop: object = None) -> None:
    """Add files to a wheel (and drop some), keeping its RECORD of hashes true."""
    keep = drop if callable(drop) else (lambda _name: False)
    with zipfile.ZipFile(wheel) as old:
        entries = {i.filename: old.read(i) for i in old.infolist() if not i.filename.endswith("/RECORD")}
        record_name = next(n for n in old.namelist() if n.endswith(".dist-info/RECORD"))
    entries = {name: data for name, data in entries.items() if not keep(name)}
    entries.update(add)
    rows = [[name, "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode(),
             str(len(data))] for name, data in sorted(entries.items())]
    rows.append([record_name, "", ""])
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    entries[record_name] = text.getvalue().encode()
    temporary = wheel.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            new.writestr(info, data)
    temporary.replace(wheel)


def wheel_metadata(wheel: Path) -> tuple[str, str, list[str], list[str]]:
    """A wheel's name, version, dependencies (for the browser) and top-level import names."""
    from packaging.requirements import Requirement

    with zipfile.ZipFile(wheel) as archive:
        meta_name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        meta = archive.read(meta_name).decode("utf-8")
        tops = sorted({n.split("/", 1)[0].removesuffix(".py") for n in archive.namelist()
                       if ".dist-info/" not in n and ".data/" not in n.split("/", 1)[0] + "/"})
    headers = meta.split("\n\n", 1)[0].splitlines()
    field = {k: v for k, v in (h.split(": ", 1) for h in headers if ": " in h and h[0] != " ") if k in ("Name", "Version")}
    depends = []
    for line in headers:
        if line.startswith("Requires-Dist: "):
            requirement = Requirement(line.removeprefix("Requires-Dist: "))
            if requirement.marker is None or requirement.marker.evaluate(MARKERS):
                depends.append(canonical(requirement.name))
    return field["Name"], field["Version"], depends, [t for t in tops if t.isidentifier()]


def write_lock(folder: Path, wheels: Iterable[Path], info: Mapping[str, str]) -> dict[str, Any]:
    """pyodide-lock.json for exactly the wheels in `folder`; every dependency named must be among them."""
    packages: dict[str, dict[str, object]] = {}
    for wheel in wheels:
        name, version, depends, imports = wheel_metadata(wheel)
        key = canonical(name)
        if key == "jkquiz":
            depends = list(JKQUIZ_BROWSER_DEPENDS)
        packages[key] = {
            "name": key, "version": version, "file_name": wheel.name, "install_dir": "site",
            "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(), "package_type": "package",
            "imports": imports, "depends": [d for d in depends if d not in FRONT_END_ONLY],
            "unvendored_tests": False,
        }
    missing = sorted({d for p in packages.values() for d in p["depends"] if d not in packages})  # type: ignore[attr-defined]  # a list
    if missing:
        raise SystemExit(f"the site's wheels need {', '.join(missing)}: add them to site/requirements.txt")
    lock = {"info": dict(info), "packages": dict(sorted(packages.items()))}
    (folder / "pyodide-lock.json").write_text(json.dumps(lock, indent=1) + "\n", encoding="utf-8")
    return lock


def assemble_runtime(target: Path, cache: Path, kernel_wheels: Iterable[Path], extra_files: Mapping[str, bytes] | None,
                     preload: Iterable[str]) -> dict[str, object]:
    """target/: Pyodide's core, the wheels that `preload` needs (jkquiz's own unless extra_files is None), their lock."""
    core = npm_pyodide(cache)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in ("pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs", "pyodide.js", "python_stdlib.zip",
                 "package.json"):
        shutil.copy2(core / name, target / name)
    info = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    wheels = [shutil.copy2(w, target / w.name) for w in pinned_wheels(cache)]
    wheels += [shutil.copy2(w, target / w.name) for w in kernel_wheels]
    if extra_files is not None:
        wheels.append(jkquiz_wheel(target, extra_files))
    lock = write_lock(target, [Path(w) for w in wheels], info)
    return prune(target, lock, preload)


def prune(target: Path, lock: dict[str, Any], preload: Iterable[str]) -> dict[str, Any]:
    """Keep only the wheels `preload` needs (with their dependencies): the site serves nothing unused."""
    packages: dict[str, Any] = lock["packages"]
    needed, todo = set(), [canonical(p) for p in preload]
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo.extend(packages[name]["depends"])
    for name in set(packages) - needed:
        (target / packages.pop(name)["file_name"]).unlink()
    (target / "pyodide-lock.json").write_text(json.dumps(lock, indent=1) + "\n", encoding="utf-8")
    return lock


def _run(command: list[str], cwd: Path | None = None) -> None:
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(f"{completed.stdout}{completed.stderr}\nbuilding the site failed at: {' '.join(command)}")
