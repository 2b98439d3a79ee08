"""newsclaims' spaCy components; importing this package registers their factories."""

from pipeline.components import attribution, entities, figures, paragraphs

__all__ = ["attribution", "entities", "figures", "paragraphs"]
