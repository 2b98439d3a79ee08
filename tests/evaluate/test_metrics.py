from __future__ import annotations

import pytest

from pipeline.evaluate.metrics import (
    Tally,
    greedy_match,
    phrases_match,
    prf,
    token_f1,
    values_equal,
)


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "p", "r", "f1"),
    [
        (3, 1, 2, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35),
        (1, 0, 0, 1.0, 1.0, 1.0),
        (0, 0, 0, 0.0, 0.0, 0.0),
        (0, 4, 0, 0.0, 0.0, 0.0),
        (0, 0, 5, 0.0, 0.0, 0.0),
    ],
)
def test_prf(tp: int, fp: int, fn: int, p: float, r: float, f1: float) -> None:
    score = prf("m", tp, fp, fn)
    assert (score.precision, score.recall, score.f1) == pytest.approx((p, r, f1))


def test_tally_micro_averages_and_keeps_order() -> None:
    doc1, doc2 = Tally(), Tally()
    doc1.add_matches("b", n_matched=1, n_pred=2, n_gold=1)
    doc1.add_matches("a", n_matched=0, n_pred=0, n_gold=3)
    doc2.add_matches("b", n_matched=2, n_pred=2, n_gold=4)
    doc2.count("ignored", 2)
    doc1.merge(doc2)
    assert [(s.metric, s.tp, s.fp, s.fn) for s in doc1.scores()] == [
        ("b", 3, 1, 2), ("a", 0, 0, 3)
    ]
    assert doc1.counters == {"ignored": 2}


def test_greedy_match_is_one_to_one_and_prefers_heavier_pairs() -> None:
    gold, pred = ["g0", "g1"], ["p0", "p1", "p2"]
    weights = {("g0", "p0"): 0.9, ("g1", "p0"): 0.95, ("g0", "p1"): 0.5}
    pairs = greedy_match(gold, pred, lambda g, p: weights.get((g, p)))
    assert pairs == [(1, 0), (0, 1)]


def test_greedy_match_uses_each_gold_once() -> None:
    assert greedy_match(["g"], ["p", "q"], lambda g, p: 1.0) == [(0, 0)]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("defense budget", "Defense Budget", 1.0),
        ("the defense budget for 2025", "defense budget", 2 * 2 / 5),
        ("Japan's budget", "budget of Japan", 1.0),
        ("Asian NATO", "NATO", 2 / 3),
        ("tariffs", "taxes", 0.0),
    ],
)
def test_token_f1(a: str, b: str, expected: float) -> None:
    assert token_f1(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [(None, None, True), (None, "x", False), ("x", None, False), ("Asian NATO", "NATO", True),
     ("defense budget request", "budget", True), ("the plan", "a proposal", False)],
)
def test_phrases_match(gold: str | None, pred: str | None, expected: bool) -> None:
    assert phrases_match(gold, pred) is expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [(8.54e12, 8.54e12 * (1 + 1e-7), True), (8.54e12, 8.5e12, False), (0.0, 0.0, True),
     (None, None, True), (2.0, None, False)],
)
def test_values_equal(gold: float | None, pred: float | None, expected: bool) -> None:
    assert values_equal(gold, pred) is expected
