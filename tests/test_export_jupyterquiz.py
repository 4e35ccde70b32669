"""jupyterquiz export: the JSON its display code expects (run in Chromium in tests/browser/test_export_jupyterquiz.py)."""

from __future__ import annotations

import json
from typing import Any

from fixture_paths import FIXTURES
from jkquiz.bank import load_bank
from jkquiz.interop.common import choose_questions
from jkquiz.interop.jupyterquiz import export_jupyterquiz


def exported(bank) -> tuple[list[dict[str, Any]], list[str]]:
    result = export_jupyterquiz(bank, choose_questions(bank, authored_only=True))
    return json.loads(result.data), result.warnings


def test_structure_and_what_is_left_out(mini_bank) -> None:
    items, warnings = exported(mini_bank)
    assert [i["type"] for i in items] == ["multiple_choice", "many_choice", "multiple_choice", "numeric", "string",
                                           "string", "numeric", "multiple_choice"]
    single = items[0]
    assert [a["correct"] for a in single["answers"]] == [True, False, False]
    assert single["answers"][2]["feedback"] == "That was the 1876 treaty that opened Korean ports."
    poll = items[6]
    assert poll["question"].endswith("(in %)") and poll["answers"][0]["range"][0] == 11
    text = items[4]
    assert [a.get("answer") for a in text["answers"]] == ["Dokdo", "Tokdo", "독도", None]
    joined = "\n".join(warnings)
    assert "jupyterquiz has no order questions: left out — 1 question (q-s-order)" in joined
    assert "jupyterquiz has no match questions: left out — 1 question (q-s-match)" in joined


def test_jupyterquiz_triggers_are_neutralised() -> None:
    items, _ = exported(load_bank(FIXTURES / "special"))
    prompt = items[0]["question"]
    assert "<b>" not in prompt and "&lt;b&gt;bold&lt;/b&gt;" in prompt
    assert "$" not in prompt and "&#36;x&#36;" in prompt and "[a](b)" not in prompt
