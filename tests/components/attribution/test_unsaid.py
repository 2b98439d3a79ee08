"""Requests, passives, foretold acts, displays, namings, contests and votes report nothing
said."""

import pytest

from pipeline import resources
from pipeline.components.attribution.unsaid import Unsaid

_UNSAID = Unsaid.of(resources.load("cues"))


def _parsed(nlp, text):
    doc = nlp.make_doc(text)
    for _, pipe in nlp.pipeline:  # the parse is enough
        doc = pipe(doc)
    return doc


@pytest.mark.parametrize(
    ("text", "cue", "content", "nothing"),
    [
        ("He was told to leave the building.", "was told", "to leave the building", True),
        ("He is alleged to have met the manager.", "is alleged", "to have met the manager",
         True),  # said about him, not by him
        ("Smith was quoted as saying the plan was sound.", "was quoted",
         "the plan was sound", False),  # a verb of communication names its speaker
        ("Smith was concerned that the plan would fail.", "was concerned",
         "that the plan would fail", False),  # a belief read as a participle
        ("It was announced by the Treasury that taxes would rise.", "was announced",
         "that taxes would rise", False),  # a passive whose agent speaks
        ("The manager asked the players to train harder.", "asked",
         "the players to train harder", True),  # a request of an act
        ("Mr Jones asked whether the deal was fair.", "asked", "whether the deal was fair",
         True),  # a question
        ("Mr Jones told reporters the deal was fair.", "told", "the deal was fair", False),
        ("The firm will release a similar system next year.", "will release",
         "a similar system", True),  # a foretold act
        ("Gordon Brown will say next year will be make or break.", "will say",
         "next year will be make or break", False),  # a trailed speech with a clause
        ("The minister said the talks will resume.", "said", "the talks will resume", False),
        ("The flanker showed his nous to ground the ball.", "showed",
         "his nous to ground the ball", True),  # an act of the subject's own
        ("The hosts soon found themselves a goal down.", "found", "themselves a goal down",
         True),
        ("Siemens showed off a system that transmits data.", "showed off",
         "a system that transmits data", True),
        ("Figures showed a decline in sales.", "showed", "a decline in sales", False),
        ("The survey found that sales fell.", "found", "that sales fell", False),
        ("Witnesses called the police.", "called", "the police", True),  # an act
        ("Campaigners have called off a demonstration.", "called off", "a demonstration",
         True),
        ("Yukos called the sale illegal.", "called", "the sale illegal", False),
        ("The union called for a strike.", "called for", "a strike", False),
        ("Chelsea conceded a late penalty.", "conceded", "a late penalty", True),  # sport
        ("Swank claimed the award for best actress.", "claimed",
         "the award for best actress", True),  # won it
        ("She defended her world title in Madrid.", "defended", "her world title in Madrid",
         True),
        ("The firm claimed the award was rigged.", "claimed", "the award was rigged", False),
        ("Cairns and Shannon claimed the individual titles. Reid was seventh.", "claimed",
         "Reid was seventh", True),  # the prize is the object, whatever the content
        ("Reid was seventh in the 1500m while Murray was 11th in the men's 3000m. "
         "Meanwhile, Cairns and Shannon claimed the individual titles at the championship.",
         "claimed", "Reid was seventh", True),  # the sentence before parsed as a clause
        ("He conceded that the penalty was fair.", "conceded", "that the penalty was fair",
         False),
        ("MPs backed the bill by 310 votes to 219.", "backed", "the bill", True),  # a vote
        ("Mr Kerry backed the bill.", "backed", "the bill", False),  # support, for stance
        ("The ban proposed by the EU angered farmers.", "proposed", "The ban", True),
        ("It prompted claims denied by Labour.", "denied", "claims", False),  # said
        ("After the vote, Mr Sayeed said he would stay.", "said", "he would stay", False),
    ],
)
def test_a_cue_that_reports_nothing_said(nlp, text, cue, content, nothing):
    doc = _parsed(nlp, text)
    cue_start, content_start = text.index(cue), text.index(content)
    assert _UNSAID.says_nothing(doc, (cue_start, cue_start + len(cue)),
                                (content_start, content_start + len(content)),
                                quoted=False) is nothing


def test_quoted_words_stay_a_statement(nlp):
    text = 'Mr Jones asked: "Whether the deal was fair is the question."'
    doc = _parsed(nlp, text)
    cue, content = text.index("asked"), text.index("Whether")
    assert not _UNSAID.says_nothing(doc, (cue, cue + 5), (content, len(text) - 2), quoted=True)


def test_the_pipeline_leaves_a_request_out(nlp):
    doc = nlp("The board asked him to reconsider his decision. The chairman said the "
              "decision was final.")
    assert [doc.text[s.cue_span[0] : s.cue_span[1]] for s in doc._.nc_statements] == ["said"]


def test_an_empty_span_says_nothing_either_way(nlp):
    doc = _parsed(nlp, "Smith said the plan was sound.")
    assert not _UNSAID.says_nothing(doc, (6, 10), (11, 11), quoted=False)
    assert not _UNSAID.says_nothing(doc, (6, 6), (11, 30), quoted=False)
