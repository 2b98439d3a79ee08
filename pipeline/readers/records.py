"""Record formats: one document per JSONL line, JSON list item, CSV row or Parquet row.

All of them stream (JSONL by line, CSV in chunks, Parquet by batches) except ``.json``,
which the standard library can only parse whole. Every record goes through the one
``record_to_document`` mapping, so key handling is the same for every format.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack
from typing import Any, BinaryIO

import pandas as pd
import pyarrow.parquet as pq

from pipeline.readers.base import InputSource, RecordKeys, record_to_document
from pipeline.readers.decoding import (
    REPLACEMENT,
    SNIFF_BYTES,
    bom_codec,
    decode,
    is_binary,
    replaced_note,
)
from pipeline.records import Document, ReadError

CSV_CHUNK_ROWS = 1000
PARQUET_BATCH_ROWS = 1000


def _binary_error(source: InputSource) -> ReadError:
    return source.error("binary_file", f"NUL bytes found: not a {source.format} file")


def _has_replacement(record: Mapping[str, Any]) -> bool:
    """Whether U+FFFD from decoding landed in this record (the file had invalid UTF-8)."""
    return any(isinstance(value, str) and REPLACEMENT in value for value in record.values())


def _line_notes(line: str, file_notes: tuple[str, ...]) -> tuple[str, ...]:
    """A text line carries its file's decoding notes only where U+FFFD landed in it."""
    return file_notes if file_notes and REPLACEMENT in line else ()


def parse_jsonl(
    lines: Iterable[bytes | str],
    source: InputSource,
    keys: RecordKeys,
    file_notes: tuple[str, ...] = (),
) -> Iterator[Document | ReadError]:
    """JSONL lines -> documents; shared with the stdin reader. Blank lines are skipped.

    Byte lines are UTF-8, decoded one by one; text lines were decoded with the whole file,
    whose decoding notes are ``file_notes``.
    """
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            decoded = decode(raw)
            line, notes = decoded.text, decoded.notes
        else:
            line, notes = raw.lstrip("\ufeff"), _line_notes(raw, file_notes)
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            message = f"line {number}: {exc.msg} (column {exc.colno})"
            yield source.error("malformed_json", message, line=number)
            continue
        if not isinstance(record, dict):
            message = f"line {number}: expected a JSON object, got {type(record).__name__}"
            yield source.error("not_a_record", message, line=number)
            continue
        yield record_to_document(record, source, number, keys, notes=notes)


def _invalid_notes(fh: BinaryIO, codec: str) -> tuple[str, ...]:
    """One streaming pass: pandas and TextIOWrapper replace bad bytes silently, we need to
    know they did. The file is rewound after."""
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        while block := fh.read(1 << 20):
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return (replaced_note(codec),)
    finally:
        fh.seek(0)
    return ()


def read_jsonl(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    """UTF-8 lines are decoded one at a time; UTF-16/32 (with a BOM) through a text wrapper."""
    with ExitStack() as stack:
        fh: BinaryIO = stack.enter_context(source.open())
        if source.name.lower().endswith(".gz"):
            fh = stack.enter_context(gzip.open(fh, "rb"))  # type: ignore[arg-type]
        head = fh.peek(SNIFF_BYTES)  # type: ignore[attr-defined]
        if is_binary(head):
            yield _binary_error(source)
            return
        codec = bom_codec(head)
        if codec in (None, "utf-8-sig"):
            yield from parse_jsonl(fh, source, keys)
            return
        notes = _invalid_notes(fh, codec)
        text = io.TextIOWrapper(fh, encoding=codec, errors="replace", newline="")
        yield from parse_jsonl(text, source, keys, notes)


def read_json(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    """A JSON list of records, or one record."""
    data = source.read_bytes()
    if is_binary(data):
        yield _binary_error(source)
        return
    decoded = decode(data)
    try:
        parsed = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        message = f"line {exc.lineno}: {exc.msg} (column {exc.colno})"
        yield source.error("malformed_json", message, line=exc.lineno)
        return
    for number, record in enumerate(parsed if isinstance(parsed, list) else [parsed], start=1):
        if isinstance(record, dict):
            notes = decoded.notes if _has_replacement(record) else ()
            yield record_to_document(record, source, number, keys, notes=notes)
        else:
            message = f"item {number}: expected a JSON object, got {type(record).__name__}"
            yield source.error("not_a_record", message, line=number)


def read_csv(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    """A header row, then one document per row; ``line`` is the 1-based data row."""
    with source.open() as fh:
        head = fh.peek(SNIFF_BYTES)  # type: ignore[attr-defined]
        if is_binary(head):
            yield _binary_error(source)
            return
        codec = bom_codec(head) or "utf-8-sig"
        file_notes = _invalid_notes(fh, codec)
        number = 0
        try:
            chunks = pd.read_csv(
                fh,
                dtype=str,
                keep_default_na=False,  # "NA" or "null" in a text cell is text
                encoding=codec,
                encoding_errors="replace",
                chunksize=CSV_CHUNK_ROWS,
            )
            for chunk in chunks:
                for row in chunk.to_dict("records"):
                    number += 1
                    record = {key: value for key, value in row.items() if isinstance(value, str)}
                    notes = file_notes if _has_replacement(record) else ()
                    yield record_to_document(record, source, number, keys, notes=notes)
        except pd.errors.EmptyDataError:
            return
        except pd.errors.ParserError as exc:
            yield source.error("malformed_csv", f"after data row {number}: {exc}".strip())


def read_parquet(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    """Streamed by batches, reading only the columns a record key can use."""
    with source.open() as fh:
        table = pq.ParquetFile(fh)
        columns = [name for name in table.schema_arrow.names if keys.wanted(name)]
        number = 0
        for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
            for record in batch.to_pylist():
                number += 1
                yield record_to_document(record, source, number, keys)
