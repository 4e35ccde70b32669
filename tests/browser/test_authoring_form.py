"""The instructor's form in JupyterLab: every field whole (no border cut off), facts picked without Ctrl-click."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from jkquiz.course import without_outputs

from .conftest import ARTIFACTS
from .test_lab import run_all

NOTEBOOK = "instructor/add-questions.ipynb"

# Every control of the form whose box is cut by an ancestor that hides what overflows it.
CLIPPED = """form => {
  const cut = [];
  for (const el of form.querySelectorAll('input, textarea, select, button, .widget-inline-hbox, .widget-box')) {
    const box = el.getBoundingClientRect();
    if (!box.width) continue;  // not shown (another type's field)
    for (let up = el.parentElement; up; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX === 'visible' && style.overflow === 'visible') continue;
      const frame = up.getBoundingClientRect();
      if (box.right > frame.right + 0.5 || box.left < frame.left - 0.5) {
        cut.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} [${el.getAttribute('aria-label') ||
          el.getAttribute('placeholder') || el.textContent.slice(0, 30)}]: ${box.left.toFixed(1)}..${box.right.toFixed(1)} ` +
          `outside ${up.className.slice(0, 60)} ${frame.left.toFixed(1)}..${frame.right.toFixed(1)}`);
        break;
      }
    }
  }
  return cut;
}"""


def test_the_form_shows_every_field_whole_in_jupyterlab(lab_server, course_notebooks, page: Page) -> None:
    path = course_notebooks / NOTEBOOK
    path.write_text(json.dumps(without_outputs(json.loads(path.read_text(encoding="utf-8")))), encoding="utf-8")
    run_all(page, lab_server, NOTEBOOK)
    form = page.locator(".jkq-authoring")
    expect(form).to_be_visible(timeout=90_000)
    expect(form.get_by_text("Preview: what learners will see")).to_be_visible()
    page.wait_for_timeout(500)  # the widgets' own layout settles after they are attached
    ARTIFACTS.mkdir(exist_ok=True)
    form.screenshot(path=str(ARTIFACTS / "authoring-form.png"))
    assert form.evaluate(CLIPPED) == []
    # facts are picked by ticking boxes (no Ctrl-click), and a filter narrows the list
    facts = form.locator(".jkq-fact-picker")
    first_id = facts.locator(".widget-checkbox").first.inner_text().split(" — ")[0].strip()
    facts.get_by_placeholder("Filter").fill(first_id)
    shown = facts.locator(".widget-checkbox:visible")
    expect(shown).not_to_have_count(facts.locator(".widget-checkbox").count())
    expect(shown.first).to_be_visible()
    assert 0 < shown.count() < facts.locator(".widget-checkbox").count()
    shown.first.locator("input").check()
    expect(facts.locator(".jkq-picked")).to_contain_text("Chosen:")
    form.screenshot(path=str(ARTIFACTS / "authoring-form-facts.png"))
    assert form.evaluate(CLIPPED) == []
    # the fact half: the same fields as `jkquiz add fact`, whole too
    form.get_by_role("button", name="A fact").click()
    expect(form.get_by_text("New fact")).to_be_visible()
    expect(form.get_by_placeholder("latitude, longitude", exact=False)).to_be_visible()
    page.wait_for_timeout(500)
    form.screenshot(path=str(ARTIFACTS / "authoring-form-fact.png"))
    assert form.evaluate(CLIPPED) == []
