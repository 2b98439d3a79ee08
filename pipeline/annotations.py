"""What our spaCy components leave on a Doc (under the ``nc_`` extension prefix).

Offsets are character offsets into ``doc.text``; rows add the chunk offset.
"""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: str
    canonical: str


@dataclass(frozen=True)
class Figure:
    span: Span  # the figure's surface, modifier words excluded
    value: float
    unit: str | None
    modifier: str
    time: str | None
    subject: str | None
    subject_span: Span | None
    predicate: str | None
    predicate_span: Span | None
    target: str | None
    conversion_of: int | None  # index of the figure this bracketed one converts
    confidence: float


@dataclass(frozen=True)
class Statement:
    source: str  # canonical where resolved
    source_span: Span
    cue: str  # cue lemma, e.g. "say", "according to"
    cue_span: Span
    content_span: Span
    target: str | None
    stance: str
    quote: str | None
    confidence: float
