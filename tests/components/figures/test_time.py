import pytest

from pipeline.components.figures.time import normalise


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("fiscal year 2025", None, "FY2025"),
        ("FY25", None, "FY2025"),
        ("August 30, 2024", None, "2024-08-30"),
        ("August 30", 2024, "2024-08-30"),
        ("August 30", None, None),
        ("April 2025", None, "2025-04"),
        ("2019", None, "2019"),
        ("last year", 2024, "2023"),
        ("next year", 2024, "2025"),
        ("Monday", 2024, None),
        ("the first quarter of 2024", None, "2024-Q1"),
        ("the second quarter", 2024, "2024-Q2"),
        ("the first half", 2025, "2025-H1"),
        ("Q3 2023", None, "2023-Q3"),
        ("the third half", 2025, None),
        ("first-quarter", 2024, "2024-Q1"),
        ("the 2023-24 season", None, "2023/24"),
        ("2023/24", None, "2023/24"),
        ("the start of the year", 2024, "2024"),
    ],
)
def test_normalise(text, year, expected):
    assert normalise(text, str(year) if year else None) == expected


@pytest.mark.parametrize(
    ("text", "published_at", "ahead", "expected"),
    [
        ("September", "2024-06-13", False, "2023-09"),  # the last September
        ("April", "2024-06-13", False, "2024-04"),
        ("June", "2024-06-13", False, "2024-06"),
        ("April", "2023-11-22", True, "2024-04"),  # "will rise ... in April"
        ("December", "2023-11-22", True, "2023-12"),
        ("last month", "2024-04-10", False, "2024-03"),
        ("last month", "2024-01-10", False, "2023-12"),
        ("next month", "2024-12-10", False, "2025-01"),
    ],
)
def test_months_without_a_year_resolve_against_the_publication_date(
    text, published_at, ahead, expected
):
    assert normalise(text, published_at, ahead=ahead) == expected


@pytest.mark.parametrize(
    ("text", "published_at", "expected"),
    [
        ("Tuesday", "2025-02-20", "2025-02-18"),  # a Thursday: the Tuesday before
        ("on Thursday", "2025-02-20", "2025-02-20"),
        ("yesterday", "2025-03-01", "2025-02-28"),
        ("Tuesday", "2025", None),  # no day to count back from
        ("last year", "2025-02-20T08:00:00Z", "2024"),
    ],
)
def test_relative_days_count_back_from_the_publication_date(text, published_at, expected):
    assert normalise(text, published_at) == expected
