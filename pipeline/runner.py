"""``newsclaims extract`` as a library call: read -> extract -> sink, with counts.

Read errors and extraction errors become ``errors`` rows and the run goes on;
only more than ``max_errors`` failed documents stop it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from pipeline.errors import TooManyErrors
from pipeline.extractor import Extractor, Tables, empty_tables
from pipeline.readers import InputSource, RecordKeys, iter_documents
from pipeline.records import Document, ReadError
from pipeline.rows import sha256
from pipeline.writers import open_sink
from pipeline.writers.base import DoneKey

WRITE_EVERY = 64  # documents per sink write (one transaction for a database)


def already_stored(document: Document, done: set[DoneKey], fingerprint: str) -> bool:
    """Whether ``--resume`` may skip the document: same id, text and pipeline stored ok."""
    return bool(done) and (document.doc_id, sha256(document.text), fingerprint) in done


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

    def summary(self) -> str:
        rate = (self.ok + self.failed) / self.seconds if self.seconds else 0.0
        return (
            f"{self.docs} docs ({self.ok} ok, {self.failed} failed, {self.skipped} skipped), "
            f"{self.claims} claims, {self.entities} entities, {self.errors} errors "
            f"in {self.seconds:.1f}s ({rate:.1f} docs/s)"
        )


@dataclass
class _Pending:
    """Rows waiting for the next sink write, and the counts they add."""

    tables: Tables = field(default_factory=empty_tables)
    docs: int = 0

    def add(self, tables: Tables) -> None:
        for name, rows in tables.items():
            self.tables[name].extend(rows)
        self.docs += 1


def run_extract(
    inputs: Sequence[str],
    *,
    out: str | None = None,
    fmt: str | None = None,
    partitioned: bool = False,
    extractor: Extractor | None = None,
    engine: str = "local",
    resume: bool = True,
    max_errors: int | None = None,
    text_key: str | None = None,
    id_key: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    on_document: Callable[[], None] | None = None,
) -> RunStats:
    """Extract every document of ``inputs`` into ``out``; returns the run's counts.

    ``engine="ray"`` runs the extraction on Ray Data actors (``extractor.n_process`` of
    them); reading back, writing and counting stay here, the same for both engines.
    """
    documents = iter_documents(inputs, text_key=text_key, id_key=id_key, stdin=stdin)
    extractor = extractor or Extractor()
    # Load the model before opening OUT, so a bad --model leaves no empty database behind.
    fingerprint = extractor.fingerprint
    ray_sources: list[InputSource] = []  # the files Ray reads, checked before OUT opens
    if engine == "ray":
        from pipeline import ray_engine

        ray_sources = ray_engine.check(inputs)
    stats = RunStats()
    pending = _Pending()
    with open_sink(out, fmt, partitioned=partitioned) as sink:
        done = sink.done_keys() if resume else set()

        def flush() -> None:
            nonlocal pending
            if pending.docs:
                sink.write(pending.tables)
                pending = _Pending()

        def account(tables: Tables) -> None:
            failed = any(r["status"] == "error" for r in tables["documents"]) or not tables[
                "documents"]
            stats.failed += failed
            stats.ok += not failed
            stats.claims += len(tables["claims"])
            stats.entities += len(tables["entities"])
            stats.errors += len(tables["errors"])
            pending.add(tables)
            if on_document:
                on_document()
            if pending.docs >= WRITE_EVERY:
                flush()
            if max_errors is not None and stats.failed > max_errors:
                flush()
                raise TooManyErrors(
                    f"{stats.failed} documents failed, more than --max-errors {max_errors}; "
                    "see the errors table"
                )

        def skip() -> None:
            stats.skipped += 1
            if on_document:
                on_document()

        def to_process() -> Iterator[Document]:
            for item in documents:
                if isinstance(item, ReadError):
                    account(extractor.read_error_tables(item))
                elif already_stored(item, done, fingerprint):
                    skip()
                else:
                    yield item

        try:
            if engine == "ray":
                for found in ray_engine.process(
                    extractor, ray_sources, keys=RecordKeys(text_key, id_key), done=done,
                    n_actors=extractor.n_process,
                ):
                    if found is None:
                        skip()
                    else:
                        account(found)
            else:
                for tables in extractor.process(to_process()):
                    account(tables)
            flush()
        finally:
            stats.seconds = time.perf_counter() - stats.started
    return stats


def progress_enabled() -> bool:
    return sys.stderr.isatty()
