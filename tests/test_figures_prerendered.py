"""Figures pre-drawn for the browser: found by the lessons' own calls, shown without matplotlib, with alt text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fixture_paths import ROOT
from jkquiz.figures.prerendered import calls_in, prerender, signature


def test_calls_are_read_from_code_cells() -> None:
    source = 'jkquiz.chart("normalization", series="economic co-operation")\njkquiz.timeline("territory")\nx = 1'
    assert calls_in(source) == [("chart", ("normalization",), {"series": "economic co-operation"}),
                                ("timeline", ("territory",), {})]
    assert calls_in("jkquiz.timeline(name)") == []  # not a literal: not pre-drawn
    assert calls_in("jkquiz.quiz('territory')") == []


def test_every_lesson_figure_is_predrawn_and_shown_without_matplotlib(tmp_path: Path) -> None:
    from jkquiz import figures
    from jkquiz.bank.compiled import bank_key

    lesson = ROOT / "notebooks" / "03-territory.ipynb"
    drawn = json.loads(prerender([lesson]))
    assert set(drawn) == {signature("liancourt_map", (), {}), signature("timeline", ("territory",), {})}
    expected = figures.timeline("territory")
    # the figures file goes where the site's wheel puts it: jkquiz/_data/compiled/ (a copy of the package here)
    import jkquiz

    package = tmp_path / "jkquiz"
    import shutil

    shutil.copytree(Path(jkquiz.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "_data" / "compiled").mkdir(parents=True)
    from jkquiz.bank.compiled import yaml_files
    from jkquiz.figures.prerendered import figures_name

    (package / "_data" / "compiled" / figures_name(bank_key(yaml_files()))).write_text(json.dumps(drawn))
    code = f"""
import sys
sys.path.insert(0, {str(tmp_path)!r})
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "matplotlib":
            raise ImportError("no matplotlib here")
sys.meta_path.insert(0, Block())
import jkquiz, hashlib
assert jkquiz.__file__.startswith({str(tmp_path)!r})
image = jkquiz.timeline("territory")
print(hashlib.sha256(image.png).hexdigest(), image.alt)
try:
    jkquiz.timeline("economy")
except Exception as exc:
    print("missing:", exc)
assert "matplotlib" not in sys.modules
"""
    env = {**os.environ, "JKQUIZ_BANK": str(ROOT / "data" / "bank")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    import hashlib

    first, second = done.stdout.splitlines()
    assert first == f"{hashlib.sha256(expected.png).hexdigest()} {expected.alt}"
    assert second.startswith("missing: this figure (timeline) can only be drawn where matplotlib is installed")


def test_a_translated_lessons_figures_are_drawn_in_its_language() -> None:
    from jkquiz import figures
    from jkquiz.i18n import get_language, speaking

    lessons = [ROOT / "notebooks" / "03-territory.ipynb", ROOT / "notebooks" / "ko" / "03-territory.ipynb"]
    drawn = json.loads(prerender(lessons))
    calls = [("liancourt_map", ()), ("timeline", ("territory",))]
    assert set(drawn) == {signature(name, args, {}, lang) for lang in ("en", "ko") for name, args in calls}
    with speaking("ko"):
        korean = figures.timeline("territory")
    assert drawn[signature("timeline", ("territory",), {}, "ko")]["alt"] == korean.alt
    assert korean.alt != drawn[signature("timeline", ("territory",), {})]["alt"]
    assert get_language() == "en"  # the build's own language is as it was
