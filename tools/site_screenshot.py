#!/usr/bin/env python3
"""The README's screenshot of the course in the browser: the static site (JupyterLite, Pyodide), no server but a
static one on 127.0.0.1, headless Debian chromium, every request to another host blocked.

    .venv/bin/python tools/site_screenshot.py     # writes docs/site-lesson.png

Lesson 03 after Run All: its map (drawn when the site was built) and a quick check answered wrongly, with the
feedback and its sources. The site is built with `python3 course.py site` when its inputs changed.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from site_build import built_site, serve_under_subpath  # noqa: E402

CHROMIUM = os.environ.get("JKQUIZ_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
OUT = ROOT / "docs" / "site-lesson.png"


def main() -> None:
    from playwright.sync_api import sync_playwright

    server, url = serve_under_subpath(built_site(), Path(tempfile.mkdtemp(prefix="jkquiz-shot-")))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1200})
        page.set_default_timeout(180_000)
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
                   else r.abort("blockedbyclient"))
        page.goto(f"{url}lab/lab/index.html?path=03-territory.ipynb")
        page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"Python \(Pyodide\).*\| Idle$")).wait_for()
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        check = page.locator(".jp-OutputArea-output .jkquiz").nth(1)  # the quick check below the map
        check.get_by_role("button", name="Check").wait_for()
        check.locator(".widget-radio-box label").filter(has_not_text="Ulleungdo").first.click()  # a wrong answer
        check.get_by_role("button", name="Check").click()
        check.locator(".jkq-feedback").wait_for()
        page.locator(".jp-OutputArea-output img[alt*='Liancourt']").first.scroll_into_view_if_needed()
        page.mouse.wheel(0, 330)
        page.wait_for_timeout(800)
        page.screenshot(path=str(OUT))
        browser.close()
    server.shutdown()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
