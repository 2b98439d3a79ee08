"""pipeline.chunking: long texts -> paragraph-aligned slices that cover the text exactly."""

from __future__ import annotations

import pytest

from pipeline import Extractor, chunking
from pipeline.chunking import DEFAULT_MAX_CHARS, chunks
from pipeline.records import Document


def _pieces(text: str, max_chars: int) -> list[tuple[int, str]]:
    return list(chunks(text, max_chars))


PARAGRAPHS = "\n".join(f"Paragraph {n} says something about the budget." for n in range(200))
SENTENCES = " ".join(f"Sentence {n} has no line break at all." for n in range(200))
WORDS = " ".join(f"word{n}" for n in range(2000))
NO_BREAKS = "x" * 10_001
MIXED = "Short line.\n" + "A long paragraph without newlines. " * 300 + "\nTail line.\n"
UNICODE = "Ünïcödé ✓ 日本語のテキスト。\n" * 500


@pytest.mark.parametrize(
    ("text", "max_chars"),
    [
        ("", 100),
        ("short", 100),
        (PARAGRAPHS, 500),
        (PARAGRAPHS, 64),
        (SENTENCES, 300),
        (WORDS, 100),
        (NO_BREAKS, 1000),
        (NO_BREAKS, 7),
        (MIXED, 400),
        (UNICODE, 250),
    ],
    ids=["empty", "short", "paragraphs", "paragraphs-tiny", "sentences", "words",
         "no-breaks", "no-breaks-tiny", "mixed", "unicode"],
)
def test_chunks_cover_text_exactly_within_max(text: str, max_chars: int) -> None:
    pieces = _pieces(text, max_chars)
    assert "".join(piece for _, piece in pieces) == text
    expected_offset = 0
    for offset, piece in pieces:
        assert offset == expected_offset  # each offset indexes the original text
        assert text[offset : offset + len(piece)] == piece
        assert len(piece) <= max_chars
        expected_offset += len(piece)
    assert all(piece for _, piece in pieces[:-1])  # only the one piece of "" is empty


def test_text_that_fits_is_one_piece() -> None:
    text = "One paragraph.\nTwo paragraphs.\n"
    assert _pieces(text, len(text)) == [(0, text)]


def test_cuts_follow_a_newline_when_there_is_one() -> None:
    pieces = _pieces(PARAGRAPHS, 500)
    assert len(pieces) > 10
    for _, piece in pieces[:-1]:
        assert piece.endswith("\n")
    # paragraph-aligned: every piece after the first starts a paragraph
    for offset, _ in pieces[1:]:
        assert PARAGRAPHS[offset - 1] == "\n"
        assert PARAGRAPHS[offset:].startswith("Paragraph ")


def test_cut_falls_back_to_sentence_end_then_space() -> None:
    for _, piece in _pieces(SENTENCES, 300)[:-1]:
        assert piece.endswith(". ")
    for _, piece in _pieces(WORDS, 100)[:-1]:
        assert piece.endswith(" ")
        assert not piece.startswith(" ")


def test_text_without_newline_or_space_is_cut_hard_at_max() -> None:
    pieces = _pieces(NO_BREAKS, 1000)
    assert [len(p) for _, p in pieces] == [1000] * 10 + [1]


def test_a_newline_early_in_the_window_does_not_make_tiny_chunks() -> None:
    """A newline in the first quarter of the window is ignored: cutting there would
    leave a chunk of a few characters; the long paragraph is cut at a sentence end."""
    pieces = _pieces(MIXED, 400)
    assert pieces[0][1] != "Short line.\n"
    assert pieces[0][1].endswith(". ")
    assert all(len(p) > 100 for _, p in pieces[:-1])


def test_default_max_is_large_enough_for_ordinary_articles() -> None:
    article = "A paragraph of an ordinary news article, forty words or so.\n" * 200
    assert len(article) < DEFAULT_MAX_CHARS
    assert _pieces(article, DEFAULT_MAX_CHARS) == [(0, article)]


@pytest.mark.parametrize(("sizes", "max_count", "max_chars", "expected"), [
    ([10, 10, 10], 32, 25, [[10, 10], [10]]),           # the character budget cuts
    ([1, 1, 1, 1, 1], 2, 100, [[1, 1], [1, 1], [1]]),   # the count cuts
    ([5, 300, 5], 32, 100, [[5], [300], [5]]),          # too long for any batch: alone
    ([], 4, 100, []),
])
def test_batches_keep_order_within_count_and_chars(
    sizes: list[int], max_count: int, max_chars: int, expected: list[list[int]]
) -> None:
    assert list(chunking.batches(sizes, max_count, max_chars, lambda n: n)) == expected


def test_a_batch_of_long_articles_is_split_but_rows_do_not_change(extractor: Extractor) -> None:
    """Batching is invisible in the output: a tiny character budget gives the same rows."""
    texts = [f"Exports rose {n}% to ${n} billion in 2023, officials said. " * 20 for n in range(4)]
    documents = [Document(doc_id=str(n), text=t, source="t") for n, t in enumerate(texts)]
    small = Extractor(batch_chars=500)
    rows = [[r["claim_id"] for r in t["claims"]] for t in small.run_all(documents)]
    assert rows == [[r["claim_id"] for r in t["claims"]] for t in extractor.run_all(documents)]
