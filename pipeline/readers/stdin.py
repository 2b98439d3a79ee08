"""Standard input (``-``): JSONL records, or one plain text document with doc_id "stdin".

``auto`` looks at the first non-blank line: ``{`` means JSONL. Lines are read one at a
time, so JSONL on stdin streams; plain text is one document and is read whole.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from itertools import chain
from typing import BinaryIO, TextIO

from pipeline.readers.base import STDIN, RecordKeys
from pipeline.readers.decoding import bom_codec, decode
from pipeline.readers.records import parse_jsonl
from pipeline.readers.text import text_document
from pipeline.records import Document, ReadError

STDIN_FORMATS = ("auto", "jsonl", "text")


def _starts_record(line: bytes | str) -> bool:
    text = line.decode("utf-8", errors="replace") if isinstance(line, bytes) else line
    return text.lstrip("\ufeff \t\r\n").startswith("{")


def read_stdin(
    stream: TextIO | BinaryIO, keys: RecordKeys, stdin_format: str = "auto"
) -> Iterator[Document | ReadError]:
    """``stream`` may be text or bytes; bytes keep line endings and show bad UTF-8."""
    lines: Iterator[bytes | str] = iter(stream)
    first = next(lines, b"")
    whole: bytes | None = None  # the stream's bytes, where they had to be decoded at once
    notes: tuple[str, ...] = ()
    if isinstance(first, bytes) and bom_codec(first) in ("utf-16", "utf-32"):
        # UTF-16/32 lines do not end at the byte "\n": decode the whole stream, then split
        whole = first + b"".join(line for line in lines if isinstance(line, bytes))
        decoded = decode(whole)
        lines, notes = iter(io.StringIO(decoded.text, newline="")), decoded.notes
    else:
        lines = chain([first], lines)
    if stdin_format == "auto":
        head: list[bytes | str] = []
        for line in lines:
            head.append(line)
            if line.strip():
                break
        stdin_format = "jsonl" if head and _starts_record(head[-1]) else "text"
        lines = chain(head, lines)
    if stdin_format == "jsonl":
        yield from parse_jsonl(lines, STDIN, keys, notes)
        return
    data = whole if whole is not None else b"".join(
        line if isinstance(line, bytes) else line.encode("utf-8", errors="replace")
        for line in lines
    )
    yield text_document(data, STDIN)
