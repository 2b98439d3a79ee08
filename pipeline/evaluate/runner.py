"""Run an extractor over gold documents without letting one document stop the run.

Every evaluation is the same loop: extract a document, score its rows against
its gold, add the counts. A document whose extraction or scoring raises is
scored as if nothing was predicted (so its gold still counts as missed), and
the error is counted and named in the report notes.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import pandas as pd

from pipeline.evaluate.metrics import Tally
from pipeline.evaluate.report import Report
from pipeline.evaluate.spans import Span

ExtractFn = Callable[[str, str, str | None], dict[str, pd.DataFrame]]
"""(text, doc_id, published_at) -> {"claims": df, "entities": df, ...}"""

Row = dict[str, Any]
GoldT = TypeVar("GoldT")

_MAX_ERRORS_LISTED = 5


@dataclass
class GoldSet(Generic[GoldT]):
    """Documents loaded from one dataset, and notes on what loading skipped."""

    docs: list[EvalDoc[GoldT]]
    notes: list[str]


@dataclass(frozen=True)
class EvalDoc(Generic[GoldT]):
    """One gold document: the text the extractor sees, and its gold annotations."""

    doc_id: str
    text: str
    gold: GoldT
    published_at: str | None = None


def run_docs(
    name: str,
    dataset: str,
    docs: Iterable[EvalDoc[GoldT]],
    extract_fn: ExtractFn,
    score_doc: Callable[[EvalDoc[GoldT], dict[str, pd.DataFrame]], Tally],
    notes: list[str] | None = None,
) -> Report:
    """Extract and score every document into one Report.

    Timing starts here, after gold loading, so ``seconds`` and docs/s measure the
    extractor (plus the cheap scoring), not the reading of gold files.
    """
    return _run(docs, extract_fn, score_doc).report(name, dataset, notes)


def run_doc_groups(
    name: str,
    groups: Iterable[tuple[str, GoldSet[GoldT]]],
    extract_fn: ExtractFn,
    score_doc: Callable[[EvalDoc[GoldT], dict[str, pd.DataFrame]], Tally],
    total: str,
) -> list[Report]:
    """One Report per (dataset, gold set), then one for all of them together (``total``),
    each document extracted once."""
    runs = [(dataset, gold.notes, _run(gold.docs, extract_fn, score_doc))
            for dataset, gold in groups]
    reports = [run.report(name, dataset, notes) for dataset, notes, run in runs]
    together = _Run()
    for _, _, run in runs:
        together.merge(run)
    names = " + ".join(dataset for dataset, _, _ in runs)
    return [*reports, together.report(name, total, [f"the sum of {names}"])]


@dataclass
class _Run:
    """What scoring a set of documents left: counts, failures, size and time."""

    tally: Tally = field(default_factory=Tally)
    errors: list[str] = field(default_factory=list)
    n_docs: int = 0
    seconds: float = 0.0

    def merge(self, other: _Run) -> None:
        self.tally.merge(other.tally)
        self.errors.extend(other.errors)
        self.n_docs += other.n_docs
        self.seconds += other.seconds

    def report(self, name: str, dataset: str, notes: list[str] | None) -> Report:
        all_notes = list(notes or [])
        all_notes.extend(f"{what}: {n}" for what, n in self.tally.counters.items())
        if self.errors:
            listed = "; ".join(self.errors[:_MAX_ERRORS_LISTED])
            extra = len(self.errors) - _MAX_ERRORS_LISTED
            more = f" (+{extra} more)" if extra > 0 else ""
            all_notes.append(
                f"{len(self.errors)} documents failed and were scored as empty: {listed}{more}"
            )
        return Report(name, dataset, self.n_docs, self.seconds, self.tally.scores(), all_notes,
                      len(self.errors))


def _run(
    docs: Iterable[EvalDoc[GoldT]],
    extract_fn: ExtractFn,
    score_doc: Callable[[EvalDoc[GoldT], dict[str, pd.DataFrame]], Tally],
) -> _Run:
    started = time.perf_counter()
    run = _Run()
    for doc in docs:
        run.n_docs += 1
        try:
            tables = extract_fn(doc.text, doc.doc_id, doc.published_at)
            doc_tally = score_doc(doc, tables)
        except Exception as exc:  # one bad document must not end the evaluation
            run.errors.append(f"{doc.doc_id}: {type(exc).__name__}: {exc}")
            doc_tally = _score_empty(doc, score_doc)
        run.tally.merge(doc_tally)
    run.seconds = time.perf_counter() - started
    return run


def _score_empty(
    doc: EvalDoc[GoldT], score_doc: Callable[[EvalDoc[GoldT], dict[str, pd.DataFrame]], Tally]
) -> Tally:
    """Count a failed document's gold as missed; if even that fails, leave it out."""
    try:
        return score_doc(doc, {})
    except Exception:
        return Tally()


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def rows(tables: dict[str, pd.DataFrame], table: str, claim_type: str | None = None) -> list[Row]:
    """Rows of one output table as dicts, missing values as None; [] if absent."""
    df = tables.get(table)
    if df is None or len(df) == 0:
        return []
    if claim_type is not None:
        df = df[df["claim_type"] == claim_type]
    records = df.to_dict("records")
    return [{k: None if _missing(v) else v for k, v in rec.items()} for rec in records]


def as_str(value: Any) -> str | None:
    return None if _missing(value) else str(value)


def as_float(value: Any) -> float | None:
    return None if _missing(value) else float(value)


def span_of(row: Row, prefix: str) -> Span | None:
    """The ``<prefix>_start/<prefix>_end`` span of a row, None if either end is missing."""
    start, end = row.get(f"{prefix}_start"), row.get(f"{prefix}_end")
    if _missing(start) or _missing(end):
        return None
    return Span(int(start), int(end))
