"""Verbs whose base ends in a silent e (``pipeline.silent_e``)."""

import spacy
from spacy.lookups import Lookups
from spacy.tokens import Doc

from pipeline import silent_e
from pipeline.lemma_cache import LemmaCache

WORDS = ["He", "hoped", "and", "hopped", "hoping", "singing", "hoped"]
POS = ["PRON", "VERB", "CCONJ", "VERB", "VERB", "VERB", "NOUN"]


def lemmatizer_nlp():
    """English's rule tables in small: "-ed"/"-ing" stripped with and without an e."""
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lookups = Lookups()
    rules = [["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]]
    lookups.add_table("lemma_rules", {"verb": rules, "noun": []})
    lookups.add_table("lemma_index", {"verb": ["hop", "hope", "sing", "singe"]})
    lookups.add_table("lemma_exc", {"verb": {"hopped": ["hop"]}})
    lemmatizer.initialize(lookups=lookups)
    return nlp


def test_the_rules_alone_read_hoped_as_hop():
    nlp = lemmatizer_nlp()
    doc = nlp(Doc(nlp.vocab, words=WORDS, pos=POS))
    assert doc[1].lemma_ == "hop"


def test_an_undoubled_form_of_a_one_syllable_stem_takes_the_e():
    for cached in (False, True):
        nlp = lemmatizer_nlp()
        assert silent_e.install(nlp)
        if cached:
            assert LemmaCache.install(nlp)
        for _ in range(2):  # the pipe's own call first, then the cache where installed
            [doc] = nlp.pipe([Doc(nlp.vocab, words=WORDS, pos=POS)])
            # "singing" keeps "sing" (a stem ending in two consonants doubles nothing);
            # a noun is left to the rules
            assert [t.lemma_ for t in doc][1:6] == ["hope", "and", "hop", "hope", "sing"]


def test_the_forms_come_from_the_verb_index():
    forms = silent_e.silent_e_forms({"hop", "hope", "rat", "rate", "sing", "singe",
                                     "tax", "taxe", "rout", "route"})
    assert forms == {"hoped": "hope", "hoping": "hope", "rated": "rate", "rating": "rate"}


def test_a_pipeline_without_a_rule_lemmatizer_is_left_alone():
    assert not silent_e.install(spacy.blank("en"))
