"""Figures: money, percentages, counts and quantities, normalised.

``component`` is the spaCy component; its helpers are the number grammar
(``numbers``), the surface pattern and tables (``grammar``), what the parse adds
(``context``), figures that combine (``joins``) and the time a figure refers to
(``time``).
"""

from pipeline.components.figures.component import FigureExtractor, make_figure_extractor

__all__ = ["FigureExtractor", "make_figure_extractor"]
