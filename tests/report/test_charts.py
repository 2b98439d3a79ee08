"""Charts render to inline SVG that scales, with their labels as text, escaped."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import pytest

from pipeline.report import charts

from .conftest import parse

Draw = Callable[[pd.DataFrame], str | None]
SOURCES = pd.DataFrame({"source": ["Taro Aso", "Taro Aso", "<b>Union</b> & Co"],
                        "stance": ["support", "oppose", "neutral"], "count": [3, 1, 2]})
MATRIX = pd.DataFrame({"source": ["Taro Aso", "Wang"], "target": ["the plan", "Japan"],
                       "support": [2, 0], "oppose": [1, 1], "neutral": [0, 0],
                       "total": [3, 1], "net": [1 / 3, -1.0]})
UNITS = pd.DataFrame({"unit": ["USD", "%"], "kind": ["money", "percent"], "count": [4, 2]})
YEARS = pd.DataFrame({"year": [2023, 2025], "kind": ["money", "percent"], "count": [1, 2]})

CASES = [
    (charts.top_sources_chart, SOURCES, ["Taro Aso", "<b>Union</b> & Co", "support"]),
    (charts.stance_matrix_chart, MATRIX, ["Wang", "the plan", "Japan"]),
    (charts.figures_by_unit_chart, UNITS, ["USD", "%", "money"]),
    (charts.figures_over_time_chart, YEARS, ["2023", "2025", "percent"]),
]


@pytest.mark.parametrize(("draw", "table", "labels"), CASES)
def test_charts_are_scalable_svg_with_text_labels(draw: Draw, table: pd.DataFrame,
                                                  labels: list[str]) -> None:
    svg = draw(table)
    assert svg.startswith("<svg") and "<script" not in svg and "<b>" not in svg
    root = re.match(r"<svg[^>]*>", svg).group(0)
    assert "viewBox" in root and 'role="img"' in root and "max-width" in root
    assert " width=" not in root  # the container sets the width
    texts = {t.text() for t in parse(svg).css("text")}
    for label in labels:
        assert label in texts


@pytest.mark.parametrize(("draw", "table", "labels"), CASES)
def test_no_rows_no_chart(draw: Draw, table: pd.DataFrame, labels: list[str]) -> None:
    assert draw(table.iloc[:0]) is None
