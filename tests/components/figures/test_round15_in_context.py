"""Counted nouns, ages, lists of choices and the dollar's country (issue 11, fifteenth
round, found among the value+unit errors of all the dev files of
``corpus/figures/realnews/``). Every sentence here is made up."""

import pytest

from tests.components.figures.test_component import assert_figure, figures


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "modifier"),
    [
        # words that judge or describe the things counted are no part of their noun ...
        ("They raised three great kids.", "three great kids", 3.0, "kid", "="),
        ("He thanked his two remarkable children.", "two remarkable children", 2.0, "child",
         "="),
        ("She met two absent senators.", "two absent senators", 2.0, "senator", "="),
        ("He has two adult daughters.", "two adult daughters", 2.0, "daughter", "="),
        ("Nato sent four rotating battalions.", "four rotating battalions", 4.0,
         "battalion", "="),
        # ... a hyphenated one too, as the list writes it, or the two words apart (but
        # "working days" are a kind)
        ("Strikes cost 2.7 million working days.", "2.7 million working days", 2.7e6,
         "working day", "="),
        ("A million hard working families pay.", "A million hard working families", 1e6,
         "family", "="),
        ("Two well-known news hosts quit.", "Two well-known news hosts", 2.0, "news host",
         "="),
        # a name in the plural is counted as that name, in the singular
        ("The 29 New Yorkers were hurt.", "29 New Yorkers", 29.0, "New Yorker", "="),
        ("Then 184 African Americans moved.", "184 African Americans", 184.0,
         "African American", "="),
        # not an adjective of nationality before a common noun or a name
        ("The 19 Turkish Americans gave.", "19 Turkish Americans", 19.0, "american", "="),
        ("About 250 Lithuanian soldiers came.", "250 Lithuanian soldiers", 250.0, "soldier",
         "~"),
        # a bare number a person noun is said to be is an age
        ("The plaintiffs were at least 15, so the law is moot.", "15", 15.0, "year", ">="),
        ("It helps when a boy is 10 or 11.", "10", 10.0, "year", ">="),
        # three numbers joined by "or" are choices, no range
        ("It helps when a boy is 10 or 11 or 12.", "12", 12.0, "year", "="),
        ("It helps when a boy is 10 or 11 or 12.", "11", 11.0, "year", "="),
        # not a count a plural noun is said to be
        ("They were 12 in total.", "12", 12.0, None, "="),
        # a dollar sign is read by a country near it, not one far off in the sentence
        ("Australia's BHP Billiton - which runs the world's largest open pit copper mine"
         " - plans to invest $1.9bn.", "$1.9bn", 1.9e9, "USD", "="),
        ("Ottawa will spend $2 billion.", "$2 billion", 2e9, "CAD", "="),
    ],
)
def test_round15_in_context(parse, text, surface, value, unit, modifier):
    assert_figure(parse, text, surface, value, unit, modifier)


def test_a_hyphenated_area_is_one_unit(parse):
    assert_figure(parse, "They reached the 1.4-square-mile city.", "1.4-square-mile", 1.4,
                  "square mile", "=")


def test_a_person_noun_said_not_to_be_a_number_states_no_age(parse):
    assert figures(parse, "The girl is not 10.") == []
