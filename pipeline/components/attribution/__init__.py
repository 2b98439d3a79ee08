"""Attributed statements: the ``newsclaims_attribution`` component and its parts.

``component`` (the spaCy component), ``rules`` (statements found by rules on the
parse), ``linking`` (content beyond the cue's clause), ``sources`` (where a
source span starts; whom it names is ``pipeline.components.referents``), ``found``
(the record a finder hands on).
"""

from pipeline.components.attribution.component import (
    AttributionExtractor,
    make_attribution_extractor,
)

__all__ = ["AttributionExtractor", "make_attribution_extractor"]
