"""The one extraction step: documents in, rows of the four tables out.

``Extractor`` holds settings only; the spaCy pipeline loads lazily on first use,
so an Extractor pickles cheaply to worker processes and Ray actors, which build
their own pipeline there.
"""

from __future__ import annotations

import copy
import itertools
import multiprocessing
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import UTC, datetime
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import chunking
from pipeline import nlp as nlp_builder
from pipeline.records import Document, ReadError
from pipeline.rows import Row, RowBuilder, sha256
from pipeline.schema import TABLES

Tables = dict[str, list[Row]]
RECORD = "record"  # Ray batches in: a pickled Document, ReadError or None (already stored)
PACKED = "tables"  # Ray batches out: that record's pickled Tables, or None


def empty_tables() -> Tables:
    return {name: [] for name in TABLES}


def to_frames(tables: Tables) -> dict[str, pd.DataFrame]:
    """Rows as DataFrames with every contract column, in schema order."""
    return {
        name: pd.DataFrame(rows, columns=[c.name for c in TABLES[name]])
        for name, rows in tables.items()
    }


class Extractor:
    """Run the newsclaims pipeline over documents.

    >>> tables = Extractor().extract_text("Exports rose 5% in 2023, officials said.", doc_id="a1")
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        n_process: int = 1,
        batch_size: int = 32,
        batch_chars: int = chunking.DEFAULT_BATCH_CHARS,
        max_chunk_chars: int = chunking.DEFAULT_MAX_CHARS,
        window: int = 256,
        components: nlp_builder.ComponentConfig | None = None,
        store_text: bool = True,
    ) -> None:
        self.model = model
        self.components = {k: dict(v) for k, v in (components or {}).items()}
        self.n_process = n_process
        self.batch_size = batch_size
        self.batch_chars = batch_chars
        self.max_chunk_chars = max_chunk_chars
        self.window = window
        self.store_text = store_text
        self._nlp: Language | None = None
        self._fingerprint: str | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_nlp": None}

    def settings(self) -> dict[str, Any]:
        """The constructor arguments, for building the same Extractor elsewhere (a Ray actor)."""
        return {"model": self.model, "batch_size": self.batch_size,
                "batch_chars": self.batch_chars,
                "max_chunk_chars": self.max_chunk_chars, "window": self.window,
                "components": self.components, "store_text": self.store_text}

    def __call__(self, batch: pd.DataFrame) -> pd.DataFrame:
        """Ray Data ``map_batches`` step: column ``record`` (pickled Document, ReadError or
        None) -> column ``tables`` (its pickled rows, or None), same order.

        The batch's documents go through ``process`` together, as they would locally.
        """
        records = [pickle.loads(payload) for payload in batch[RECORD]]
        extracted = self.process(r for r in records if isinstance(r, Document))
        out = [
            None if record is None else
            self.read_error_tables(record) if isinstance(record, ReadError) else next(extracted)
            for record in records
        ]
        return pd.DataFrame({PACKED: [pickle.dumps(tables) for tables in out]})

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

    # -- batch step ------------------------------------------------------------------

    def process(self, documents: Iterable[Document]) -> Iterator[Tables]:
        """Yield the rows of each document, in input order, one dict of tables each.

        Documents go through spaCy in windows inside a memory zone, so memory stays
        flat however many documents stream through.
        """
        if self.n_process > 1:
            yield from self._process_in_workers(documents)
            return
        iterator = iter(documents)
        while window := list(itertools.islice(iterator, self.window)):
            yield from self._process_window(window)

    def _process_in_workers(self, documents: Iterable[Document]) -> Iterator[Tables]:
        """``n_process`` worker processes each run this same Extractor on batches of
        documents and send back rows, so this process only reads and writes. At most two
        batches per worker are in flight, so memory stays flat; order is kept."""
        worker = copy.copy(self)
        worker.n_process = 1
        methods = multiprocessing.get_all_start_methods()
        # fork shares the loaded model with the workers; spawn makes each load its own
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        iterator = iter(documents)
        with ProcessPoolExecutor(self.n_process, mp_context=context,
                                 initializer=_start_worker, initargs=(worker,)) as pool:
            in_flight: deque[Future[list[Tables]]] = deque()
            while batch := list(itertools.islice(iterator, self.batch_size)):
                in_flight.append(pool.submit(_work, batch))
                if len(in_flight) >= 2 * self.n_process:
                    yield from in_flight.popleft().result()
            while in_flight:
                yield from in_flight.popleft().result()

    def _process_window(self, window: list[Document]) -> Iterator[Tables]:
        nlp = self.nlp
        pieces = [
            (i, offset, piece)
            for i, document in enumerate(window)
            for offset, piece in chunking.chunks(document.text, self.max_chunk_chars)
        ]
        per_doc: list[Tables] = [empty_tables() for _ in window]
        sent_counts = [0] * len(window)
        shas = [sha256(d.text) for d in window]
        n_tokens = [0] * len(window)
        with nlp.memory_zone():
            for (i, offset, _), doc in zip(pieces, self._parse(pieces, window), strict=True):
                document = window[i]
                sents = list(doc.sents)
                notes = list(doc._.nc_errors or [])
                try:
                    builder = RowBuilder(doc, sents, document.doc_id, shas[i], offset,
                                         sent_counts[i])
                    makers = (("claims", builder.figures), ("claims", builder.statements),
                              ("entities", builder.entities))
                except Exception as exc:  # one bad document never stops a batch
                    makers = ()
                    notes.append(("rows", type(exc).__name__, str(exc)))
                for table, make in makers:
                    try:  # and one failing kind of row keeps the others
                        per_doc[i][table].extend(make())
                    except Exception as exc:
                        notes.append(("rows", type(exc).__name__, str(exc)))
                sent_counts[i] += len(sents)
                n_tokens[i] += len(doc)
                for stage, error_type, message in notes:
                    per_doc[i]["errors"].append({
                        "doc_id": document.doc_id, "source": document.source,
                        "line": document.line, "stage": stage, "error_type": error_type,
                        "message": message,
                    })
        for document, tables, sha, tokens in zip(window, per_doc, shas, n_tokens, strict=True):
            tables["claims"].sort(key=lambda r: (r["char_start"], r["claim_type"], r["claim_id"]))
            tables["documents"].append(self.document_row(document, sha, tokens,
                                                         "error" if tables["errors"] else "ok"))
            yield tables

    def _parse(self, pieces: list[tuple[int, int, str]], window: list[Document]) -> Iterator[Doc]:
        """The pieces parsed, in order, in batches of at most ``batch_size`` pieces and
        ``batch_chars`` characters: a batch of long articles would set a run's peak memory."""
        for batch in chunking.batches(pieces, self.batch_size, self.batch_chars,
                                      lambda piece: len(piece[2])):
            yield from self.nlp.pipe((self._make_doc(piece, window[i]) for i, _, piece in batch),
                                     batch_size=len(batch))

    def _make_doc(self, text: str, document: Document) -> Doc:
        doc = self.nlp.make_doc(text)
        doc._.nc_published = document.published_at
        return doc

    def document_row(self, document: Document, sha: str | None, n_tokens: int | None,
                     status: str) -> Row:
        notes = document.meta.get("notes", ())
        return {
            "doc_id": document.doc_id, "content_sha256": sha, "source": document.source,
            "title": document.title, "published_at": document.published_at,
            "n_chars": len(document.text), "n_tokens": n_tokens, "status": status,
            "pipeline_fingerprint": self.fingerprint, "processed_at": datetime.now(UTC),
            "url": document.url, "note": "; ".join(notes) or None,
            "text": document.text if self.store_text and sha is not None else None,
        }

    # -- Python API --------------------------------------------------------------------

    def extract_text(
        self, text: str, doc_id: str = "doc", *, published_at: str | None = None,
        title: str | None = None,
    ) -> dict[str, pd.DataFrame]:
        """One text -> the four tables as DataFrames."""
        document = Document(doc_id=doc_id, text=text, source="<python>", title=title,
                            published_at=published_at)
        return to_frames(next(self.process([document])))

    def extract(
        self, frame: pd.DataFrame, *, text_col: str = "text", id_col: str = "id"
    ) -> dict[str, pd.DataFrame]:
        """A DataFrame with id/text columns (optional title, url, published_at) -> tables.

        A row whose text is missing, not a string or blank becomes an ``errors`` row and a
        ``documents`` row with status ``error``, as it would when read from a file.
        """
        unreadable: list[ReadError] = []

        def documents() -> Iterator[Document]:
            for n, row in enumerate(frame.to_dict("records")):
                doc_id = str(row[id_col]) if id_col in frame else str(n)
                text = row.get(text_col)
                if not isinstance(text, str) or not text.strip():
                    unreadable.append(ReadError(
                        source="<dataframe>", error_type="empty_text", doc_id=doc_id, line=n + 1,
                        message=f"row {n + 1}: {text_col!r} is missing, not a string or blank"))
                    continue
                yield Document(
                    doc_id=doc_id, text=text, source="<dataframe>", line=n + 1,
                    title=row.get("title"), url=row.get("url"),
                    published_at=None if pd.isna(row.get("published_at")) else
                    str(row.get("published_at")),
                )

        merged = empty_tables()
        for tables in itertools.chain(self.process(documents()),
                                      (self.read_error_tables(e) for e in unreadable)):
            for name, rows in tables.items():
                merged[name].extend(rows)
        return to_frames(merged)

    def read_error_tables(self, error: ReadError) -> Tables:
        """An unreadable record: an errors row, plus a documents row when it has an id."""
        tables = empty_tables()
        tables["errors"].append(error.row())
        if error.doc_id is not None:
            document = Document(doc_id=error.doc_id, text="", source=error.source,
                                line=error.line)
            row = self.document_row(document, None, None, "error")
            row["n_chars"] = None
            tables["documents"].append(row)
        return tables


_WORKER: Extractor | None = None  # the Extractor of a worker process


def _start_worker(extractor: Extractor) -> None:
    global _WORKER
    _WORKER = extractor


def _work(batch: list[Document]) -> list[Tables]:
    assert _WORKER is not None, "worker process not initialised"
    return list(_WORKER.process(batch))
