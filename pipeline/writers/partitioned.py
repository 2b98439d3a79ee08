"""A folder output split by input shard: ``OUT/<table>/<shard>.<ext>``.

For large runs one file per table would be rewritten whole on every run; here each
input file (a JSONL/CSV/Parquet shard of a corpus, or the folder holding one-article
text/HTML files) gets its own file per table, named after its path, so:

- names are deterministic: the same input path always writes the same file;
- each shard is published atomically (temp file + rename) as soon as the next shard
  starts, so a killed run keeps every finished shard and ``--resume`` skips its documents;
- re-running replaces a shard file's rows per document, as ``FolderSink`` does;
- ``OUT/claims/`` reads as one dataset: ``pd.read_parquet("OUT/claims")``,
  ``duckdb: SELECT * FROM 'OUT/claims/*.parquet'``.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from pipeline.readers.sources import format_of
from pipeline.writers.base import WRITE_ORDER, Batch, Conformed, DoneKey, Row, Sink
from pipeline.writers.folder import FolderSink, TableFormat
from pipeline.writers.location import Folder

ONE_DOC_PER_FILE = frozenset({"text", "html"})
MAX_NAME = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def shard_name(source: str | None) -> str:
    """The file stem for rows read from ``source`` (Document.source / errors.source).

    A record file is its own shard; a one-article file belongs to its folder's shard.
    ``data/2024/part-0.jsonl`` -> ``data__2024__part-0.jsonl``.
    """
    if not source or source == "<stdin>":
        return "stdin"
    path = PurePosixPath(source.replace("\\", "/"))
    if format_of(Path(path.name)) in ONE_DOC_PER_FILE:
        path = path.parent
    parts = [p for p in path.parts if p not in ("/", ".", "..")]
    name = _UNSAFE.sub("_", "__".join(parts)).strip("_") or "root"
    if len(name) > MAX_NAME:  # keep the readable end, make it unique with a hash
        digest = hashlib.sha1(name.encode()).hexdigest()[:12]
        name = f"{name[-(MAX_NAME - 13):]}-{digest}"
    return name


class PartitionedSink(Sink):
    """Routes each document's rows to the ``FolderSink`` of its shard."""

    def __init__(self, folder: str | os.PathLike[str] | Folder, fmt: TableFormat) -> None:
        self.folder = folder if isinstance(folder, Folder) else Folder(folder)
        self.fmt = fmt
        self._open: dict[str, FolderSink] = {}

    def __reduce__(self) -> tuple[Callable[..., Sink], tuple[Any, ...]]:
        return (type(self), (self.folder, self.fmt))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.folder)!r}, {self.fmt.ext!r})"

    def _split(self, rows: Batch) -> dict[str, dict[str, list[Row]]]:
        """Rows grouped by shard, shards in the order their documents came."""
        shard_of = {r["doc_id"]: shard_name(r.get("source")) for r in rows.get("documents", ())}
        shards: dict[str, dict[str, list[Row]]] = {}
        for table in ("documents", "errors", "claims", "entities"):
            for row in rows.get(table, ()):
                doc_id = row.get("doc_id")
                if doc_id in shard_of:
                    shard = shard_of[doc_id]
                elif table == "errors":
                    shard = shard_name(row.get("source"))
                else:
                    raise ValueError(f"{table} row of doc_id {doc_id!r} came without its "
                                     "documents row; a batch holds whole documents")
                shards.setdefault(shard, {}).setdefault(table, []).append(row)
        return shards

    def write(self, rows: Batch) -> None:
        shards = self._split(rows)
        for shard, tables in shards.items():
            if shard not in self._open:
                self._open[shard] = FolderSink(self.folder, self.fmt, shard)
            batch = {t: tables.get(t, []) for t in WRITE_ORDER}
            self._open[shard].write(Conformed(batch) if isinstance(rows, Conformed) else batch)
        # Inputs are read file after file: once a later shard has started, the earlier
        # ones are complete, so publish them now (a shard seen again is merged, not lost).
        current = next(reversed(shards), None)
        for shard in [s for s in self._open if s != current]:
            self._open.pop(shard).close()

    def done_keys(self) -> set[DoneKey]:
        suffix = f".{self.fmt.ext}"
        names = [path.rsplit("/", 1)[-1] for path in
                 self.folder.glob(self.folder.path("documents", f"*{suffix}"))]
        stems = sorted(name[: -len(suffix)] for name in names if not name.startswith("."))
        return {key for stem in stems
                for key in FolderSink(self.folder, self.fmt, stem).done_keys()}

    def close(self) -> None:
        while self._open:
            _, sink = self._open.popitem()
            sink.close()
