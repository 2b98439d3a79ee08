"""Parquet with an explicit Arrow schema from ``pipeline.schema``; rows are buffered
into row groups of ``ROW_GROUP_ROWS`` so that small batches do not make tiny groups."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from pipeline.writers.base import Row, arrow_schema, to_arrow
from pipeline.writers.folder import READ_BATCH_ROWS, TableFormat, TableWriter

ROW_GROUP_ROWS = 10_000


class ParquetTableWriter(TableWriter):
    def __init__(self, path: Path, table: str) -> None:
        self.table = table
        self.writer = pq.ParquetWriter(path, arrow_schema(table))
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
        self._flush()
        self.writer.close()


class ParquetFormat(TableFormat):
    ext = "parquet"

    def open(self, path: Path, table: str) -> TableWriter:
        return ParquetTableWriter(path, table)

    def read(self, path: Path, table: str) -> Iterator[list[dict[str, Any]]]:
        with pq.ParquetFile(path) as f:
            for batch in f.iter_batches(batch_size=READ_BATCH_ROWS):
                yield batch.to_pylist()
