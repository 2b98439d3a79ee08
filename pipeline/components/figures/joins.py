"""Figures that combine with their neighbour.

- Ranges ("between 3 and 4 billion", "3-4%", "a range of 4.75% to 5%", "five or six
  awards") become two rows, the lower end with modifier ``>=`` (``>`` after "more than")
  and the upper with ``<=``;
  the lower end takes the unit and scale it leaves to the upper one ("3-4%" is 3% to 4%),
  and the upper end the currency written only before the lower one ("$5-10 billion"),
  but not a scale when its own digits are already larger than the upper end's ("$650,000
  to $2.1 million" is 650,000, not 650,000 million).
- Coins are money ("14 cents" is 0.14 USD), and coins after money ("3 dollars 50
  cents", "thirteen dollars and forty-five cents") join it: one row of 3.5 USD.
- A number written with a scale word goes on in the next one when that is smaller than
  the scale ("4 thousand 3 hundred and 21" is 4321, "3 million and a half" 3.5 million),
  and a larger unit goes on in a smaller one ("2 hours 20 minutes" is 140 minutes).
- A bare number compared with a figure just before it takes that figure's unit: "1,000
  units by 2027, up from about 400" (400 units), "$5bn, compared with 3bn"; one joined by
  "and" or "or" to the figure after it takes that one's ("16 and 17-year-olds").
- Two figures joined by "and" before one comparative change together: "29% and 18%
  lower" are both falls.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.annotations import Figure
from pipeline.components.figures.grammar import FigureGrammar

_DASH = re.compile(r"^\s?[-–]\s?$")
_DASHED = re.compile(r"[-–]\d")
_AFTER_DASH = re.compile(r"\d[-–]$")
_WORD_JOIN = re.compile(r"^-?\s+(to|and|or)\s+$")  # "18- to 24-year-olds"
_TALLY_JOIN = re.compile(r"^(?:\s+(?:to|by)\s+|-to-)$")  # "63 to 33", "the 93-to-7 vote"
_SUBUNIT_GAP = re.compile(r"^\s+(?:and\s+)?$")
_UNIT_GAP = re.compile(r"^,\s+(?:and\s+)?$")
"""A unit goes on in a smaller one after a comma too ("two hours, 23 minutes and 10
seconds"); a scale word does not ("4 million, 300 people" are two figures)."""
_BETWEEN = re.compile(r"between\s+$", re.IGNORECASE)
_COMPARED = re.compile(
    r"\b(?:from|compared with|compared to|than|versus|vs\.?|against|instead of)\b", re.IGNORECASE
)
_PARALLEL = re.compile(r"\b(?:and|or|but|while|whereas|with|out of)\b|,", re.IGNORECASE)
_CODE = re.compile(r"[A-Z]{3}")
# a sentence's end; not the point of "Mr. Sanders" or "U.S. troops"
_BREAK = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.;:!?]\s|\n")
_COORDINATED = re.compile(r"^\s+(?:and|or)\s+$")
_TO = re.compile(r"^\s+to\s+$")
_COMPARED_WITH = re.compile(r"\b(?:from|compared with|compared to|versus|vs\.?)\b", re.IGNORECASE)
"""A figure after these is what the one before is compared with; not "than", which may
be the bound of the next figure ("eight million, or more than 30%")."""
_MORE = re.compile(r"\b(?:another|a further|an additional|an extra)\s+$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(at|with|on|by)\s+$", re.IGNORECASE)
_OPENERS = {"to": re.compile(r"(?:range[sd]? (?:of|from)|ranging from|between)\s+$",
                             re.IGNORECASE),
            "and": re.compile(r"between\s+(?:the\s+ages\s+of\s+)?$", re.IGNORECASE),
            "or": re.compile(r"(?!)")}  # no opener: "five or six awards" by their units


def _scale(text: str, figure: Figure, grammar: FigureGrammar) -> float:
    match = grammar.pattern.match(text, figure.span[0])
    return grammar.scale_factor(match.group("scale") if match else None)


_LISTED = re.compile(r"\d\S*(?:,|\s+or)\s*$")
_LISTED_ON = re.compile(r"\s+or\s+\d")  # "10 or 11 or 12": choices, no range


def _rate_of(rate: str | None, unit: str | None) -> bool:
    """The high end's unit is a rate of the low end's: "six to 10 times a year" (time,
    time per year); the low end takes the rate."""
    return rate is not None and unit is not None and rate.startswith(f"{unit} per ")


def _bare(text: str, figure: Figure) -> bool:
    """Nothing but the number is written ("25" of "by 25 to 30 seats"), whatever unit it
    took from its neighbour."""
    return re.fullmatch(r"[\d.,]+|[A-Za-z-]+", text[figure.span[0] : figure.span[1]]) is not None


def _smaller_unit(low: Figure, high: Figure, grammar: FigureGrammar) -> bool:
    """The low end is in the unit next smaller than the high end's, and less: "16 months
    to four years", "30 seconds to two minutes" (a range across units)."""
    smaller = grammar.compound_units.get(high.unit or "")
    return smaller is not None and low.unit == smaller[0] \
        and low.value < high.value * smaller[1]


def _opened(text: str, low: Figure, high: Figure) -> bool:
    """A word before the low end says a range follows: "ranges from", "between"."""
    joined = _WORD_JOIN.match(text[low.span[1] : high.span[0]])
    before = text[max(0, low.span[0] - 20) : low.span[0]]
    return joined is not None and _OPENERS[joined.group(1)].search(before) is not None


def _is_range(text: str, low: Figure, high: Figure, grammar: FigureGrammar, *, opened: bool
              ) -> bool:
    """``opened``: a word before the low end says a range follows (:func:`_opened`)."""
    gap = text[low.span[1] : high.span[0]]
    if _DASH.match(gap):
        return low.value <= high.value  # "3-4%"; not the tally "272-219"
    joined = _WORD_JOIN.match(gap)
    before = text[max(0, low.span[0] - 20) : low.span[0]]
    if low.modifier in ("up", "down") and not opened and not (
        # "growth of between 3% and 5%" is a range of a change
        joined and joined.group(1) == "to" and high.unit is not None
        and (low.unit is None or (low.unit == high.unit and _bare(text, low)
                                  and 2 * low.value >= high.value))
        and not _FROM.search(before)
    ):
        return False  # "rose by €1.4bn to €28.6bn": a change, then the level; but "grew
        # 3.5 to 4.0%", "increase by 25 to 30 seats" are ranges of a change (the low end
        # has no unit written of its own; "rose 30 to 5,000 points" is no range)
    if not joined:
        return False
    if _LISTED.search(before) or _LISTED_ON.match(text, high.span[1]):
        return False  # "£30m, £40m or £50m", "10 or 11 or 12": a list, no range
    if opened:
        return True
    # "70% to 80%", "five or six awards": same unit on both ends, or "aged 5 to 17
    # months": the lower end leaves its unit to the upper; but "rose from 3% to 4%" is a
    # change, and "leads 46% to 42%" two levels
    across = _smaller_unit(low, high, grammar)
    same_unit = high.unit is not None and (low.unit in (None, high.unit)
                                           or _rate_of(high.unit, low.unit) or across)
    return joined.group(1) in ("to", "or") and same_unit and not _FROM.search(before) \
        and (low.value <= high.value or across)


def join_tallies(text: str, figures: list[Figure], grammar: FigureGrammar) -> list[Figure]:
    """Two whole numbers joined by a dash, or for votes by "to": a vote tally near a word
    of voting ("voted 272-219", "passed 63 to 33": two counts of vote), else with a word
    of a match near a score, which is no figure ("a 4-0 win", "won 6-4 6-2")."""
    out: list[Figure] = []
    skip = False
    for i, figure in enumerate(figures):
        if skip:
            skip = False
            continue
        following = figures[i + 1] if i + 1 < len(figures) else None
        pair = following is not None and _pair(text, figure, following, grammar)
        if not pair:
            out.append(figure)
            continue
        window = text[max(0, figure.span[0] - 60) : following.span[1] + 30]
        scored = grammar.score_cues.match(text, following.span[1] + 1)  # "a 3-2 win"
        if grammar.vote_cues.search(window) and (figure.unit or following.unit) in (None, "vote") \
                and not (scored and text[following.span[1]] == " "):
            out += [replace(figure, unit="vote"), replace(following, unit="vote")]
        elif not (_DASH.match(text[figure.span[1] : following.span[0]])
                  and grammar.score_cues.search(window)):
            out.append(figure)
            continue
        skip = True
    return out


def _pair(text: str, first: Figure, second: Figure, grammar: FigureGrammar) -> bool:
    """Whole numbers with no unit (or a word of a match: "4-0 win") joined by a dash, or
    by "to" or "by" ("voted by 229 to 206")."""
    gap = text[first.span[1] : second.span[0]]
    if not (_DASH.match(gap) or _TALLY_JOIN.match(gap)):
        return False
    whole = first.value.is_integer() and second.value.is_integer() and first.value >= 0
    units = {first.unit, second.unit} - {None, "vote"}
    return whole and all(grammar.score_cues.fullmatch(u) for u in units)


def join_ranges(text: str, figures: list[Figure], grammar: FigureGrammar) -> list[Figure]:
    """Mark range ends; drop bare numbers on either side of a dash that makes no range
    ("555-1234")."""
    out = list(figures)
    joined: set[int] = set()
    for i in range(len(out) - 1):
        low, high = out[i], out[i + 1]
        opened = _opened(text, low, high)
        if not _is_range(text, low, high, grammar, opened=opened) or (
            high.unit is None and low.unit is None and not opened
        ):
            continue  # "ranges from 100,000 to 250,000" is a range of bare numbers
        value, scale = low.value, _scale(text, high, grammar)
        if _scale(text, low, grammar) == 1.0 and low.value < high.value / scale:
            value *= scale  # "3 to 4 billion"; not "$650,000 to $2.1 million"
        unit = high.unit if _rate_of(high.unit, low.unit) else low.unit or high.unit
        modifier = ">" if low.modifier == ">" else ">="  # "more than $2 to $3" stays strict
        out[i] = replace(low, modifier=modifier, unit=unit, value=value)
        out[i + 1] = replace(high, modifier="<=", unit=high.unit or low.unit)
        joined |= {i, i + 1}
    return [
        f for i, f in enumerate(out)
        if i in joined or f.unit is not None or not _beside_dash(text, f)
    ]


def join_subunits(
    text: str, figures: list[Figure], subunits: dict[str, tuple[str, int]]
) -> list[Figure]:
    """'14 cents' -> 0.14 USD, '95p' -> 0.95 GBP; '3 dollars 50 cents' -> 3.5 USD, the
    coin's row gone."""
    out: list[Figure] = []
    for figure in figures:
        if figure.unit not in subunits:  # "14 cents", "95p" (a penny)
            out.append(figure)
            continue
        code, per_unit = subunits[figure.unit]
        previous = out[-1] if out else None
        if (previous is not None and previous.unit and previous.unit.isupper()
                and _SUBUNIT_GAP.match(text[previous.span[1] : figure.span[0]])):
            out[-1] = replace(previous, value=previous.value + figure.value / per_unit,
                              span=(previous.span[0], figure.span[1]))
        else:
            out.append(replace(figure, value=figure.value / per_unit, unit=code))
    return out


def join_compounds(text: str, figures: list[Figure], grammar: FigureGrammar) -> list[Figure]:
    """One row for "4 thousand 3 hundred and 21", "6 crore and two hundred", "3 million
    and a half" (of a million) and "2 hours 20 minutes" (in the smaller unit)."""
    out: list[Figure] = []
    for figure in figures:
        previous = out[-1] if out else None
        joined = _compound(text, previous, figure, grammar) if previous is not None else None
        if joined is None:
            out.append(figure)
        else:
            out[-1] = joined
    return out


def _compound(
    text: str, first: Figure, second: Figure, grammar: FigureGrammar
) -> Figure | None:
    gap = text[first.span[1] : second.span[0]]
    if not (_SUBUNIT_GAP.match(gap) or _UNIT_GAP.match(gap)) or _BETWEEN.search(
        text, max(0, first.span[0] - 9), first.span[0]
    ):
        return None
    span = (first.span[0], second.span[1])
    smaller = grammar.compound_units.get(first.unit or "")
    if smaller is not None and second.unit == smaller[0] and second.modifier == "=":
        return replace(first, value=first.value * smaller[1] + second.value, unit=second.unit,
                       span=span)
    last_word = text[first.span[0] : first.span[1]].split()[-1].lower()
    scale = grammar.scales.get(last_word, 0)
    if not scale or not _SUBUNIT_GAP.match(gap) or second.value >= scale or (
            first.unit and second.unit != first.unit and second.unit is not None):
        return None
    part = second.value * scale if second.value < 1 else second.value
    return replace(first, value=first.value + part, unit=first.unit or second.unit, span=span)


def inherit_units(text: str, figures: list[Figure], grammar: FigureGrammar) -> list[Figure]:
    """A bare number takes the unit of the figure it is compared with ("up from about
    400"), or, after "another" or "a further", of the last count or quantity in its
    sentence ("18 tanks within three months, and asked for another 300"), or of the
    figure before it in its clause's coordination ("interviewed 401 people before ... and
    601 afterwards", "39 nations out of 65 questioned ..., with 29 cutting back"); one
    compared with a figure after it takes that one's ("4.6 million by 2008, up from
    50,000 sets")."""
    out = list(figures)
    for i in range(1, len(out)):
        previous, figure = out[i - 1], out[i]
        if figure.unit is not None:
            continue
        gap = text[previous.span[1] : figure.span[0]]
        if previous.unit and len(gap) <= 60 and not _BREAK.search(gap) \
                and _COMPARED.search(gap) and not (previous.unit == "%" and figure.value > 100):
            out[i] = replace(figure, unit=previous.unit)  # but "fell 23% from 36,185" counts
            # what fell: no share is over 100
        elif _MORE.search(text, max(0, figure.span[0] - 20), figure.span[0]):
            antecedent = next((f for f in reversed(out[:i]) if f.unit not in grammar.period_units
                               and f.unit is not None), None)
            if antecedent is not None and ". " not in text[antecedent.span[1] : figure.span[0]]:
                out[i] = replace(figure, unit=antecedent.unit)
        elif figure.value.is_integer() and _counted(previous, grammar) \
                and _PARALLEL.search(gap) and not _BREAK.search(gap) and len(gap) <= 80:
            out[i] = replace(figure, unit=previous.unit)  # "401 people ... and 601 afterwards"
        elif previous.unit in ("%", "pp") and _PARALLEL.search(gap) and not _BREAK.search(gap) \
                and len(gap) <= 60 and _same_preposition(text, previous, figure):
            out[i] = replace(figure, unit=previous.unit)  # "Cruz at 25 percent and Rubio at 14"
    for i in range(len(out) - 1):
        figure, following = out[i], out[i + 1]
        gap = text[figure.span[1] : following.span[0]]
        if figure.unit is None and following.unit is not None and _COORDINATED.match(gap):
            out[i] = replace(figure, unit=following.unit)  # "16 and 17-year-olds"
        elif figure.unit is None and following.unit in ("%", "pp") and _TO.match(gap) \
                and figure.value > following.value:
            out[i] = replace(figure, unit=following.unit)  # "leads 50 to 48 percent": two
            # shares of one poll (a range would rise)
        elif figure.unit is None and following.unit not in (None, *grammar.period_units) \
                and len(gap) <= 60 and not _BREAK.search(gap) and _COMPARED_WITH.search(gap):
            out[i] = replace(figure, unit=following.unit)  # "put the figure at 4.6 million
            # by 2008, an increase from an estimated 50,000 sets"
    return out


def _same_preposition(text: str, first: Figure, second: Figure) -> bool:
    """Both figures follow the same preposition: parallel items of a list ("Cruz at 25
    percent and Rubio at 14")."""
    before = [_PREPOSITION_BEFORE.search(text, max(0, f.span[0] - 8), f.span[0])
              for f in (first, second)]
    return all(before) and before[0].group(1).lower() == before[1].group(1).lower()


def _counted(figure: Figure, grammar: FigureGrammar) -> bool:
    """A count of things or a physical quantity: no money, share or period."""
    unit = figure.unit
    return unit is not None and unit not in ("%", "pp") and unit not in grammar.period_units \
        and not _CODE.fullmatch(unit)


def _beside_dash(text: str, figure: Figure) -> bool:
    start, end = figure.span
    return bool(_DASHED.match(text, end) or _AFTER_DASH.search(text, max(0, start - 2), start))


def relink_conversions(found: list[Figure], joined: list[Figure]) -> list[Figure]:
    """Point each conversion at its original in the ``joined`` list. ``conversion_of`` is
    an index into ``found``, the figures as first read; the joins above merge and drop
    figures, so the original is now the figure whose span holds its first span, and a
    conversion with no earlier original left links nothing."""
    out: list[Figure] = []
    for figure in joined:
        link = None
        if figure.conversion_of is not None and figure.conversion_of < len(found):
            start = found[figure.conversion_of].span[0]
            link = next((i for i, kept in enumerate(out)
                         if kept.span[0] <= start < kept.span[1]), None)
        out.append(figure if link == figure.conversion_of else replace(figure,
                                                                       conversion_of=link))
    return out


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def share_comparatives(text: str, figures: list[Figure], grammar: FigureGrammar
                       ) -> list[Figure]:
    """The first of two figures in one unit joined by "and" or "or" takes the change a
    comparative after the second gives it: "were 29% and 18% lower" are two falls."""
    out = list(figures)
    for i in range(len(out) - 2, -1, -1):
        first, second = out[i], out[i + 1]
        if first.modifier != "=" or second.modifier not in ("up", "down") \
                or first.unit != second.unit \
                or not _COORDINATED.match(text[first.span[1] : second.span[0]]):
            continue
        word = _NEXT_WORD.match(text, second.span[1])
        if word and grammar.comparatives_after.get(word.group(1).lower()) == second.modifier:
            out[i] = replace(first, modifier=second.modifier)
    return out
