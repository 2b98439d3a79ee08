"""Character spans: trimming, overlap, IoU and the two span-match criteria.

All spans are half-open ``[start, end)`` code-point offsets, as in the claims table.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return max(0, self.end - self.start)


def _trimmable(char: str) -> bool:
    """Whitespace and any Unicode punctuation (covers straight and curly quotes, dashes)."""
    return char.isspace() or unicodedata.category(char).startswith("P")


def trim(text: str, span: Span) -> Span:
    """Shrink a span past surrounding whitespace, punctuation and quote marks.

    Annotators disagree on whether a quote's marks or a clause's final period belong
    to the span; trimming both sides makes exact match about the words only.
    """
    start, end = max(0, span.start), min(len(text), span.end)
    while start < end and _trimmable(text[start]):
        start += 1
    while end > start and _trimmable(text[end - 1]):
        end -= 1
    return Span(start, end)


def _comparable(text: str, span: Span) -> Span:
    """Trimmed span; a cue that is only punctuation (":" or a dash) keeps its marks."""
    trimmed = trim(text, span)
    if len(trimmed):
        return trimmed
    start, end = max(0, span.start), min(len(text), span.end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def iou(a: Span, b: Span) -> float:
    """Intersection over union of two spans (0.0 when either is empty)."""
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    union = max(a.end, b.end) - min(a.start, b.start)
    return inter / union


def exact_weight(text: str, gold: Span, pred: Span) -> float | None:
    """Match weight for exact match after trimming; None when they differ."""
    g, p = _comparable(text, gold), _comparable(text, pred)
    return 1.0 if len(g) and g == p else None


def overlap_weight(text: str, gold: Span, pred: Span, threshold: float = 0.5) -> float | None:
    """Match weight (the IoU) for trimmed spans with IoU >= threshold; None otherwise."""
    score = iou(_comparable(text, gold), _comparable(text, pred))
    return score if score >= threshold and score > 0 else None


def any_overlap_weight(gold: Span | None, pred: Span | None) -> float | None:
    """Weight for "spans overlap at all", ranked by IoU so the closest pair wins."""
    if gold is None or pred is None or not overlaps(gold, pred):
        return None
    return iou(gold, pred)
