"""The trained model's own rules: the source a cue shares with the verb it hangs on."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.components import quotes as quoting
from pipeline.components.attribution.features import Vocabulary
from pipeline.components.attribution.model import reporting_subject, shared_subject


def _shared(nlp: Language, text: str, cue: str, finder=shared_subject) -> str | None:
    doc = nlp(text)
    view = Vocabulary().view(doc, quoting.spoken(text), [])
    token = next(t for t in doc if t.text == cue)
    found = finder(view, (token.i, token.i + 1))
    return None if found is None else doc[found[0] : found[1]].text


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Ukraine ousted its leader and has said it wants closer links.", "said", "Ukraine"),
    ("The bank gave no details but said the records were safe.", "said", "The bank"),
    ("The senator voted against the bill, arguing that it was too costly.", "arguing",
     "The senator"),
    # a verb the cue tagger chose, outside the lexicon
    ("Trump openly admires Putin as a strong leader, comparing him favorably to Obama.",
     "comparing", "Trump"),
    ("Birchers viewed communists as terrorists and despised them.", "despised", "Birchers"),
    # through a preposition
    ("Blige sings to Clinton before asking her where they go from here.", "asking", "Blige"),
    # a relative clause's subject speaks
    ("The video is a focal point for demonstrators, who have taken to the streets and called "
     "for footage to be released.", "called", "who"),
    # hung on a quotation: the speech tag's speaker
    ('"It is insane," Sanders said, going on to say that the country has fought for years.',
     "going", "Sanders"),
    ("The figures are good for children, the bank said, but warned that teachers worried.",
     "warned", "the bank"),
])
def test_a_second_verb_of_saying_shares_the_subject_above(nlp: Language, text: str, cue: str,
                                                          source: str) -> None:
    assert _shared(nlp, text, cue) == source


@pytest.mark.parametrize(("text", "cue"), [
    # a subject of its own: the source tagger's
    ("Smith arrived and Jones said the talks failed.", "said"),
    # passive in sense: the subject was asked
    ("Asked if he would stand again, Mr Hague replied no.", "Asked"),
    # the verb above is itself reported: its subject said nothing
    ("Lee said the plans were good for children but accepted that many teachers now worried.",
     "accepted"),
    # a speech tag after quoted words, its speaker after it
    ('The run ended in October. "It had a big impact on us, but again because of the way we '
     'were beaten," added the 30-year-old, pointing to a penalty.', "added"),
])
def test_no_shared_subject(nlp: Language, text: str, cue: str) -> None:
    assert _shared(nlp, text, cue) is None


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Analysts said geopolitical factors have contributed to the change, citing the region's "
     "importance.", "citing", "Analysts"),
    ("Lee said the plans were good for children but accepted that many teachers now worried.",
     "accepted", "Lee"),
    # a noun right before the cue is its own subject, whatever the parse
    ("The Conservatives say the two men are behaving like squabbling schoolboys and the "
     "Liberal Democrats claim personal ambition is obstructing good government.", "claim", None),
    # not hung on a reported clause: the shared subject's case, or none
    ("The senator voted against the bill, arguing that it was too costly.", "arguing", None),
    ("Smith arrived and Jones said the talks failed.", "said", None),
])
def test_a_verb_hung_on_a_reported_clause_is_the_reporters(nlp: Language, text: str, cue: str,
                                                           source: str | None) -> None:
    assert _shared(nlp, text, cue, reporting_subject) == source
