"""The fact bank: models, loading with file:line problems, checks and generated questions."""

from jkquiz.bank.bank import Bank
from jkquiz.bank.load import LoadResult, PathProblem, default_bank_dir, inspect_bank, load_bank
from jkquiz.bank.model import QUESTION_TYPES, BankFile, Fact, QuestionBase, Source, Topic

__all__ = [
    "QUESTION_TYPES",
    "Bank",
    "BankFile",
    "Fact",
    "LoadResult",
    "PathProblem",
    "QuestionBase",
    "Source",
    "Topic",
    "default_bank_dir",
    "inspect_bank",
    "load_bank",
]
