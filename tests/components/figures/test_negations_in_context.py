"""Bounds under a negated verb, ratio phrases with "every", fractions before a plural,
superlative ranks, skipped adjectives, datelines, clock times and court tallies (issue 11,
thirteenth round, found on ``corpus/figures/realnews/fresh13.jsonl``). Every sentence here
is made up."""

import pytest

from tests.components.figures.test_component import assert_figure, figures


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # a bound under a negated verb is read through the negation: at most, at least
        ("She never spoke longer than 40 minutes.", "40 minutes", 40.0, "minute", "<="),
        ("He never ran in a race with fewer than five rivals.", "five rivals", 5.0, "rival",
         ">="),
        # ... also for the second of two verbs joined by "or" that share the subject
        ("The mayor, who has never lost a race or raised more than $80,000, is running.",
         "$80,000", 80000.0, "USD", "<="),
        # ... but not a verb above the bound's own clause, nor a verb after "but"
        ("The firm did not say that it paid more than $9,000 for it.", "$9,000", 9000.0,
         "USD", ">"),
        ("She did not win the seat but raised more than $6 million.", "$6 million", 6e6,
         "USD", ">"),
        # "N of every M" is a ratio phrase, a share, as "1 in 5"
        ("About one of every eight voters is under 30.", "one of every eight", 12.5, "%", "~"),
        ("Three out of every four shops closed.", "Three out of every four", 75.0, "%", "="),
        # a fraction before a plural noun is a share, as before a singular one
        ("Changes need two-thirds majorities in both houses.", "two-thirds", 200 / 3, "%",
         "="),
        # adjectives that say nothing of the kind are left out of the counted noun
        ("The city hired 300 local police officers.", "300 local police officers", 300.0,
         "police officer", "="),
        ("He has had three acting deputies.", "three acting deputies", 3.0, "deputy", "="),
        ("The letter was signed by 40 retired judges.", "40 retired judges", 40.0, "judge",
         "="),
        # a court's ruling by two numbers is a tally of votes
        ("The court ruled 6-3 that the law stands.", "6", 6.0, "vote", "="),
        ("The court ruled 6-3 that the law stands.", "3", 3.0, "vote", "="),
    ],
)
def test_bounds_and_counts_in_context(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)


@pytest.mark.parametrize(
    "text",
    [
        # a number between "the" or a possessive and a superlative is a rank
        "Voters in the county's four largest towns were purged.",
        "Her two eldest sons run the farm.",
        "The three most important votes come next week.",
        # a dateline's day before a wire service
        "14 (UPI) -- The governor signed the bill on Friday.",
        # a clock time with a curly apostrophe
        "The vote is due by 5 o’clock on Friday.",
    ],
)
def test_no_figure(parse, text):
    assert figures(parse, text) == []


def test_a_possessive_and_most_describes_a_count(parse):
    """After a possessive, "most" describes the noun ("the party's two most recent
    nominees" count), where a one-word superlative ranks it."""
    assert_figure(parse, "The party's two most recent nominees stayed away.",
                  "two most recent nominees", 2.0, "nominee", "=")


def test_a_negated_verb_after_its_bounded_subject_keeps_the_bound(parse):
    """"More than 14,000 voters were not registered": more than 14,000 are unregistered."""
    assert_figure(parse, "More than 14,000 of its voters were not registered.", "14,000",
                  14000.0, "voter", ">")
