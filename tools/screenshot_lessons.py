#!/usr/bin/env python3
"""Screenshot lessons as a learner sees them in JupyterLab: Run All, then one full-page PNG each.

    python tools/screenshot_lessons.py 03-territory 05-public-opinion --out docs

Works on copies of the notebooks in a temp folder (JupyterLab autosaves, and the stored
notebooks must not change), with every Jupyter and jkquiz folder in that temp folder, and
Debian's chromium driven by Playwright. Each lesson's first quick check is answered (its first
choice, or its first suggested value) so the screenshot shows the feedback a learner gets.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("JKQUIZ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SETTINGS = {  # no news toast; every cell rendered (no windowing) so a tall viewport shows the whole lesson
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
WIDTH = 1100


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(work: Path, names: list[str]) -> tuple[Path, dict[str, str]]:
    """Copies of the notebooks with outputs cleared, and an environment that keeps everything in `work`."""
    from jkquiz.course import copy_without_outputs

    folder = copy_without_outputs(ROOT / "notebooks", work / "notebooks")
    missing = [n for n in names if not (folder / f"{n}.ipynb").exists()]
    if missing:
        sys.exit(f"no notebook named {', '.join(missing)} in notebooks/")
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR",
                 "JUPYTERLAB_WORKSPACES_DIR", "JUPYTERLAB_SETTINGS_DIR", "JKQUIZ_HOME"):
        env[name] = str(work / name.lower())
    for rel, value in SETTINGS.items():
        target = work / "jupyterlab_settings_dir" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(value), encoding="utf-8")
    return folder, env


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"JupyterLab did not answer at {url}")


def shoot(page, base: str, name: str, out: Path) -> Path:  # noqa: ANN001 - a Playwright Page
    page.set_viewport_size({"width": WIDTH, "height": 900})
    page.goto(f"{base}/doc/tree/{name}.ipynb")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    page.get_by_text("| Idle").wait_for(timeout=60_000)
    quiz_button = page.locator(".jp-CodeCell").last.get_by_role("button", name="Check")
    for attempt in range(3):  # Run All sent before a cold kernel's first reply can be dropped: run again
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            quiz_button.wait_for(timeout=45_000)  # the quiz is the last code cell: everything above has run
            break
        except Exception:
            if attempt == 2:
                page.screenshot(path=str(out / f"failed-{name}.png"))
                raise
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    answer_first_check(page, name)
    page.mouse.click(5, 300)  # leave no focus ring on a cell
    height = page.evaluate(  # the notebook scrolls inside its panel: measure the content, not the window
        "Math.max(...['.jp-Notebook', '.jp-WindowedPanel-outer', '.jp-WindowedPanel-inner']"
        ".map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight))")
    page.set_viewport_size({"width": WIDTH, "height": int(height) + 120})
    page.evaluate("document.querySelectorAll('.jp-WindowedPanel-outer, .jp-Notebook')"
                  ".forEach(e => { e.scrollTop = 0; })")  # Run All left it scrolled to the last cell
    page.wait_for_timeout(800)
    target = out / f"lesson-{name}.png"
    last = page.locator(".jp-Notebook .jp-Cell").last.bounding_box()  # JupyterLab pads below the last cell
    bottom = int(last["y"] + last["height"] + 40) if last else int(height) + 120
    page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": WIDTH, "height": bottom})
    return target


def first_ask(name: str) -> str | None:
    """The question id of the lesson's first quick check."""
    notebook = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        found = re.match(r'^jkquiz\.ask\("([^"]+)"\)$', "".join(cell["source"]))
        if cell["cell_type"] == "code" and found:
            return found.group(1)
    return None


def answer_first_check(page, name: str) -> None:  # noqa: ANN001 - a Playwright Page
    """Answer the first quick check as a learner would (rightly), and press Check to show the feedback."""
    from jkquiz.api import course_bank

    qid = first_ask(name)
    if qid is None:
        return
    question = course_bank().questions[qid]
    check = page.locator(".jkquiz").first
    kind = question.type  # type: ignore[attr-defined]
    if kind == "single":
        check.get_by_text(question.answer, exact=True).click()  # type: ignore[attr-defined]
    elif kind == "multiple":
        for answer in question.answers:  # type: ignore[attr-defined]
            check.get_by_text(answer, exact=True).click()
    elif kind == "true_false":
        check.get_by_role("button", name=str(question.answer)).click()  # type: ignore[attr-defined]
    elif kind in ("text", "number"):
        answer = question.answer  # type: ignore[attr-defined]
        value = str(int(answer)) if isinstance(answer, float) and answer.is_integer() else str(answer)
        check.locator("input[type=text]").fill(value)
    check.get_by_role("button", name="Check").click()
    page.wait_for_timeout(500)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+", help="notebook names without .ipynb, e.g. 03-territory")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="jkquiz-shots-"))
    folder, env = prepare(work, args.names)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--allow-root", "--no-browser", "--IdentityProvider.token=",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
         f"--ServerApp.root_dir={folder}"],
        env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/api/status")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            # Only the local server: no fonts or news from the internet, so shots are the same offline.
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                       else route.abort())
            for name in args.names:
                print(f"{shoot(page, base, name, args.out)}")
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
