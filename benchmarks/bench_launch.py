"""Time to a usable quiz in a real browser (Debian's Chromium), each next to a bare one-button notebook.

- app: seconds from starting `jkquiz app` to the first quiz of the course (the warm-up question of
  00-start-here) answering a click in Chromium; baseline: from starting plain `voila bare.ipynb` to
  its one ipywidgets button answering a click. Both include process start, page and kernel round trip.
- lab: seconds from Run All to the first quiz of lesson 02 being visible in JupyterLab (started by
  `jkquiz lab`); baseline: Run All to the button of a bare notebook, in the same JupyterLab.
  `jkquiz lab` kernels load the bank as they start (while the learner reads), so the time from
  opening each notebook to its kernel being idle is printed too: that is where the load went.
  Also printed (no target): the same quiz in a notebook holding only `import jkquiz` and that
  quiz, which tells jkquiz's share of the lesson's time from that of the lesson's other cells.
Also printed (no target): `jkquiz app` start to the first quick check of lesson 02, whose page
Voilà shows only once every cell, figures included, has run.

Target: each ratio <= 1.5. Best of RUNS, alternating the two sides, all in one run.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import report  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3
TARGET = 1.5
READY: dict[str, list[float]] = {"bare": [], "02-normalization": [], "minimal": []}  # opening a notebook to its kernel idle
CHROMIUM = os.environ.get("JKQUIZ_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
TOKEN = secrets.token_urlsafe(24)  # jkquiz servers need one on 127.0.0.1 too; the bare Voila baseline has none
MINIMAL_CODE = "import jkquiz\njkquiz.ask('q-norm-treaty-signed-city')"  # lesson 02's first quiz, alone
BARE_CODE = ("import ipywidgets as w\nb = w.Button(description='Click me')\nl = w.Label('')\n"
             "b.on_click(lambda _: setattr(l, 'value', 'clicked'))\nw.VBox([b, l])")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(folder: Path) -> Path:
    """The course's notebooks (outputs cleared) plus bare.ipynb, in `folder`; isolated Jupyter dirs in env."""
    from jkquiz.course import copy_without_outputs

    notebooks = copy_without_outputs(ROOT / "notebooks", folder / "notebooks")
    bare = {"cells": [{"cell_type": "code", "id": "bare", "metadata": {}, "execution_count": None, "outputs": [],
                       "source": BARE_CODE}],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}
    (notebooks / "bare.ipynb").write_text(json.dumps(bare), encoding="utf-8")
    bare["cells"][0]["source"] = MINIMAL_CODE
    (notebooks / "minimal.ipynb").write_text(json.dumps(bare), encoding="utf-8")
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR",
                 "JUPYTERLAB_WORKSPACES_DIR", "JKQUIZ_HOME"):
        os.environ[name] = str(folder / name.lower())
    return notebooks


def start(argv: list[str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "ab") as out:
        return subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Ctrl-C, as a learner stops it (jkquiz then ends the server and kernels); kill if it lingers."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=40)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def goto_when_up(page, url: str, timeout: float = 120) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        try:
            page.goto(url)
            return
        except Exception:  # noqa: BLE001 - connection refused until the server listens
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def click_button_live(page) -> None:  # type: ignore[no-untyped-def]
    """The bare notebook's button answers a click (kernel round trip)."""
    page.get_by_role("button", name="Click me").click(timeout=120_000)
    page.get_by_text("clicked", exact=True).wait_for(timeout=30_000)


def click_quiz_live(page, quiz_index: int = 0) -> None:  # type: ignore[no-untyped-def]
    """The first quiz answers a click: Check without an answer brings its 'choose an answer' note."""
    quiz = page.locator(".jkquiz").nth(quiz_index)
    quiz.get_by_role("button", name="Check", exact=True).click(timeout=120_000)
    quiz.locator(".jkq-feedback").wait_for(timeout=30_000)


def time_voila(browser, argv: list[str], path: str, port: int, live: Callable, log: Path) -> float:  # type: ignore[no-untyped-def]
    """Seconds from starting `argv` to `live(page)` passing on http://127.0.0.1:port{path}."""
    page = browser.new_page()
    began = time.perf_counter()
    proc = start(argv, log)
    try:
        goto_when_up(page, f"http://127.0.0.1:{port}{path}")
        live(page)
        return time.perf_counter() - began
    finally:
        page.close(run_before_unload=True)
        stop(proc)


def time_run_all(browser, origin: str, notebook: str, ready: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from Run All in JupyterLab to `ready` (a selector) being visible; a new page, one notebook open."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    try:
        return _time_run_all(page, origin, notebook, ready)
    finally:
        page.close()


def _time_run_all(page, origin: str, notebook: str, ready: str) -> float:  # type: ignore[no-untyped-def]
    opened = time.perf_counter()
    page.goto(f"{origin}/lab/tree/{notebook}?reset&token={TOKEN}")  # reset: no other notebook restored beside it
    page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"^Python 3.*\| Idle$")).wait_for(timeout=120_000)
    READY[notebook.rsplit("-", 1)[0]].append(time.perf_counter() - opened)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    began = time.perf_counter()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.locator(ready).first.wait_for(state="visible", timeout=120_000)
    return time.perf_counter() - began


def main() -> None:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="jkquiz-bench-launch-"))
    notebooks = prepare(work)
    jkquiz = [sys.executable, "-c", "import sys; from jkquiz.cli import main; sys.exit(main())"]
    log = work / "servers.log"
    app, bare_voila, lesson, lab, bare_lab, minimal = [], [], [], [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(RUNS):
            port = free_port()
            bare_voila.append(time_voila(browser, [sys.executable, "-m", "voila", str(notebooks / "bare.ipynb"),
                                                   "--no-browser", f"--port={port}"],
                                         "/", port, click_button_live, log))
            port = free_port()
            app.append(time_voila(browser, [*jkquiz, "app", "--no-browser", "--notebooks", str(notebooks),
                                            "--port", str(port), "--token", TOKEN],
                                  f"/voila/render/00-start-here.ipynb?token={TOKEN}", port, click_quiz_live, log))
        port = free_port()
        lesson.append(time_voila(browser, [*jkquiz, "app", "--no-browser", "--notebooks", str(notebooks),
                                           "--port", str(port), "--token", TOKEN],
                                 f"/voila/render/02-normalization.ipynb?token={TOKEN}", port, click_quiz_live, log))

        port = free_port()
        server = start([*jkquiz, "lab", "--no-browser", "--notebooks", str(notebooks), "--port", str(port),
                        "--token", TOKEN], log)
        try:
            page = browser.new_page()
            goto_when_up(page, f"http://127.0.0.1:{port}/lab?token={TOKEN}")
            page.close()
            for run in range(RUNS):  # a fresh copy each time: a fresh kernel, as a learner's first Run All
                for name in ("bare", "02-normalization", "minimal"):
                    shutil.copy(notebooks / f"{name}.ipynb", notebooks / f"{name}-{run}.ipynb")
                bare_lab.append(time_run_all(browser, f"http://127.0.0.1:{port}", f"bare-{run}.ipynb",
                                             ".jp-OutputArea-output .widget-button"))
                lab.append(time_run_all(browser, f"http://127.0.0.1:{port}", f"02-normalization-{run}.ipynb",
                                        ".jp-OutputArea-output .jkquiz"))
                minimal.append(time_run_all(browser, f"http://127.0.0.1:{port}", f"minimal-{run}.ipynb",
                                            ".jp-OutputArea-output .jkquiz"))
        finally:
            stop(server)
        browser.close()
    shutil.rmtree(work, ignore_errors=True)

    figures = {
        "app_first_quiz_clickable_s": round(min(app), 2),
        "voila_bare_button_clickable_s": round(min(bare_voila), 2),
        "app_ratio": round(min(app) / min(bare_voila), 2),
        "app_lesson02_first_check_clickable_s": round(min(lesson), 2),
        "lab_run_all_to_quiz_s": round(min(lab), 2),
        "lab_run_all_to_bare_button_s": round(min(bare_lab), 2),
        "lab_ratio": round(min(lab) / min(bare_lab), 2),
        "lab_run_all_to_quiz_minimal_notebook_s": round(min(minimal), 2),
        "lab_minimal_ratio": round(min(minimal) / min(bare_lab), 2),
        "lab_open_to_kernel_idle_lesson_s": round(min(READY["02-normalization"]), 2),
        "lab_open_to_kernel_idle_bare_s": round(min(READY["bare"]), 2),
        "target_ratio": TARGET,
    }
    figures["app_meets_target"] = figures["app_ratio"] <= TARGET
    figures["lab_meets_target"] = figures["lab_ratio"] <= TARGET
    report(figures)


if __name__ == "__main__":
    main()
