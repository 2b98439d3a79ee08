"""``newsclaims extract`` as a library call: read -> extract -> sink, with counts.

An executor (``pipeline.executors``) runs the step and hands back each finished batch
of results; each batch is one sink write, so rows are stored as soon as their batch is
parsed. Read errors and extraction errors become ``errors`` rows and the run goes on;
only more than ``max_errors`` failed documents stop it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from pipeline.errors import TooManyErrors
from pipeline.executors import executor_for
from pipeline.extractor import Extractor
from pipeline.readers import RecordKeys
from pipeline.rows import Tables, empty_tables
from pipeline.writers import open_sink
from pipeline.writers.base import Conformed


@dataclass
class RunStats:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    claims: int = 0
    entities: int = 0
    errors: int = 0
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0

    @property
    def docs(self) -> int:
        return self.ok + self.failed + self.skipped

    def count(self, tables: Tables | None) -> None:
        """Add one item's result (None: skipped)."""
        if tables is None:
            self.skipped += 1
            return
        failed = not tables["documents"] or tables["documents"][0]["status"] == "error"
        self.failed += failed
        self.ok += not failed
        self.claims += len(tables["claims"])
        self.entities += len(tables["entities"])
        self.errors += len(tables["errors"])

    def summary(self) -> str:
        rate = (self.ok + self.failed) / self.seconds if self.seconds else 0.0
        return (
            f"{self.docs} docs ({self.ok} ok, {self.failed} failed, {self.skipped} skipped), "
            f"{self.claims} claims, {self.entities} entities, {self.errors} errors "
            f"in {self.seconds:.1f}s ({rate:.1f} docs/s)"
        )


def owner(tables: Tables) -> object:
    """What a result's rows belong to: its doc_id, or for an unreadable file without one,
    where the error came from."""
    if tables["documents"]:
        return tables["documents"][0]["doc_id"]
    error = tables["errors"][0]
    return (error["source"], error["line"])


def merge_latest(results: Sequence[Tables]) -> Tables:
    """One write batch from results in input order; when one id comes twice, the later
    result's rows replace the earlier's, as they would across writes."""
    last = {owner(tables): n for n, tables in enumerate(results)}
    merged = Conformed(empty_tables())  # the step conformed every row
    for n, tables in enumerate(results):
        if last[owner(tables)] == n:
            for name, rows in tables.items():
                merged[name].extend(rows)
    return merged


def run_extract(
    inputs: Sequence[str],
    *,
    out: str | None = None,
    fmt: str | None = None,
    partitioned: bool = False,
    table_prefix: str = "",
    extractor: Extractor | None = None,
    engine: str = "local",
    n_process: int = 1,
    resume: bool = True,
    max_errors: int | None = None,
    text_key: str | None = None,
    id_key: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    on_document: Callable[[], None] | None = None,
) -> RunStats:
    """Extract every document of ``inputs`` into ``out``; returns the run's counts.

    ``engine="ray"`` runs the step on ``n_process`` Ray Data actors, else ``n_process``
    local worker processes (1: this process); writing and counting stay here.
    """
    executor = executor_for(engine, n_process)
    executor.open(inputs, RecordKeys(text_key, id_key), stdin)
    extractor = extractor or Extractor()
    # Load the model before opening OUT, so a bad --model leaves no empty database behind.
    extractor.fingerprint  # noqa: B018
    stats = RunStats()
    with open_sink(out, fmt, partitioned=partitioned, table_prefix=table_prefix) as sink:
        done = sink.done_keys() if resume else set()
        try:
            for results in executor.run(extractor, done):
                for tables in results:
                    stats.count(tables)
                    if on_document:
                        on_document()
                stored = [tables for tables in results if tables is not None]
                if stored:
                    sink.write(merge_latest(stored))
                if max_errors is not None and stats.failed > max_errors:
                    raise TooManyErrors(
                        f"{stats.failed} documents failed, more than --max-errors "
                        f"{max_errors}; see the errors table"
                    )
        finally:
            stats.seconds = time.perf_counter() - stats.started
    return stats


def progress_enabled() -> bool:
    return sys.stderr.isatty()
