"""The quiz's look: one small stylesheet scoped to `.jkquiz`, shipped inside an HTML widget."""

from __future__ import annotations

from jkquiz.fonts import UI_FONTS, font_face_css, jupyter_font_css, stack

CSS = """
<style>
.jkquiz { max-width: 780px; font-size: 15px; line-height: 1.5; color: var(--jp-content-font-color1, #1b1b1b);
  border: 1px solid var(--jp-border-color2, #d0d7de); border-radius: 8px; padding: 12px 16px; margin: 6px 0; }
.jkquiz .jkq-head { font-size: 13px; color: var(--jp-content-font-color2, #444); margin: 0 0 4px 0; }
.jkquiz .jkq-progress { width: 100%; height: 8px; accent-color: #0969da; }
.jkquiz .jkq-hint { font-size: 13px; color: var(--jp-content-font-color2, #444); margin: -4px 0 4px 0; }
.jkquiz .jkq-actions { margin-top: 10px; gap: 8px; }
.jkquiz .jkq-title { font-weight: 600; }
.jkquiz .jkq-prompt { font-size: 16px; font-weight: 600; margin: 4px 0 8px 0; }
.jkquiz .jkq-note { font-size: 13px; background: #fff8c5; color: #3b2e00; padding: 4px 8px; border-radius: 4px; }
.jkquiz .widget-radio-box label, .jkquiz .widget-checkbox .widget-label-basic {
  white-space: normal !important; height: auto !important; line-height: 1.4; margin: 3px 0; overflow: visible; }
.jkquiz .widget-radio-box { width: 100%; }
.jkquiz .widget-checkbox { width: 100%; height: auto; }
.jkquiz .jkq-srlabel > .widget-label { position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.jkquiz .jkq-row { align-items: center; }
.jkquiz .jkq-item { padding: 2px 8px; border: 1px solid var(--jp-border-color2, #d0d7de); border-radius: 4px;
  min-width: 320px; background: var(--jp-layout-color1, #fff); }
.jkquiz .jkq-pos { min-width: 2em; font-weight: 600; }
.jkquiz .jkq-mark-ok { color: #1a5e2a; font-weight: 700; }
.jkquiz .jkq-mark-no { color: #a4161a; font-weight: 700; }
.jkquiz .jkq-feedback { border-left: 6px solid #555; padding: 8px 12px; border-radius: 4px; margin-top: 8px;
  color: #1b1b1b; background: #f3f3f3; }
.jkquiz .jkq-feedback p { margin: 4px 0; }
.jkquiz .jkq-feedback .jkq-actions { margin: 4px 0; }
.jkquiz .jkq-feedback-focus:focus { outline: 3px solid #0969da; outline-offset: 2px; border-radius: 2px; }
.jkquiz .jkq-score:focus { outline: 3px solid #0969da; outline-offset: 2px; }
.jkquiz .jkq-correct { border-color: #1a7f37; background: #e9f6ec; }
.jkquiz .jkq-wrong { border-color: #c62828; background: #fdecea; }
.jkquiz .jkq-partial { border-color: #b26a00; background: #fff4e0; }
.jkquiz .jkq-verdict { font-size: 16px; }
.jkquiz .jkq-correct .jkq-verdict { color: #1a5e2a; }
.jkquiz .jkq-wrong .jkq-verdict { color: #a4161a; }
.jkquiz .jkq-partial .jkq-verdict { color: #6b3f00; }
.jkquiz .jkq-sides { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; margin: 6px 0; }
.jkquiz .jkq-side { background: rgba(255,255,255,.7); border-radius: 4px; padding: 4px 8px; font-size: 14px; }
.jkquiz .jkq-sources { font-size: 13px; margin: 4px 0 0 0; padding-left: 18px; }
.jkquiz .jkq-sources a, .jkquiz .jkq-feedback a { color: #0550ae; text-decoration: underline; }
.jkquiz .jkq-warning { color: #6b3f00; font-size: 13px; }
.jkquiz .jkq-results td, .jkquiz .jkq-results th { padding: 2px 8px; text-align: left; vertical-align: top; }
.jkquiz .jkq-results td:nth-child(-n+2) { white-space: nowrap; }
.jkquiz .jkq-score { font-size: 20px; font-weight: 700; }
.jkquiz .widget-button { min-width: 110px; width: auto; padding: 0 12px; }
.jkquiz .widget-button:focus-visible, .jkquiz input:focus-visible, .jkquiz select:focus-visible {
  outline: 3px solid #0969da; outline-offset: 2px; }
</style>
"""


def font_css() -> str:
    """The course's CJK font, served by the course's server; Hangul and Kanji in quizzes and lesson text use it."""
    controls = ".jkquiz, .jkquiz input, .jkquiz textarea, .jkquiz select, .jkquiz button"
    return (f"{font_face_css()}\n{jupyter_font_css()}\n"
            f"{controls} {{ font-family: {stack(f'var(--jp-ui-font-family, {UI_FONTS})')}; }}\n")


def stylesheet() -> str:
    """The stylesheet, to be placed once inside each quiz."""
    return CSS.replace("<style>\n", "<style>\n" + font_css(), 1)
