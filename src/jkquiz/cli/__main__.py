"""`python -m jkquiz.cli ...`: the same as the `jkquiz` command."""

from jkquiz.cli import run

run()
