"""Parquet with an explicit Arrow schema from ``pipeline.schema``; rows are buffered
into row groups of ``ROW_GROUP_ROWS`` so that small batches do not make tiny groups."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import pyarrow.parquet as pq

from pipeline.writers.base import Row, arrow_schema, to_arrow
from pipeline.writers.folder import READ_BATCH_ROWS, TableFormat, TableWriter

ROW_GROUP_ROWS = 10_000


class ParquetTableWriter(TableWriter):
    def __init__(self, file: IO[bytes], table: str) -> None:
        self.table = table
        self.file = file
        self.writer = pq.ParquetWriter(file, arrow_schema(table))
        self.buffer: list[Row] = []

    def write(self, rows: list[Row]) -> None:
        self.buffer.extend(rows)
        if len(self.buffer) >= ROW_GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self.buffer:
            self.writer.write_table(to_arrow(self.table, self.buffer))
            self.buffer = []

    def close(self) -> None:
        try:
            self._flush()
            self.writer.close()
        finally:
            self.file.close()


class ParquetFormat(TableFormat):
    ext = "parquet"

    def open(self, file: IO[bytes], table: str) -> TableWriter:
        return ParquetTableWriter(file, table)

    def read(self, file: IO[bytes], table: str) -> Iterator[list[dict[str, Any]]]:
        with pq.ParquetFile(file) as f:
            for batch in f.iter_batches(batch_size=READ_BATCH_ROWS):
                yield batch.to_pylist()
