"""Where the course's data lives: an environment override, the copy inside the wheel, or the checkout."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]  # src/jkquiz/ -> the repository, in a source checkout


def data_dir(env_var: str, packaged: str, checkout: str) -> Path:
    """$env_var if set, else jkquiz/_data/<packaged> when installed from a wheel, else <checkout> in the repo."""
    override = os.environ.get(env_var)
    if override:
        return Path(override)
    inside = resources.files("jkquiz").joinpath("_data", packaged)
    if inside.is_dir():
        return Path(str(inside))
    return CHECKOUT / checkout
