"""JSON Lines: one object per row, columns in schema order, timestamps as ISO strings."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import IO, Any, TextIO

from pipeline.writers.base import Row, plain
from pipeline.writers.folder import READ_BATCH_ROWS, TableFormat, TableWriter


class JsonlWriter(TableWriter):
    """Appends rows line by line to a text stream (a file it opened, or stdout)."""

    def __init__(self, stream: TextIO, *, owns_stream: bool = True) -> None:
        self.stream = stream
        self.owns_stream = owns_stream

    def write(self, rows: list[Row]) -> None:
        self.stream.writelines(json.dumps(plain(r), ensure_ascii=False) + "\n" for r in rows)

    def close(self) -> None:
        if self.owns_stream:
            self.stream.close()
        else:
            self.stream.flush()


class JsonlFormat(TableFormat):
    ext = "jsonl"

    def open(self, file: IO[bytes], table: str) -> TableWriter:
        return JsonlWriter(io.TextIOWrapper(file, encoding="utf-8"))

    def read(self, file: IO[bytes], table: str) -> Iterator[list[dict[str, Any]]]:
        with io.TextIOWrapper(file, encoding="utf-8") as f:
            batch: list[dict[str, Any]] = []
            for line in f:
                if line.strip():
                    batch.append(json.loads(line))
                if len(batch) >= READ_BATCH_ROWS:
                    yield batch
                    batch = []
            if batch:
                yield batch
