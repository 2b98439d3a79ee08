from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.errors import GoldFormatError
from pipeline.evaluate import evaluate_figures

METRICS = ["span", "value", "value+unit", "value+modifier", "concept", "concept partial",
           "concept exact", "time"]


def _counts(report) -> dict[str, tuple[int, int, int]]:
    return {s.metric: (s.tp, s.fp, s.fn) for s in report.scores}


def test_perfect_predictions_score_one(corpus: Path, oracle, extractor) -> None:
    [report] = evaluate_figures(extractor(oracle), corpus_dir=corpus)
    assert [s.metric for s in report.scores] == METRICS
    assert all(s.f1 == 1.0 for s in report.scores)
    assert (report.name, report.n_docs, report.n_errors) == ("figures", 1, 0)


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        # a wrong value fails every value metric but not span, concept or time
        ("value", 8.5e12, {"span": (2, 0, 0), "value": (1, 1, 1), "value+unit": (1, 1, 1),
                           "value+modifier": (1, 1, 1), "concept": (2, 0, 0)}),
        ("unit", "USD", {"value": (2, 0, 0), "value+unit": (1, 1, 1)}),
        # a missing modifier means "="; the gold here is "="
        ("modifier", None, {"value+modifier": (2, 0, 0)}),
        # the gold target is "defense budget request": lenient, CQE's partial and exact
        ("target", "budget request of the defense ministry",
         {"concept": (2, 0, 0), "concept partial": (2, 0, 0), "concept exact": (1, 1, 1)}),
        ("target", "the Defense Budget Request", {"concept exact": (2, 0, 0)}),
        ("target", "budget", {"concept": (2, 0, 0), "concept exact": (1, 1, 1)}),
        ("target", "Japan's defense", {"concept": (1, 1, 1), "concept partial": (2, 0, 0)}),
        ("target", "Japan's economy", {"concept": (1, 1, 1), "concept partial": (1, 1, 1)}),
        ("time", "2025", {"time": (1, 1, 1)}),
    ],
)
def test_one_wrong_attribute(
    corpus: Path, oracle, extractor, column: str, value: Any, expected: dict
) -> None:
    claims = oracle["claims"].astype(object)
    claims.loc[0, column] = value  # row 0 is the yen figure
    [report] = evaluate_figures(extractor({**oracle, "claims": claims}), corpus_dir=corpus)
    got = _counts(report)
    assert {k: got[k] for k in expected} == expected


def test_unmatched_prediction_is_fp_and_not_figure_is_noted(
    corpus: Path, oracle, extractor, record
) -> None:
    year = record["not_figures"][0]
    extra = pd.DataFrame([{"claim_type": "figure", "content_start": year["char_start"],
                           "content_end": year["char_end"], "value": 2025.0}])
    claims = pd.concat([oracle["claims"], extra], ignore_index=True)
    [report] = evaluate_figures(extractor({"claims": claims}), corpus_dir=corpus)
    assert _counts(report)["span"] == (2, 1, 0)
    assert "predictions on not_figures spans (counted as FP): 1" in report.notes


def test_missing_figure_is_fn(corpus: Path, oracle, extractor) -> None:
    claims = oracle["claims"].drop(index=1)
    [report] = evaluate_figures(extractor({"claims": claims}), corpus_dir=corpus)
    assert _counts(report)["value"] == (1, 0, 1)
    assert report.score("value").recall == 0.5


def test_extractor_error_is_counted_not_raised(corpus: Path, failing) -> None:
    [report] = evaluate_figures(failing, corpus_dir=corpus)
    assert report.n_errors == 1 and _counts(report)["span"] == (0, 0, 2)


def test_missing_corpus_is_gold_format_error(tmp_path: Path, extractor) -> None:
    with pytest.raises(GoldFormatError, match="corpus folder not found"):
        evaluate_figures(extractor({}), corpus_dir=tmp_path / "absent")


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r["figures"][0].update(char_start="x"), "bad span"),
        (lambda r: r["figures"][0].update(char_end=10_000), "bad span"),
        (lambda r: r["figures"][0].update(value="lots"), "value: expected a number"),
        (lambda r: r.update(figures={}), "figures: expected a list"),
        (lambda r: r.update(doc_id="missing.txt"), "not found"),
        (lambda r: r["entities"][0].pop("canonical"), "canonical: expected a string"),
    ],
)
def test_malformed_gold_is_gold_format_error(
    tmp_path: Path, record, extractor, corpus_writer, mutate, message: str
) -> None:
    root = corpus_writer(tmp_path / "c", record)
    mutate(record)
    (root / "gold" / "a1.json").write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(GoldFormatError, match=message):
        evaluate_figures(extractor({}), corpus_dir=root)


def test_invalid_json_is_gold_format_error(corpus: Path, extractor) -> None:
    (corpus / "gold" / "a1.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"a1\.json"):
        evaluate_figures(extractor({}), corpus_dir=corpus)
