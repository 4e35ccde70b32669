"""Where the tests' fixtures and the repository are (importable from any test module)."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
ROOT = TESTS.parent
