"""Typed predictions read from the claims table, as the evaluations compare them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.evaluate.runner import Row, as_float, as_str, rows, span_of
from pipeline.evaluate.spans import Span


@dataclass(frozen=True)
class PredFigure:
    span: Span | None
    value: float | None
    unit: str | None
    modifier: str | None
    time: str | None
    target: str | None

    @classmethod
    def from_row(cls, row: Row) -> PredFigure:
        return cls(
            span=span_of(row, "content"),
            value=as_float(row.get("value")),
            unit=as_str(row.get("unit")),
            modifier=as_str(row.get("modifier")),
            time=as_str(row.get("time")),
            target=as_str(row.get("target")),
        )


def pred_figures(tables: dict[str, pd.DataFrame]) -> list[PredFigure]:
    return [PredFigure.from_row(r) for r in rows(tables, "claims", claim_type="figure")]


@dataclass(frozen=True)
class PredStance:
    subject: str | None
    subject_span: Span | None
    spans: tuple[Span, ...]  # content and predicate spans, where given
    target: str | None
    stance: str | None
    evidence: Span | None = None

    @classmethod
    def from_row(cls, row: Row) -> PredStance:
        spans = tuple(s for s in (span_of(row, "content"), span_of(row, "predicate")) if s)
        return cls(
            subject=as_str(row.get("subject")),
            subject_span=span_of(row, "subject"),
            spans=spans,
            target=as_str(row.get("target")),
            stance=as_str(row.get("stance")),
            evidence=span_of(row, "char"),
        )


def pred_stances(tables: dict[str, pd.DataFrame]) -> list[PredStance]:
    return [PredStance.from_row(r) for r in rows(tables, "claims", claim_type="stance")]
