"""newsclaims: news articles in, a structured claims table out."""

__version__ = "0.1.0"

from pipeline.extractor import Extractor

__all__ = ["Extractor", "__version__"]
