"""newsclaims' spaCy components; importing this package registers their factories."""

from pipeline.components import attribution, entities, figures, paragraphs, stance

__all__ = ["attribution", "entities", "figures", "paragraphs", "stance"]
