"""Resolved inputs -> one lazy stream of Documents and ReadErrors, file after file."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO, TextIO

from pipeline import errors
from pipeline.readers import html_entities, mojibake
from pipeline.readers.base import READ_FAILURES, InputSource, Reader, RecordKeys
from pipeline.readers.html import read_html
from pipeline.readers.records import read_csv, read_json, read_jsonl, read_parquet
from pipeline.readers.sources import UNLISTED, read_unlisted_folder, resolve_inputs
from pipeline.readers.stdin import STDIN_FORMATS, read_stdin
from pipeline.readers.storage import NotARegularFile
from pipeline.readers.text import read_text
from pipeline.readers.warc import read_warc
from pipeline.records import Document, ReadError

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "parquet": read_parquet,
    "warc": read_warc,
    UNLISTED: read_unlisted_folder,
}
# Formats whose text trafilatura extracted from markup, character references decoded.
MARKUP_FORMATS = frozenset({"html", "warc"})


def _as_ingested(document: Document, fmt: str) -> Document:
    """The document's text as ingested: character references in plain text decoded (before
    mojibake repair, as ftfy orders them), then mojibake repaired."""
    if fmt not in MARKUP_FORMATS:
        document = html_entities.decode(document)
    return mojibake.repair(document)


def _read(
    source: InputSource, keys: RecordKeys, stdin: TextIO | BinaryIO, stdin_format: str
) -> Iterator[Document | ReadError]:
    """One source; a file that fails or holds nothing becomes a ReadError, never an exception.

    Every document leaves as ingested (``_as_ingested``), whichever reader made it."""
    empty = True
    try:
        if source.path is None:
            items = read_stdin(stdin, keys, stdin_format)
        else:
            items = READERS[source.format](source, keys)
        for item in items:
            empty = False
            yield _as_ingested(item, source.format) if isinstance(item, Document) else item
    except NotARegularFile as exc:
        empty = False
        yield source.error("not_a_file", f"skipped, {exc}")
    except READ_FAILURES as exc:
        empty = False
        yield source.error("unreadable_file", f"{type(exc).__name__}: {exc}")
    if empty:
        yield source.error("empty_file", "no records found")


def read_source(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    """One input file's documents and read errors (how each Ray read task reads its file)."""
    return _read(source, keys, sys.stdin, "auto")


def iter_documents(
    inputs: Sequence[str],
    *,
    text_key: str | None = None,
    id_key: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    stdin_format: str = "auto",
) -> Iterator[Document | ReadError]:
    """Every document of every input, lazily, in input order.

    Inputs are resolved now, so a missing path raises ``InputNotFound`` at the call, not
    halfway through a run. ``stdin`` defaults to the process's stdin, read as bytes.
    """
    if stdin_format not in STDIN_FORMATS:
        raise errors.UnsupportedInput(
            f"stdin format {stdin_format!r}: expected one of {', '.join(STDIN_FORMATS)}"
        )
    sources = resolve_inputs(inputs)
    keys = RecordKeys(text_key=text_key, id_key=id_key)
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
    return (item for source in sources for item in _read(source, keys, stream, stdin_format))
