"""Numbers as written in news: digits ("1,200.5", tokenised "6 . 2") and words ("three
dozen", "two-thirds", "half a million", "one hundred and three").

Pure functions; the vocabulary is ``models/numbers.json``. ``WORD_NUMBER`` is a regular
expression fragment for a run of number words, ``word_value`` its value.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline import resources

# "1,200.5", and tokenised text's "80 , 000" and "6 . 2"
DIGITS = r"(?:\d{1,3}(?:(?:,| , )\d{3})+|\d+)(?:(?:\.| \. )\d+)?|\.\d+"


@cache
def _vocabulary() -> dict[str, dict[str, float]]:
    data = resources.load("numbers")
    return {key: data[key] for key in ("units", "tens", "scales", "multipliers", "fractions")}


@cache
def word_number_pattern() -> str:
    """A run of number words joined by spaces, hyphens or 'and' (never 'and' alone)."""
    vocab = _vocabulary()
    data = resources.load("numbers")
    words = sorted((w for table in vocab.values() for w in table), key=len, reverse=True)
    word = "(?:" + "|".join(words) + ")"
    article = "(?:" + "|".join(data["articles"]) + ")"
    return (
        rf"(?:{article}[\s-]+(?={word}))?{word}"
        rf"(?:(?:[\s-]+(?:and[\s-]+|{article}[\s-]+)?){word})*"
    )


def digits_value(text: str) -> float:
    return float(text.replace(" ", "").replace(",", ""))


def word_value(text: str) -> float | None:
    """The value of a run of number words, or None when it is not a quantity ("one of")."""
    vocab = _vocabulary()
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w]
    if " and " in f" {' '.join(words)} " and any(w in vocab["fractions"] for w in words):
        left, _, right = " ".join(words).rpartition(" and ")
        if any(w in vocab["fractions"] for w in right.split()):
            a, b = word_value(left), word_value(right)
            return None if a is None or b is None else a + b
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in ("and",):
            continue
        if w in ("a", "an"):
            current = current or 1.0
        elif w in vocab["units"] or w in vocab["tens"]:
            current += vocab["units"].get(w, vocab["tens"].get(w, 0))
            seen = True
        elif w in vocab["multipliers"]:
            current = (current or 1.0) * vocab["multipliers"][w]
            seen = True
        elif w == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif w in vocab["scales"]:
            total += (current or 1.0) * vocab["scales"][w]
            current, seen = 0.0, True
        elif w in vocab["fractions"]:
            if not current and w != "half":
                return None  # a bare "quarter" or "third" is a period or a rank
            current = (current or 1.0) / vocab["fractions"][w]
            seen = True
        else:
            return None
    return total + current if seen else None
