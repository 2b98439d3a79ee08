"""``--engine local``: the step in this process, or in ``n_process`` worker processes.

Workers each run the same Extractor on batches of items (bounded by its ``batch_size``
and ``batch_chars``) and send back rows, so this process only reads and writes. At most
eight batches per worker are in flight (each bounded in characters, so memory stays
flat), enough that a worker never waits for a long batch on the other one; results come
back in order, a batch at a time.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import BinaryIO, TextIO

from pipeline import chunking
from pipeline.executors.base import Executor, Results, admit
from pipeline.extractor import Extractor, Item
from pipeline.readers import RecordKeys, iter_documents
from pipeline.records import Document, ReadError
from pipeline.writers.base import DoneKey

IN_FLIGHT = 8  # batches per worker queued or running


class LocalExecutor(Executor):
    def __init__(self, n_process: int = 1) -> None:
        self.n_process = n_process
        self._items: Iterator[Document | ReadError] | None = None

    def open(self, inputs: Sequence[str], keys: RecordKeys,
             stdin: TextIO | BinaryIO | None = None) -> None:
        self._items = iter_documents(inputs, text_key=keys.text_key, id_key=keys.id_key,
                                     stdin=stdin)

    def run(self, step: Extractor, done: set[DoneKey]) -> Iterator[Results]:
        assert self._items is not None, "open() the inputs first"
        items = admit(self._items, done, step.fingerprint)
        if self.n_process == 1:
            yield from step.run(items)
        else:
            yield from _in_workers(step, items, self.n_process)


def _chars(item: Item) -> int:
    return len(item.text) if isinstance(item, Document) else 0


def _in_workers(step: Extractor, items: Iterator[Item], n_process: int) -> Iterator[Results]:
    methods = multiprocessing.get_all_start_methods()
    # fork shares the loaded model with the workers; spawn makes each load its own
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_start_worker,
                             initargs=(step,)) as pool:
        in_flight: deque[Future[Results]] = deque()
        try:
            for batch in chunking.batches(items, step.batch_size, step.batch_chars, _chars):
                in_flight.append(pool.submit(_work, batch))
                if len(in_flight) >= IN_FLIGHT * n_process:
                    yield in_flight.popleft().result()
            while in_flight:
                yield in_flight.popleft().result()
        finally:  # interrupted: drop the queued batches instead of finishing them
            for future in in_flight:
                future.cancel()


_STEP: Extractor | None = None  # the step of a worker process


def _start_worker(step: Extractor) -> None:
    global _STEP
    _STEP = step
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _work(batch: list[Item]) -> Results:
    assert _STEP is not None, "worker process not initialised"
    return _STEP.run_all(batch)
