"""Keyboard help for a quiz: its radio choices one Tab stop, and focus moved after Check and Next (static/keys.js)."""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

SCRIPT = Path(__file__).with_name("static") / "keys.js"


class Keys(anywidget.AnyWidget):
    """An invisible helper inside a quiz; the quiz calls it to move the browser's focus."""

    _esm = traitlets.Unicode(SCRIPT.read_text(encoding="utf-8")).tag(sync=True)

    def __init__(self) -> None:
        super().__init__()
        self.layout.display = "none"
        self.sent: list[str] = []  # what was asked of the browser, in order (tests read it)

    def _ask(self, action: str) -> None:
        self.sent.append(action)
        self.send({"do": action})

    def to_feedback(self) -> None:
        """Focus the feedback just shown (a screen reader reads it)."""
        self._ask("feedback")

    def to_first_control(self) -> None:
        """Focus the first control of the question now shown."""
        self._ask("first")

    def to_results(self) -> None:
        """Focus the score."""
        self._ask("results")

    def to_next_quiz(self) -> None:
        """Focus the first control of the next quiz on the page (the next quick check, or the end quiz)."""
        self._ask("next")
