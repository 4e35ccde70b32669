"""Figures drawn offline from the bank: timeline(topic), chart(topic), liancourt_map().

Matplotlib is imported only when a figure is drawn. Each function returns a FigureImage,
which a notebook (JupyterLab, Voilà, GitHub) shows as a PNG with alt text. Without
matplotlib (the browser), the figures drawn when the site was built are shown instead.
"""

from jkquiz.figures.chart import chart as _chart
from jkquiz.figures.geo import liancourt_map as _liancourt_map
from jkquiz.figures.prerendered import drawn_or_prerendered
from jkquiz.figures.render import FigureImage
from jkquiz.figures.timeline import timeline as _timeline

chart = drawn_or_prerendered(_chart)
liancourt_map = drawn_or_prerendered(_liancourt_map)
timeline = drawn_or_prerendered(_timeline)

__all__ = ["FigureImage", "chart", "liancourt_map", "timeline"]
