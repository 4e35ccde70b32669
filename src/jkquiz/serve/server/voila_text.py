"""The words of the app's page frame (Voilà's loading text), in the interface language: a Jinja filter that
`jkquiz app`'s Voilà configuration gives the page template (serve/server/jupyter/config/voila.py)."""

from __future__ import annotations

from jkquiz.i18n import N_, _

__all__ = ["MESSAGES", "text"]

MESSAGES = {
    "running": N_("Running {title}…"),
    "executing": N_("Running cell {index} of {count}…"),
}


def text(key: str) -> str:
    """The page frame's message `key` in the language current where the page is rendered."""
    return _(MESSAGES[key])
