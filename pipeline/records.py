"""Typed records that cross module boundaries (reader -> extractor -> rows -> sink).

Readers yield ``Document`` for every text they could read and ``ReadError`` for
every record they could not; nothing else leaves a reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One article as ingested; ``text`` is what all offsets point into."""

    doc_id: str
    text: str
    source: str
    line: int | None = None
    title: str | None = None
    url: str | None = None
    published_at: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReadError:
    """A record or file that could not become a Document; becomes an ``errors`` row."""

    source: str
    error_type: str
    message: str
    doc_id: str | None = None
    line: int | None = None
    stage: str = "read"

    def row(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "line": self.line,
            "stage": self.stage,
            "error_type": self.error_type,
            "message": self.message,
        }
