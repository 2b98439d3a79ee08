"""pipeline.chunking: long texts -> paragraph-aligned slices that cover the text exactly."""

from __future__ import annotations

import pytest

from pipeline.chunking import DEFAULT_MAX_CHARS, chunks


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
