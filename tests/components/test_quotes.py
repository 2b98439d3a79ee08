"""Sentence walking shared by the components (pipeline/components/quotes.py)."""

from pipeline.components.quotes import quoted, quotes, sentence_start, sentences_back

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
