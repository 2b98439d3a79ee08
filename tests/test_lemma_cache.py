"""The rule lemmatizer with its lemmas remembered (``pipeline.lemma_cache``)."""

import spacy
from spacy.lookups import Lookups
from spacy.tokens import Doc

from pipeline.lemma_cache import LemmaCache

WORDS = ["Dogs", "ran", "and", "dogs", "run", "  ", "Paris", "dogs"]
POS = ["NOUN", "VERB", "CCONJ", "NOUN", "VERB", "SPACE", "PROPN", "NOUN"]
MORPHS = ["Number=Plur", "Tense=Past|VerbForm=Fin", "", "Number=Plur", "VerbForm=Inf", "",
          "Number=Sing", "Number=Plur"]


def lemmatizer_nlp():
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""]], "verb": [["s", ""]]})
    lookups.add_table("lemma_index", {"noun": ["dog"], "verb": ["run"]})
    lookups.add_table("lemma_exc", {"verb": {"ran": ["run"]}})
    lemmatizer.initialize(lookups=lookups)
    return nlp


def tagged(nlp, lemmas=None):
    return Doc(nlp.vocab, words=WORDS, pos=POS, morphs=MORPHS, lemmas=lemmas)


def test_the_cached_lemmas_are_the_lemmatizers_own():
    plain, fast = lemmatizer_nlp(), lemmatizer_nlp()
    assert LemmaCache.install(fast)
    want = [t.lemma_ for t in plain(tagged(plain))]
    assert want[:5] == ["dog", "run", "and", "dog", "run"]
    for _ in range(2):  # the first Doc runs the pipe's own call, later ones the cache
        [doc] = fast.pipe([tagged(fast)])
        assert [t.lemma_ for t in doc] == want


def test_a_lemma_set_before_stays_and_an_empty_doc_passes():
    fast = lemmatizer_nlp()
    LemmaCache.install(fast)
    list(fast.pipe([tagged(fast)]))
    [doc] = fast.pipe([tagged(fast, lemmas=["hound", *[""] * (len(WORDS) - 1)])])
    assert [t.lemma_ for t in doc][:2] == ["hound", "run"]
    [empty] = fast.pipe([fast.make_doc("")])
    assert len(empty) == 0


def test_other_lemmatizers_are_left_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not LemmaCache.install(nlp)
    assert not LemmaCache.install(spacy.blank("en"))


def test_the_default_pipeline_gets_the_cache(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer").pipe.__self__, LemmaCache)
