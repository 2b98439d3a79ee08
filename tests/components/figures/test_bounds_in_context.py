"""Bounds and changes read from the words around a figure (issue 11, fourth round, found
on ``corpus/figures/realnews/fresh4.jsonl``): a bound word that is a verb's preposition,
a bound shared by a coordinated or restated figure, a bound after a rate's base, and
counts of occasions. Every sentence here is made up."""

import pytest

from tests.components.figures.test_component import assert_figure, figures


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # the bound word is the preposition of the verb before it
        ("He talks about $800 billion in revenue.", "$800 billion", 8e11, "USD", "="),
        ("They worry about 3 million people without care.", "3 million people", 3e6,
         "person", "="),
        ("Squatters have taken over 80% of the ranch.", "80%", 80.0, "%", "="),
        # ... but not where it approximates or bounds the amount
        ("The repair will cost about $5m.", "$5m", 5e6, "USD", "~"),
        ("He spent over $5m on ads.", "$5m", 5e6, "USD", ">"),
        # a figure joined by "and" shares the bound a phrase put before the first
        ("A tax on income above $50,000 for singles and $100,000 for couples.", "$100,000",
         1e5, "USD", ">"),
        # a restatement after the first figure's noun shares its approximation
        ("Nearly 10 percent of residents, or 1.3 million people, lack an ID.",
         "1.3 million people", 1.3e6, "person", "~"),
        # a bound after the base of a rate
        ("Most live on $2,000 a year or less.", "$2,000", 2000.0, "USD", "<="),
        ("The actual number is closer to 15 percent.", "15 percent", 15.0, "%", "~"),
        # a bound phrase before "the" and the noun the figure gives
        ("The price was less than the catalogue price of $17.6m a plane.", "$17.6m", 1.76e7,
         "USD", "<"),
        ("The dollar stayed close to the $1.3006 record level.", "$1.3006", 1.3006, "USD",
         "~"),
        ("He spent more than the 20 people who joined.", "20 people", 20.0, "person", ">"),
        # "it takes N to": a threshold; a change noun
        ("It takes 2,383 delegates to win the nomination.", "2,383 delegates", 2383.0,
         "delegate", ">="),
        ("It takes 30 minutes.", "30 minutes", 30.0, "minute", "="),
        ("We have seen a 22% uplift in fraud.", "22%", 22.0, "%", "up"),
        # "-some" and "-odd" before a scale: more than the round amount
        ("There are 30-some thousand FBI employees.", "30-some thousand FBI employees", 3e4,
         "employee", ">"),
        # bound phrases found in an audit of BBC and PolNeAR train sentences
        ("Inter put a price tag in the region of £40m on him.", "£40m", 4e7, "GBP", "~"),
        ("They plan to spend upward of $10 million on ads.", "$10 million", 1e7, "USD", ">"),
        ("Trump will need north of 65 million votes.", "65 million votes", 6.5e7, "vote", ">"),
        ("They paid not quite 13 cents on the dollar.", "13 cents", 0.13, "USD", "<"),
        ("It cut emissions only 23 percent or so.", "23 percent", 23.0, "%", "~"),
        ("It costs £11 billion or thereabouts.", "£11 billion", 1.1e10, "GBP", "~"),
        ("Of the 10 or so images, one showed wings.", "10 or so images", 10.0, "image", "~"),
        ("Most companies with 1,000 or more employees pay for it.", "1,000 or more employees",
         1000.0, "employee", ">="),
        # "the" between a change verb and the figure: the amount acted on
        ("He will cut the £85 cost of the card.", "£85", 85.0, "GBP", "="),
        # a count of occasions is no change, even after a change verb
        ("He had lost three times to the champion.", "three times", 3.0, "time", "="),
    ],
)
def test_bounds_in_context(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # "for" and a bound before the period: a length of time, not a relative time
        ("Viewers can watch shows for up to seven days after broadcast.", "seven days", 7.0,
         "day", "<="),
        # "after all" is no relative time
        ("There was little competition in the last 25 years after all.", "25 years", 25.0,
         "year", "="),
    ],
)
def test_periods_that_are_lengths(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)


def test_a_relative_time_is_still_no_figure(parse):
    assert figures(parse, "The ban began two weeks after the vote.") == []


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # ages: a name said to be a number, "age to", a word number in a bounded group
        ("Hingis was 22 when she retired.", "22", 22.0, "year", "="),
        ("The plan would raise the pension age to 65.", "65", 65.0, "year", "="),
        ("The show is unsuitable for children under seven.", "seven", 7.0, "year", "<"),
        # a bare number that is killed, wounded or arrested counts people
        ("In France, 84 were killed and roughly 200 wounded.", "84", 84.0, "person", "="),
        ("In France, 84 were killed and roughly 200 wounded.", "200", 200.0, "person", "~"),
        # a share of a group named by a demonstrative
        ("Nearly half those pupils said no.", "half", 50.0, "%", "~"),
        # a period after a superlative stays a figure
        ("September's reading was the strongest for 13 years.", "13 years", 13.0, "year",
         "="),
    ],
)
def test_units_in_context(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)


@pytest.mark.parametrize(
    "text",
    [
        "PCs running Windows 95, 98, ME and 2000 are at risk.",  # a list of model numbers
        "The flaw affects versions 4.7 and earlier.",  # a plural label noun
        "Fiat will source six-cylinder engines.",  # a hyphenated number naming a kind
        "Can you choose between 1) you must go, and 2) God says no?",  # list markers
        "He took “54 times more money from Wall Street”.",  # a multiplier, whatever is counted
        "Polls show Latinos back him at a rate of more than 2 to 1.",  # a ratio ending a sentence
        "11, 2012, attacks on the compound shocked the city.",  # a date's day, its month cut off
        "There are the returns from 1642 - lists of the Protestants.",  # a year before a dash
        "With five days remaining until the caucuses, he left.",  # a relative time
        "Intro text.\n\n4\nGina Rodriguez Questioned It.",  # digits alone on a line: a list
    ],
)
def test_numbers_that_name_or_list(parse, text):
    assert figures(parse, text) == []


@pytest.mark.parametrize(
    ("text", "surface", "modifier"),
    [
        # a range whose high end is a rate: the low end takes the rate, "about" or not
        ("It issues alerts about six to 10 times a year.", "six", ">="),
        ("It issues alerts about six to 10 times a year.", "10 times a year", "<="),
    ],
)
def test_a_range_of_a_rate(parse, text, surface, modifier):
    value = 6.0 if surface == "six" else 10.0
    assert_figure(parse, text, surface, value, "time per year", modifier)


def test_a_bracketed_number_is_still_a_figure(parse):
    assert_figure(parse, "The firm hired staff (about 50) last year.", "50", 50.0, None, "~")


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        # a level a group's verb reaches counts what the group is made of
        ("The audience for the special averaged 13.7 million.", "13.7 million", 1.37e7,
         "viewer"),
        ("The population is expected to peak at 127 million.", "127 million", 1.27e8,
         "person"),
        # a scaled number sizing a group, as a bare one does
        ("Her audience of 2.5 million believe it.", "2.5 million", 2.5e6, "viewer"),
        ("The crowd of 2.5 million cheered.", "2.5 million", 2.5e6, "person"),
    ],
)
def test_groups_count_their_members(parse, text, surface, value, unit):
    assert_figure(parse, text, surface, value, unit, "=")


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # found in an audit of 300 unseen BBC and PolNeAR train articles
        ("He sent more than 100,000 e-mails in 30 days.", "100,000 e", 1e5, "e-mail", ">"),
        ("Three of his 15 co-defendants were released.", "Three", 3.0, "co-defendant", "="),
        ("She has two ex-wives.", "two ex", 2.0, "ex-wife", "="),
        # a period changes only "by" an amount or with a comparative
        ("The blogosphere has doubled every five and a half months.", "five and a half months",
         5.5, "month", "="),
        ("The wage would climb gradually over six years.", "six years", 6.0, "year", "="),
        ("The trial was lengthened by up to 20 days.", "20 days", 20.0, "day", "up"),
        # an age a person is said to be, whatever follows
        ("She learned of it when she was 25 and tried again.", "25", 25.0, "year", "="),
        ("He already was 18 at the time.", "18", 18.0, "year", "="),
        # a text that is only a number is still one
        ("192.", "192", 192.0, None, "="),
        # a comparison verb's object that the figure counts; ages with a comparative; "a
        # maximum" right before the figure
        ("Once a petition tops 100,000 signatures, it is debated.", "100,000 signatures", 1e5,
         "signature", ">"),
        ("It adopted 1,000 children younger than 18.", "18", 18.0, "year", "<"),
        ("Voters older than 65 backed him.", "65", 65.0, "year", ">"),
        ("Two athletes face a maximum two-year ban.", "two-year", 2.0, "year", "<="),
        # the last two of a list joined by "or" are no range
        ("If it's £30m, £40m or £50m, we will not sell.", "£50m", 5e7, "GBP", "="),
        ("He wants three or four goals.", "four goals", 4.0, "goal", "<="),
    ],
)
def test_found_in_the_audit(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)
