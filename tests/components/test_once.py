"""Per-Doc values worked out once (``pipeline.components.once``)."""

import pickle

import spacy
from spacy.tokens import Doc

from pipeline.components import once


def test_each_doc_gets_its_own_text_with_its_whitespace():
    nlp = spacy.blank("en")
    first, second = nlp("Prices rose.\n\nThey  fell  again. "), nlp("Exports fell 5%.")
    assert once.text(first) == "Prices rose.\n\nThey  fell  again. "
    assert once.text(second) == "Exports fell 5%."
    assert once.text(first) == first.text


def test_the_text_holds_after_retokenizing_and_leaves_the_doc_as_it_pickles():
    nlp = spacy.blank("en")
    doc = nlp("New York said no.")
    once.text(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert once.text(doc) == doc.text == "New York said no."
    assert pickle.loads(pickle.dumps(doc)).user_data == {}


def test_sentence_starts_are_the_first_tokens_of_the_sentences():
    nlp = spacy.blank("en")
    words = ["Prices", "rose", ".", "They", "fell", ".", "Again", "."]
    doc = Doc(nlp.vocab, words=words, sent_starts=[True, False, False, True, False, False,
                                                   True, False])
    assert once.sentence_starts(doc) == [0, 3, 6] == [s.start for s in doc.sents]
    assert once.sentence_starts(Doc(nlp.vocab, words=[])) == [0]


def test_sentence_offsets_are_the_character_offsets_of_the_sentence_starts():
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Prices", "rose", ".", "They", "fell", "."],
              sent_starts=[True, False, False, True, False, False])
    assert once.sentence_offsets(doc) == [0, 14] == [s.start_char for s in doc.sents]
    assert once.sentence_offsets(Doc(nlp.vocab, words=[])) == []
