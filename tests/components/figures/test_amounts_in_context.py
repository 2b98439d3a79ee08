"""Amounts, ranges, bounds and non-figures read from the words around a figure (issue 11,
tenth round, found on ``corpus/figures/realnews/fresh10.jsonl``). Every sentence here is
made up."""

import pytest

from tests.components.figures.test_component import assert_figure, figures


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # the worth of what a change verb acts on is an amount, not a change
        ("Acme lost a $4bn defence contract last year.", "$4bn", 4e9, "USD", "="),
        # ... while a further amount after the verb is still its change
        ("Shares fell a further 5% on Monday.", "5%", 5.0, "%", "down"),
        # "between ... and" is a range of a change too
        ("The firm expects sales growth of between 2% and 4% next year.", "2%", 2.0, "%", ">="),
        ("The firm expects sales growth of between 2% and 4% next year.", "4%", 4.0, "%", "<="),
        # a conversion after a rate shares the bound of the amount it converts
        ("The trade is worth more than 90bn euros a year (£60bn; $110bn).", "£60bn", 6e10,
         "GBP", ">"),
        ("The trade is worth more than 90bn euros a year (£60bn; $110bn).", "$110bn", 1.1e11,
         "USD", ">"),
        # what one still needs is the least that will do; what it took is exact
        ("She now needs 58 percent of the remaining votes.", "58 percent", 58.0, "%", ">="),
        ("She needed three sets to win the final.", "three sets", 3.0, "set", "="),
        # the distance of a race "over" which someone runs is no bound
        ("Tom Reyes, the indoor silver medallist over 1500m, will race on Friday.", "1500m",
         1500.0, "metre", "="),
        ("The indoor race has a fence over 2m high.", "2m", 2.0, "metre", ">"),
        # a count after a person's name is no model number
        ("Iowa was swept by Mary Jones 12 delegates to three.", "12 delegates", 12.0,
         "delegate", "="),
    ],
)
def test_amounts_in_context(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)


def test_a_share_change_does_not_make_its_levels_shares(parse):
    """"fell 23% from 36,185": a percentage change's levels count what changed, and no
    share is over 100."""
    found = dict(figures(parse, "Home sales fell by 23% from 41,500 in 2003 to 31,955."))
    assert found["41,500"].unit != "%" and found["31,955"].unit != "%"
    assert found["23%"].unit == "%"


@pytest.mark.parametrize("text", [
    "Let's go back six months and look at where we were.",
    "Looking back 20 years, the town was tiny.",
    "He teaches at a GA\u03031\u20444len-linked school in Ohio.",  # scraped "Gülen"
])
def test_no_figure(parse, text):
    assert figures(parse, text) == []


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("The supporters will travel in their thousands.", "thousands", "supporter"),
    ("When voters turn out by the millions, parties listen.", "millions", "voter"),
])
def test_a_crowd_in_its_thousands(parse, text, surface, unit):
    """"in their thousands", "by the millions": a vague plural after these idioms is the
    size of a crowd (the lowest value, '>'), counting the plural noun before it."""
    assert_figure(parse, text, surface, 1000.0 if surface == "thousands" else 1e6, unit, ">")


def test_a_vague_plural_for_whom_is_still_no_figure(parse):
    assert figures(parse, "Clean water for billions is the aim.") == []


def test_the_n_man_game_names_a_code(parse):
    """"the 15-man game" is rugby union, not a count; "a 22-man squad" counts players."""
    assert figures(parse, "He may switch to the 13-man game next year.") == []
    assert_figure(parse, "They named a 23-man squad.", "23-man", 23.0, "man", "=")
