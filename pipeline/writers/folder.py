"""A folder of four table files (``OUT/claims.parquet`` ...), one format per sink.

Each run writes every table to a hidden temp file in OUT and, on ``close``, appends
the rows of the previous ``OUT/<table>.<ext>`` (streamed, never loaded whole) whose
documents this run did not write, then ``os.replace``s the temp file over the final
name. So:

- a crash never leaves a half-written file under a final name (only a ``.*.tmp`` file);
- re-running a document replaces its rows; documents this run skipped (``--resume``)
  or did not see keep theirs, exactly as in a database sink;
- ``done_keys`` reads the published ``documents`` file.

Only files of this sink's format are read or replaced; one sink per OUT at a time.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pipeline.errors import BadOutput
from pipeline.writers.base import (
    WRITE_ORDER,
    Batch,
    DoneKey,
    ErrorKey,
    Row,
    Sink,
    batch_keys,
    conform,
    conform_batch,
    is_replaced,
)

READ_BATCH_ROWS = 10_000


class TableWriter(ABC):
    """Streams conformed rows of one table into one open file."""

    @abstractmethod
    def write(self, rows: list[Row]) -> None: ...

    @abstractmethod
    def close(self) -> None: ...


class TableFormat(ABC):
    """One file format: how to write a table file and how to read one back in batches."""

    ext: str

    def __eq__(self, other: object) -> bool:  # formats hold no state: one per class
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))

    @abstractmethod
    def open(self, path: Path, table: str) -> TableWriter:
        """Start the file, header or schema included, so an empty table is still valid."""

    @abstractmethod
    def read(self, path: Path, table: str) -> Iterator[list[dict[str, Any]]]:
        """Batches of raw rows (to be conformed) from a file this format wrote."""


class FolderSink(Sink):
    """``OUT/<table>.<ext>``; with a ``shard`` name, ``OUT/<table>/<shard>.<ext>`` instead
    (one shard of a partitioned output, see ``pipeline.writers.partitioned``)."""

    def __init__(self, folder: str | os.PathLike[str], fmt: TableFormat,
                 shard: str | None = None) -> None:
        self.folder = Path(folder)
        self.fmt = fmt
        self.shard = shard
        self._writers: dict[str, tuple[TableWriter, Path]] = {}
        self._doc_ids: set[str] = set()
        self._error_keys: set[ErrorKey] = set()
        self._published = False  # nothing written since the last close

    def __reduce__(self) -> tuple[Callable[..., Sink], tuple[Any, ...]]:
        return (type(self), (self.folder, self.fmt, self.shard))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.folder)!r}, {self.fmt.ext!r}, {self.shard!r})"

    def final_path(self, table: str) -> Path:
        if self.shard is None:
            return self.folder / f"{table}.{self.fmt.ext}"
        return self.folder / table / f"{self.shard}.{self.fmt.ext}"

    def _writer(self, table: str) -> TableWriter:
        if table not in self._writers:
            final = self.final_path(table)
            # pid + random: two sinks (or pickled copies) never share a temp file.
            tmp = final.with_name(f".{final.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
            try:
                tmp.parent.mkdir(exist_ok=True)
                self._writers[table] = (self.fmt.open(tmp, table), tmp)
            except OSError as exc:
                raise BadOutput(f"cannot write to output folder {self.folder}: {exc}") from exc
        return self._writers[table][0]

    def write(self, rows: Batch) -> None:
        tables = conform_batch(rows)
        for table in WRITE_ORDER:
            if tables[table]:
                self._writer(table).write(tables[table])
        doc_ids, error_keys = batch_keys(tables)
        self._doc_ids |= doc_ids
        self._error_keys |= error_keys
        self._published = False

    def _read_old(self, table: str) -> Iterator[list[Row]]:
        path = self.final_path(table)
        if not path.exists():
            return
        try:
            for batch in self.fmt.read(path, table):
                yield [conform(table, r) for r in batch]
        except (OSError, ValueError) as exc:
            raise BadOutput(f"cannot read existing output file {path}: {exc}") from exc

    def done_keys(self) -> set[DoneKey]:
        return {
            (r["doc_id"], r["content_sha256"], r["pipeline_fingerprint"])
            for batch in self._read_old("documents")
            for r in batch
            if r["status"] == "ok"
        }

    def close(self) -> None:
        if self._published:
            return
        try:
            for table in WRITE_ORDER:  # documents published last, as in write()
                writer = self._writer(table)
                for old in self._read_old(table):
                    kept = [r for r in old if not is_replaced(r, self._doc_ids, self._error_keys)]
                    if kept:
                        writer.write(kept)
                writer.close()
                os.replace(self._writers[table][1], self.final_path(table))
                del self._writers[table]
            self._published = True
        finally:
            self._discard()
            self._doc_ids, self._error_keys = set(), set()

    def _discard(self) -> None:
        """After a failed close: remove the unpublished temp files."""
        for writer, tmp in self._writers.values():
            with contextlib.suppress(Exception):
                writer.close()
            tmp.unlink(missing_ok=True)
        self._writers.clear()
