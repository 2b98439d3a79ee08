from __future__ import annotations

import pytest

from pipeline.evaluate.spans import Span, exact_weight, iou, overlap_weight, overlaps, trim

TEXT = 'He said: “It is premature,” and left.'


def _span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle))


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("“It is premature,”", "It is premature"),
        (" said: ", "said"),
        ("premature", "premature"),
        ('"', ""),
    ],
)
def test_trim(needle: str, expected: str) -> None:
    text = TEXT + '"'
    start = text.rindex(needle) if needle == '"' else text.index(needle)
    span = trim(text, Span(start, start + len(needle)))
    assert text[span.start:span.end] == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [((0, 10), (0, 10), 1.0), ((0, 10), (5, 15), 5 / 15), ((0, 4), (4, 8), 0.0),
     ((0, 10), (2, 4), 0.2)],
)
def test_iou(a: tuple[int, int], b: tuple[int, int], expected: float) -> None:
    assert iou(Span(*a), Span(*b)) == pytest.approx(expected)
    assert overlaps(Span(*a), Span(*b)) is (expected > 0)


def test_exact_match_ignores_quotes_and_punctuation() -> None:
    assert exact_weight(TEXT, _span("“It is premature,”"), _span("It is premature")) == 1.0
    assert exact_weight(TEXT, _span("It is premature"), _span("is premature")) is None


def test_punctuation_only_cue_still_matches_itself() -> None:
    colon = _span(":")
    assert exact_weight(TEXT, colon, colon) == 1.0
    assert exact_weight(TEXT, colon, _span(",")) is None


@pytest.mark.parametrize(
    ("gold", "pred", "matches"),
    [("“It is premature,”", "is premature", True), ("It is premature", "premature", True),
     ("It is premature", "It is", False),
     ("said", "left", False)],
)
def test_overlap_match_needs_half_iou(gold: str, pred: str, matches: bool) -> None:
    assert (overlap_weight(TEXT, _span(gold), _span(pred)) is not None) is matches
