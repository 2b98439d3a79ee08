"""The attribute ruler's table look-up (``pipeline.attribute_index``) matches as its Matcher."""

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.attribute_index import AttributeIndex

PATTERNS = [
    {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": "CC", "LOWER": "but", "DEP": "advmod"}]], "attrs": {"POS": "ADV"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]],
     "attrs": {"POS": "AUX"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]],
     "attrs": {"POS": "PRON"}},
    # two patterns of one key that can both match a token: the Matcher reports it once
    {"patterns": [[{"LOWER": "it"}], [{"LOWER": "it", "DEP": "nsubj"}]],
     "attrs": {"MORPH": "Case=Nom"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}]], "attrs": {"LEMMA": "you"}},
]

WORDS = ["It", "was", "n't", "but", "that", "Paris", "  ", "y'", "gon", "na", "go", "it", "to"]
TAGS = ["PRP", "VBD", "RB", "CC", "DT", "NNP", "_SP", "PRP", "VBG", "TO", "VB", "PRP", "TO"]
DEPS = ["nsubj", "aux", "neg", "advmod", "nsubj", "pobj", "dep", "nsubj", "ROOT", "aux",
        "xcomp", "dobj", "aux"]


def ruler_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    return nlp


def parsed(nlp, tags=TAGS, deps=DEPS):
    return Doc(nlp.vocab, words=WORDS, tags=tags, deps=deps, heads=[0] * len(WORDS))


def test_the_table_matches_as_the_matcher_and_sets_the_same_annotations():
    plain, fast = ruler_nlp(), ruler_nlp()
    assert AttributeIndex.install(fast)
    expected = plain.get_pipe("attribute_ruler").match(parsed(plain))
    assert fast.get_pipe("attribute_ruler").match(parsed(fast)) == expected
    assert len([m for m in expected if m[2] == 0]) == 1  # "It": one match for its key
    one, other = plain(parsed(plain)), fast(parsed(fast))
    for a, b in zip(one, other, strict=True):
        assert (a.pos_, a.tag_, str(a.morph), a.lemma_) == (b.pos_, b.tag_, str(b.morph), b.lemma_)
    assert [t.pos_ for t in other][3:7] == ["ADV", "PRON", "PROPN", "SPACE"]
    assert other[9].lemma_ == "to" and other[7].lemma_ == "you"


def test_missing_tags_and_deps_match_as_empty_values():
    plain, fast = ruler_nlp(), ruler_nlp()
    AttributeIndex.install(fast)
    empty = [""] * len(WORDS)
    doc = Doc(plain.vocab, words=WORDS)
    assert fast.get_pipe("attribute_ruler").match(Doc(fast.vocab, words=WORDS)) == \
        plain.get_pipe("attribute_ruler").match(doc)
    assert fast.get_pipe("attribute_ruler").match(parsed(fast, tags=empty)) == \
        plain.get_pipe("attribute_ruler").match(parsed(plain, tags=empty))


def test_an_empty_doc_and_a_pipeline_without_a_ruler():
    fast = ruler_nlp()
    AttributeIndex.install(fast)
    assert fast.get_pipe("attribute_ruler").match(fast.make_doc("")) == []
    assert not AttributeIndex.install(spacy.blank("en"))


def test_the_default_pipeline_gets_the_table(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler").match.__self__, AttributeIndex)


def test_a_negative_index_counts_from_the_end_and_one_outside_raises_as_the_ruler_does():
    for index, works in ((-1, True), (2, False)):
        rules = [{"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"},
                  "index": index}]
        plain, fast = spacy.blank("en"), spacy.blank("en")
        for nlp in (plain, fast):
            nlp.add_pipe("attribute_ruler").add_patterns(rules)
        AttributeIndex.install(fast)
        if works:
            assert [t.lemma_ for t in fast(parsed(fast))] == \
                [t.lemma_ for t in plain(parsed(plain))]
            assert fast(parsed(fast))[9].lemma_ == "to"
        else:
            with pytest.raises(ValueError, match="E1001"):
                plain(parsed(plain))
            with pytest.raises(ValueError, match="E1001"):
                fast(parsed(fast))
