"""Every course notebook, executed afresh, matches its stored outputs (pytest-notebook).

Widget ids and kernel versions are ignored (pyproject's nb_diff_ignore); figures are compared
byte for byte, as their PNGs are deterministic. After a deliberate change, rebuild with
`python -m jkquiz.build_course` or regenerate here with `pytest --nb-force-regen`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))


def one_translated_lesson(lang: str) -> list[Path]:
    """The first translated lesson of `lang` (notebooks/<lang>/): executing every page of three languages
    would triple the suite's time, and the translations share their English pages' calls (build_course checks)."""
    from jkquiz.course import lessons

    found = [p.path for p in lessons(NOTEBOOK_DIR / lang) if p.kind == "lesson"] if (NOTEBOOK_DIR / lang).is_dir() else []
    return found[:1]


TRANSLATED = [path for lang in ("ko", "ja") for path in one_translated_lesson(lang)]


@pytest.fixture
def jupyter_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kernel connection files and IPython profiles go to a temp folder, not the user's home."""
    for name in ("JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "JUPYTER_CONFIG_DIR"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))


def test_the_course_has_its_twelve_notebooks() -> None:
    names = [p.name for p in NOTEBOOKS]
    assert names[0] == "00-start-here.ipynb" and names[-2:] == ["10-review.ipynb", "11-final-quiz.ipynb"]
    assert len(names) == 12


@pytest.mark.parametrize("path", NOTEBOOKS + TRANSLATED,
                         ids=[p.stem for p in NOTEBOOKS] + [f"{p.parent.name}-{p.stem}" for p in TRANSLATED])
def test_notebook_matches_its_stored_outputs(path: Path, nb_regression, jupyter_dirs: None) -> None:
    # The conftest gave this test its own JKQUIZ_HOME; the kernel gets it too, so no progress is shared.
    nb_regression.exec_env = {"JKQUIZ_HOME": os.environ["JKQUIZ_HOME"]}
    nb_regression.check(str(path))
