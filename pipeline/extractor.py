"""The one extraction step: documents in, rows of the four tables out.

``Extractor`` holds settings only; the spaCy pipeline loads lazily on first use, so an
Extractor pickles cheaply to worker processes and Ray actors, which build their own
pipeline there. Where the step runs (this process, worker processes, Ray) is the
business of ``pipeline.executors``; the step never knows.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import chunking
from pipeline import nlp as nlp_builder
from pipeline.records import Document, ReadError
from pipeline.rows import DocumentRows, Tables, empty_tables, read_error_tables
from pipeline.sanitize import clean
from pipeline.schema import TABLES

# What the step takes: a document, an unreadable record, or None for a document that is
# already stored (``--resume``), which passes through as None to keep the order.
Item = Document | ReadError | None


def to_frames(tables: Tables) -> dict[str, pd.DataFrame]:
    """Rows as DataFrames with every contract column, in schema order."""
    return {
        name: pd.DataFrame(rows, columns=[c.name for c in TABLES[name]])
        for name, rows in tables.items()
    }


@dataclass
class _Pending:
    """An item on its way through the step: its rows so far and its chunks still unparsed."""

    rows: DocumentRows | None  # None for a ReadError or a skipped item
    result: Tables | None = None
    unparsed: int = 0


@dataclass(frozen=True)
class _Piece:
    pending: _Pending
    offset: int
    text: str


class Extractor:
    """Run the newsclaims pipeline over documents.

    >>> tables = Extractor().extract_text("Exports rose 5% in 2023, officials said.", doc_id="a1")
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        batch_size: int = 32,
        batch_chars: int = chunking.DEFAULT_BATCH_CHARS,
        max_chunk_chars: int = chunking.DEFAULT_MAX_CHARS,
        components: nlp_builder.ComponentConfig | None = None,
        store_text: bool = True,
    ) -> None:
        self.model = model
        self.components = {k: dict(v) for k, v in (components or {}).items()}
        self.batch_size = batch_size
        self.batch_chars = batch_chars
        self.max_chunk_chars = max_chunk_chars
        self.store_text = store_text
        self._nlp: Language | None = None
        self._fingerprint: str | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_nlp": None}

    def settings(self) -> dict[str, Any]:
        """The constructor arguments, for building the same Extractor elsewhere (a Ray actor)."""
        return {"model": self.model, "batch_size": self.batch_size,
                "batch_chars": self.batch_chars, "max_chunk_chars": self.max_chunk_chars,
                "components": self.components, "store_text": self.store_text}

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = nlp_builder.build_nlp(self.model, self.components)
            self._nlp.max_length = max(self._nlp.max_length, self.max_chunk_chars + 1)
        return self._nlp

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = nlp_builder.fingerprint(self.nlp)
        return self._fingerprint

    @property
    def spacy_model(self) -> str:
        return self.model or nlp_builder.DEFAULT_MODEL

    # -- the step --------------------------------------------------------------------

    def run(self, items: Iterable[Item]) -> Iterator[list[Tables | None]]:
        """Each item's rows (None for None), in input order, a list per parse batch.

        Documents are cut into chunks and parsed in batches of at most ``batch_size``
        chunks and ``batch_chars`` characters, each inside a spaCy memory zone, so memory
        stays flat however many documents stream through. After each batch the items
        finished by then are yielded, so a short document is out as soon as its batch is
        parsed, whatever long one follows it.
        """
        queue: deque[_Pending] = deque()
        for batch in chunking.batches(self._pieces(items, queue), self.batch_size,
                                      self.batch_chars, lambda piece: len(piece.text)):
            self._parse(batch)
            if done := _finished(queue):
                yield done
        if done := _finished(queue):
            yield done

    def run_all(self, items: Iterable[Item]) -> list[Tables | None]:
        """``run`` flattened: one entry per item (what a worker process sends back)."""
        return [result for batch in self.run(items) for result in batch]

    def _pieces(self, items: Iterable[Item], queue: deque[_Pending]) -> Iterator[_Piece]:
        """The chunks to parse, registering each item in ``queue`` as it is reached. A
        ReadError or None is finished at once and is an empty piece, so that it counts
        towards a batch and leaves with it."""
        for item in items:
            if isinstance(item, Document):
                pending = _Pending(DocumentRows(item))
                cuts = list(chunking.chunks(item.text, self.max_chunk_chars))
                pending.unparsed = len(cuts)
                queue.append(pending)
                for offset, text in cuts:
                    yield _Piece(pending, offset, text)
            else:
                pending = _Pending(None, None if item is None else
                                   read_error_tables(item, self.fingerprint))
                queue.append(pending)
                yield _Piece(pending, 0, "")

    def _parse(self, batch: list[_Piece]) -> None:
        pieces = [p for p in batch if p.pending.rows is not None]
        if not pieces:
            return
        nlp = self.nlp
        with nlp.memory_zone():
            docs = nlp.pipe((self._make_doc(p) for p in pieces), batch_size=len(pieces))
            for piece, doc in zip(pieces, docs, strict=True):
                rows = piece.pending.rows
                assert rows is not None
                rows.add_chunk(doc, piece.offset, doc._.nc_errors or [])
                piece.pending.unparsed -= 1
                if not piece.pending.unparsed:
                    piece.pending.result = rows.tables(self.fingerprint,
                                                       store_text=self.store_text)
                    piece.pending.rows = None  # its Docs and partial rows can go

    def _make_doc(self, piece: _Piece) -> Doc:
        doc = self.nlp.make_doc(piece.text)
        assert piece.pending.rows is not None
        doc._.nc_published = piece.pending.rows.document.published_at
        return doc

    # -- Python API --------------------------------------------------------------------

    def extract_text(
        self, text: str, doc_id: str = "doc", *, published_at: str | None = None,
        title: str | None = None,
    ) -> dict[str, pd.DataFrame]:
        """One text -> the four tables as DataFrames."""
        document = Document(doc_id=doc_id, text=text, source="<python>", title=title,
                            published_at=published_at)
        return self.extract_documents([document])

    def extract(
        self, frame: pd.DataFrame, *, text_col: str = "text", id_col: str = "id"
    ) -> dict[str, pd.DataFrame]:
        """A DataFrame with id/text columns (optional title, url, published_at) -> tables.

        A row whose text is missing, not a string or blank becomes an ``errors`` row and a
        ``documents`` row with status ``error``, as it would when read from a file.
        """

        def items() -> Iterator[Item]:
            for n, row in enumerate(frame.to_dict("records")):
                doc_id = str(row[id_col]) if id_col in frame else str(n)
                text = row.get(text_col)
                if not isinstance(text, str) or not text.strip():
                    yield ReadError(
                        source="<dataframe>", error_type="empty_text", doc_id=doc_id, line=n + 1,
                        message=f"row {n + 1}: {text_col!r} is missing, not a string or blank")
                    continue
                yield Document(
                    doc_id=doc_id, text=text, source="<dataframe>", line=n + 1,
                    title=row.get("title"), url=row.get("url"),
                    published_at=None if pd.isna(row.get("published_at")) else
                    str(row.get("published_at")),
                )

        return self.extract_documents(items())

    def extract_documents(self, items: Iterable[Document | ReadError]
                          ) -> dict[str, pd.DataFrame]:
        """Documents (and unreadable records) as read -> the four tables, in this process."""
        merged = empty_tables()
        for tables in self.run_all(clean(item) for item in items):
            assert tables is not None
            for name, rows in tables.items():
                merged[name].extend(rows)
        return to_frames(merged)


def _finished(queue: deque[_Pending]) -> list[Tables | None]:
    """Pop the leading finished items of ``queue``, keeping input order."""
    done = []
    while queue and queue[0].rows is None:
        done.append(queue.popleft().result)
    return done

