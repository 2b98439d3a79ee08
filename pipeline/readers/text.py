"""Plain text and Markdown: one document per file, the whole file is the text."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.readers.base import NOTES, InputSource, RecordKeys, title_from_text
from pipeline.readers.decoding import decode, is_binary
from pipeline.records import Document, ReadError


def text_document(data: bytes, source: InputSource) -> Document | ReadError:
    """Bytes of one text file (or of stdin) -> Document; shared with the stdin reader."""
    if is_binary(data):
        return source.error("binary_file", "NUL bytes found: not a text file", doc_id=source.name)
    decoded = decode(data)
    if not decoded.text.strip():
        return source.error("empty_text", "file is empty or whitespace only", doc_id=source.name)
    return Document(
        doc_id=source.name,
        text=decoded.text,
        source=source.source,
        title=title_from_text(decoded.text),
        meta={NOTES: decoded.notes} if decoded.notes else {},
    )


def read_text(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    """One file is one article, so reading it whole is fine."""
    yield text_document(source.read_bytes(), source)
