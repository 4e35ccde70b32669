"""Figures drawn offline from the bank: timeline(topic), chart(topic), liancourt_map().

Matplotlib is imported only when a figure is drawn. Each function returns a FigureImage,
which a notebook (JupyterLab, Voilà, GitHub) shows as a PNG with alt text.
"""

from jkquiz.figures.chart import chart
from jkquiz.figures.geo import liancourt_map
from jkquiz.figures.render import FigureImage
from jkquiz.figures.timeline import timeline

__all__ = ["FigureImage", "chart", "liancourt_map", "timeline"]
