import pytest

from pipeline.components.timex import normalise


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
    ],
)
def test_normalise(text, year, expected):
    assert normalise(text, year) == expected
