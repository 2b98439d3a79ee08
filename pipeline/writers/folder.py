"""A folder of four table files (``OUT/claims.parquet`` ...), one format per sink.

Each run writes every table to a hidden temp file in OUT and, on ``close``, appends
the rows of the previous ``OUT/<table>.<ext>`` (streamed, never loaded whole) whose
documents this run did not write; once all four temp files are complete, each is
``os.replace``d over its final name, ``documents`` last. So:

- a crash or a full disk never leaves a half-written file under a final name: the
  folder keeps its previous complete state, and only ``.*.tmp`` files, which the next
  sink on OUT removes once the process that wrote them is gone;
- re-running a document replaces its rows; documents this run skipped (``--resume``)
  or did not see keep theirs, exactly as in a database sink; a document written twice
  in one run keeps the later rows only (its earlier ones are dropped on ``close``);
- ``done_keys`` reads the published ``documents`` file.

OUT may be a local folder or an fsspec URL (``pipeline.writers.location``); there a
rename is a copy, so only a local folder publishes atomically. Only files of this sink's
format are read or replaced; one sink per OUT at a time.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import re
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from typing import IO, Any

from pipeline.errors import BadOutput, OutputFailed
from pipeline.writers.base import (
    WRITE_ORDER,
    Batch,
    DoneKey,
    ErrorKey,
    Row,
    Sink,
    conform,
    conform_batch,
    owner,
)
from pipeline.writers.location import Folder

READ_BATCH_ROWS = 10_000
_TEMP = re.compile(r"\..+\.(\d+)-[0-9a-f]{8}\.tmp")  # .claims.parquet.<pid>-<random>.tmp


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temp_files(folder: Folder) -> None:
    """Temp files of sinks whose process is gone (killed mid-run), in a local OUT and its
    table folders: nothing will ever publish them. (Elsewhere no process can be asked.)"""
    if not folder.local:
        return
    for path in [*folder.glob(folder.path(".*.tmp")), *folder.glob(folder.path("*", ".*.tmp"))]:
        match = _TEMP.fullmatch(path.rsplit("/", 1)[-1])
        if match and int(match.group(1)) != os.getpid() and not _alive(int(match.group(1))):
            folder.remove(path)


class TableWriter(ABC):
    """Streams conformed rows of one table into one open file."""

    @abstractmethod
    def write(self, rows: list[Row]) -> None: ...

    @abstractmethod
    def close(self) -> None: ...


class TableFormat(ABC):
    """One file format: how to write a table file and how to read one back in batches,
    given a binary file opened for it (the writer closes it)."""

    ext: str

    def __eq__(self, other: object) -> bool:  # formats hold no state: one per class
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))

    @abstractmethod
    def open(self, file: IO[bytes], table: str) -> TableWriter:
        """Start the file, header or schema included, so an empty table is still valid."""

    @abstractmethod
    def read(self, file: IO[bytes], table: str) -> Iterator[list[dict[str, Any]]]:
        """Batches of raw rows (to be conformed) from a file this format wrote."""


class FolderSink(Sink):
    """``OUT/<table>.<ext>``; with a ``shard`` name, ``OUT/<table>/<shard>.<ext>`` instead
    (one shard of a partitioned output, see ``pipeline.writers.partitioned``)."""

    def __init__(self, folder: str | os.PathLike[str] | Folder, fmt: TableFormat,
                 shard: str | None = None) -> None:
        self.folder = folder if isinstance(folder, Folder) else Folder(folder)
        self.fmt = fmt
        self.shard = shard
        self._writers: dict[str, tuple[TableWriter, str]] = {}
        self._published = False  # nothing written since the last close
        self._reset()

    def _reset(self) -> None:
        # which write last wrote each owner (doc_id, or an errors row's source and line),
        # the owners written more than once, and each table's row count after each write
        self._last_write: dict[str | ErrorKey, int] = {}
        self._rewritten: set[str | ErrorKey] = set()
        self._ends: dict[str, list[int]] = {table: [] for table in WRITE_ORDER}
        self._broken = False  # a write failed half-way: publish nothing of this run

    def __reduce__(self) -> tuple[Callable[..., Sink], tuple[Any, ...]]:
        return (type(self), (self.folder, self.fmt, self.shard))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.folder)!r}, {self.fmt.ext!r}, {self.shard!r})"

    def final_path(self, table: str) -> str:
        if self.shard is None:
            return self.folder.path(f"{table}.{self.fmt.ext}")
        return self.folder.path(table, f"{self.shard}.{self.fmt.ext}")

    def _temp_path(self, table: str) -> str:
        parent, name = self.final_path(table).rsplit("/", 1)
        # pid + random: two sinks (or pickled copies) never share a temp file.
        return f"{parent}/.{name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp"

    def _writer(self, table: str) -> TableWriter:
        if table not in self._writers:
            tmp = self._temp_path(table)
            try:
                self.folder.makedirs(tmp.rsplit("/", 1)[0])
                file = self.folder.open(tmp, "wb")
                try:
                    self._writers[table] = (self.fmt.open(file, table), tmp)
                except BaseException:
                    file.close()
                    self.folder.remove(tmp)
                    raise
            except OSError as exc:
                raise OutputFailed(f"cannot write to output folder {self.folder}: "
                                   f"{exc.strerror or exc}") from None
        return self._writers[table][0]

    def write(self, rows: Batch) -> None:
        tables = conform_batch(rows)
        number = len(self._ends["documents"])
        self._published = False
        try:
            for table in WRITE_ORDER:
                if tables[table]:
                    self._writer(table).write(tables[table])
        except OSError as exc:
            self._broken = True
            raise OutputFailed(f"cannot write to output folder {self.folder}: "
                               f"{exc.strerror or exc}") from None
        for table in WRITE_ORDER:
            ends = self._ends[table]
            ends.append((ends[-1] if ends else 0) + len(tables[table]))
            for row in tables[table]:
                key = owner(row)
                if self._last_write.get(key, number) != number:
                    self._rewritten.add(key)
                self._last_write[key] = number

    def _read(self, path: str, table: str) -> Iterator[list[Row]]:
        try:
            with self.folder.open(path, "rb") as file:
                for batch in self.fmt.read(file, table):
                    yield [conform(table, r) for r in batch]
        except (OSError, ValueError) as exc:
            raise BadOutput(f"cannot read existing output file {path}: {exc}") from exc

    def _read_old(self, table: str) -> Iterator[list[Row]]:
        path = self.final_path(table)
        if self.folder.exists(path):
            yield from self._read(path, table)

    def done_keys(self) -> set[DoneKey]:
        return {
            (r["doc_id"], r["content_sha256"], r["pipeline_fingerprint"])
            for batch in self._read_old("documents")
            for r in batch
            if r["status"] == "ok"
        }

    def close(self) -> None:
        if self._broken:
            self._discard()
            self._reset()
            self._published = True
            return
        if self._published:
            return
        try:
            for table in WRITE_ORDER:  # every temp file complete before any is published
                self._finish(table)
            for table in WRITE_ORDER:  # documents last, as in write()
                self.folder.replace(self._writers.pop(table)[1], self.final_path(table))
            self._published = True
        except OSError as exc:
            raise OutputFailed(f"cannot write to output folder {self.folder}: "
                               f"{exc.strerror or exc}") from None
        finally:
            self._discard()
            self._reset()

    def _finish(self, table: str) -> None:
        """Complete the table's temp file: this run's rows (each owner's from its last
        write only), then the previous file's rows of owners this run did not write."""
        writer = self._writer(table)
        if self._rewritten:
            writer.close()
            earlier = self._writers.pop(table)[1]
            try:
                writer = self._writer(table)
                ends, position = self._ends[table], 0
                for batch in self._read(earlier, table):
                    kept = []
                    for row in batch:
                        key = owner(row)
                        write = bisect.bisect_right(ends, position)
                        if key not in self._rewritten or write == self._last_write[key]:
                            kept.append(row)
                        position += 1
                    writer.write(kept)
            finally:
                self.folder.remove(earlier)
        for old in self._read_old(table):
            kept = [r for r in old if owner(r) not in self._last_write]
            if kept:
                writer.write(kept)
        writer.close()

    def _discard(self) -> None:
        """After a failed close: remove the unpublished temp files."""
        for writer, tmp in self._writers.values():
            with contextlib.suppress(Exception):
                writer.close()
            self.folder.remove(tmp)
        self._writers.clear()
