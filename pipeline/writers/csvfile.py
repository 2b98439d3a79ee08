"""CSV with a header in schema column order. NULL is written as an empty field, so an
empty string reads back as NULL (CSV cannot tell them apart)."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from itertools import islice
from typing import IO, Any

from pipeline.schema import TABLES
from pipeline.writers.base import Row, plain
from pipeline.writers.folder import READ_BATCH_ROWS, TableFormat, TableWriter


class CsvWriter(TableWriter):
    def __init__(self, file: IO[bytes], table: str) -> None:
        self.file = io.TextIOWrapper(file, encoding="utf-8", newline="")
        self.writer = csv.DictWriter(self.file, fieldnames=[c.name for c in TABLES[table]])
        self.writer.writeheader()

    def write(self, rows: list[Row]) -> None:
        self.writer.writerows(plain(r) for r in rows)

    def close(self) -> None:
        self.file.close()


class CsvFormat(TableFormat):
    ext = "csv"

    def open(self, file: IO[bytes], table: str) -> TableWriter:
        return CsvWriter(file, table)

    def read(self, file: IO[bytes], table: str) -> Iterator[list[dict[str, Any]]]:
        # A sentence or message may exceed the csv module's default 128 KiB field limit.
        csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
        with io.TextIOWrapper(file, encoding="utf-8", newline="") as f:
            rows = csv.DictReader(f)
            try:
                while batch := list(islice(rows, READ_BATCH_ROWS)):
                    yield [{k: v or None for k, v in r.items()} for r in batch]
            except csv.Error as exc:
                raise ValueError(str(exc)) from exc
