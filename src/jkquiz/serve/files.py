"""Where the Jupyter files jkquiz ships for its course servers are (shared: the launcher, the hub's start
command and Binder's start script put them first on the server's paths; the server process reads them)."""

from __future__ import annotations

from pathlib import Path

_JUPYTER = Path(__file__).resolve().parent / "server" / "jupyter"
# A Jupyter data folder (JUPYTER_PATH entry) holding the `jkquiz` Voilà template.
JUPYTER_DATA = _JUPYTER / "data"
# A Jupyter config folder (JUPYTER_CONFIG_PATH entry): Voilà's voila.py, JupyterLab setting defaults.
JUPYTER_CONFIG = _JUPYTER / "config"
