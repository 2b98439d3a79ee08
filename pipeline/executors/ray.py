"""``--engine ray``: the same step, scaled out with Ray Data.

read (one task per input file, admitted there) -> ``map_batches(RayStep)`` on actors that
each load the spaCy pipeline once -> rows streamed back to the driver, which writes them
through the same sink, resume and error accounting as the local executor. Locally
``ray.init()`` starts a one-machine cluster; with ``RAY_ADDRESS`` set (e.g.
``ray://head:10001`` or ``auto`` on a cluster node) the run joins that cluster, whose
nodes need newsclaims, its spaCy model and the input files at the same paths.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO, TextIO

import pandas as pd

from pipeline.errors import UserError
from pipeline.executors.base import Executor, Results, admit
from pipeline.extractor import Extractor
from pipeline.readers import RecordKeys, resolve_inputs
from pipeline.readers.base import InputSource
from pipeline.readers.dispatch import read_source
from pipeline.writers.base import DoneKey

RECORD = "record"  # Ray batches in: a pickled Document, ReadError or None (already stored)
PACKED = "tables"  # Ray batches out: that record's pickled rows, or None


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise UserError("--engine ray needs Ray Data: pip install 'newsclaims[ray]'") from exc
    return ray


class RayStep:
    """The ``map_batches`` callable: builds the Extractor on its actor, then turns a batch
    of column ``record`` into column ``tables``, one row each, in order."""

    def __init__(self, **settings: Any) -> None:
        self.step = Extractor(**settings)

    def __call__(self, batch: pd.DataFrame) -> pd.DataFrame:
        items = [pickle.loads(payload) for payload in batch[RECORD]]
        return pd.DataFrame({PACKED: [pickle.dumps(t) for t in self.step.run_all(items)]})


def _read(item: dict[str, Any], keys: RecordKeys, done: set[DoneKey],
          fingerprint: str) -> Iterator[dict[str, bytes]]:
    """One file's records, admitted (``pipeline.executors.base.admit``) where they are read."""
    source: InputSource = pickle.loads(item["source"])
    for record in admit(read_source(source, keys), done, fingerprint):
        yield {RECORD: pickle.dumps(record)}


class RayExecutor(Executor):
    def __init__(self, n_actors: int = 1) -> None:
        self.n_actors = n_actors
        self._sources: list[InputSource] = []
        self._keys = RecordKeys()

    def open(self, inputs: Sequence[str], keys: RecordKeys,
             stdin: TextIO | BinaryIO | None = None) -> None:
        _ray()
        sources = resolve_inputs(inputs)
        if any(source.path is None for source in sources):
            raise UserError("--engine ray reads files, not stdin; save the input to a file first")
        self._sources, self._keys = sources, keys

    def run(self, step: Extractor, done: set[DoneKey]) -> Iterator[Results]:
        ray = _ray()
        if not ray.is_initialized():
            ray.init(include_dashboard=False, log_to_driver=False)
        ray.data.DataContext.get_current().execution_options.preserve_order = True
        items = [{"source": pickle.dumps(source)} for source in self._sources]
        # Reading reserves no CPU (the actors take one each and on a small machine would
        # leave none for the read tasks that feed them: a deadlock), so cap its tasks instead.
        dataset = ray.data.from_items(items).flat_map(
            _read, fn_kwargs={"keys": self._keys, "done": done,
                              "fingerprint": step.fingerprint},
            num_cpus=0, concurrency=self.n_actors,
        ).map_batches(
            RayStep, batch_format="pandas", batch_size=step.batch_size,
            concurrency=self.n_actors, num_cpus=1, fn_constructor_kwargs=step.settings(),
        )
        for batch in dataset.iter_batches(batch_format="pandas", batch_size=None):
            yield [pickle.loads(payload) for payload in batch[PACKED]]
