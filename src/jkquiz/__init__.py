"""jkquiz: a course on Japan–South Korea relations with quizzes drawn from a cited fact bank.

The public API is loaded on first use so that `import jkquiz` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "quiz": "jkquiz.notebook.quiz",
    "ask": "jkquiz.notebook.quiz",
    "contents": "jkquiz.notebook.contents",
    "review": "jkquiz.notebook.study",
    "dashboard": "jkquiz.notebook.study",
    "set_learner": "jkquiz.notebook.study",
    "set_language": "jkquiz.notebook.language",
    "choose_language": "jkquiz.notebook.language",
    "timeline": "jkquiz.figures",
    "chart": "jkquiz.figures",
    "liancourt_map": "jkquiz.figures",
    "authoring_form": "jkquiz.widgets.authoring",
    "load_bank": "jkquiz.bank",
    "inspect_bank": "jkquiz.bank",
    "Bank": "jkquiz.bank",
    "JkquizError": "jkquiz.errors",
    "BankError": "jkquiz.errors",
    "QuizError": "jkquiz.errors",
    "ProgressError": "jkquiz.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is used."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'jkquiz' has no attribute '{name}'")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
