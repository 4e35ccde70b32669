"""The static site in headless Chromium: page open -> first quiz clickable, and the site's size, each against a bare
JupyterLite notebook with one ipywidgets button built the same way (same Pyodide, same kernel, same build flags).

Targets: time ratio <= 1.5, size ratio <= 1.5. Both sites are served on 127.0.0.1; every request to another
host is blocked. Each timing is the best of RUNS, each in a fresh browser context (nothing cached).
The course's site is built with `python3 course.py site` (reused while its inputs are unchanged).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT / "tests"))
from _util import report  # noqa: E402
from site_build import built_site, serve_under_subpath  # noqa: E402

RUNS = 3
CHROMIUM = os.environ.get("JKQUIZ_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
LESSON = "00-start-here.ipynb"


def size_mb(folder: Path) -> float:
    """Megabytes of the files a host serves for the site."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def open_to_clickable(browser, url: str, notebook: str, button: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from opening the notebook's page to its first quiz (or button) being clickable, after Run All."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(180_000)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith((origin, "data:", "blob:"))
                  else r.abort("blockedbyclient"))
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(f"{url}lab/lab/index.html?path={notebook}")
        page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").wait_for()
        page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"Python \(Pyodide\).*\| Idle$")).wait_for()
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        target = page.locator(".jp-OutputArea-output").get_by_role("button", name=button).first
        target.wait_for()
        while not target.is_enabled():
            time.sleep(0.02)
        return time.perf_counter() - start
    finally:
        context.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    course = built_site()
    bare = ROOT / "build" / "site-bare"
    subprocess.run([sys.executable, str(ROOT / "course.py"), "site", "--bare", str(bare)], check=True, cwd=ROOT,
                   capture_output=True)
    host = Path(tempfile.mkdtemp(prefix="jkquiz-bench-site-"))
    course_server, course_url = serve_under_subpath(course, host, "course/jkquiz")
    bare_server, bare_url = serve_under_subpath(bare, host, "bare/site")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            t_bare = min(open_to_clickable(browser, bare_url, "bare.ipynb", "Click me") for _ in range(RUNS))
            t_course = min(open_to_clickable(browser, course_url, LESSON, "Check") for _ in range(RUNS))
            browser.close()
    finally:
        course_server.shutdown()
        bare_server.shutdown()
    course_mb, bare_mb = size_mb(course), size_mb(bare)
    report({
        "bare_open_to_button_s": round(t_bare, 2),
        "lesson_open_to_first_quiz_s": round(t_course, 2),
        "ratio_open_to_quiz_vs_bare": round(t_course / t_bare, 2),
        "bare_site_mb": round(bare_mb, 1),
        "course_site_mb": round(course_mb, 1),
        "ratio_size_vs_bare": round(course_mb / bare_mb, 2),
        "target_ratio": 1.5,
    })


if __name__ == "__main__":
    main()
