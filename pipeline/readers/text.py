"""Plain text and Markdown: one document per file, the whole file is the text."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.readers.base import InputSource, RecordKeys, decode, is_binary, title_from_text
from pipeline.records import Document, ReadError


def text_document(data: bytes, source: InputSource) -> Document | ReadError:
    """Bytes of one text file (or of stdin) -> Document; shared with the stdin reader."""
    if is_binary(data):
        return source.error("binary_file", "NUL bytes found: not a text file", doc_id=source.name)
    text, replaced = decode(data)
    if not text.strip():
        return source.error("empty_text", "file is empty or whitespace only", doc_id=source.name)
    return Document(
        doc_id=source.name,
        text=text,
        source=source.source,
        title=title_from_text(text),
        meta={"decode_replaced": True} if replaced else {},
    )


def read_text(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    """One file is one article, so reading it whole is fine."""
    assert source.path is not None
    yield text_document(source.path.read_bytes(), source)
