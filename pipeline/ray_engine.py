"""``--engine ray``: the same Extractor, scaled out with Ray Data.

read (one task per input file) -> ``map_batches(Extractor, batch_format="pandas")`` on
actors that each load the spaCy pipeline once -> rows streamed back to the driver,
which writes them through the same sink, resume and error accounting as the local
engine. Locally ``ray.init()`` starts a one-machine cluster; with ``RAY_ADDRESS`` set
(e.g. ``ray://head:10001`` or ``auto`` on a cluster node) the run joins that cluster,
whose nodes need newsclaims, its spaCy model and the input files at the same paths.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.errors import UserError
from pipeline.extractor import PACKED, RECORD, Extractor, Tables
from pipeline.readers import RecordKeys, resolve_inputs
from pipeline.readers.base import InputSource
from pipeline.readers.dispatch import read_source
from pipeline.records import Document
from pipeline.runner import already_stored
from pipeline.writers.base import DoneKey


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise UserError("--engine ray needs Ray Data: pip install 'newsclaims[ray]'") from exc
    return ray


def check(inputs: Sequence[str]) -> list[InputSource]:
    """The input files, once Ray and the inputs are known to suit: called before any output
    is opened, so no Ray or stdin input is a usage error that writes nothing."""
    _ray()
    sources = resolve_inputs(inputs)
    if any(source.path is None for source in sources):
        raise UserError("--engine ray reads files, not stdin; save the input to a file first")
    return sources


def _read(item: dict[str, Any], keys: RecordKeys, done: set[DoneKey],
          fingerprint: str) -> Iterator[dict[str, bytes]]:
    """One file's records, those already stored (``--resume``) replaced by None."""
    source = InputSource(Path(item["path"]), item["name"], item["format"])
    for record in read_source(source, keys):
        stored = isinstance(record, Document) and already_stored(record, done, fingerprint)
        yield {RECORD: pickle.dumps(None if stored else record)}


def process(
    extractor: Extractor, sources: Sequence[InputSource], *, keys: RecordKeys,
    done: set[DoneKey], n_actors: int,
) -> Iterator[Tables | None]:
    """Every document's tables (None where skipped), in input order; ``sources`` from
    ``check``."""
    ray = _ray()
    if not ray.is_initialized():
        ray.init(include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    items = [{"path": str(s.path), "name": s.name, "format": s.format} for s in sources]
    # Reading reserves no CPU (the actors take one each and on a small machine would leave
    # none for the read tasks that feed them: a deadlock), so cap its tasks instead.
    dataset = ray.data.from_items(items).flat_map(
        _read, fn_kwargs={"keys": keys, "done": done, "fingerprint": extractor.fingerprint},
        num_cpus=0, concurrency=n_actors,
    ).map_batches(
        Extractor, batch_format="pandas", batch_size=extractor.batch_size,
        concurrency=n_actors, num_cpus=1, fn_constructor_kwargs=extractor.settings(),
    )
    for batch in dataset.iter_batches(batch_format="pandas", batch_size=None):
        for payload in batch[PACKED]:
            yield pickle.loads(payload)

