#!/usr/bin/env python3
"""The README's two screenshots, taken as a learner sees the course (headless Debian chromium).

    python tools/readme_screenshots.py          # writes docs/quiz-jupyterlab.png and docs/app-contents.png

- docs/quiz-jupyterlab.png: `jkquiz lab`, lesson 02 after Run All, its first quick check answered wrongly.
- docs/app-contents.png: `jkquiz app`, the contents page after one right answer in lesson 02.
Works on copies of the notebooks (outputs cleared) with every Jupyter and jkquiz folder in a temp dir.
"""

from __future__ import annotations

import os
import secrets
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("JKQUIZ_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
JKQUIZ = [sys.executable, "-c", "import sys; from jkquiz.cli import main; sys.exit(main())"]
QUICK_CHECK = "In which city was the Treaty on Basic Relations"  # lesson 02's first quick check


def copy_course(target: Path) -> Path:
    from jkquiz.course import copy_without_outputs

    return copy_without_outputs(ROOT / "notebooks", target)


class Server:
    """`jkquiz lab|app` in the background; stopped with Ctrl-C."""

    def __init__(self, command: str, notebooks: Path, log: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_urlsafe(24)
        with open(log, "ab") as out:
            self.proc = subprocess.Popen([*JKQUIZ, command, "--no-browser", "--notebooks", str(notebooks),
                                          "--port", str(self.port), "--token", self.token], stdout=out, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        deadline = time.monotonic() + 120
        while f":{self.port}/" not in log.read_text(errors="replace"):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise SystemExit(f"jkquiz {command} did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(timeout=60)


def answer_quick_check(page, choice: str) -> None:  # type: ignore[no-untyped-def]
    quiz = page.locator(".jkquiz").filter(has_text=QUICK_CHECK).first
    quiz.get_by_role("radio", name=choice, exact=True).check()
    quiz.get_by_role("button", name="Check", exact=True).click()
    quiz.locator(".jkq-feedback").wait_for()


def lab_quiz(browser, notebooks: Path, log: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    server = Server("lab", notebooks, log)
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(f"{server.origin}/lab/tree/02-normalization.ipynb?token={server.token}")
        page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"^Python 3.*\| Idle$")).wait_for(timeout=120_000)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        page.locator(".jkquiz").filter(has=page.locator("progress")).wait_for(timeout=120_000)
        answer_quick_check(page, "Seoul")
        quiz = page.locator(".jkquiz").filter(has_text=QUICK_CHECK).first
        quiz.evaluate("el => el.closest('.jp-Cell').previousElementSibling.scrollIntoView()")  # its code cell on top
        page.wait_for_timeout(500)
        page.screenshot(path=str(out))
    finally:
        server.stop()


def app_contents(browser, notebooks: Path, log: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    server = Server("app", notebooks, log)
    try:
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(f"{server.origin}/voila/render/02-normalization.ipynb?token={server.token}")
        page.locator(".jkquiz").filter(has=page.locator("progress")).wait_for(timeout=120_000)
        answer_quick_check(page, "Tokyo")
        page.goto(f"{server.origin}/voila/render/index.ipynb?token={server.token}")
        page.locator(".jkq-contents").wait_for(timeout=120_000)
        page.wait_for_timeout(500)
        page.screenshot(path=str(out))
        page.close(run_before_unload=True)
    finally:
        server.stop()


def main() -> None:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="jkquiz-shots-"))
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR",
                 "JUPYTERLAB_WORKSPACES_DIR", "JKQUIZ_HOME"):
        os.environ[name] = str(work / name.lower())
    notebooks = copy_course(work / "notebooks")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        lab_quiz(browser, notebooks, work / "servers.log", ROOT / "docs" / "quiz-jupyterlab.png")
        app_contents(browser, notebooks, work / "servers.log", ROOT / "docs" / "app-contents.png")
        browser.close()
    shutil.rmtree(work, ignore_errors=True)
    print("wrote docs/quiz-jupyterlab.png and docs/app-contents.png")


if __name__ == "__main__":
    main()
