"""Bounds around approximations and possessives, changes over a range, bare money and
names in the plural (issue 11, the round of ``fresh15``, found among its errors and those of
the other dev files of ``corpus/figures/realnews/``). Every sentence here is made up."""

import pytest

from tests.components.figures.test_component import assert_figure, figures


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # a bound before an approximation holds: the figure is rough, the bound is not
        ("Few savers got back more than about half their money.", "half", 50.0, "%", ">"),
        ("The shares cost less than about $5 each.", "$5", 5.0, "USD", "<"),
        # ... a bound of more than one word: "over" may be a particle or a period
        ("Leaders signed, handing over roughly 30 million acres.", "30 million acres", 3e7,
         "acre", "~"),
        ("I missed speed work over about three weeks.", "three weeks", 3.0, "week", "~"),
        # ... and an approximation alone is still one
        ("The index rose about 5% in March.", "5%", 5.0, "%", "up"),
        ("Few savers got back about half their money.", "half", 50.0, "%", "~"),
        # a bound before "of the X's" bounds the figure that follows
        ("Rivals may bid in excess of the firm's 533p a share closing price.", "533p", 5.33,
         "GBP", ">"),
        ("It sold part of the firm's $5bn stake.", "$5bn", 5e9, "USD", "="),
        # a change "by between" two figures is a change at both ends
        ("Prices could fall by between 10% and 15% by 2009.", "10%", 10.0, "%", "down"),
        ("Prices could fall by between 10% and 15% by 2009.", "15%", 15.0, "%", "down"),
        ("The firm will cut costs by between $1bn and $2bn.", "$2bn", 2e9, "USD", "down"),
        # but a range with no change verb before "by" stays a range
        ("Sales growth of between 3% and 5% is expected.", "3%", 3.0, "%", ">="),
        ("Sales growth of between 3% and 5% is expected.", "5%", 5.0, "%", "<="),
        # a bare "millions" a verb of money acts on, or "in" what the money is, is money
        ("Other groups will spend millions on TV ads.", "millions", 1e6, "USD", ">"),
        ("He made millions while the contractors lost out.", "millions", 1e6, "USD", ">"),
        ("The charity accepted millions in donations.", "millions", 1e6, "USD", ">"),
        ("America supplies billions in arms sales to the region.", "billions", 1e9, "USD",
         ">"),
        ("Ottawa will spend billions on its navy, the Canadian minister said.", "billions",
         1e9, "CAD", ">"),
        # ... a subject is still people
        ("Millions in Asia live without power.", "Millions", 1e6, "person", ">"),
        # a name in the plural the entity tagger missed is counted as that name
        ("He won three Grand Slams in one season.", "three Grand Slams", 3.0, "Grand Slam",
         "="),
        # ... unless a word of it ranks or judges
        ("Films are competing to win three Top Tiger Awards which aim to find talent.",
         "three Top Tiger Awards", 3.0, "award", "="),
    ],
)
def test_fresh15_forms(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)


@pytest.mark.parametrize(
    "text",
    [
        "Clean water for billions is the aim.",
        "Trump has won the support of millions.",
        "Piracy costs the music industry millions every year.",
        "Sanctions cost the exporters billions in lost revenue.",
    ],
)
def test_a_bare_plural_that_is_no_money_gives_no_money(parse, text):
    assert not [f for _, f in figures(parse, text) if f.unit == "USD"]


@pytest.mark.parametrize(
    "text",
    [
        "A hearing set for February 16 and 17 will rule on it.",
        "The talks run on Oct. 3, 9 and 16 this year.",
    ],
)
def test_the_days_after_a_month_are_no_figures(parse, text):
    assert figures(parse, text) == []


def test_a_figure_after_a_month_and_its_day_is_still_one(parse):
    assert_figure(parse, "On March 3 and 4 percent of voters said no.", "4 percent", 4.0,
                  "%", "=")
