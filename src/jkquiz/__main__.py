"""`python -m jkquiz COMMAND`: the same as the `jkquiz` command."""

from jkquiz.cli import run

run()
