"""The JSON Schema shipped for editors matches the models, and describes every field."""

from __future__ import annotations

import json

from jkquiz.bank.schema import bank_schema, bank_schema_json
from jkquiz.cli import main

from fixture_paths import ROOT


def test_shipped_schema_is_up_to_date() -> None:
    shipped = (ROOT / "data" / "bank" / "schema.json").read_text(encoding="utf-8")
    assert shipped == bank_schema_json(), "run `jkquiz schema -o data/bank/schema.json`"


def test_schema_forbids_unknown_keys_and_describes_every_field() -> None:
    schema = bank_schema()
    assert schema["additionalProperties"] is False
    for name, definition in schema["$defs"].items():
        if definition.get("type") != "object":
            continue
        assert definition.get("additionalProperties") is False, name
        for field, spec in definition["properties"].items():
            assert spec.get("description"), f"{name}.{field} has no description"


def test_schema_command_writes_the_file(tmp_path, capsys) -> None:
    out = tmp_path / "schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "jkquiz bank file"
