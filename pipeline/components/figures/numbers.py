"""Numbers as written in news: digits ("1,200.5", tokenised "6 . 2", "1.1^23") and words
("three dozen", "two-thirds", "half a million", "one hundred and three", "nine point
nought four", "three twenty-firsts"), and fractions written "one over three".

Pure functions; the vocabulary is ``models/numbers.json``. ``word_number_pattern()`` is a
regular expression fragment for a run of number words, ``value`` the value of what a
figure's number group matched (None when the words make no quantity: "one two", a bare
"quarter", the ordinal "twenty-fifth").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import pairwise

from pipeline import resources

# "2 1/4" and "3/4" (not a date: no second slash), "1.2e10", "1.1^23", "1,200.5", and
# tokenised text's "80 , 000" and "6 . 2"
_FRACTION = r"(?:\d+\s+)?\d+\s?/\s?\d+(?![/\d])"
# thousands grouped by commas, by (narrow) no-break spaces, or by plain spaces when there
# are two groups or more ("1 234 567"; "in 2019 300 people" stays two numbers) or the one
# group starts with a zero, which no number of its own does ("40 000"); Indian grouping
# in lakhs and crores ("1,30,000", "12,34,56,789"); a space scraped in after the comma
# before "000" ("$30, 000")
_GROUPED = (r"\d{1,2}(?:,\d\d)+,\d{3}|\d{1,3}(?:(?:,| , |, (?=000))\d{3})+"
            r"|\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d{1,3}(?: \d{3}){2,}|\d{1,3} 0\d\d")
# scientific notation as news writes it: "6.02×10^23", "6.02 x 10^23", "6.02×10²³"
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TIMES_TEN = rf"\s?[x×]\s?10(?:\^\s?[-−+]?\d+|⁻?[{_SUPERSCRIPTS}]+)"
_PLAIN = (rf"(?:{_GROUPED}|\d+)(?:(?:\.| \. )\d+)?(?:[eE][+-]?\d+|\^[+-]*\d+|{_TIMES_TEN})?"
          r"|\.\d+")
# a European decimal comma where it cannot be a thousands separator: one or two digits
# after the comma ("1,3", "€2,75"), not in a list of such numbers ("22,24,26")
_DECIMAL_COMMA = r"(?<!\d,)\d{1,3},\d{1,2}(?![\d,]|\.\d)"
DIGITS = rf"{_FRACTION}|{_DECIMAL_COMMA}|{_PLAIN}"
YEAR = r"1[5-9]\d\d|20\d\d|21\d\d"
"""A year as news writes it (1500-2199): the one pattern the figures package tells a year
by, whether it is no figure ("in 1996"), the year of a level ("below 2005 levels") or a
date's year ("Sept. 11, 2012", "the first quarter of 2024")."""
_DECIMAL_COMMA_VALUE = re.compile(_DECIMAL_COMMA)
_SCIENTIFIC = re.compile(rf"([\d,.]+)\s?[x×]\s?10(\^\s?[-−+]?\d+|⁻?[{_SUPERSCRIPTS}]+)")
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPTS + "⁻", "0123456789-")
_MIXED = re.compile(r"^(?:(\d+)\s+)?(\d+)\s?/\s?(\d+)$")
_OVER = re.compile(r"\s+over\s+", re.IGNORECASE)
_SPLIT = re.compile(r"[\s-]+")
# not ordinals inside a compound ("twenty-fifth", never "twenty quarters")
_NOT_COMPOUND = frozenset({"half", "halves", "quarter", "quarters"})
_BAD_SEQUENCES = frozenset({
    ("small", "small"), ("small", "teen"), ("small", "tens"), ("teen", "small"),
    ("teen", "teen"), ("teen", "tens"), ("tens", "tens"), ("tens", "teen"),
    ("hundred", "hundred"),
})
"""Word kinds that never follow each other in one number: "one two", "five twenty"."""


@cache
def _data() -> dict:
    return resources.load("numbers")


@cache
def _vocabulary() -> dict[str, dict[str, float]]:
    data = _data()
    return {key: data[key] for key in ("units", "tens", "scales", "multipliers", "fractions",
                                       "compound_ordinals")}


def alternation(words: Iterable[str]) -> str:
    """A regular expression for any of the words (matched as written, longest first),
    factored by common prefixes: Python's re tries "t(?:en|w(?:elve|enty|o))" much faster
    than a flat "ten|twelve|twenty|two" at every position of a text."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: dict[str, dict]) -> str:
        options = [re.escape(char) + branch(child) for char, child in sorted(node.items())
                   if char]
        if not options:
            return ""
        if "" in node:
            return "(?:" + "|".join(options) + ")?"
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    return "(?:" + branch(tree) + ")"


@cache
def word_number_pattern() -> str:
    """A run of number words joined by spaces, hyphens, 'and' or 'point' (never alone);
    'a' only before what it can count ("a million", "a third", not "a zero"); "of a" only
    from a fraction to a scale ("two thirds of a million")."""
    vocab = _vocabulary()
    data = _data()
    tens = alternation(vocab["tens"])
    compound = rf"{tens}[\s-]+firsts?|{tens}-seconds?"  # "twenty seconds" is a time
    plain = [w for key in ("units", "tens", "scales", "multipliers", "fractions")
             for w in vocab[key]]
    word = rf"(?:{compound}|{alternation(plain)})"
    countable = alternation([*vocab["scales"], *vocab["multipliers"], *vocab["fractions"]])
    article = rf"(?:{alternation(data['articles'])}[\s-]+(?={countable}(?![A-Za-z])))"
    after_fraction = "(?:" + "|".join(f"(?<={w})" for w in vocab["fractions"]) + ")"
    of_a = (rf"{after_fraction}[\s-]+of[\s-]+{alternation(data['articles'])}[\s-]+"
            rf"(?={alternation(vocab['scales'])}(?![A-Za-z]))")
    joiner = alternation([*data["joiners"], data["decimal_point"]])
    separator = rf"(?:[\s-]+(?:{joiner}[\s-]+)?{article}?|{of_a})"
    return rf"{article}?{word}(?:{separator}{word})*"


@cache
def vague_pattern() -> str:
    """A vague amount: plural scales, one of another ("tens of thousands", "hundreds of
    millions"), or a few of a scale ("several hundred")."""
    data = _data()
    plural = alternation(data["vague"])
    singular = alternation([w.rstrip("s") for w in data["vague"] if w != "tens"])
    few = alternation(data["vague_few"])
    return (rf"(?:{few}\s+{singular}|{plural}(?:\s+of\s+(?:{plural}|{singular}))?)"
            r"(?![A-Za-z])")


def vague_value(text: str) -> float | None:
    """The lowest value of a vague amount ("hundreds of millions" 1e8), None for others."""
    if not re.fullmatch(vague_pattern(), text, re.IGNORECASE):
        return None
    data, total = _data(), 1.0
    for word in text.lower().split():
        if word in data["vague"]:
            total *= data["vague"][word]
        elif word in data["vague_few"] or word in ("a", "few", "of"):
            continue
        else:
            total *= _vocabulary()["scales"].get(word) or data["vague"].get(word + "s", 1.0)
    return total


def over_pattern(number: str) -> str:
    """What makes a number the numerator of 'one over three', '2000 over 3': 'over' and a
    denominator that ends the clause (else "over 3 years" is a bound)."""
    return rf"\s+over\s+(?:{number})(?=\s*(?:[.!?;,)\n]|$))"


def value(text: str) -> float | None:
    """The value of a number in digits, in words, or "A over B"."""
    parts = _OVER.split(text)
    if len(parts) == 2:
        numerator, denominator = value(parts[0]), value(parts[1])
        if numerator is None or not denominator:
            return None
        return numerator / denominator
    if text[0].isdigit() or text.startswith("."):
        return digits_value(text)
    return vague_value(text) or word_value(text)


def digits_value(text: str) -> float | None:
    scientific = _SCIENTIFIC.fullmatch(text)
    if scientific:  # "6.02×10^23"
        mantissa, exponent = scientific.group(1), scientific.group(2)
        exponent = exponent.translate(_FROM_SUPERSCRIPT).replace("−", "-").lstrip("^ ")
        try:
            return float(mantissa.replace(",", "")) * 10.0 ** int(exponent)
        except OverflowError:
            return None
    mixed = _MIXED.match(text)
    if mixed:
        whole, numerator, denominator = (int(g) if g else 0 for g in mixed.groups())
        return whole + numerator / denominator if denominator else None
    if _DECIMAL_COMMA_VALUE.fullmatch(text):
        return float(text.replace(",", "."))
    base, _, exponent = text.partition("^")
    number = float(re.sub(r"[\s,\u00a0\u202f]", "", base))
    if not exponent:
        return number
    power = int(exponent.lstrip("+-")) * (-1 if exponent.count("-") % 2 else 1)  # "^--23"
    if number == 0 and power < 0:
        return None
    try:
        return float(number**power)
    except OverflowError:
        return None


def word_value(text: str) -> float | None:
    """The value of a run of number words, or None when it is not a quantity ("one of",
    "one two", a bare "quarter" or "million", the ordinal "twenty-fifth")."""
    vocab = _vocabulary()
    words = [w for w in _SPLIT.split(text.lower()) if w]
    if _data()["decimal_point"] in words:
        return _decimal(words)
    joined = " ".join(words)
    left, _, right = joined.rpartition(" and ")
    last = words[-1]
    if left and _scale(last) and words[-2] not in ("a", "an") and not any(
        _scale(w) >= _scale(last) for w in left.split()
    ):  # "two and a half million" is 2.5 million
        whole = word_value(" ".join(words[:-1]))
        return None if whole is None else whole * _scale(last)
    if left and any(w in vocab["fractions"] for w in right.split()) and not any(
        w in vocab["fractions"] for w in left.split()
    ):  # not "between a quarter and a third"
        # "one and a half", "twenty and three fifths", "one million and a half" (of a
        # million), "one billion and a half million"; but "one hundred and thirty
        # fifths" is 130/5
        whole, part = word_value(left), word_value(right)
        before = _scale(left.split()[-1])
        if whole is not None and part is not None and part < 1:
            return whole + part * (before or 1)
        if whole is not None and part is not None and _scale(right.split()[-1]) < before:
            return whole + part
    if _ordinal(words[-1], compound=False) is not None or words[-1] in vocab["compound_ordinals"]:
        return _fraction(words)
    fraction_at = next((i for i, w in enumerate(words) if w in vocab["fractions"]), None)
    if fraction_at is not None:  # "half a million", "two thirds of a million", "quarter million"
        part = _fraction(words[: fraction_at + 1], bare=True)
        rest = [w for w in words[fraction_at + 1 :] if w != "of"]
        if any(_kind(w) not in ("article", "scale", "hundred", "mult") for w in rest):
            return None  # "the third one"
        factor = _cardinal(rest, bare_scale=True)
        return None if part is None or factor is None else part * factor
    return _cardinal(words)


def _scale(word: str) -> float:
    """What a scale word multiplies by ("million"), 0 for any other word and "hundred"."""
    return 0 if word == "hundred" else _vocabulary()["scales"].get(word, 0)


def _ordinal(word: str, *, compound: bool) -> float | None:
    """The denominator an ordinal word gives; in a compound ("twenty-first") also
    'first' and 'second', never 'half' or 'quarter'."""
    vocab = _vocabulary()
    if compound:
        if word in _NOT_COMPOUND:
            return None
        return vocab["fractions"].get(word, vocab["compound_ordinals"].get(word))
    return vocab["fractions"].get(word)


def _denominator(words: list[str]) -> float | None:
    """'fifths' 5, 'twenty-first' 21, 'one hundred fifth' 105, 'one thousand fifths' 1005;
    a compound takes an ordinal below its tens or hundreds ("thousand trillionths" is
    none)."""
    vocab = _vocabulary()
    if len(words) == 1:
        return _ordinal(words[0], compound=False)
    last = _ordinal(words[-1], compound=True)
    head = words[:-1]
    if last is None:
        return None
    if len(head) == 1 and head[0] in vocab["tens"] and last < 10:
        return vocab["tens"][head[0]] + last
    if head and head[-1] == "and":
        head = head[:-1]
    # "one hundred fifth": 'hundred' in a denominator needs its 'one' or 'a', so "two
    # hundred fifths" stays 200/5
    if len(head) == 2 and head[0] in ("one", "a", "an") and head[1] in vocab["scales"]:
        scale = vocab["scales"][head[1]]
        return scale + last if last < scale else None
    return None


def _fraction(words: list[str], *, bare: bool = False) -> float | None:
    """Numerator words, then a denominator: the longest one that leaves a valid
    numerator ("one hundred thirty fifths" is 100/35). A lone 'half' is 1/2, and with
    ``bare`` a lone 'quarter' or 'third' is a fraction too ("quarter million")."""
    vocab = _vocabulary()
    for k in range(1, len(words)):
        numerator = words[:k]
        denominator = _denominator(words[k:])
        if denominator is None:
            continue
        if len(words) - k == 1 and numerator[-1] in vocab["tens"] and (
            len(numerator) < 2 or numerator[-2] != "and"
        ) and not words[-1].endswith("s"):
            continue  # "twenty-fifth" is an ordinal; "twenty fifths" is 20/5
        count = _cardinal(numerator)
        if count is not None:
            return count / denominator
    if len(words) == 1 and (bare or words[0] == "half"):
        denominator = _ordinal(words[0], compound=False)
        return 1 / denominator if denominator else None
    return None


def _kind(word: str) -> str | None:
    vocab = _vocabulary()
    if word in ("a", "an"):
        return "article"
    if word in vocab["units"]:
        return "small" if vocab["units"][word] < 10 else "teen"
    if word in vocab["tens"]:
        return "tens"
    if word == "hundred":
        return "hundred"
    if word in vocab["scales"]:
        return "scale"
    if word in vocab["multipliers"]:
        return "mult"
    return "and" if word == "and" else None


def _cardinal(words: list[str], *, bare_scale: bool = False) -> float | None:
    """A whole number in words. ``small`` is what the words since the last "hundred" or
    scale add up to, so "three hundred and two dozens" is 300 + 2 x 12. A lone article is
    one (the numerator of "a third"); a lone scale ("per million") is no number unless
    ``bare_scale`` (the "million" of "quarter million")."""
    vocab = _vocabulary()
    kinds = [_kind(w) for w in words]
    if not words or None in kinds or kinds[0] == "and" or kinds[-1] == "and":
        return None
    if words in (["a"], ["an"]):
        return 1.0
    if kinds[-1] == "article":
        return None
    if not bare_scale and all(k in ("scale", "hundred", "mult") for k in kinds):
        return None
    for before, after in pairwise(kinds):
        if (before, after) in _BAD_SEQUENCES or (
            before == "article" and after not in ("hundred", "scale", "mult")
        ) or (after == "and" and before not in ("hundred", "scale", "mult")) or (
            before == "and" and after not in ("small", "teen", "tens", "article")
        ):
            return None  # "one and one", "dozens and dozens" are no number; "one hundred
            # and one" is
    total, current, small = 0.0, 0.0, 0.0
    for w, kind in zip(words, kinds, strict=True):
        if kind == "and":
            continue
        if kind == "article":
            if not current:
                current, small = 1.0, 1.0
        elif kind in ("small", "teen", "tens"):
            number = vocab["units"].get(w, vocab["tens"].get(w, 0))
            current, small = current + number, small + number
        elif kind == "mult":
            factor = vocab["multipliers"][w]
            if small:
                current += small * (factor - 1)
            else:  # "half a dozen"
                current = (current or 1.0) * factor
            small = 0.0
        elif kind == "hundred":
            current, small = (current or 1.0) * 100, 0.0
        else:
            if not current and total:
                total *= vocab["scales"][w]  # "three lakh crore"
            else:
                total += (current or 1.0) * vocab["scales"][w]
            current, small = 0.0, 0.0
    return total + current


def _decimal(words: list[str]) -> float | None:
    """'nine point nought four' 9.04, 'two hundred point seventy-one' 200.71, 'one point
    two million' 1.2e6: the words after 'point' are digits, or one number read as
    digits."""
    vocab = _vocabulary()
    at = words.index(_data()["decimal_point"])
    left, right = words[:at], words[at + 1 :]
    factor = 1.0
    while right and right[-1] in vocab["scales"] and right[-1] != "hundred":
        factor *= vocab["scales"][right.pop()]
    whole = _cardinal(left) if left else 0.0
    if whole is None or not right or not whole.is_integer():
        return None
    units = vocab["units"]
    if all(units.get(w, 10) < 10 for w in right):
        digits = "".join(str(int(units[w])) for w in right)
    else:
        number = _cardinal(right)
        if number is None or not number.is_integer():
            return None
        digits = str(int(number))
    return (whole + float("0." + digits)) * factor
