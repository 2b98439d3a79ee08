"""Hyphenated words the tokenizer split (``pipeline.components.hyphens``)."""

import spacy

from pipeline.components import hyphens


def _doc(text):
    return spacy.blank("en")(text)


def test_a_piece_after_a_hyphen_with_no_spaces_is_joined():
    doc = _doc("He sent e-mails in 2004 - then stopped.")
    words = [t.text for t in doc]
    assert words[2:5] == ["e", "-", "mails"]
    assert hyphens.joined_before(doc[4])  # "mails"
    assert not hyphens.joined_before(doc[2])  # "e"
    assert not hyphens.joined_before(doc[words.index("then")])  # a spaced dash


def test_a_range_widens_to_whole_words_at_both_ends():
    doc = _doc("the buy-back of e-mails")
    at = {t.text: t.i for t in doc}
    assert hyphens.whole_words(doc, at["back"], at["e"]) == (at["buy"], at["mails"])
    assert hyphens.whole_words(doc, at["of"], at["of"]) == (at["of"], at["of"])
