"""What a finder (the rules or the trained model) hands on: a statement's spans, before its
source is resolved to a name and before stance is judged."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.annotations import Span


@dataclass(frozen=True)
class Found:
    """One statement's character spans; ``source_span`` is None when the text names no
    source ("It was reported that ...")."""

    source_span: Span | None
    cue: str  # the cue lemma: "say", "according to", ":" for a speaker label
    cue_span: Span
    content_span: Span
