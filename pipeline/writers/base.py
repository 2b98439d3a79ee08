"""What every sink shares: the ``Sink`` interface and the row -> schema conformance.

A sink receives batches of rows for whole documents, keyed by table name, and stores
them so that writing a document again replaces its earlier rows. Rows are plain
mappings; ``pipeline.conform`` turns each into the schema's column order and types, so
every sink stores the same values whatever the caller's types were (numpy, pandas, ISO
strings); a ``Conformed`` batch (what the runner writes) was conformed by the step.
"""

from __future__ import annotations

import datetime as dt
import functools
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any, Self

import pyarrow as pa

from pipeline.conform import Row, conform
from pipeline.schema import PRIMARY_KEYS, TABLES

Batch = Mapping[str, Sequence[Mapping[str, Any]]]
DoneKey = tuple[str, str, str]
# An errors row without a doc_id (an unreadable file or line) is identified by where it came from.
ErrorKey = tuple[str | None, int | None]

# Tables in write order: ``documents`` last, so a document counts as stored (and is skipped
# by --resume) only once all its other rows are out.
WRITE_ORDER: tuple[str, ...] = ("claims", "entities", "errors", "documents")


class Sink(ABC):
    """Where the four tables go. Settings are stored on construction; files and
    connections open on first use, so an unused sink pickles (to be sent to a worker)."""

    @abstractmethod
    def write(self, rows: Batch) -> None:
        """Store a batch holding all rows of one or more whole documents, replacing
        any rows stored earlier for those doc_ids."""

    def done_keys(self) -> set[DoneKey]:
        """(doc_id, content_sha256, pipeline_fingerprint) of documents stored with status
        'ok', so that --resume can skip them. A sink that cannot read back has none."""
        return set()

    @abstractmethod
    def close(self) -> None:
        """Flush and publish everything written; safe to call twice."""

    @abstractmethod
    def __reduce__(self) -> tuple[Callable[..., Sink], tuple[Any, ...]]:
        """Pickle the settings only: an open file or connection never travels."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Even on an exception, publish: every batch holds whole documents, so what was
        # written is consistent, and a later --resume run carries on from it.
        self.close()


def latest(table: str, rows: list[Row]) -> list[Row]:
    """Conformed rows with each primary key once: a later row replaces an earlier one, as
    writing it in a later batch would (a database would refuse the pair)."""
    key = PRIMARY_KEYS[table]
    if not key:
        return rows
    by_key = {tuple(r[c] for c in key): r for r in rows}
    return rows if len(by_key) == len(rows) else list(by_key.values())


class Conformed(dict[str, list[Row]]):
    """A batch whose rows are conformed already (the step does it, in its worker, so the
    process that writes does not): sinks take them as they are."""


def conform_batch(rows: Batch) -> dict[str, list[Row]]:
    """All tables of a batch conformed up front, so a bad row fails before anything is
    written, each primary key once."""
    unknown = set(rows) - set(TABLES)
    if unknown:
        raise ValueError(f"unknown table(s) {sorted(unknown)}; expected some of {list(TABLES)}")
    if isinstance(rows, Conformed):
        return {table: latest(table, list(rows.get(table, ()))) for table in WRITE_ORDER}
    return {table: latest(table, [conform(table, r) for r in rows.get(table, ())])
            for table in WRITE_ORDER}


def batch_keys(tables: Mapping[str, Iterable[Row]]) -> tuple[set[str], set[ErrorKey]]:
    """The doc_ids a (conformed) batch replaces, and the (source, line) of its errors rows
    that have no doc_id: re-reading a bad file replaces its old error rows, not adds to them."""
    doc_ids: set[str] = set()
    error_keys: set[ErrorKey] = set()
    for table, batch in tables.items():
        for row in batch:
            if row["doc_id"] is not None:
                doc_ids.add(row["doc_id"])
            elif table == "errors" and row["source"] is not None:
                error_keys.add((row["source"], row["line"]))
    return doc_ids, error_keys


def owner(row: Row) -> str | ErrorKey:
    """What a (conformed) row belongs to, which writing it again replaces: its doc_id, or
    for an errors row without one, its (source, line)."""
    if row["doc_id"] is not None:
        return row["doc_id"]
    return (row.get("source"), row.get("line"))  # only errors rows lack doc_id


def plain(row: Row) -> Row:
    """A conformed row with timestamps as ISO 8601 strings, for JSON and CSV."""
    return {k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in row.items()}


_ARROW_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "timestamp": pa.timestamp("us", tz="UTC"),
}


@functools.cache
def arrow_schema(table: str, *, tz: str | None = "UTC") -> pa.Schema:
    """The table's Arrow schema; ``tz=None`` gives naive UTC timestamps (DuckDB TIMESTAMP)."""
    types = {**_ARROW_TYPES, "timestamp": pa.timestamp("us", tz=tz)}
    return pa.schema([pa.field(c.name, types[c.type], nullable=c.nullable) for c in TABLES[table]])


def to_arrow(table: str, rows: Sequence[Row], *, tz: str | None = "UTC") -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=arrow_schema(table, tz=tz))
