"""Sentence walking shared by the components (pipeline/components/quotes.py)."""

from pipeline.components.quotes import (
    quoted,
    quotes,
    sentence_start,
    sentences_back,
    spoken,
)

TEXT = "One is here. Two is here. Three is here. Four is here."


def test_sentences_back_counts_sentence_starts_back_from_a_token(parse):
    doc = parse(TEXT)
    starts = [s.start for s in doc.sents]
    assert len(starts) == 4
    inside_four = starts[3] + 1
    assert sentences_back(doc, inside_four, 1) == sentence_start(doc, inside_four) == starts[3]
    assert sentences_back(doc, inside_four, 3) == starts[1]
    assert sentences_back(doc, starts[3], 1) == starts[2]  # from a start: the one before
    assert sentences_back(doc, inside_four, 9) == 0
    assert sentences_back(doc, inside_four, 0) == inside_four


def test_quoted_is_any_quotation_overlapping_a_span():
    text = 'He said "the plan is dead" on Monday.'
    spans = quotes(text)
    start = text.index("plan")
    assert quoted((start, start + 4), spans)
    assert quoted((0, start), spans)  # reaches into the quotation
    assert not quoted((text.index("on"), len(text)), spans)


def _texts(text, spans):
    return [text[s:e] for s, e in spans]


def test_spoken_pairs_marks_by_the_side_of_the_word_they_touch():
    # a quote running on into a lost paragraph break leaves an opening mark unclosed
    text = 'He said: "The plan works. "It will last." Then "no" and "yes".'
    assert _texts(text, spoken(text)) == ["The plan works.", "It will last.", "no", "yes"]
    # pairing in order turns every later quotation inside out
    assert "no" not in _texts(text, quotes(text))


def test_spoken_drops_a_stray_closing_mark_and_mixes_curly_and_straight_marks():
    text = 'A stray" mark, then “curly" and "straight”.'
    assert _texts(text, spoken(text)) == ["curly", "straight"]


def test_spoken_falls_back_to_order_where_the_sides_do_not_tell():
    text = 'odd " spaced " marks and "words".'
    assert _texts(text, spoken(text)) == [" spaced ", "words"]
