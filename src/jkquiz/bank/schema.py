"""The JSON Schema of a bank file, generated from the models."""

from __future__ import annotations

import json

from jkquiz.bank.model import bank_file_model


def bank_schema() -> dict[str, object]:
    """JSON Schema (draft 2020-12) of one bank file."""
    schema = bank_file_model().model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def bank_schema_json() -> str:
    """The schema as the text shipped in data/bank/schema.json."""
    return json.dumps(bank_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
