"""Bounds kept across an ordinal, after a count of people and on a percentage difference,
the change a figure after "by" sizes and a negation's own bound (issue 11, sixteenth
round, found among the modifier errors of an audit of BBC news). Every sentence here is
made up."""

import pytest

from tests.components.figures.test_component import assert_figure


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # a bound before "the first", "the last" bounds the count after them
        ("He will miss at least the first two games.", "two games", 2.0, "game", ">="),
        ("The club may sign at most the first three players.", "three players", 3.0,
         "player", "<="),
        # "people over 60" are older than 60 after a count of them too ...
        ("There are 3 million people over 60 in the country.", "60", 60.0, "year", ">"),
        # ... where a race time before "over" is still no bound on the distance
        ("She clocked 7.02 seconds over 60m in Glasgow.", "60m", 60.0, "metre", "="),
        # an upper bound on a percentage difference is that bound; a lower one keeps the
        # direction, as does a bound on a difference counted in other units
        ("Homes could be worth up to 30% more next year.", "30%", 30.0, "%", "<="),
        ("Prices could be as much as 10 per cent lower.", "10 per cent", 10.0, "%", "<="),
        ("The index closed more than 2% higher.", "2%", 2.0, "%", "up"),
        ("He faces as many as six years more in jail.", "six years", 6.0, "year", "up"),
        # a change noun after "by" is the change its figure sizes, not the verb's above
        ("Growth slowed, helped by a 7.5% rise in exports.", "7.5%", 7.5, "%", "up"),
        ("Sales rose, helped by a 3% drop in prices.", "3%", 3.0, "%", "down"),
        # a negation spent on the bound of an earlier figure leaves the next bound as it is
        ("Cars not more than 3 years old, or less than 5 years old, qualify.", "5 years",
         5.0, "year", "<"),
        ("Cars that are not more than 3 years old, or less than 5 years old, qualify.",
         "5 years", 5.0, "year", "<"),
        ("He did not serve less than 5 years.", "5 years", 5.0, "year", ">="),
    ],
)
def test_round16_in_context(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)
