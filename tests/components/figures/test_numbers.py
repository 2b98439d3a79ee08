import re

import pytest

from pipeline.components.figures.numbers import alternation, value, word_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cardinals
        ("sixteen", 16.0),
        ("twenty-five hundred", 2500.0),
        ("one hundred and three", 103.0),
        ("three hundred and two dozens", 324.0),
        ("three lakh crore", 3e12),
        ("nought", 0.0),
        # fractions: numerator, then the longest denominator that leaves a numerator
        ("two-thirds", 2 / 3),
        ("a third", 1 / 3),
        ("half", 0.5),
        ("a twenty-first", 1 / 21),
        ("one twenty-fifth", 0.04),
        ("three twenty firsts", 3 / 21),
        ("twenty twenty fifths", 0.8),
        ("twenty fifths", 4.0),
        ("one one hundred fifth", 1 / 105),
        ("one hundred fifths", 20.0),
        ("one hundred thirty fifths", 100 / 35),
        ("one hundred and thirty fifths", 26.0),
        ("one hundred and thirty-two fifths", 26.4),
        ("one hundred one thousand fifths", 100 / 1005),
        ("one million two thousand two hundred three fifths", 1002203 / 5),
        ("a hundred thousand trillionths", 1e-7),
        ("two hundred thirty two and a thirtieth", 232 + 1 / 30),
        # fractions of a scale
        ("half a million", 5e5),
        ("half a dozen", 6.0),
        ("quarter million", 2.5e5),
        ("two thirds of a million", 2e6 / 3),
        ("one and a half", 1.5),
        ("twenty and three fifths", 20.6),
        ("one million and a half", 1.5e6),
        ("two million and one half", 2.5e6),
        ("six million and two thirds", 6e6 + 2e6 / 3),
        ("two and a half million", 2.5e6),
        ("one billion and a half million", 1.0005e9),
        # decimals in words
        ("nine point nought four", 9.04),
        ("two hundred point zero three", 200.03),
        ("two hundred point seventy-one", 200.71),
        ("nought point eleven", 0.11),
        ("one point two million", 1.2e6),
        # no quantity
        ("twenty-fifth", None),  # an ordinal: "the twenty-fifth anniversary"
        ("quarter", None),  # a period
        ("one two", None),
        ("one and one", None),
        ("dozens and dozens", None),
        ("a quarter and a third", None),  # "fell by between a quarter and a third"
        ("third one", None),  # "the third one"
        ("five twenty", None),
        ("a zero", None),
        ("million", None),  # "per million British thermal units"
    ],
)
def test_word_value(text, expected):
    got = word_value(text)
    assert got == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.1^23", 1.1**23),
        ("2.5^-1", 0.4),
        ("1.1^--23", 1.1**23),
        ("0^-1", None),
        ("40 000", 40000.0),
        ("2 1/4", 2.25),
        ("1 over 3", 1 / 3),
        ("one over twenty", 0.05),
        ("1 over one hundred and twenty one", 1 / 121),
        ("2000 over 3", 2000 / 3),
        # a comma is a decimal comma only where it cannot group thousands
        ("1,3", 1.3),
        ("2,75", 2.75),
        ("1,300", 1300.0),
        ("1,30,000", 130000.0),  # Indian grouping: one lakh thirty thousand
    ],
)
def test_value(text, expected):
    got = value(text)
    assert got == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (["ten", "tenth", "tenths", "two", "twelve"], "tenths", "tenths"),  # longest first
        (["ten", "tenth", "tenths", "two", "twelve"], "tenthx", "tenth"),
        (["ten", "twelve"], "twenty", None),
        (["U.S. dollars", "US$", "$"], "U.S. dollars", "U.S. dollars"),  # escaped
        (["U.S. dollars", "US$", "$"], "USx", None),
    ],
)
def test_alternation_matches_the_longest_word(words, text, expected):
    found = re.match(alternation(words), text)
    assert (found.group(0) if found else None) == expected
