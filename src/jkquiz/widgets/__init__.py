"""The quiz as ipywidgets: the only package that imports ipywidgets or IPython."""

from jkquiz.widgets.inputs import RENDERERS, Renderer, render_input
from jkquiz.widgets.quiz import QuizView

__all__ = ["RENDERERS", "QuizView", "Renderer", "render_input"]
