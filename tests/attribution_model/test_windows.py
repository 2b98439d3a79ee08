from __future__ import annotations

import itertools

import pytest

from pipeline.attribution_model.windows import boundaries, owners, windows


def test_windows_cover_every_token_and_overlap() -> None:
    spans = windows(25, 10, 3)
    assert spans[0] == (0, 10) and spans[-1][1] == 25
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end - 3 <= start < end


def test_windows_start_at_a_sentence_start_in_the_overlap() -> None:
    assert windows(25, 10, 4, starts=[3, 7, 8, 16])[:2] == [(0, 10), (7, 17)]


def test_short_document_is_one_window() -> None:
    assert windows(4, 10, 3) == [(0, 4)]


@pytest.mark.parametrize(("size", "overlap"), [(1, 0), (10, 10), (10, -1)])
def test_bad_window_settings_raise(size: int, overlap: int) -> None:
    with pytest.raises(ValueError, match="bad window"):
        windows(5, size, overlap)


def test_owner_is_the_window_farthest_from_an_edge() -> None:
    assert owners(6, [(0, 4), (2, 6)]) == [0, 0, 0, 1, 1, 1]


def test_boundaries_after_stops_and_line_breaks() -> None:
    text = "He left. She came\nback"
    offsets = [(0, 2), (3, 7), (7, 8), (9, 12), (13, 17), (18, 22)]
    assert boundaries(text, offsets) == [3, 5]
