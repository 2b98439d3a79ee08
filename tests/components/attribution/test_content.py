"""Content candidates: a cue's complement also ended earlier where PolNeAR content often
stops (a comma clause, a coordinated clause, a trailing modifier)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.components import quotes as quoting
from pipeline.components.attribution.content import (
    ContentRanker,
    candidates,
    past_the_addressee,
    quotations,
    with_its_subject,
    without_connective,
)
from pipeline.components.attribution.features import Vocabulary


def _view(nlp: Language, text: str):
    doc = nlp(text)
    return doc, Vocabulary().view(doc, quoting.quotes(text), [])


def _cue(doc, word: str) -> tuple[int, int]:
    i = next(t.i for t in doc if t.text == word)
    return i, i + 1


@pytest.mark.parametrize(("text", "cue", "shorter"), [
    ("He cited criticism of the moderator, who took heat for his questions.",
     "cited", "criticism of the moderator"),
    ("Trump demands accountability from the president, yet refuses to release his taxes.",
     "demands", "accountability from the president"),
    ("The state stated that voters were ex-convicts and then purged them from the rolls.",
     "stated", "that voters were ex-convicts"),
])
def test_a_complement_is_also_a_candidate_ended_earlier(nlp, text, cue, shorter) -> None:
    doc, view = _view(nlp, text)
    found = candidates(view, _cue(doc, cue), quotations(view))
    assert shorter in {doc[s:e].text for s, e in found}


def test_an_ended_earlier_candidate_says_why_and_stays_beside_the_cue(nlp) -> None:
    doc, view = _view(nlp, "Smith said, in a long speech, that taxes will rise, which hurts.")
    cue = _cue(doc, "said")
    found = candidates(view, cue, quotations(view))
    cut = {span: kinds for span, kinds in found.items() if any(k.startswith("cut:") for k in kinds)}
    assert cut and all(end <= cue[0] or start >= cue[1] for start, end in cut)
    assert "that taxes will rise" in {doc[s:e].text for s, e in cut}


def test_the_ranker_reads_what_follows_a_candidate(nlp) -> None:
    doc, view = _view(nlp, "He cited criticism of the moderator, who took heat for it.")
    cue = _cue(doc, "cited")
    whole = ContentRanker({}).choose(view, cue, quotations(view))
    assert whole is not None
    # a weight on "the next word past the comma is 'who'" (and on the first word) picks
    # the candidate that ends before the relative clause
    ranker = ContentRanker({"nx2=who": 5.0, "fw=criticism": 1.0})
    choice = ranker.choose(view, cue, quotations(view))
    assert choice is not None and doc[choice.span[0] : choice.span[1]].text == \
        "criticism of the moderator"


def test_the_ranker_leaves_out_features_seen_for_too_few_cues() -> None:
    from pipeline.components.attribution.train import fit_ranker

    common, rare = ["kb=quote", "fw=he"], ["kb=quote", "fw=zanzibar"]
    groups = [([common, ["kb=sent"]], 0)] * 3 + [([rare, ["kb=sent"]], 0)]
    weights = fit_ranker(groups, epochs=2, seed=1, log=lambda _: None, min_count=3)
    assert weights["kb=quote"] > 0 and "fw=zanzibar" not in weights


@pytest.mark.parametrize(("text", "content", "kept"), [
    ("The rally ended. But the plan is sound, the minister said.", "But the plan is sound",
     "the plan is sound"),
    ("Growth slowed. However, exports rose, the bank said.", "However, exports rose",
     "exports rose"),
    ("In addition, the firm will cut jobs, a spokesman said.",
     "In addition, the firm will cut jobs", "the firm will cut jobs"),
    # the speech tag that comes next goes too
    ("But, he said, the plan is sound.", "But, he said, the plan is sound",
     "the plan is sound"),
    ("Also, said Mr Flynn, the firm cut off ten sellers.",
     "Also, said Mr Flynn, the firm cut off ten sellers", "the firm cut off ten sellers"),
    # an adverb of degree, a word inside the sentence, quoted words: the source's own
    ("However laudable the goal, the tax is wrong, he said.",
     "However laudable the goal, the tax is wrong", None),
    ('He paused. "And we will win," she said.', "And we will win", None),
    ("Sales rose and profits fell, the firm said.", "profits fell", None),
])
def test_a_connective_that_opens_the_sentence_is_the_writers(nlp, text, content, kept) -> None:
    doc, view = _view(nlp, text)
    start = text.index(content)
    words = doc.char_span(start, start + len(content))
    cue = next(t.i for t in doc if t.lemma_ == "say")
    left = without_connective(view, (words.start, words.end), (cue, cue + 1))
    assert doc[left[0] : left[1]].text == (kept or content)


def _texts(doc, found) -> set[str]:
    return {doc[s:e].text for s, e in found}


def test_a_chain_of_quotations_runs_over_its_own_tag_but_not_over_narration(nlp) -> None:
    own = '"The plan is right," said Mr Jones, a lawyer in the city. "It will work."'
    doc, view = _view(nlp, own)
    found = candidates(view, _cue(doc, "said"), quotations(view))
    assert any(t.startswith("The plan is right") and t.endswith("It will work")
               for t in _texts(doc, found))
    narrated = ('"The plan is right." Shares fell sharply on the news. Mr Smith said he '
                'agreed. "It will work," Mr Jones added.')
    doc, view = _view(nlp, narrated)
    found = candidates(view, _cue(doc, "added"), quotations(view))
    assert not any(t.startswith("The plan is right") and "It will work" in t
                   for t in _texts(doc, found))
    assert "It will work" in _texts(doc, found)


def test_a_run_on_back_to_the_sentence_start_leaves_out_the_speech_tag(nlp) -> None:
    doc, view = _view(nlp, 'He was hurt. McClaren said: "Stewart is injured. We will see."')
    found = candidates(view, _cue(doc, "said"), quotations(view))
    assert "Stewart is injured. We will see" in _texts(doc, found)
    # no run-on, back from the quotation or on from the subject, opens with "McClaren said:"
    run_on = {span for span, kinds in found.items() if any("+" in k for k in kinds)}
    assert run_on and not any(doc[s].text == "McClaren" and e > s + 1 for s, e in run_on)


ADDRESSED = frozenset(("tell", "warn", "convince"))


@pytest.mark.parametrize(("text", "cue", "content", "kept"), [
    ("The minister told MPs on Tuesday that care was needed.", "told",
     "MPs on Tuesday that care was needed", "that care was needed"),
    ("The regulator has warned banks that gangs may apply for jobs.", "warned",
     "banks that gangs may apply for jobs", "that gangs may apply for jobs"),
    # the object alone: the clause after it, to the end of the sentence
    ("Lord Falconer told BBC Radio 4's Today programme he hoped mediation would help.",
     "told", "BBC Radio 4's Today programme", "he hoped mediation would help"),
    # no clause after the object, a clause of degree, a verb of no addressee
    ("She warned both parties against pandering to prejudice.", "warned",
     "both parties against pandering to prejudice", None),
    ("He told so many lies that nobody believed him.", "told",
     "so many lies that nobody believed him", None),
    ("He denied reports that he would resign.", "denied", "reports that he would resign",
     None),
])
def test_content_leaves_out_whom_the_source_speaks_to(nlp, text, cue, content, kept) -> None:
    doc = nlp(text)
    start = text.index(content)
    words = doc.char_span(start, start + len(content))
    out = past_the_addressee(doc, _cue(doc, cue), (words.start, words.end), ADDRESSED)
    assert doc[out[0] : out[1]].text == (kept or content)


@pytest.mark.parametrize(("text", "content", "whole"), [
    ("Gerrard told the BBC Liverpool were unlikely to win the trophy this year.",
     "were unlikely to win the trophy this year",
     "Liverpool were unlikely to win the trophy this year"),
    ("Chairman Sam Younger told MPs on Tuesday care was needed to ensure that.",
     "was needed to ensure that", "care was needed to ensure that"),
    # a clause with its subject stays as it is
    ("He told reporters he was tired of the row.", "he was tired of the row", None),
])
def test_a_clause_takes_back_the_subject_the_parser_gave_the_object(nlp, text, content,
                                                                    whole) -> None:
    doc = nlp(text)
    start = text.index(content)
    words = doc.char_span(start, start + len(content))
    out = with_its_subject(doc, _cue(doc, "told"), (words.start, words.end), ADDRESSED)
    assert doc[out[0] : out[1]].text == (whole or content)
