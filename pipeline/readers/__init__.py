"""Readers: INPUT arguments -> Documents (and ReadErrors for what could not be read)."""

from pipeline.readers.base import InputSource, RecordKeys
from pipeline.readers.dispatch import iter_documents
from pipeline.readers.sources import resolve_inputs

__all__ = ["InputSource", "RecordKeys", "iter_documents", "resolve_inputs"]
