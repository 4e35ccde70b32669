"""LanguageSwitch: English, 한국어 or 日本語 for the course's interface, and links to the lessons in that language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

import ipywidgets as w

from jkquiz.i18n import LANGUAGE_NAMES, LANGUAGES, _, get_language
from jkquiz.i18n.switch import LanguageLink
from jkquiz.widgets.style import stylesheet


class LanguageSwitch(w.VBox):
    """Three buttons, each language named in itself; choosing one calls `choose(code)` (which remembers it) and
    says, in the language chosen, what changed and where that language's lessons are."""

    def __init__(self, choose: Callable[[str], bool], links: Callable[[], Sequence[LanguageLink]]) -> None:
        super().__init__()
        self.add_class("jkquiz")
        self.choose, self.links = choose, links
        self.buttons = w.ToggleButtons(options=[(LANGUAGE_NAMES[code], code) for code in LANGUAGES],
                                       value=get_language(), tooltips=[LANGUAGE_NAMES[c] for c in LANGUAGES])
        self.buttons.add_class("jkq-languages")
        self.label = w.HTML()
        self.message = w.HTML()
        self._label()
        self.buttons.observe(self._chosen, names="value")
        self.children = [w.HTML(stylesheet()), self.label, self.buttons, self.message]

    def _label(self) -> None:
        label = escape(_("Language of the course (English · 한국어 · 日本語):"))
        self.label.value = f'<p class="jkq-head">{label}</p>'
        self.buttons.description_allow_html = False

    def _chosen(self, change: dict) -> None:
        code = change["new"]
        if code is None:
            return
        saved = self.choose(code)
        self._label()
        said = (_("Buttons and messages are now in {language}. Run a quiz's cell again to see it in this language.")
                if saved else _("Buttons and messages are now in {language} for this session (it could not be "
                                "remembered for the next one)."))
        parts = [f'<p role="status">{escape(said.format(language=LANGUAGE_NAMES[code]))}</p>']
        page = next((link for link in self.links() if link.code == code and not link.current), None)
        if page is not None:
            text = escape(_("Open the lessons in {language}").format(language=LANGUAGE_NAMES[code]))
            parts.append(f'<p><a href="{escape(page.href, quote=True)}" target="_self" lang="{code}" '
                         f'style="color:#0550ae;text-decoration:underline">{text}</a></p>')
        self.message.value = "".join(parts)

    def __repr__(self) -> str:
        """A stable text form (notebook outputs are compared run to run)."""
        return "<jkquiz language switch: English · 한국어 · 日本語>"
