from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.evaluate import evaluate_stance

METRICS = ["statement", "statement+target", "statement+label", "source-target-label"]


def _stance_tables(oracle, **changes: Any) -> dict[str, pd.DataFrame]:
    claims = oracle["claims"].astype(object)
    row = claims.index[claims["claim_type"] == "stance"][0]
    for column, value in changes.items():
        claims.loc[row, column] = value
    return {"claims": claims}


def test_perfect_predictions_score_one(corpus: Path, oracle, extractor) -> None:
    [report] = evaluate_stance(extractor(oracle), corpus_dir=corpus)
    assert [s.metric for s in report.scores] == METRICS
    assert all(s.f1 == 1.0 for s in report.scores)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"stance": "support"}, [(1, 0, 0), (1, 0, 0), (0, 1, 1), (0, 1, 1)]),
        ({"target": "the weather"}, [(1, 0, 0), (0, 1, 1), (1, 0, 0), (0, 1, 1)]),
        # "he" resolved to the wrong name still matches through the subject span
        ({"subject": "Someone Else"}, [(1, 0, 0)] * 4),
        # wrong name and no subject span: the source does not match at all
        ({"subject": "Someone Else", "subject_start": None, "subject_end": None},
         [(0, 1, 1)] * 4),
        # content moved off the statement, but the cue span still overlaps
        ({"content_start": 0, "content_end": 5}, [(1, 0, 0)] * 4),
        ({"content_start": 0, "content_end": 5, "predicate_start": None,
          "predicate_end": None}, [(0, 1, 1)] * 4),
    ],
)
def test_one_wrong_field(corpus: Path, oracle, extractor, changes, expected) -> None:
    [report] = evaluate_stance(extractor(_stance_tables(oracle, **changes)), corpus_dir=corpus)
    assert [(s.tp, s.fp, s.fn) for s in report.scores] == expected


def test_no_predictions_means_all_missed(corpus: Path, extractor) -> None:
    [report] = evaluate_stance(extractor({}), corpus_dir=corpus)
    assert report.score("statement").fn == 1 and report.score("statement").f1 == 0.0
