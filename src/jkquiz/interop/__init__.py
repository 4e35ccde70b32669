"""Exchange with other tools: exports (GIFT, Moodle XML, Anki, jupyterquiz, HTML) and GIFT import.

Each format lives in its own module with one entry point; `EXPORTERS` names them so the
CLI can look a format up without importing every exporter (genanki, lxml stay unloaded).
"""

from __future__ import annotations

from jkquiz.interop.common import ExportError, ExportResult, choose_questions

EXPORTERS: dict[str, str] = {
    "gift": "jkquiz.interop.gift:export_gift",
    "moodle-xml": "jkquiz.interop.moodle_xml:export_moodle_xml",
    "anki": "jkquiz.interop.anki:export_anki",
    "jupyterquiz": "jkquiz.interop.jupyterquiz:export_jupyterquiz",
    "html": "jkquiz.interop.html:export_html",
}

__all__ = ["EXPORTERS", "ExportError", "ExportResult", "choose_questions"]
