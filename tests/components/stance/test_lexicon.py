"""The stance label of a statement's main row: words and constructions of opinion."""

import pytest


def _rows(nlp, sentence: str, cue: str) -> list[tuple[str | None, str]]:
    return [(st.target, st.stance) for st in nlp(sentence)._.nc_statements if st.cue == cue]


@pytest.mark.parametrize(("sentence", "label"), [
    # evaluative words the lexicon had lacked, adverbs of a verdict among them
    ("The official said the scheme was useless.", "oppose"),
    ("The official said the measures unfairly penalised Roma people.", "oppose"),
    ("The official said the move was ill-timed.", "oppose"),
    ("The official said the budget was a missed opportunity.", "oppose"),  # no opportunity
    ("The official said the plan was morally indefensible.", "oppose"),
    ("The coach said the captain was doing a tremendous job.", "support"),
    ("The official said the plan was not a publicity stunt.", "support"),
    ("The official said the explanation was a pitiful excuse.", "oppose"),
    ("The official said the claim was a lie.", "oppose"),
    # words of stancelab10, from statements BBC train left neutral
    ("The official said the pension plan was cowardly.", "oppose"),
    ("The official said it was a sign of sinister tactics by Labour.", "oppose"),
    ("The official said the campaign was a big misjudgement.", "oppose"),
    ("The official said this makes a mockery of the law.", "oppose"),
    ("The official said the salaries were exorbitant.", "oppose"),
    ("The official said it was an underhand trick.", "oppose"),
    ("The director said the line-up was stellar.", "support"),
    ("The official said the answer lies in the plan.", "neutral"),  # "lie" a noun only
    # a feeling of the target is how it feels, no verdict on it
    ("The official said the investors were excited.", "neutral"),
])
def test_words_of_opinion(nlp, sentence, label):
    [(_, stance)] = _rows(nlp, sentence, "say")
    assert stance == label


def test_a_harm_done_to_the_target_is_no_side_against_it(nlp):
    [(target, stance)] = _rows(nlp, "The critics said the officials mistreated migrants.",
                               "say")
    assert (target, stance) != ("migrants", "oppose")


@pytest.mark.parametrize(("sentence", "cue", "target", "label"), [
    # a call for the target to go is against it, for it to go on is for it
    ("The party called for Mr Blair to resign.", "call", "Blair", "oppose"),
    ("Labour called for Mr Howard to step down.", "call", "Howard", "oppose"),
    ("The union urged Mr Smith to resign.", "urge", "Smith", "oppose"),
    ("Unions called for the talks to continue.", "call", "talks", "support"),
    # advice that the target go; a bare "go" only
    ("The critics said Mr Blair must go.", "say", "Blair", "oppose"),
    ("The maker said the chair should go on sale in April.", "say", "chair", "neutral"),
])
def test_calls_and_advice_on_what_the_target_does(nlp, sentence, cue, target, label):
    assert _rows(nlp, sentence, cue) == [(target, label)]


@pytest.mark.parametrize(("sentence", "cue", "target", "label"), [
    # the attitude the cue voices, its noun outside the content
    ("The group voiced concern about the ongoing violence in Iraq.", "voice",
     "ongoing violence in Iraq", "oppose"),
    ("Mr Smith expressed support for the plan.", "express", "plan", "support"),
    ("The minister expressed no concern about the plan.", "express", "plan", "neutral"),
])
def test_an_attitude_the_cue_voices(nlp, sentence, cue, target, label):
    assert _rows(nlp, sentence, cue) == [(target, label)]


@pytest.mark.parametrize(("sentence", "label"), [
    # a negated belief denies the clause it holds
    ('The minister said: "We don\'t think we got our sums wrong."', "support"),
    ('The minister said: "I do not believe the plan is a good idea."', "oppose"),
    ('The minister said: "I think the plan is a good idea."', "support"),
    ('The minister said: "I don\'t think that the good policies have to obsess about '
     'deficits."', "support"),  # the subject's own words are not denied
    # advice to be careful is how the target should act, no verdict on it
    ("The agency said doctors should be cautious about giving the drugs.", "neutral"),
])
def test_a_denied_belief_and_a_feeling_advised(nlp, sentence, label):
    [(_, stance)] = _rows(nlp, sentence, "say")
    assert stance == label


@pytest.mark.parametrize(("sentence", "label"), [
    ('Wenger added: "The debate has gone on too long."', "oppose"),  # an adverb's "too"
    ("The minister said the reforms were moving too slowly.", "oppose"),
])
def test_too_much_said_of_how_the_target_acts(nlp, sentence, label):
    [(_, stance)] = [(st.target, st.stance) for st in nlp(sentence)._.nc_statements]
    assert stance == label



def test_a_shifted_reverser_reverses_nothing(nlp):
    """'failed to' has turned the verdict already: failing to tackle crime is no support
    for crime."""
    assert _rows(nlp, "Mr Jones said the government had failed to tackle crime.", "say") == [
        ("crime", "oppose")]


@pytest.mark.parametrize(("sentence", "cue", "labels"), [
    # a stance verb in a sense its object shows takes no side: no event row (attribution
    # takes "defended her title" for a contest act, no statement, since attrstmt8)
    ("Serena Williams defended her title in Melbourne.", "defend", []),
    ("Mr Kennedy defended the plan to raise income tax.", "defend", ["support"]),
    ("Ms Hutt defended her record.", "defend", ["support"]),
])
def test_a_stance_verb_in_a_sense_that_takes_no_side(nlp, sentence, cue, labels):
    assert [stance for _, stance in _rows(nlp, sentence, cue)] == labels


def test_an_investigation_takes_no_side(nlp):
    assert _rows(nlp, "Ofcom is investigating the deal.", "investigate") == []


@pytest.mark.parametrize(("sentence", "label"), [
    # a market's quantity described, no verdict on it; too much is still one
    ("The analyst said demand will stay strong.", "neutral"),
    ("The analyst said sales were weak.", "neutral"),
    ("The analyst said growth was too slow.", "oppose"),
    ("The analyst said the plan was weak.", "oppose"),
    ("The firm said the sale was illegal.", "oppose"),
])
def test_a_markets_quantity_described(nlp, sentence, label):
    [(_, stance)] = _rows(nlp, sentence, "say")
    assert stance == label


@pytest.mark.parametrize(("sentence", "row"), [
    # a misdeed is against the one who does it, not its victim
    ("The lawyers said Wal-Mart deceived customers.", ("Wal-Mart", "oppose")),
    ("The critics said the minister had misled Parliament.", ("Parliament", "neutral")),
])
def test_a_misdeed_and_its_victim(nlp, sentence, row):
    assert _rows(nlp, sentence, "say") == [row]


def test_advice_to_investigate_takes_no_side(nlp):
    assert _rows(nlp, "The MP said the watchdog should investigate the market.", "say") == [
        ("market", "neutral")]
