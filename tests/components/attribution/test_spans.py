"""Span conventions the scorer measures against PolNeAR gold: a source is its whole noun
phrase (apposition and relative clause included); its name, when nothing resolves it,
is its own words without the relative clause."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.attribution.features import Tokens, char_range
from pipeline.components.attribution.rules import RuleFinder
from pipeline.components.referents import SourceResolver


@pytest.fixture(scope="module")
def parse(nlp: Language):
    return lambda text: nlp(text)


def _tokens(doc: Doc, words: str) -> Tokens:
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words))
    assert span is not None
    return span.start, span.end


def test_a_single_source_keeps_its_relative_clause(parse) -> None:
    doc = parse("Victor Cha, who served as Asia director, said the talks had failed.")
    said = doc[_tokens(doc, "said")[0]]
    subject = next(c for c in said.children if c.dep_ == "nsubj")
    [source] = RuleFinder().split_sources(subject, said)
    assert doc.text[slice(*source)] == "Victor Cha, who served as Asia director"


def test_a_tagged_part_of_the_subject_grows_to_the_whole_phrase(nlp, parse) -> None:
    doc = parse("Kenneth Baer, a former official who runs a firm, said the plan would fail.")
    extractor = nlp.get_pipe("newsclaims_attribution")
    tagged = _tokens(doc, "Kenneth Baer, a former official")
    [source] = extractor._sources(doc, tagged, _tokens(doc, "said"), [])
    assert doc.text[slice(*source)] == "Kenneth Baer, a former official who runs a firm"


def test_a_source_named_by_its_own_words_leaves_out_its_relative_clause(parse) -> None:
    doc = parse("Industry experts, who gathered in London last week, said prices would fall.")
    source = char_range(doc, _tokens(doc, "Industry experts, who gathered in London last week"))
    assert SourceResolver().canonical(doc, source, [], []) == "Industry experts"
