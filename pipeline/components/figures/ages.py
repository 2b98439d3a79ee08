"""Ages: a bare whole number that says how old someone is is a figure in years.

"aged 64", "at the age of 70", "as young as 12", "17 and older", "voters under 30", a
number set off by commas after a person's name ("Jones, 31, said") and one a person is
said to be ("I was 18 when", "when they're 55,"); a range's high end goes with its low end
("aged 30 to 40", "aged between 15 and 34"). A unit written after the number wins
("children aged 5 to 17 months" are months). "the 19-year-old" is read by the hyphen rule
of the component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.components.figures.numbers import alternation, value, word_number_pattern

_RANGE_LOW = r"(?:\d+\s*(?:to|-|–|and|or)\s*)?"  # "aged 30 to " before the high end
_OTHER_UNIT = re.compile(r"\s*(?:(?:to|-|–|and|or)\s*\d+\s*)?(?:months?|weeks?|days?)\b",
                         re.IGNORECASE)
_APPOSITION_END = frozenset({",", ".", ")", ";", "!", "?", "—", "―", "–"})
_PERSONAL_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they"})
_BE_CONTRACTED = frozenset({"'re", "’re", "'m", "’m", "'s", "’s"})  # lemmas the tagger leaves
_AFTER_A_STATED_AGE = _APPOSITION_END | {"when", "then", "and", "or", "for", "now", "at", "'", "\"",
                                          "”", "’"}


@dataclass(frozen=True)
class Ages:
    before: re.Pattern[str]  # "aged ", "at the age of " (and a range's low end) before it
    after: re.Pattern[str]  # " years old", " and older" after it
    bounded_group: re.Pattern[str]  # "voters under ", "people are over " before it
    up_to: int
    group: re.Pattern[str]  # "under-13s", "the over-65s": an age group, itself a bound
    group_bounds: dict[str, str]  # "under" -> "<"
    persons: frozenset[str]  # "a girl is 10", "the plaintiffs were at least 15"

    @classmethod
    def from_data(cls, data: dict) -> Ages:
        return cls(
            before=re.compile(rf"(?:^|\W)(?:{alternation(data['before'])})\s+{_RANGE_LOW}$",
                              re.IGNORECASE),
            after=re.compile(rf"\s+(?:{alternation(data['after'])})\b", re.IGNORECASE),
            bounded_group=re.compile(
                rf"\b(?:{alternation(data['groups_bounded'])})\s+(?:(?:are|were)\s+)?"
                r"(?:under|over|below|above)\s+$", re.IGNORECASE),  # "where people are over 80"
            up_to=data["up_to"],
            group=re.compile(  # lower case: "the Under-21s" is a team
                rf"\b(?P<bound>{alternation(data['group_bounds'])})[-\s]"
                rf"(?P<num>\d{{1,3}}|(?i:{word_number_pattern()}))e?s\b"),
            group_bounds=data["group_bounds"],
            persons=frozenset(data["persons"]),
        )

    def groups(self, text: str) -> list[tuple[re.Match[str], float]]:
        """The age groups of a text and their ages ("under-13s" -> 13); not "turned over
        thousands", whose number is no age."""
        found = ((m, value(m.group("num"))) for m in self.group.finditer(text))
        return [(m, age) for m, age in found
                if age is not None and age.is_integer() and 0 < age <= self.up_to]

    def is_age(self, text: str, start: int, end: int, value: float, tokens: Span | None
               ) -> bool:
        """Whether the bare number at ``text[start:end]`` (tokens ``tokens``) is an age."""
        if not value.is_integer() or not 0 < value <= self.up_to or _OTHER_UNIT.match(text, end):
            return False
        if self.before.search(text, max(0, start - 30), start) or self.after.match(text, end) \
                or self.bounded_group.search(text, max(0, start - 30), start):
            return True  # "aged 64", "64 years old", "voters under 30"
        return tokens is not None and (_after_a_name(tokens)
                                       or _said_of_a_person(tokens, self.persons))


def denied(tokens: Span, persons: frozenset[str]) -> bool:
    """"I'm not 10", "she isn't 40", "the girl is not 10": a bare number a person is said
    not to be denies an age (often in jest) and states no figure; ``persons`` as for
    :meth:`Ages.is_age`."""
    return _said_of_a_person(tokens, persons) \
        and any(c.dep_ == "neg" for c in tokens[0].head.children)


def _after_a_name(tokens: Span) -> bool:
    """"Williams, 29, offers", "the Wales star, 30, with": the number alone between commas
    in apposition to a singular noun or name."""
    doc = tokens.doc
    first, last = tokens.start, tokens.end
    if len(tokens) != 1 or first < 2 or doc[first - 1].text != ",":
        return False
    number, name = tokens[0], doc[first - 2]
    following = doc[last].text if last < len(doc) else "."
    return following in _APPOSITION_END and number.dep_ == "appos" \
        and number.head.tag_ in ("NN", "NNP") and number.head.is_alpha \
        and name.pos_ in ("PROPN", "NOUN") and name.is_alpha


def _said_of_a_person(tokens: Span, persons: frozenset[str]) -> bool:
    """"I was 18 when", "when they're 55,", "Hingis was 22 when", "when a girl is 10 or
    11": a bare number that a personal pronoun, a name or a noun of ``persons`` is said
    to be (the numbers joined to it too), with nothing after it that it could count or
    measure ("they were 12 in total" is no age)."""
    if len(tokens) != 1:
        return False
    number, doc = tokens[0], tokens.doc
    following = doc[tokens.end].lower_ if tokens.end < len(doc) else "."
    while number.dep_ == "conj" and number.head.like_num and number.head.i < number.i:
        number = number.head  # the "11" of "is 10 or 11"
    return number.dep_ in ("attr", "acomp") and (number.head.lemma_ == "be"
                                                  or number.head.lower_ in _BE_CONTRACTED) \
        and following in _AFTER_A_STATED_AGE \
        and any(c.dep_ == "nsubj" and (c.lower_ in _PERSONAL_PRONOUNS or c.pos_ == "PROPN"
                                       or c.lemma_.lower() in persons)
                for c in number.head.children)
