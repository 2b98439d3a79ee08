"""Every figure of the seed article (../shared/seed/asian-nato-article.txt), as the issue
asks: value, unit, modifier and time, and whose it is and what it measures where the
sentence says so. Skipped, by the ``seed_text`` fixture, where the shared folder is absent."""

import pandas as pd
import pytest

# value_text, value, unit, modifier, time, subject, target
SEED_FIGURES = [
    ("2%", 2.0, "%", "=", "2027", "Japan", "share of GDP"),
    ("8.54 trillion yen", 8.54e12, "JPY", "=", "FY2025", "Japan’s Defense Ministry",
     "budget request"),
    ("US$59 billion", 5.9e10, "USD", "=", "FY2025", "Japan’s Defense Ministry",
     "budget request"),
    ("$4.5 billion", 4.5e9, "USD", "=", "2019", "Japan", "U.S.-made military hardware"),
    ("98 F-15 fighter jets", 98.0, "fighter jet", "=", "2019", "Japan", "fighter jets"),
    # "for to strengthen cyberattack countermeasures ... for the fiscal year starting
    # April 2025"
    ("¥5.96 billion", 5.96e9, "JPY", "=", "FY2025", "Japanese Ministry of Defense",
     "cyberattack countermeasures"),
    ("US$41.26 million", 4.126e7, "USD", "=", "FY2025", "Japanese Ministry of Defense",
     "cyberattack countermeasures"),
    # "with ASEAN being China's largest trading partner in 2023, accounting for over ..."
    ("U$468.8 billion", 4.688e11, "USD", ">", "2023", "ASEAN", "trade"),
]


@pytest.fixture
def seed_figures(seed_tables: dict[str, pd.DataFrame]) -> list[dict]:
    claims = seed_tables["claims"]
    figures = claims[claims["claim_type"] == "figure"].sort_values("char_start")
    return figures.to_dict("records")


def test_every_seed_figure(seed_figures: list[dict]) -> None:
    found = [(f["value_text"], f["value"], f["unit"], f["modifier"], f["time"])
             for f in seed_figures]
    expected = [(text, pytest.approx(value), unit, modifier, time)
                for text, value, unit, modifier, time, _, _ in SEED_FIGURES]
    assert found == expected


@pytest.mark.parametrize(("value_text", "subject", "target"),
                         [(f[0], f[5], f[6]) for f in SEED_FIGURES])
def test_seed_figure_subject_and_target(seed_figures: list[dict], value_text: str,
                                        subject: str, target: str) -> None:
    [row] = [f for f in seed_figures if f["value_text"] == value_text]
    assert (row["subject"], row["target"]) == (subject, target)
