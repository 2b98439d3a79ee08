"""Caps, averages of a change, differences from a year's levels and ages (issue 11,
twelfth round, found on ``corpus/figures/realnews/fresh12.jsonl``). Every sentence here is
made up."""

import pytest

from tests.components.figures.test_component import assert_figure


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # what a verb limits something to is the most allowed
        ("The law limits magazine capacity to 10 rounds.", "10 rounds", 10.0, "round", "<="),
        ("It restricted each buyer to two tickets.", "two tickets", 2.0, "ticket", "<="),
        # ... a bound written after "to" stays, and a cap named "at" is the cap itself
        ("Warming is limited to well below 2 degrees Celsius.", "2 degrees Celsius", 2.0,
         "degree Celsius", "<"),
        ("Regulators capped output at 38 jets a month.", "38 jets a month", 38.0,
         "jet per month", "="),
        # ... while a change verb's "to" is the level reached
        ("The firm cut prices to 30 pounds.", "30 pounds", 30.0, "GBP", "="),
        # a change "by an average of" is still the change
        ("Clinics must raise their caseloads by an average of 40 percent.", "40 percent",
         40.0, "%", "up"),
        # a share below a year's levels is how far below them, and a deadline year before
        # "to" is no figure of another unit
        ("The plan cuts emissions by 2040 to 45 percent below 1990 levels.", "45 percent",
         45.0, "%", "down"),
        ("Sales rose 6% to £30m.", "£30m", 30e6, "GBP", "="),
        # "ages N to M" is an age range, as "aged N to M"
        ("The scheme is open to adults ages 50 to 64.", "50", 50.0, "year", ">="),
        ("The scheme is open to adults ages 50 to 64.", "64", 64.0, "year", "<="),
        # a group's bound before a singular the tagger took for a noun is an age
        ("It helps people under 25 engage in politics.", "25", 25.0, "year", "<"),
        ("Children under 4 foot ride free.", "4 foot", 4.0, "foot", "<"),
    ],
)
def test_limits_in_context(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)
