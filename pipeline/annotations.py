"""What our spaCy components leave on a Doc (under the ``nc_`` extension prefix).

Offsets are character offsets into ``doc.text``; rows add the chunk offset. The
records are registered with srsly's msgpack so Docs carrying them travel between
``nlp.pipe(n_process>1)`` workers.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
from typing import Any

import srsly

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
    source: str | None  # canonical where resolved; None when the text names no source
    source_span: Span | None
    cue: str  # cue lemma, e.g. "say", "according to"
    cue_span: Span
    content_span: Span
    target: str | None
    stance: str
    quote: str | None
    confidence: float
    target_span: Span | None = None  # where the text names the target, when it does
    # "statement" (attribution: someone says), "event" (a stance verb: "X criticised Y"),
    # "action" (another verb the stance classifier found a stance in: "X delayed Y's vote")
    kind: str = "statement"


_RECORDS = {cls.__name__: cls for cls in (EntityMention, Figure, Statement)}
_TAG = "__newsclaims__"


@srsly.msgpack_encoders("newsclaims")
def _encode(obj: Any, chain: Any = None) -> Any:
    if _RECORDS.get(type(obj).__name__) is type(obj):
        return {_TAG: type(obj).__name__, "fields": astuple(obj)}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("newsclaims")
def _decode(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and _TAG in obj:
        fields = [tuple(f) if isinstance(f, list) else f for f in obj["fields"]]
        return _RECORDS[obj[_TAG]](*fields)
    return obj if chain is None else chain(obj)
