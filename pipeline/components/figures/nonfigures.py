"""Numbers that are no quantity: ranks, labels, addresses, identifiers, list markers,
date lists and names, told by the words around them (lists in ``models/figures.json``).

"top 40", "No 11", "number 18", "the last 16" are ranks; "section 6", "resolution 2334",
"chapter 11" labels; "10 Downing Street" an address; "007" and "0630" identifiers, and so
is a number in markup (``tweet_id="7073..."``); "(1)" a list marker; "at one point" an
idiom; the 4 of "on 4 or 5 April" a day; the base of a rate ("$2 per 1,000 cubic metres")
no figure of its own; and a capitalised number word or unit inside a sentence ("Six
Nations", "Three Degrees", "50 Cent", "BBC Three") a name, unless the sentence is a
title-case headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.components.figures.numbers import alternation

_IDENTIFIER = re.compile(r"0+[1-9]\d*")  # "007", "0630"; "0000" is zero
_ATTRIBUTE = re.compile(r"=\s*[\"']$")  # tweet_id="707395353688018944": markup
_LIST_MARKER = re.compile(r"\(\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TITLE_CASE_SHARE = 0.75


@dataclass(frozen=True)
class NonFigures:
    ranks: re.Pattern[str]  # "top ", "number " right before the number
    uncounted_ranks: re.Pattern[str]  # "the last " before a number that counts nothing
    labels: re.Pattern[str]  # "section ", "resolution " right before the number
    per: re.Pattern[str]  # "per " right before the number: the base of a rate
    date_list: re.Pattern[str]  # " or 5 April", ", 9 and 16 May" after a day
    address: re.Pattern[str]  # "(B) Baker Street" after a house number
    idioms: re.Pattern[str]  # "at one point": a number word in a set phrase

    @classmethod
    def from_data(cls, data: dict, months: list[str]) -> NonFigures:
        def before(words: list[str], then: str = "") -> re.Pattern[str]:
            return re.compile(rf"(?:^|[^\w.])(?:{alternation(words)})\s+{then}$",
                              re.IGNORECASE)

        return cls(
            # "number 18 from 32": the other end of a rank's move is a rank too
            ranks=before(data["rank_words"], r"(?:\d+\s+(?:from|to|and|or)\s+)?"),
            uncounted_ranks=before(data["uncounted_rank_words"]),
            labels=before(data["label_nouns"]),
            per=before(["per"]),
            address=re.compile(
                rf"[A-Za-z]?(?:\s+[A-Z][\w'-]*){{1,3}}?\s+(?:{alternation(data['street_words'])})\b"),
            idioms=re.compile(rf"\b(?:{alternation(data['number_idioms'])})\b", re.IGNORECASE),
            date_list=re.compile(
                rf"(?:(?:\s*,\s*|\s+(?:or|and|to)\s+)\d{{1,2}}(?:st|nd|rd|th)?)+\s+"
                rf"(?:{alternation(months)})\b", re.IGNORECASE),
        )

    def excluded(self, text: str, start: int, end: int, number: str, *, counts: bool,
                 measured: bool, verb_before: bool = False) -> bool:
        """Whether the number ``text[start:end]`` (digits or words) is a rank, a label,
        an identifier, a list marker, a day in a list of dates or the base of a rate;
        ``counts`` when it counts a noun ("the last 15 games" is a count), ``measured``
        when a currency or unit is written with it ("the top 1%" is a share),
        ``verb_before`` when the word before it is a verb or the number opens a vote tally
        (a label noun is no label then)."""
        before = text[max(0, start - 25) : start]
        if (self.labels.search(before) and not verb_before) or self.per.search(before):
            return True  # "block 3"; not "to block three state laws"
        if not measured and (self.ranks.search(before)
                             or (not counts and self.uncounted_ranks.search(before))):
            return True
        if _IDENTIFIER.fullmatch(number) or _ATTRIBUTE.search(before):
            return True
        if any(m.start() <= start and end <= m.end()
               for m in self.idioms.finditer(text, max(0, start - 20), end + 20)):
            return True  # "at one point", "on the one hand"
        if _LIST_MARKER.search(before) and text[end : end + 2].startswith(") "):
            return True
        return bool(self.date_list.match(text, end) or self.address.match(text, end))


def capitalised_in_a_name(sentence: str, offset: int, number: str, unit_word: str | None
                          ) -> bool:
    """A capitalised number word inside a sentence ("Six Nations", "on Five television",
    "BBC Three controller"), or digits before a capitalised unit word ("50 Cent", "2000
    Millennium"), where the sentence is no title-case headline. ``offset`` is the
    number's start in ``sentence``, ``unit_word`` the unit word after it as written."""
    before = sentence[:offset].rstrip()
    opening = before[-1:] in ("\"", "'") and not before[-2:-1].isalnum()
    if not before or opening or before[-1] in "“‘(:;.!?-–":
        return False  # a sentence's or a quote's first word: "Three people died"
    if _title_case(sentence):
        return False
    if number[:1].isalpha():
        return number[0].isupper()
    return unit_word is not None and len(unit_word) > 1 and unit_word[0].isupper() \
        and unit_word[1:].islower()


def digit_before_a_name(sentence: str, offset: int, number: str, next_word: str | None
                        ) -> bool:
    """A single digit before a capitalised singular word inside a sentence is part of a
    name ("6 Music listeners", "5 Live"): news writes counts under ten in words ("three
    Test matches"), so a digit there counts nothing; not in a title-case headline, nor
    before a plural ("3 Oscars")."""
    if len(number) != 1 or not number.isdigit() or number == "0" or not next_word:
        return False
    if not (next_word[0].isupper() and next_word[1:].islower()) or next_word.endswith("s"):
        return False
    return bool(sentence[:offset].strip()) and not _title_case(sentence)


def _title_case(sentence: str) -> bool:
    words = [w for w in _WORD.findall(sentence) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > _TITLE_CASE_SHARE
