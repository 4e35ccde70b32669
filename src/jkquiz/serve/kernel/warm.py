"""Warm a kernel started by `jkquiz lab` or `jkquiz app`: load the course bank before the learner's Run All.

Its kernelspec (jkquiz.serve.launcher.kernelspec) names `warm` by dotted name.
"""

from __future__ import annotations


def warm() -> None:
    """Load the bank and the quiz widgets now, while the learner reads the lesson's first lines."""
    try:
        from jkquiz.bank.shared import course_bank
        import jkquiz.widgets  # noqa: F401 - imported for its cost, paid before the first quiz

        course_bank()
    except Exception:  # noqa: BLE001 - the notebook's own first call shows any problem, in words
        pass
