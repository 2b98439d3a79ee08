"""Approximation and bound phrases news writes before a figure, a comparison verb the
parser takes for an adverb, a poll's points after a camel-case name, "-odd" without a
scale word, "several dozen", "edged up", "aged under" and the lemma of "taxes" (issue 11,
fourteenth round, found on ``corpus/figures/realnews/fresh14.jsonl`` and with made-up
forms beside them). Every sentence here is made up."""

import pytest

from tests.components.figures.test_component import assert_figure


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # "as long as" bounds a period from above, as "as much as" bounds an amount ...
        ("He may have dodged tax for as long as 12 years.", "12 years", 12.0, "year", "<="),
        # ... and before anything else it is a condition, no bound
        ("As long as 60 senators agree, the bill passes.", "60 senators", 60.0, "senator",
         "="),
        # short of a figure is below it
        ("Turnout fell just short of 60 percent.", "60 percent", 60.0, "%", "<"),
        ("Support is short of 40 percent.", "40 percent", 40.0, "%", "<"),
        # approximations
        ("The plan costs on the order of $5 billion.", "$5 billion", 5e9, "USD", "~"),
        ("The plan costs in the neighbourhood of £300m.", "£300m", 3e8, "GBP", "~"),
        ("The plan costs in the neighborhood of $300 million.", "$300 million", 3e8, "USD",
         "~"),
        ("It will cost give or take $5 billion.", "$5 billion", 5e9, "USD", "~"),
        ("It costs more or less $5 billion.", "$5 billion", 5e9, "USD", "~"),
        # a comparison verb's object that the parser reads as an adverb ("npadvmod")
        ("Turnout exceeded 60 percent.", "60 percent", 60.0, "%", ">"),
        ("Turnout topped 60 percent.", "60 percent", 60.0, "%", ">"),
        # a poll's points after a camel-case name are a lead, no model number
        ("Polls show her ahead 3 points, HuffPollster 4.3 points.", "4.3 points", 4.3, "pp",
         "="),
        # "-odd" and "-some" without a scale word: more than the round count, of the noun
        ("They made 40-odd calls.", "40-odd calls", 40.0, "call", ">"),
        ("He served 20-odd years in jail.", "20-odd years", 20.0, "year", ">"),
        # a few of a dozen is vague, at its lowest value, as "several hundred"
        ("Several dozen people came.", "Several dozen people", 12.0, "person", ">"),
        ("A few dozen protesters gathered.", "A few dozen protesters", 12.0, "protester",
         ">"),
        # the particle of a verb of movement is the change's direction ...
        ("Unemployment edged up 0.1 percentage points.", "0.1 percentage points", 0.1, "pp",
         "up"),
        ("Inflation ticked down 0.2 points.", "0.2 points", 0.2, "point", "down"),
        # ... not of a verb that piles up an amount
        ("He racked up $5m in debts.", "$5m", 5e6, "USD", "="),
        # a bound after "aged" is an age in years, "over" too (no span of time)
        ("Those aged under 30 are most at risk.", "30", 30.0, "year", "<"),
        ("People aged over 65 get the vaccine.", "65", 65.0, "year", ">"),
        ("Children aged under five are exempt.", "five", 5.0, "year", "<"),
        # "taxes" is lemmatised "taxis": the counted noun is tax
        ("The reform scraps 300 taxes.", "300 taxes", 300.0, "tax", "="),
    ],
)
def test_approximations_and_bounds_in_context(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)
