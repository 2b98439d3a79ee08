"""What every executor shares: the interface, and admission, the one place where read
items are made storable and the ``--resume`` filter is applied."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO, TextIO

from pipeline.extractor import Extractor, Item
from pipeline.readers import RecordKeys
from pipeline.records import Document, ReadError
from pipeline.rows import Tables, sha256
from pipeline.sanitize import clean
from pipeline.writers.base import DoneKey

Results = list[Tables | None]  # one finished batch: each item's rows, None where skipped


class Executor(ABC):
    """Runs the step over the inputs of one run. Settings are stored on construction;
    ``open`` resolves the inputs, ``run`` yields batches of results in input order."""

    @abstractmethod
    def open(self, inputs: Sequence[str], keys: RecordKeys,
             stdin: TextIO | BinaryIO | None = None) -> None:
        """Resolve and check the inputs now, before any output is opened, so a usage
        error (a missing file, stdin where it cannot be read) writes nothing."""

    @abstractmethod
    def run(self, step: Extractor, done: set[DoneKey]) -> Iterator[Results]:
        """Each read item's rows, in input order, a list per finished batch; documents
        already stored (``done``, see ``admit``) are None."""


def admit(items: Iterable[Document | ReadError], done: set[DoneKey],
          fingerprint: str) -> Iterator[Item]:
    """Read items made storable (``pipeline.sanitize``); a document stored earlier with
    the same id, text and pipeline (``--resume``) becomes None.

    When one id comes more than once, the later record's rows win, so a stored document is
    not skipped after an earlier record of this run with its id was sent on: it replaced
    the stored rows, and this one has to replace them back. Only ids already in ``done``
    are remembered, so memory stays that of ``done``.
    """
    stored_ids = {key[0] for key in done}
    rewritten: set[str] = set()
    for item in items:
        item = clean(item)
        doc_id = item.doc_id
        if doc_id is not None and doc_id in stored_ids:
            if (doc_id not in rewritten and isinstance(item, Document)
                    and (doc_id, sha256(item.text), fingerprint) in done):
                yield None
                continue
            rewritten.add(doc_id)
        yield item
