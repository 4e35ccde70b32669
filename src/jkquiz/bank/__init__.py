"""The fact bank: models, loading with file:line problems, checks and generated questions.

Loading YAML (PyYAML) is imported on first use of a loading name, so the compiled bank
(jkquiz.bank.compiled) works where PyYAML is missing (the browser).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from jkquiz.bank.bank import Bank
from jkquiz.bank.locations import Locations, Where
from jkquiz.bank.model import QUESTION_TYPES, BankFile, Fact, QuestionBase, Source, Topic

_FROM_LOAD = ("LoadResult", "PathProblem", "default_bank_dir", "inspect_bank", "load_bank", "load_located")

__all__ = [
    "QUESTION_TYPES",
    "Bank",
    "BankFile",
    "Fact",
    "LoadResult",
    "Locations",
    "PathProblem",
    "QuestionBase",
    "Source",
    "Topic",
    "Where",
    "default_bank_dir",
    "inspect_bank",
    "load_bank",
    "load_located",
]


def __getattr__(name: str) -> Any:
    """Import the YAML loader's names on first use."""
    if name not in _FROM_LOAD:
        raise AttributeError(f"module 'jkquiz.bank' has no attribute '{name}'")
    value = getattr(import_module("jkquiz.bank.load"), name)
    globals()[name] = value
    return value
