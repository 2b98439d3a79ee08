"""Record formats: one document per JSONL line, JSON list item, CSV row or Parquet row.

All of them stream (JSONL by line, CSV in chunks, Parquet by batches) except ``.json``,
which the standard library can only parse whole. Every record goes through the one
``record_to_document`` mapping, so key handling is the same for every format.
"""

from __future__ import annotations

import codecs
import gzip
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

import pandas as pd
import pyarrow.parquet as pq

from pipeline.readers.base import (
    REPLACEMENT,
    SNIFF_BYTES,
    InputSource,
    RecordKeys,
    decode,
    is_binary,
    record_to_document,
)
from pipeline.records import Document, ReadError

CSV_CHUNK_ROWS = 1000
PARQUET_BATCH_ROWS = 1000


def _binary_error(source: InputSource) -> ReadError:
    return source.error("binary_file", f"NUL bytes found: not a {source.format} file")


def _has_replacement(record: Mapping[str, Any]) -> bool:
    """Whether U+FFFD from decoding landed in this record (the file had invalid UTF-8)."""
    return any(isinstance(value, str) and REPLACEMENT in value for value in record.values())


def parse_jsonl(
    lines: Iterable[bytes | str], source: InputSource, keys: RecordKeys
) -> Iterator[Document | ReadError]:
    """JSONL lines -> documents; shared with the stdin reader. Blank lines are skipped."""
    for number, raw in enumerate(lines, start=1):
        line, replaced = decode(raw) if isinstance(raw, bytes) else (raw.lstrip("\ufeff"), False)
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
        yield record_to_document(record, source, number, keys, replaced=replaced)


def read_jsonl(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    assert source.path is not None
    opener = gzip.open if source.path.name.lower().endswith(".gz") else open
    with opener(source.path, "rb") as fh:
        if is_binary(fh.peek(SNIFF_BYTES)):
            yield _binary_error(source)
            return
        yield from parse_jsonl(fh, source, keys)


def read_json(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    """A JSON list of records, or one record."""
    assert source.path is not None
    data = source.path.read_bytes()
    if is_binary(data):
        yield _binary_error(source)
        return
    text, replaced = decode(data)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"line {exc.lineno}: {exc.msg} (column {exc.colno})"
        yield source.error("malformed_json", message, line=exc.lineno)
        return
    for number, record in enumerate(parsed if isinstance(parsed, list) else [parsed], start=1):
        if isinstance(record, dict):
            flag = replaced and _has_replacement(record)
            yield record_to_document(record, source, number, keys, replaced=flag)
        else:
            message = f"item {number}: expected a JSON object, got {type(record).__name__}"
            yield source.error("not_a_record", message, line=number)


def _has_invalid_utf8(fh: BinaryIO) -> bool:
    """One streaming pass: pandas replaces bad bytes silently, we need to know it did."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while block := fh.read(1 << 20):
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return True
    finally:
        fh.seek(0)
    return False


def read_csv(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    """A header row, then one document per row; ``line`` is the 1-based data row."""
    assert source.path is not None
    with source.path.open("rb") as fh:
        if is_binary(fh.peek(SNIFF_BYTES)):
            yield _binary_error(source)
            return
        replaced = _has_invalid_utf8(fh)
        number = 0
        try:
            chunks = pd.read_csv(
                fh,
                dtype=str,
                keep_default_na=False,  # "NA" or "null" in a text cell is text
                encoding="utf-8-sig",
                encoding_errors="replace",
                chunksize=CSV_CHUNK_ROWS,
            )
            for chunk in chunks:
                for row in chunk.to_dict("records"):
                    number += 1
                    record = {key: value for key, value in row.items() if isinstance(value, str)}
                    flag = replaced and _has_replacement(record)
                    yield record_to_document(record, source, number, keys, replaced=flag)
        except pd.errors.EmptyDataError:
            return
        except pd.errors.ParserError as exc:
            yield source.error("malformed_csv", f"after data row {number}: {exc}".strip())


def read_parquet(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    """Streamed by batches, reading only the columns a record key can use."""
    assert source.path is not None
    with source.path.open("rb") as fh:
        table = pq.ParquetFile(fh)
        columns = [name for name in table.schema_arrow.names if keys.wanted(name)]
        number = 0
        for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
            for record in batch.to_pylist():
                number += 1
                yield record_to_document(record, source, number, keys)
