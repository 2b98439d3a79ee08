"""The overview's numbers: counts, top sources, the stance matrix, figures by unit/time."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.report import overview
from pipeline.report.source import Tables
from pipeline.schema import TABLES


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[c.name for c in TABLES[table]])


def statement(subject: str | None, stance: str | None, target: str | None = None,
              target_entity_id: str | None = None) -> dict:
    return {"claim_type": "stance", "subject": subject, "stance": stance, "target": target,
            "target_entity_id": target_entity_id, "doc_id": "d"}


def figure(unit: str | None, time: str | None = None) -> dict:
    return {"claim_type": "figure", "unit": unit, "time": time, "doc_id": "d"}


def test_counts() -> None:
    tables = Tables(
        claims=frame("claims", [statement("A", "support"), figure("USD"), figure("%")]),
        entities=frame("entities", [{"entity_id": "E1"}, {"entity_id": "E1"},
                                    {"entity_id": "E2"}]),
        documents=frame("documents", [{"status": "ok"}, {"status": "ok"},
                                      {"status": "error"}]),
        errors=frame("errors", [{"stage": "read"}]),
    )
    assert overview.counts(tables) == overview.Counts(
        documents=3, documents_ok=2, documents_failed=1, claims=3, statements=1, figures=2,
        entity_mentions=3, entities=2, errors=1)


def test_top_sources_rank_by_statements_and_split_by_stance() -> None:
    claims = frame("claims", [
        statement("B", "oppose"), statement("A", "support"), statement("B", "support"),
        statement("B", "oppose"), statement(" A ", None), statement(None, "support"),
        statement("C", "neutral"), figure("USD"),
    ])
    table = overview.top_sources(claims, n=2)
    assert table.to_dict("records") == [
        {"source": "B", "stance": "oppose", "count": 2},
        {"source": "B", "stance": "support", "count": 1},
        {"source": "A", "stance": "neutral", "count": 1},  # a missing stance reads neutral
        {"source": "A", "stance": "support", "count": 1},
    ]


def test_stance_matrix_names_entity_targets_and_nets_the_stance() -> None:
    claims = frame("claims", [
        statement("Ishiba", "support", "an Asian NATO"),
        statement("Ishiba", "support", "an Asian NATO"),
        statement("Ishiba", "oppose", "an Asian NATO"),
        statement("Wang", "oppose", "the U.S.", target_entity_id="E-us"),
        statement("Wang", "neutral", None),
    ])
    entities = frame("entities", [{"entity_id": "E-us", "canonical": "United States"}])
    table = overview.stance_matrix(claims, entities).set_index(["source", "target"])
    assert table.loc[("Ishiba", "an Asian NATO"), ["support", "oppose", "total"]].tolist() == [
        2, 1, 3]
    assert table.loc[("Ishiba", "an Asian NATO"), "net"] == pytest.approx(1 / 3)
    assert table.loc[("Wang", "United States"), "net"] == -1
    assert len(table) == 2


def test_empty_claims_give_empty_aggregates() -> None:
    claims, entities = frame("claims", []), frame("entities", [])
    assert overview.top_sources(claims).empty
    assert overview.stance_matrix(claims, entities).empty
    assert overview.figures_by_unit(claims).empty
    assert overview.figures_over_time(claims).empty


@pytest.mark.parametrize(("time", "year"), [
    ("2025", 2025), ("FY2025", 2025), ("2019-08-30", 2019), ("2024-Q3", 2024),
    ("the 1990s", 1990), (None, None), ("12345", None), ("Q3", None),
])
def test_figure_year(time: str | None, year: int | None) -> None:
    assert overview.figure_year(time) == year


@pytest.mark.parametrize(("unit", "kind"), [
    ("USD", "money"), ("JPY", "money"), ("%", "percent"), ("pp", "percent"),
    ("fighter jet", "count or measure"), ("kilometre", "count or measure"), (None, "no unit"),
])
def test_unit_kind(unit: str | None, kind: str) -> None:
    assert overview.unit_kind(unit) == kind


def test_figures_by_unit_and_over_time() -> None:
    claims = frame("claims", [figure("USD", "2024"), figure("USD", "FY2025"), figure("%", "2024"),
                              figure(None), statement("A", "support")])
    assert overview.figures_by_unit(claims).to_dict("records") == [
        {"unit": "USD", "kind": "money", "count": 2},
        {"unit": "%", "kind": "percent", "count": 1},
        {"unit": "(none)", "kind": "no unit", "count": 1},
    ]
    assert overview.figures_over_time(claims).to_dict("records") == [
        {"year": 2024, "kind": "money", "count": 1},
        {"year": 2024, "kind": "percent", "count": 1},
        {"year": 2025, "kind": "money", "count": 1},
    ]


def test_stance_matrix_keeps_the_commonest_pairs() -> None:
    claims = frame("claims", [
        *[statement("A", "support", "x")] * 3, *[statement("B", "oppose", "y")] * 2,
        statement("C", "neutral", "z"), statement("A", "oppose", "y"),
    ])
    table = overview.stance_matrix(claims, frame("entities", []), n_sources=2, n_targets=2)
    assert sorted(zip(table["source"], table["target"], table["total"], strict=True)) == [
        ("A", "x", 3), ("A", "y", 1), ("B", "y", 2)]  # C's one statement on z is left out
