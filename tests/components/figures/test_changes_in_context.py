"""Changes, margins, levels and counted nouns read from the clause around a figure (issue
11, ninth round, found on ``corpus/figures/realnews/fresh9.jsonl``). Every sentence here is
made up."""

import pytest

from tests.components.figures.test_component import assert_figure, figures


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # a particle parsed as an adverb still says which way "by" moved
        ("The relaunch pushed sales up by 12% last year.", "12%", 12.0, "%", "up"),
        ("The deal, which pushed sales up by 12% to 90,000, pleased them.", "12%", 12.0, "%",
         "up"),
        # ... but "up by" after "be" is a lead
        ("Mr. Smith was up by three points in the poll.", "three points", 3.0, "pp", "="),
        # a figure joined to a verb's "by" figure is a change too
        ("Output will grow by 3.1% in 2006 and 2.9% in 2007.", "2.9%", 2.9, "%", "up"),
        # the rate of a change is that change, whatever its sign
        ("Retail sales showed a growth rate of -0.4% in March.", "-0.4%", -0.4, "%", "up"),
        # what something priced loses or gains is its change
        ("Copper futures have lost $12 in three days.", "$12", 12.0, "USD", "down"),
        # ... but a firm's loss is an amount
        ("The firm lost $5m last year.", "$5m", 5e6, "USD", "="),
        # a definite figure a change verb acts on is a level
        ("They hope to increase the expected 60% turnout.", "60%", 60.0, "%", "="),
        # the margin of a result is no change
        ("We could lose by only three points on Saturday.", "three points", 3.0, "point", "="),
        ("If we under-perform and lose by only two points, we go out.", "two points", 2.0,
         "point", "="),
        # the agent of a passive whose subject is a name is who acted, not a change
        ("Howard was dropped by four stations last year.", "four stations", 4.0, "station",
         "="),
        ("The workforce was cut by 500 jobs.", "500 jobs", 500.0, "job", "down"),
        # a distance run in a time is no bound
        ("She clocked 7.02 seconds over 60m in Glasgow.", "60m", 60.0, "metre", "="),
        ("The grant is paid to people over 75.", "75", 75.0, "year", ">"),
        # an age a group is said to be over; the amount after an age restates nothing
        ("It pays £200 to people over 60, or £300 where people are over 80.", "80", 80.0,
         "year", ">"),
        ("It pays £200 to people over 60, or £300 where people are over 80.", "£300", 300.0,
         "GBP", "="),
        # units: an edge in a poll is in percentage points, two coordinated points too
        ("Polls give her a 3.5-point edge over him.", "3.5-point", 3.5, "pp", "="),
        ("They trailed by 4 and 9 percentage points in the polls.", "4", 4.0, "pp", "="),
        # a paper's circulation counts copies
        ("The paper's circulation rose to 180,000.", "180,000", 180000.0, "copy", "="),
        # an evaluative participle is no kind of the counted noun
        ("The race is now between the two rising stars.", "two rising stars", 2.0, "star",
         "="),
        # counts out of a counted whole that a preposition takes stay counts
        ("Sales grew in three out of five markets last year.", "three", 3.0, "market", "="),
        ("One out of four adults smokes.", "One out of four", 25.0, "%", "="),
        # who says a clause is not what its bare count counts
        ("Tickets went fast and organisers said all 90,000 for the weekend had gone.",
         "90,000", 90000.0, "ticket", "="),
    ],
)
def test_changes_and_units_in_context(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)


def test_a_strong_group_names_no_counted_noun(parse):
    """"a 40-strong troupe" says how big a group is without a noun to count."""
    assert figures(parse, "It is staged by a 30-strong dance troupe.") == []
