"""``-o -``: claims rows as JSON Lines on stdout, for piping; the other tables are dropped."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from pipeline.writers.base import Batch, Sink, conform_batch
from pipeline.writers.jsonl import JsonlWriter


class StdoutSink(Sink):
    def write(self, rows: Batch) -> None:
        # sys.stdout is looked up on every write, not stored: tests and click's runner swap it.
        writer = JsonlWriter(sys.stdout, owns_stream=False)
        writer.write(conform_batch(rows)["claims"])  # all tables checked, as other sinks do
        writer.close()

    def close(self) -> None:
        sys.stdout.flush()

    def __reduce__(self) -> tuple[Callable[..., Sink], tuple[Any, ...]]:
        return (type(self), ())
