"""Changes set beside changes, differences, negated bounds and small unit forms (issue 11,
eleventh round, found on ``corpus/figures/realnews/fresh11.jsonl``). Every sentence here is
made up."""

import pytest

from tests.components.figures.test_component import assert_figure, figures


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # a percentage set beside a change is the same change
        ("Exports rose 2.4% in May, compared with 1.1% in April.", "1.1%", 1.1, "%", "up"),
        ("Output grew a modest 3.1% in 2003 and 2.2% a year later.", "2.2%", 2.2, "%", "up"),
        # ... but beside a level it stays a level, "down from" gives the level before, and
        # a share of a whole after "and" is no change
        ("Inflation was 3% in March, compared with 2.5% in February.", "2.5%", 2.5, "%", "="),
        ("Prices rose by 1.5% in May, down from 1.9% in April.", "1.9%", 1.9, "%", "="),
        ("Sales rose 4% in March, and 40% of stores stayed open.", "40%", 40.0, "%", "="),
        # a change's direction wins over a bound after which the comparative follows
        ("The index closed more than 2% higher at 4,210.", "2%", 2.0, "%", "up"),
        ("He faces at least a year in jail and as many as six years more for fraud.",
         "six years", 6.0, "year", "up"),
        # ... while a comparative before the noun it describes leaves the bound on the amount
        ("The new engines burn up to 15% less fuel.", "15%", 15.0, "%", "<="),
        # a share above or below what it is set against is how far off it is
        ("The shares traded 35% above the offer price.", "35%", 35.0, "%", "up"),
        ("Snowfall was 20 per cent below average this winter.", "20 per cent", 20.0, "%",
         "down"),
        # a bound a rule says nothing may pass is a cap
        ("Under the rules, no single bank can be more than 30% owned by one investor.", "30%",
         30.0, "%", "<="),
        # a coin of a named currency
        ("It raised the dividend to 45 euro cents a share.", "45 euro cents", 0.45, "EUR",
         "="),
        # an elided count after an amount in a named currency is in that currency
        ("The shares changed hands at 210 riyals after topping 250 in early trade.", "250",
         250.0, "SAR", ">"),
        # an age before "later" is still an age
        ("The 38-year-old later moved to Leeds.", "38-year-old", 38.0, "year", "="),
        # a range across a unit and the next larger one
        ("The offence carries a term of 18 months to three years.", "18 months", 18.0,
         "month", ">="),
        ("The offence carries a term of 18 months to three years.", "three years", 3.0,
         "year", "<="),
        # a verb across another clause's verb does not make a figure its change
        ("Smith cut his best time while Jones and Brown clocked 9.98secs and 10.02secs.",
         "9.98secs", 9.98, "second", "="),
    ],
)
def test_comparisons_in_context(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)


@pytest.mark.parametrize(("text", "surface", "value", "modifier"), [
    ("The film is unsuitable for under-12s.", "under-12s", 12.0, "<"),
    ("Entry is free for under-fives.", "under-fives", 5.0, "<"),
    ("The over-70s get a free licence.", "over-70s", 70.0, ">"),
    ("Half of over 70s own a tablet.", "over 70s", 70.0, ">"),
])
def test_an_age_group_is_an_age_bound(parse, text, surface, value, modifier):
    """An age group named by its bound and a plural number is an age in years."""
    assert_figure(parse, text, surface, value, "year", modifier)


def test_a_team_of_an_age_group_is_no_figure(parse):
    assert figures(parse, "The Under-21s beat Italy on Friday.") == []


def test_there_is_no_doubt_is_no_negated_bound(parse):
    """"no doubt it will be more than 10%": the "no" negates the doubt, not the bound."""
    found = dict(figures(parse, "There is no doubt it will be more than 10% this year."))
    assert found["10%"].modifier == ">"
