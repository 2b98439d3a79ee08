"""The figures component: money, percentages, counts and quantities, normalised.

The surface pattern (:mod:`grammar`, with units and currencies from :mod:`units`) finds
numbers in digits or words with their currency, scale and unit; ambiguous abbreviations
are read from their context (:mod:`senses`); the dependency parse (:mod:`context`) adds
what a pattern cannot see: the counted noun, the governing verb (predicate, and "rose by"
-> up), the owner (subject) and what is measured (target). Years, dates, times, ranks,
labels, names and list numbering are dropped (:mod:`nonfigures`); ages are years
(:mod:`ages`); neighbours combine (:mod:`joins`) and take their time (:mod:`time`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.metadata import version

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.annotations import Figure
from pipeline.components import once
from pipeline.components.figures import ages, context, numbers, owners, senses
from pipeline.components.figures import time as timex
from pipeline.components.figures.grammar import FigureGrammar
from pipeline.components.figures.joins import (
    inherit_units,
    join_compounds,
    join_ranges,
    join_subunits,
    join_tallies,
    relink_conversions,
    share_comparatives,
)
from pipeline.components.figures.nonfigures import capitalised_in_a_name, digit_before_a_name
from pipeline.components.guard import never_raises

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# "1 in 5", "three out of four", "one of every nine"
_OUT_OF = re.compile(rf"\s+(?:in|out\s+of|of(?=\s+every\b))\s+(?:every\s+)?"
                     rf"(\d+|{numbers.word_number_pattern()})\b"
                     r"(?!\s*(?:%|per ?cent))", re.IGNORECASE)
_OF = re.compile(r"\s+(?:of|the|their|its|his|her|our|those|these)\s")  # "half their value"
_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|final)\s+$", re.IGNORECASE)
# "+44 20 7946 0000", "212-555-0100", a national number with a trunk 0 in groups ("0845 8
# 505 505", "0800 555 111", "020 7946 0000")
_PHONE = re.compile(r"\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,}|\b(?:1-)?\d{3}-\d{3}-\d{4}\b"
                    r"|\b0\d{2,4}(?: \d{1,4}){1,3}\b(?![,.]?\d)")
# "a month" after the counted noun or "of" and a few words ("barrels of fuel oil a month");
# not "a year earlier"
_OF_WORDS = r"(?:\s+of\s+[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)?"
_PER = re.compile(rf"{_OF_WORDS}\s+(per\s+|an?\s+|each\s+|every\s+)([a-z\-]+)"
                  r"(?!\s+(?:earlier|ago|later|before)\b)")
_PER_ADVERB = re.compile(rf"{_OF_WORDS}\s+([a-z]+ly)\b")  # "annually"
_DOTTED = re.compile(r"\.\d")
_FUNCTION_WORDS = frozenset({"the", "a", "an", "cent", "capita", "each", "every"})
_MODEL_BEFORE = re.compile(r"(?:No\.|#|(?:[A-Z][a-z]*|[a-z]+)[A-Z]\w*|[A-Z]\w*\s\d+[-–])\s?$")
# "Windows 95, 98": a number listed after a name's number names a model too
_MODEL_LIST_BEFORE = re.compile(r"\b[A-Z][a-z]+\s\d{1,4}(?:,\s?\d{1,4})*,\s?$")
_OPEN_BRACKETS = re.compile(r"[()]")
_MODEL_AFTER = re.compile(r"\s[A-Z]{2,}\s+\d")
_SLASHED = re.compile(r"(?:(\d+)\s+)?(\d+)\s?/\s?(\d+)")
_PER_CURRENCY = re.compile(r"\s+(?:per|to the|against the|a)\s+([A-Za-z]+)\b")
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w-]* $")
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")


def _amount(unit: str | None) -> bool:
    """Money (an ISO 4217 code) or a percentage: an owner deeper in the parse is looked
    for, and an article before it reads as an approximation."""
    return unit is not None and (unit in ("%", "pp") or _CURRENCY_CODE.fullmatch(unit) is not None)

_OF_WORD = re.compile(r"\s+of\s+([A-Za-z]+)")
_POINT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
_RACE_TIME = re.compile(r"\d{0,2}\.\d\d")
_RANGE_TAIL = re.compile(rf"\s*(?:to|or|and|-|–)\s*(?:\d+|{numbers.word_number_pattern()})\s+"
                         r"([A-Za-z]+)", re.IGNORECASE)
_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_CAPITALISED_NEXT = re.compile(r"\s+[A-Z][a-z]")
_NAME_WORD = re.compile(r"[A-Z][a-z]+")
_RESTATED_PERCENT = re.compile(r",\s+(?:or\s+)?\d[\d.]*\s*(?:%|percent\b|per\s+cent\b)",
                               re.IGNORECASE)
_CUT_GROUP = re.compile(r",\d{3}")
_TO_NUMBER = re.compile(r"[-–]to[-–]\d")
_PLUS_OR = re.compile(r"\bplus\s+or\s+$|±\s*$", re.IGNORECASE)
_ARTICLE_END = re.compile(r"\s(?:a|an)\s+$")
_SIGN_REACH = 80  # characters either side of a currency sign that may name its country
_DETERMINER_END = re.compile(r"\b(?:the|this|these|those|its|their|his|her|our|my|your)\s+$")
_SHARE_ROLES = frozenset({"nsubj", "nsubjpass", "pobj", "dobj"})
_OF_A_UNIT = re.compile(r"\s+of\s+an?\s+([a-z]+)")
_BRACKET_REST = re.compile(r"\s*(?:[;,/]\s*[^()]{0,40})?\)")
_LIST_GAP = re.compile(r"\s*[;,/]\s*")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$|^(?:a|an)\s", re.IGNORECASE)
_PLUS = re.compile(r"\w(?:-|\s+)plus\b")  # "2 million-plus people", "5,000 plus jobs"
_SUM_AFTER = re.compile(rf"\s+(?:\d|{numbers.word_number_pattern()})", re.IGNORECASE)  # "3 plus 4"
_NUMBER_BEFORE = re.compile(rf"(?:\d|\b{numbers.word_number_pattern()})\s+$", re.IGNORECASE)
_FOLLOWING_WORDS = re.compile(r"(?: [A-Za-z][\w-]*){1,3}")
_THE_BEFORE = re.compile(r"\s+the\s+$")
_ELIDED_COUNT_FROM = 100  # smaller bare numbers are as often ranks, scores or ages
_YEAR = re.compile(numbers.YEAR)
_TALLY_NEXT = re.compile(r"(?:\s+to\s+|-|–|-to-)\d")
_GROUP_BEFORE = re.compile(r"\b([A-Za-z]+?)s?\s+(?:of\s+)?$")
_ANOTHER = re.compile(r"\b(?:another|a further|an additional|an extra)\s+$", re.IGNORECASE)
_LEFT = re.compile(r"\s+(?:left|to\s+play)\b")  # "three minutes left", "... to play"
_ODDS_BEFORE = re.compile(r"\bodds\s+(?:of\s+)?$", re.IGNORECASE)  # "odds of 4-1": a ratio
_ODDS_AFTER = re.compile(r"\s*[-/]\s*\d")
_RATIO_TO_ONE = re.compile(r"\s*(?:to|-to-|:)\s*1(?!\d|[.,]\d|\s*(?:%|per))")  # "4 to 1."
_TIMES_AFTER = re.compile(r"\s+times\s+([a-z]+)", re.IGNORECASE)
_DAY_BEFORE_A_YEAR = re.compile(rf",\s+(?:{numbers.YEAR})\b")  # the "11" of "Sept. 11, 2012"
_RATIO_FROM = re.compile(r"\d\s*(?:to|-to-|:)\s*$")
_DAY_SPLIT_OFF = re.compile(r",\s+[a-z]")
_PERIOD_DETERMINER = re.compile(r"\s+the\s+(?:next|past|last|coming|first)\s+$")
_NEGATION = re.compile(r"(?:(?:\bnot|n't|n’t|\bcannot|\bnever)\s+(?:[a-z]+\s+)?"
                       r"|\bno\s+(?:(?!(?:doubt|it|he|she|they|we|you|i|this|that|there)\s)"
                       r"[a-z-]+\s+){1,3}(?:can|could|may|must|shall|should|will|"
                       r"would)\s+(?:be\s+)?)$")  # "no listed company can be more than 80%"
_BOUNDS = frozenset({">", "<", ">=", "<=", "~"})
_NEGATED = {">": "<=", "<": ">="}  # "not more than" is at most, "not less than" at least
_NEEDED_AFTER = re.compile(r"\s+(?:(?:that|which)\s+(?:will\s+be|would\s+be|are|is)\s+)?"
                           r"(?:needed|required|necessary)\b")
_INCHES_AFTER = re.compile(r"-(\d{1,2})(?!\d|[.,]\d|-)")  # the "-11" of "5-foot-11"
_ODD_SCALE = re.compile(r"-(?:some|odd)(?:\s+(hundred|thousand|million|billion))?\b",
                        re.IGNORECASE)  # "40-odd calls", "30-some thousand": more than
# "less than the catalogue price of ", "close to the ", "at least the first ", "an estimated
# worth of ": a bound on the figure the phrase names
_THE_GAP = re.compile(r"(?:(?<=than|..to)|(?<=at\sleast)|(?<=at\smost))"
                      r"\s+the\s+(?:[a-z][\w'’-]*\s+){0,3}?(?:of\s+)?$"
                      r"|(?<=estimated)\s+(?:[a-z][\w'’-]*\s+){1,2}?of\s+$")
# "under the age of 21", "voters under age 45": a bound on an age
_AGE_GAP = re.compile(r"\s+(?:the\s+ages?\s+of|age)\s+$")
# "It takes 2,383 delegates to win": a threshold
_TAKES_BEFORE = re.compile(r"\bit\s+(?:takes|took|will\s+take)\s+$", re.IGNORECASE)
_TO_AFTER = re.compile(r"\s+to\s+[a-z]")
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)  # "banned for two weeks after"
_ELIDED_CENTURY = re.compile(r"(?:^|[^\w'‘’])['‘’]$")


def _ranked(tokens: Span) -> bool:
    """The number follows the possessive of a place: "the world's 500 largest companies"
    is a rank; "New Labour's two most powerful figures" a count."""
    doc = tokens.doc
    if tokens.start < 2 or doc[tokens.start - 1].tag_ != "POS":
        return False
    owner = doc[tokens.start - 2]
    return owner.lower_ == "world" or owner.ent_type_ in ("GPE", "LOC")


def _superlative_rank(tokens: Span, noun: Token) -> bool:
    """A number between "the" or a possessive and a superlative ranks its noun: "its 10
    largest shareholders", "the state's three largest counties", "His three eldest
    children", "The two most consequential votes"; after a possessive, "most" is a
    description ("the party's two most recent nominees", "New Labour's two most powerful
    figures" count)."""
    doc = tokens.doc
    if tokens.start == 0 or tokens.end >= noun.i:
        return False
    before, after = doc[tokens.start - 1], doc[tokens.end]
    if before.lower_ == "the":
        return after.tag_ == "JJS" or (after.tag_ == "RBS" and after.lower_ in ("most", "least"))
    return before.tag_ in ("PRP$", "POS") and after.tag_ == "JJS"


def _first_following(text: str, end: int) -> str | None:
    """The word right after ``end``, lower-cased."""
    following = _FOLLOWING_WORDS.match(text, end)
    return following.group(0).split()[0].lower() if following else None
_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z][\w'-]*)")
# "10-year", "15-year-old(s)", tokenised "62,000 - seat"; not the "to" of "18- to
# 24-year-olds", nor a dash before a word of a clause ("2004 - in particular")
_HYPHEN_NEXT = re.compile(r"-([A-Za-z]+)")  # the "mile" of "square-mile"
_HYPHEN_WORD = re.compile(r" ?- ?(?!(?:to|and|or|in|on|at|of|for|the|a|an|but|with|as|by|from)\b)"
                          r"([A-Za-z]+)( ?- ?olds?)?")
# the hundredths of "thirteen dollars forty five", "one dollar and two": number words that
# end the clause or run on with "and"
_HUNDREDTHS = re.compile(rf"(?:\s+and)?\s+({numbers.word_number_pattern()})"
                         r"(?=\s*(?:[.,;:!?)]|$)|\s+and\b)", re.IGNORECASE)


@dataclass(frozen=True)
class _Reading:
    """What the pattern matched once ambiguous abbreviations are read: the scale that
    applies, the unit word after the number, the unit a reading names (None: decide from
    the word or the context) and where the surface ends."""

    scale: str | None
    post: str | None
    unit: str | None
    end: int


class FigureExtractor:
    """Sets ``doc._.nc_figures``: a list of :class:`Figure`, in text order."""

    def __init__(self, nlp: Language, name: str, *, published_attr: str = "nc_published") -> None:
        self.name = name
        self.published_attr = published_attr
        self._grammar: FigureGrammar | None = None
        for attr in ("nc_figures", published_attr):
            if not Doc.has_extension(attr):
                Doc.set_extension(attr, default=None)

    @property
    def artifact_fingerprint(self) -> str:
        """The libraries the unit and currency tables are built from: a new pint or Babel
        (CLDR) release may change them, so it changes the pipeline fingerprint."""
        return "+".join(f"{name}-{version(name)}" for name in ("pint", "babel"))

    def __getstate__(self) -> dict:
        """A worker rebuilds the tables itself: they do not travel with the component."""
        return {**self.__dict__, "_grammar": None}

    @property
    def grammar(self) -> FigureGrammar:
        """The pattern and tables, built on first use in the process that runs the
        component (the unit registry takes a second to build)."""
        if self._grammar is None:
            self._grammar = _grammar()
        return self._grammar

    @never_raises
    def __call__(self, doc: Doc) -> Doc:
        figures: list[Figure] = []
        text = once.text(doc)
        urls = [m.span() for pattern in (_URL, _PHONE) for m in pattern.finditer(text)]
        sents = list(doc.sents)
        starts = [s.start_char for s in sents]
        dates: list[list[Span]] = [[] for _ in sents]  # Span.ents scans the whole doc
        for ent in doc.ents:
            if ent.label_ == "DATE":
                dates[bisect.bisect_right(starts, ent.start_char) - 1].append(ent)
        first_in_sentence, current = 0, -1
        groups = self.grammar.ages.groups(text)  # "under-13s", "over 65s"
        # over the whole text, not per sentence: tokenised "6 . 2 %" spans a sentence break
        for match in self.grammar.pattern.finditer(text):
            while groups and groups[0][0].start() < match.start():
                figures.append(self._age_group(doc, starts, dates, groups.pop(0)))
            if any(s <= match.start() < e for s, e in urls) or (
                figures and match.start() < figures[-1].span[1]
            ):  # the "5" of "1 in 5" is inside its share
                continue
            index = bisect.bisect_right(starts, match.start()) - 1
            if index != current:
                first_in_sentence, current = len(figures), index
            figure = self._figure(doc, text, sents[index], dates[index], match, figures,
                                  first_in_sentence)
            if figure is not None:
                figures.append(figure)
        figures += [self._age_group(doc, starts, dates, group) for group in groups]
        joined = join_compounds(text, join_subunits(text, figures, self.grammar.subunits),
                                self.grammar)
        joined = join_tallies(text, joined, self.grammar)
        joined = inherit_units(text, join_ranges(text, joined, self.grammar), self.grammar)
        joined = share_comparatives(text, joined, self.grammar)
        figures = relink_conversions(figures, joined)
        figures = [self._elided_count(doc, sents, starts, f) for f in figures]
        doc._.nc_figures = timex.carry_over(doc, text, figures)
        return doc

    def _elided_count(self, doc: Doc, sents: list[Span], starts: list[int], figure: Figure
                      ) -> Figure:
        """A large whole count that nothing else gave a unit counts the last plural noun
        before it in its sentence ("compact cars, with sales jumping to 136,000" -> car;
        "104,000 workers axed ..., pushing employment to 3.24 million" -> worker), or is in
        the currency that noun names ("at 372 riyals ... after topping 400" -> SAR)."""
        if figure.unit is not None or figure.value < _ELIDED_COUNT_FROM \
                or not figure.value.is_integer():
            return figure
        tokens = doc.char_span(*figure.span, alignment_mode="expand")
        sent = sents[bisect.bisect_right(starts, figure.span[0]) - 1]
        earlier = context.earlier_plural(sent, tokens, self.grammar) if tokens else None
        if earlier is None:
            return figure
        unit = self.grammar.currency_word(earlier.text, sent.text) \
            or context.count_unit(context.phrase_start(earlier), earlier, self.grammar)
        return dataclasses.replace(figure, unit=unit)

    def _age_group(self, doc: Doc, starts: list[int], dates: list[list[Span]],
                   group: tuple[re.Match[str], float]) -> Figure:
        """An age group named by its bound ("unsuitable for under-13s", "the over-65s"): the
        pattern reads no number glued to a word by a hyphen, and "65s" is no count."""
        match, age = group
        start, end = match.span()
        index = bisect.bisect_right(starts, start) - 1
        return Figure(
            span=(start, end), value=age, unit="year",
            modifier=self.grammar.ages.group_bounds[match.group("bound")],
            time=timex.time_of(dates[index], start, getattr(doc._, self.published_attr)),
            subject=None, subject_span=None, predicate=None, predicate_span=None, target=None,
            conversion_of=None, confidence=0.7)

    # -- one candidate ---------------------------------------------------------------

    def _figure(
        self, doc: Doc, text: str, sent: Span, dates: list[Span], match: re.Match[str],
        done: list[Figure], first: int,
    ) -> Figure | None:
        g = self.grammar
        cur, number, pre = match.group("cur"), match.group("num"), match.group("pre")
        reading = self._read(text, sent, match)
        if reading is None:
            return None
        scale, post, end = reading.scale, reading.post, reading.end
        written = bool(post or reading.unit)  # a unit written after the number
        start = match.start() if cur or pre else match.start("neg" if match.group("neg") else "num")
        is_words = not number[0].isdigit() and not number.startswith(".")
        over = None if cur or scale or written or pre else g.over.match(text, match.end("num"))
        if over:  # "one over three", "2000 over 3"
            number, end = text[match.start("num") : over.end()], over.end()
        value = numbers.value(number)
        if value is None:
            return None
        if post and value >= 1 and " of " in text[match.end("num") : match.start("post")]:
            return None  # "a quarter of a percentage point" is a figure, "one of a kind" none
        if _DOTTED.match(text, match.end()):
            return None  # "192.168.1.2", "version 1.2.3": codes, not quantities
        if _CUT_GROUP.match(text, match.end("num")):
            return None  # "30,000e-mails" read as 30: a number cut inside its thousands
            # (a word glued to it); no figure rather than a wrong value
        odd = _ODD_SCALE.match(text, match.end("num")) if not (cur or pre or scale or written) \
            else None
        if odd is not None:  # "30-some thousand", "40-odd million": more than the round amount
            scaled = g.scale_factor(odd.group(1).lower()) if odd.group(1) else 1.0
            value, end = value * scaled, odd.end()
        hyphen = _HYPHEN_WORD.match(text, match.end("num")) \
            if not (scale or written or odd) else None
        if hyphen and hyphen.group(0).startswith(" ") and (
            _YEAR.fullmatch(number) or not self._spaced_compound(doc, hyphen)
        ):  # "from 1642 - lists of": a year before a dash
            hyphen = None  # "2004 - pushing employment": a dash before a clause
        if hyphen and hyphen.group(1).lower() in g.hyphen_name_words:
            return None  # ".45-caliber", "18-rated", "two-time": a name or a rating
        if hyphen and not is_words and _NAME_WORD.fullmatch(hyphen.group(1)) \
                and not g.unit_word(hyphen.group(1)) \
                and not _CAPITALISED_BEFORE.search(text, max(0, start - 30), start):
            return None  # "its 3-Series saloon": a model's name; not a headline's "10-Year"
        if hyphen and is_words and not (g.unit_word(hyphen.group(1))
                                        or g.units.currency(hyphen.group(1))
                                        or (value >= 2 and self._noun_at(doc, hyphen))):
            return None  # "zero-coupon", "one-time": adjectives; "four-piece" counts pieces
        hyphenated = (hyphen.group(1), hyphen.end()) if hyphen else (
            (post, match.end()) if post and text[match.start("post") - 1] == "-" else None
        )
        if hyphenated and not (hyphen and hyphen.group(2)) \
                and self._names_a_thing(text, value, *hyphenated):
            return None  # but "the 19-year-old" is an age
        if hyphen and is_words and value < 1 and not _ARTICLE_BEFORE.search(text, 0, start) \
                and not _ARTICLE_BEFORE.match(number + " "):
            return None  # "its half-year sales": a period's name; "a half-hour show" lasts
        bare = not (cur or scale or written or hyphen or pre)
        # "repealed the rule 234 to 175, and the Senate 51 to 47": a tally, no label or name
        tally = bare and bool(_TALLY_NEXT.match(text, match.end())
                              and g.vote_cues.search(sent.text))
        if bare and not is_words and (self._not_a_figure(text, sent, match, number) and not (
            tally and not _YEAR.fullmatch(number)
        )):
            return None
        tokens = doc.char_span(start, end, alignment_mode="expand")
        anchor = tokens.root if tokens is not None else None
        noun = context.counted_noun(tokens) if tokens is not None else None
        if noun is not None and _TO_NUMBER.match(text, match.end()):
            noun = None  # "decided by 5-to-4 votes": the 4 counts the votes, a tally
        if noun is not None and (noun.lower_ in g.pronoun_nouns
                                 or g.threshold_after.match(" " + noun.text)):
            noun = None  # "one or two others" stand for a noun; "the 5,000 level" is one
        group = self._group(text, start) if not (cur or written or hyphen or pre) else None
        if group is not None and noun is not None and not (
            noun.i >= tokens.end and doc[tokens.end].pos_ in ("NOUN", "PROPN", "ADJ")
        ):
            noun = None  # "crowds 15,000 strong", "the crowd of about 2,600 waved signs"
        if noun is not None and bare and context.names_an_item(noun):
            return None
        if g.vague(number) and group is None \
                and not self._vague_amount(text, match, tokens, noun):
            return None  # but "a crowd of several hundred" is an amount
        if self._no_quantity(text, sent, match, tokens, noun, measured=bool(cur or written),
                             tally=tally):
            return None
        if bare and noun is None and tokens is not None and ages.denied(tokens, g.ages.persons):
            return None  # "I'm not 10": a denied age
        of_unit = _OF_A_UNIT.match(text, match.end("num")) if bare and value < 1 else None
        if of_unit is not None and not g.unit_word(of_unit.group(1)):
            of_unit = None
        share = self._share(text, match, number, value, tokens) \
            if bare and of_unit is None else None
        if share is None and bare and is_words and tokens is not None \
                and self._ordinal_before(number, tokens):
            return None  # "a third source", "a fifth season": ranks, not amounts
        if share is None and bare and is_words and (
            self._pronoun_like(text, sent, number, value, noun, match, tokens)
            or (noun is None and self._in_a_name(text, sent, match))
        ):
            return None
        if share is not None:  # "a third of adults", "1 in 5 workers": a percentage
            value, end = share
            unit: str | None = "%"
        elif of_unit is not None:  # "one hundredth of a second" is 0.01 second
            unit, end = g.unit_word(of_unit.group(1)), of_unit.end()
        elif group is not None and noun is None:  # "a crowd of 8,000" counts people
            unit = group
        else:
            unit, end = self._unit(text, sent, match, reading, hyphen, tokens, noun, end)
            if is_words and value < 1 and unit in g.period_units \
                    and self._ordinal_word(number) \
                    and text[match.end("num") : end].strip().lower() == unit:
                return None  # "for a sixth month", "a third week": ranks of a period
        if unit == "point":  # a poll lead in points is in percentage points
            unit = g.senses["point"].reading(sent.text, wider=once.text(doc))
        if pre and unit == "%" and noun is not None:
            return None  # "percent of 10 banks": no share is written this way
        if unit in g.hundredths_currencies and not scale and value.is_integer():
            value, end = self._hundredths(text, value, end)
        if unit in g.period_units and not (bare and noun is None) \
                and not text[start:end].lower().endswith("old") \
                and not _ANOTHER.search(text, max(0, start - 20), start) \
                and not (self._after_for(text, start) and g.relative_time.match(text, end)) \
                and (self._relative_time(doc, text, end) or self._match_time_left(
                    sent, unit, text, end)
                    or g.relative_time_before.search(text, max(0, start - 20), start) or (
            not hyphen and _first_following(text, end) in g.period_name_nouns
        )):
            return None  # "two weeks earlier", "a decade ago", "go back six months", "a
            # two-and-a-half year high"; but "it took another 10 years before" and "suspended
            # for two weeks after" are amounts of time, and "will turn 18 before the vote" and
            # "The 47-year-old later returned" ages
        if unit is None and bare and self._before_a_relative_time(text, end):
            return None  # the "two" of "two to three weeks before he is back"
        if unit == "century" and value < 1:  # "a quarter-century" is 25 years, not 0.25 century
            value, unit = value * 100, "year"
        inches = _INCHES_AFTER.match(text, end) if unit == "foot" and hyphenated else None
        if inches is not None and int(inches.group(1)) < 12:  # "5-foot-11": one height
            value, unit, end = value * 12 + int(inches.group(1)), "inch", inches.end()
        counts = noun is not None and share is None and not (cur or written or hyphen)
        if counts and not scale and _POINT_THOUSANDS.fullmatch(number):
            value *= 1000  # "136.069 units": a point groups thousands; no count has decimals
        factor = Decimal(str(g.scale_factor(scale)))
        # Decimal keeps 8.54 trillion at 8.54e12 instead of 8539999999999.999
        negative = (match.group("neg") or match.group("cursign")) and not _PLUS_OR.search(
            text, max(0, match.start() - 12), match.start())  # "minus 5%", "-€135"; but
        # "plus or minus 5.7 points" is a margin of 5.7
        value = float(Decimal(str(value)) * factor) * (-1 if negative else 1)
        conversion_of = self._converts(text, start, end, done[first:], len(done))
        if conversion_of is not None and cur and unit == done[conversion_of].unit \
                and unit != g.units.sign(cur):
            unit = g.units.sign(cur)  # "7.4bn Australian dollars ($5.8bn)" converts to USD
        verb = context.governing_verb(anchor) if anchor is not None else None
        converted = done[conversion_of] if conversion_of is not None else None
        if converted is not None and converted.subject is not None:
            # "sales of $32bn (£16.7bn)": the bracketed conversion is the same amount,
            # so it is whose the amount it converts is (as it takes its target)
            owned = owners.Owner(converted.subject, converted.subject_span)
        else:
            owned = owners.owner(tokens, verb, getattr(doc._, "nc_entities", None) or [],
                                 noun if counts else None, _amount(unit)
                                 ) if tokens is not None else None
        modifier = self._modifier(text, start, end, tokens, noun if counts else None, unit,
                                  done, conversion_of, vague=g.vague(number) or odd is not None)
        return Figure(
            span=(start, end),
            value=value,
            unit=unit,
            modifier=modifier,
            time=timex.time_of(dates, start, getattr(doc._, self.published_attr), tokens),
            subject=owned.name if owned is not None else None,
            subject_span=owned.span if owned is not None else None,
            predicate=verb.lemma_.lower() if verb is not None else None,
            predicate_span=(verb.idx, verb.idx + len(verb.text)) if verb is not None else None,
            target=(
                converted.target
                if converted is not None
                else self._target(tokens, verb, noun, modifier, unit)
            ),
            conversion_of=conversion_of,
            confidence=0.9 if (cur or written) else 0.7 if (scale or noun) else 0.5,
        )

    def _read(self, text: str, sent: Span, match: re.Match[str]) -> _Reading | None:
        """Reads what the pattern matched where it is ambiguous; None when it is no figure.
        One-letter units and "in" count only written against the number ("500g", "17in";
        not "5 in 10"); "m" and "k" without a currency are a scale or a unit by their
        context ("$5m", "5m people"; "the 400m final", "a 5k run"), and so are "p", "pc",
        "g" after a number ("95p", "1080p", "5G"); a sign that stands for one lost in
        scraping needs a number no product name has ("PS4.5m", not "PS2")."""
        g = self.grammar
        cur, scale, post = match.group("cur"), match.group("scale"), match.group("post")
        number, end = match.group("num"), match.end()
        lettered = post is not None and len(post) == 1 and post.isascii() and post.isalpha()
        if lettered and post not in g.one_letter_units:
            return None  # "5G", "10G": a name
        if post and (lettered or post.lower() in g.units.glued) \
                and match.start("post") != match.end("scale" if scale else "num"):
            post, end = None, match.end("scale" if scale else "num")
        if cur and not (scale or re.search(r"[.,]", number)) and (
            cur.lower() in g.units.scraped_signs or (
                cur in g.units.codes and match.start("num") == match.end("cur")
                and (numbers.value(number) or 0) < 100)
        ):
            return None  # "PS2", "COP29": names; "PS4.5m", "USD115" money
        window = sent.text
        after = _NEXT_WORD.match(text, end)
        after_word = after.group(1) if after else ""
        value = numbers.value(number) or 0.0
        if scale and not cur and scale.lower() in g.senses:
            meaning = g.senses[scale.lower()].reading(window, after_word, value,
                                                      text[end : end + 30])
            if meaning == senses.NONE:
                return None
            if meaning.lower() not in g.scales:  # "the 400m final": metres
                return _Reading(scale=None, post=None, unit=meaning, end=match.end("scale"))
            if scale.lower() in g.short_scales and match.start("scale") != match.end("num"):
                return None  # "5 m" is metres or noise, "5m" or "$5 m" is millions
        unit = None
        if post and post.lower() in g.senses:
            unit = g.post_unit(post, window, value, article=text if scale else "")
            # only a scaled amount: "100 trillion won" is money, "5 won seats" is no figure
            if unit == senses.NONE:
                return None
        return _Reading(scale=scale, post=post, unit=unit, end=end)

    def _no_quantity(
        self, text: str, sent: Span, match: re.Match[str], tokens: Span | None,
        noun: Token | None, *, measured: bool, tally: bool = False,
    ) -> bool:
        """Ranks, labels, identifiers, list markers, days in a list of dates, bases of a
        rate, names ("Six Nations", "50 Cent"), ranks in a place ("the world's 500
        largest companies") and multipliers ("four times more likely")."""
        g = self.grammar
        number = match.group("num")
        start, end = match.start("num"), match.end("num")
        # "the last five or six years": a range's low end counts what its high end does
        counts = noun is not None or (
            tokens is not None and context.range_low(tokens, g.pronoun_nouns))
        previous = tokens.doc[tokens.start - 1] if tokens is not None and tokens.start else None
        if g.nonfigures.excluded(text, start, end, number, counts=counts, measured=measured,
                                 verb_before=tally or (previous is not None
                                                       and previous.pos_ == "VERB")):
            return True
        if self.grammar.age_group.match(text, end):
            return True  # "the six to eights prize", "five to sevens": a name of an age group
        following = _NEXT_WORD.match(text, end)
        word = following.group(1) if following else None
        if word and self._capitalised_unit_word(word) \
                and _CAPITALISED_NEXT.match(text, following.end()):
            return True  # "8 Rand Paul": a name
        if word and word.lower() in ("minute", "minutes") and (
            g.match_minute.search(text, max(0, start - 10), start)
            or (g.match_minute_in_a_match.search(text, max(0, start - 10), start)
                and g.match_cues.search(sent.text))
        ):
            return True  # "on 28 minutes", "a penalty after 20 minutes": a match minute
        if capitalised_in_a_name(sent.text, start - sent.start_char, number,
                                 word if word and self._capitalised_unit_word(word) else None) \
                or (not measured and digit_before_a_name(sent.text, start - sent.start_char,
                                                         number, word)):
            return True  # "Six Nations", "50 Cent", "6 Music"
        times = _TIMES_AFTER.match(text, match.end())
        if times and times.group(1).lower() in g.multiplier_followers:
            return True  # "54 times more money", whatever the parse counts
        if noun is None or tokens is None or measured:
            return False
        doc = tokens.doc
        if any(t.tag_ in ("JJS", "RBS") for t in doc[tokens.end : noun.i]) and _ranked(tokens):
            return True
        if _superlative_rank(tokens, noun):
            return True
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        return noun.lemma_.lower() == "time" and after is not None \
            and after.lower_ in g.multiplier_followers

    def _vague_amount(self, text: str, match: re.Match[str], tokens: Span | None,
                      noun: Token | None) -> bool:
        """A vague plural is an amount when it says what it counts ("millions of people",
        "hundreds of millions of dollars") or is its verb's subject ("Hundreds were
        arrested"); not after a number ("five hundreds"), nor money with no currency
        ("cost companies billions"), nor a bare object of a preposition ("Water for
        billions") other than a crowd's size ("in their thousands", "by the millions")."""
        if _NUMBER_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            return False
        if noun is not None or _OF_WORD.match(text, match.end()) \
                or self.grammar.vague_idiom.search(text, max(0, match.start() - 12), match.start()):
            return True
        return tokens is not None and tokens.root.dep_ in ("nsubj", "nsubjpass")

    @staticmethod
    def _in_brackets(before: str) -> bool:
        """Whether a bracket opened in ``before`` is still open."""
        depth = 0
        for bracket in _OPEN_BRACKETS.findall(before):
            depth = depth + 1 if bracket == "(" else max(0, depth - 1)
        return depth > 0

    def _after_for(self, text: str, start: int) -> bool:
        """"for" before the period, a bound between them or not ("suspended for two weeks
        after", "for up to seven days after broadcast"): a length of time."""
        window = text[max(0, start - 40) : start]
        bound = self.grammar.modifier_before.search(window.lower())
        return _FOR_BEFORE.search(window[: bound.start(1)] if bound else window) is not None

    def _before_a_relative_time(self, text: str, end: int) -> bool:
        """A range's low end, or the first of two numbers, whose second is a relative time:
        "two to three weeks before", "incidents that happened 20 and 50 years ago"."""
        tail = _RANGE_TAIL.match(text, end)
        if tail is None or not self.grammar.unit_word(tail.group(1)):
            return False
        return self.grammar.relative_time.match(text, tail.end()) is not None

    def _relative_time(self, doc: Doc, text: str, end: int) -> bool:
        """A period before "ago", "after", "since"... is a time, no figure ("four weeks
        since Trump won"); but a period "since" a date is how long ("lengthened by 20 days
        since the 1990s")."""
        found = self.grammar.relative_time.match(text, end)
        if found is None:
            return False
        if not found.group(0).lower().endswith("since"):
            return True
        following = doc.char_span(found.end(), len(text), alignment_mode="expand")
        nxt = next((t for t in following if not t.is_space), None) if following else None
        return nxt is None or (nxt.ent_type_ != "DATE" and not nxt.like_num)

    def _match_time_left(self, sent: Span, unit: str, text: str, end: int) -> bool:
        """Minutes "left" in a match report count down the game, as "remaining" does
        ("with the score at 1-1 and only three minutes left"); elsewhere what is left is
        an amount of time ("I have nine months left")."""
        g = self.grammar
        return unit in ("minute", "second") and _LEFT.match(text, end) is not None and bool(
            g.match_cues.search(sent.text) or g.score_cues.search(sent.text))

    def _unit_or_scale_word(self, word: str) -> bool:
        """A unit, currency, percent or scale word, or one that stands for a noun: not a
        counted noun ("2 and 8 degrees", "8 to 10 percent" are ranges of units, "12 and 11
        players" two counts)."""
        g = self.grammar
        lowered = word.lower()
        return bool(g.unit_word(word) or g.units.currency(word) or lowered in g.scales
                    or lowered in g.pronoun_nouns or lowered in g.percent or lowered in g.points)

    def _capitalised_unit_word(self, word: str) -> bool:
        """A unit or currency word written capitalised that is written in lower case as a
        unit ("Cent", "Degrees", "Millennium"; not the symbol "Mbps")."""
        g = self.grammar
        lowered = word.lower()
        if word == lowered or word in g.units.units or not lowered.isalpha():
            return False
        return bool(g.unit_word(lowered) or g.units.currency(lowered) or lowered in g.subunits)

    @staticmethod
    def _hundredths(text: str, value: float, end: int) -> tuple[float, int]:
        """"thirteen dollars forty five" -> 13.45, "C$100 and fifty." -> 100.5."""
        tail = _HUNDREDTHS.match(text, end)
        cents = numbers.value(tail.group(1)) if tail else None
        if cents is None or not (1 <= cents < 100) or not cents.is_integer():
            return value, end
        return value + cents / 100, tail.end()

    def _target(
        self, tokens: Span | None, verb: Token | None, noun: Token | None, modifier: str,
        unit: str | None,
    ) -> str | None:
        """What is measured; for a change, its change ("Core inflation fell 0.2 points"
        measures the change in core inflation)."""
        if tokens is None:
            return None
        money = unit is not None and _CURRENCY_CODE.fullmatch(unit) is not None
        found = context.target(tokens, verb, noun, self.grammar, percent=unit == "%",
                               money=money, period=unit in self.grammar.period_units)
        if found is None or modifier not in ("up", "down") or noun is not None:
            return found
        words = set(found.lower().split())
        changes = set(self.grammar.change_nouns) | {"change", "growth"}
        return found if words & changes else f"{found} change"

    def _unit(
        self, text: str, sent: Span, match: re.Match[str], reading: _Reading,
        hyphen: re.Match[str] | None, tokens: Span | None, noun: Token | None, end: int,
    ) -> tuple[str | None, int]:
        """The unit, and where the figure's surface ends (a "per day" may extend it)."""
        g = self.grammar
        cur, pre = match.group("cur"), match.group("pre")
        if cur:  # a country far off in the sentence is no cue: "Australia's BHP - which
            # runs the world's largest copper mine - is to invest $1.9bn" is in US dollars
            near = text[max(sent.start_char, match.start() - _SIGN_REACH) :
                        min(sent.end_char, end + _SIGN_REACH)]
            return g.currency(cur, near), end
        if pre:
            return g.prefix_units[pre.lower()], end
        if reading.unit is not None or reading.post:
            unit = reading.unit or g.post_unit(reading.post, sent.text)
            if unit in ("%", "pp") or unit is None or unit.isupper():
                return unit, end
            return self._per(text, unit, end)
        if hyphen:
            word = hyphen.group(1).lower()
            measured = _HYPHEN_NEXT.match(text, hyphen.end())
            area = g.unit_word(f"{word} {measured.group(1)}") if measured else None
            if measured and area:  # "the 1.4-square-mile city"
                return area, measured.end()
            unit = g.unit_word(word) or g.units.currency(word) or g.singular(word)
            return unit, hyphen.end()
        if tokens is None:
            return None, end
        coin = tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None
        if noun is not None and coin is not None and coin.i < noun.i and coin.lower_ in g.subunits:
            return coin.lower_, coin.idx + len(coin)  # "its three pence income tax": money
        period = tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None
        if noun is not None and period is not None and period.i < noun.i \
                and period.lower_ in g.period_units and noun.lower_ not in ("old", "olds") \
                and not self._names_a_thing(text, 2.0, period.lower_, period.idx + len(period)):
            return period.lower_, period.idx + len(period)  # "promised 24 hour response"
            # is 24 hours, as "a 24-hour response" is; not "the 10 year Treasury yield"
        start = match.start("num")
        if noun is not None and (noun.tag_ != "NN" or not g.ages.bounded_group.search(
                text, max(0, start - 30), start) or (numbers.value(match.group("num")) or 0) <= 1):
            unit = context.count_unit(tokens.end, noun, g)
            return self._per(text, unit, noun.idx + len(noun), counted=True)
        # "help people under 30 engage in": no singular counts 30, so a verb the tagger
        # read as a noun; the bound group's number is an age
        value = numbers.value(match.group("num")) or 0.0
        if g.ages.is_age(text, start, end, value, tokens):
            return "year", end  # "aged 64", "Jones, 31,"
        if _RACE_TIME.fullmatch(match.group("num")) and g.race_time_cues.search(sent.text):
            return "second", end  # "won in 46.45", ".02 outside his personal best"
        money = _OF_WORD.match(text, end) if g.vague(match.group("num")) else None
        if money and g.units.currency(money.group(1)):  # "hundreds of millions of dollars"
            return g.units.currency(money.group(1)), money.end()
        shared = context.shared_noun(tokens)
        if shared is not None and not any(self._unit_or_scale_word(words) for words in (
                shared.text, shared.doc[context.phrase_start(shared) : shared.i + 1].text)):
            # "5 and 10 percentage points" is a range of units, not two counts of points
            return context.count_unit(context.phrase_start(shared), shared, g), end
        antecedent = context.partitive_noun(tokens) or context.changed_noun(tokens) \
            or self._level_subject(tokens, match) \
            or context.of_noun(tokens, g) or context.attribute_noun(tokens)
        if antecedent is not None:
            return context.count_unit(context.phrase_start(antecedent), antecedent, g), end
        group = context.group_subject(tokens, g)
        if group is not None:
            return group, end  # "The audience averaged 13.7 million"
        if tokens.root.dep_ in ("nsubj", "nsubjpass") and (
            g.vague(match.group("num")) or tokens.root.head.lemma_.lower() in g.person_verbs
        ):
            return "person", end  # "Hundreds were arrested", "thousands marched", "84 were killed"
        return self._rate_or_points(text, sent, match), end

    def _level_subject(self, tokens: Span, match: re.Match[str]) -> Token | None:
        """A count's subject, for a whole number or a scaled one ("2.8 billion")."""
        number = match.group("num")
        whole = "." not in number or match.group("scale")
        return context.level_subject(tokens, self.grammar) if whole else None

    def _rate_or_points(self, text: str, sent: Span, match: re.Match[str]) -> str | None:
        """A bare level with nothing counted: an exchange rate in the currency the
        sentence names ("the yen weakened past 160 per dollar" -> JPY), or index points
        ("the Hang Seng Index gained 2.6% to 18,430.39")."""
        g = self.grammar
        before = text[sent.start_char : match.start()].lower()
        per = _PER_CURRENCY.match(text, match.end())
        if per:
            quoted = g.units.currency(per.group(1))
            named = [g.currency_word(m.group(0), sent.text)
                     for m in g.currency_name_pattern.finditer(before)]
            named = [code for code in named if code != quoted]
            return named[-1] if named else None
        if g.index_pattern.search(before):
            return "point"
        return None

    def _names_a_thing(self, text: str, value: float, word: str, end: int) -> bool:
        """A hyphenated period names a level, a statistic or an instrument when one of
        period_name_nouns follows within three words ("seven-month high", "20-day
        average", "10-year Treasury yield"), a size names a standard thing ("40-foot
        container") and a zero a kind ("zero-hours contract"); else it states a length
        ("two-year bans", "a four-day tour", "a 10-year, $700 million contract")."""
        g = self.grammar
        unit = g.unit_word(word)
        following = _FOLLOWING_WORDS.match(text, end)
        if following is None:
            return False
        words = following.group(0).lower().split()
        if value == 0:
            return True
        if unit in g.period_units:
            return any(w in g.period_name_nouns for w in words)
        return words[0] in g.hyphen_name_nouns

    def _group(self, text: str, start: int) -> str | None:
        """What a number sizing a group counts: "a crowd of (about) 8,000", "crowds
        15,000 strong", "population 1.3bn" -> person (``group_nouns``)."""
        g = self.grammar
        before = text[max(0, start - 60) : start]
        bound = g.modifier_before.search(before.lower())
        if bound is not None:
            before = before[: bound.start(1)]
        named = _GROUP_BEFORE.search(before)
        return g.group_nouns.get(g.singular(named.group(1).lower())) if named else None

    def _spaced_compound(self, doc: Doc, hyphen: re.Match[str]) -> bool:
        """A word after a spaced dash makes a compound with the number when it is a unit,
        a currency or a noun (tokenised "62,000 - seat stadium"), not a verb of a clause."""
        word = hyphen.group(1)
        if self.grammar.unit_word(word) or self.grammar.units.currency(word):
            return True
        return self._noun_at(doc, hyphen)

    @staticmethod
    def _noun_at(doc: Doc, hyphen: re.Match[str]) -> bool:
        """The word after the number's hyphen is a common noun ("seven-page complaint")."""
        token = doc.char_span(hyphen.start(1), hyphen.end(1), alignment_mode="expand")
        return token is not None and token.root.tag_ in ("NN", "NNS")

    def _ordinal_before(self, number: str, tokens: Span) -> bool:
        """A singular fraction word before a singular noun is an ordinal: "a third
        source", "a third straight day"; not "two-thirds majority", "half a million", "a
        quarter point"."""
        doc = tokens.doc
        following = doc[tokens.end] if tokens.end < len(doc) else None
        return self._ordinal_word(number) \
            and following is not None and following.tag_ in ("NN", "NNP", "JJ")

    def _ordinal_word(self, number: str) -> bool:
        """The number ends in a singular fraction word that is also an ordinal ("third",
        "sixth"); "half" and "quarter" are none ("a quarter point", "a half hour")."""
        last = re.split(r"[\s-]+", number.lower())[-1]
        return last in self.grammar.fraction_words and last not in ("half", "quarter")

    @staticmethod
    def _in_a_name(text: str, sent: Span, match: re.Match[str]) -> bool:
        """A capitalised number word after a capitalised word inside a sentence: "Net
        Zero", "Formula One"."""
        before = text[sent.start_char : match.start()]
        name = _CAPITALISED_BEFORE.search(before)
        return match.group("num")[0].isupper() and name is not None and name.start() > 0

    def _pronoun_like(
        self, text: str, sent: Span, number: str, value: float, noun: Token | None,
        match: re.Match[str], tokens: Span | None,
    ) -> bool:
        """A number word that stands for a noun: "one of them", "two said", "the three";
        but not "two-thirds", "twenty-two", "seventeen", "fell to zero", a range's low end
        ("five or six awards"), a count of a partitive ("two of her seven matches"), nor a
        number that is all its sentence says."""
        if noun is not None:  # "one person"; but "one more point" is set against others,
            # and "at least one case" is bounded (not "under one manager": a preposition)
            bound = self.grammar.modifier_before.search(
                text[max(0, match.start() - 40) : match.start()].lower())
            bounded = bound is not None and " " in bound.group(1) \
                and self.grammar.modifier_symbols[bound.group(1)] in (">", "<", ">=", "<=")
            return value == 1 and not bounded and not self._goes_on(noun) and (
                context.comparative(tokens, noun, self.grammar) is None
                or not self._another_number(sent, match))
        if len(re.split(r"[\s-]+", number)) > 1 or match.group("neg"):
            return False
        whole = context.partitive_noun(tokens) if tokens is not None else None
        if whole is not None and value <= 1 and not context.counted_whole(whole):
            whole = None  # "one of our partners" refers; "one of four films" counts
        if (tokens is not None and context.range_low(tokens, self.grammar.pronoun_nouns)) or (
            whole is not None and not context.superlative(whole)
        ):
            return False  # "five or six awards", "two of her seven matches", "one of 182
            # stations"; not "two of the most significant milestones"
        if self.grammar.scale_before.search(text, max(0, match.start() - 20), match.start()):
            return False  # the "one" of "3 hundred and one"
        if self.grammar.ages.is_age(text, match.start(), match.end(), value, tokens):
            return False  # "children under seven", "aged five"
        alone = not re.sub(r"[\W_]+", "", text[sent.start_char : match.start()]
                           + text[match.end() : sent.end_char])
        return not alone and 0 < value <= self.grammar.pronoun_numbers_up_to

    def _goes_on(self, noun: Token) -> bool:
        """"one minute, 46.68 seconds": the unit goes on in a number of a smaller one, so
        "one" is the first part of a compound figure, not a word that refers."""
        smaller = self.grammar.compound_units.get(noun.lemma_.lower())
        if smaller is None:
            return False
        rest = [t for t in noun.doc[noun.i + 1 : noun.i + 5] if t.lower_ not in (",", "and")]
        glued = re.fullmatch(r"\d[\d.]*([A-Za-z]+)", rest[0].text) if rest else None
        unit = glued.group(1) if glued else (  # "46.68seconds", "46.68 seconds"
            rest[1].text if len(rest) > 1 and rest[0].like_num else "")
        return self.grammar.units.unit(unit) == smaller[0]

    @staticmethod
    def _another_number(sent: Span, match: re.Match[str]) -> bool:
        """The sentence has a number besides this one ("We lost two points, but we have
        one more point"; not "We have one more session")."""
        return any(t.like_num and not match.start() <= t.idx < match.end() for t in sent)

    def _share(
        self, text: str, match: re.Match[str], number: str, value: float, tokens: Span | None
    ) -> tuple[float, int] | None:
        """A fraction of a whole as a percentage, and where it ends: "two-thirds of"
        (66.67), "1 in 5" or "one in five" (20), "rose by a third" (33.33), a fraction
        that stands for the part of a group ("more than a third had it turned off")."""
        out_of = _OUT_OF.match(text, match.end("num"))
        phrase = None if tokens is None else tokens.root
        while phrase is not None and phrase.dep_ in ("nummod", "quantmod") \
                and phrase.head.i != phrase.i:
            phrase = phrase.head  # the noun the numbers count
        if out_of and phrase is not None and phrase.dep_ == "pobj" \
                and "out" in out_of.group(0).lower():
            out_of = None  # "gained share in three out of four regions": counts of regions,
            # where "Three out of four voters back it" is a share of voters
        if out_of:
            whole = out_of.group(1)
            denominator = numbers.value(whole)
            if denominator and value < denominator <= 1000:  # not "400 in 2024"
                return round(value / denominator * 100, 6), out_of.end()
        has_fraction = any(w.lower().rstrip("s") in self.grammar.fraction_words
                           for w in re.split(r"[\s-]+", number))
        period = _ORDINAL_BEFORE.search(text, max(0, match.start() - 12), match.start())
        doc = tokens.doc if tokens is not None else None
        counted = doc is not None and tokens.end < len(doc) \
            and doc[tokens.end].tag_ in ("NN", "NNS")
        whole = _OF.match(text, match.end("num")) or (
            not counted  # "cut by a quarter point" is 0.25 point
            and self.grammar.by_before.search(text, max(0, match.start() - 30), match.start())
        ) or (  # "more than a third had it turned off", "important for a third"
            tokens is not None and not counted and tokens.root.dep_ in _SHARE_ROLES
        )  # "a third of adults", "half the number", "fell by as much as a fifth"
        # "a two-thirds majority", "two-thirds majorities": a share, not a count; a fraction
        # alone ("one-eighth") stays
        adjective = counted and (re.fullmatch(r"\w+-\w+", number) is not None or (
            " " in number.strip() and doc[tokens.end].lemma_.lower() in self.grammar.change_nouns
        ))  # "the one third reduction" too; not "one third party"
        restated = _RESTATED_PERCENT.match(text, match.end("num"))  # "two-thirds, 67 percent"
        if has_fraction and value < 1 and (whole or adjective or restated) and not period:
            return round(value * 100, 6), match.end("num")
        return None

    def _per(self, text: str, unit: str, end: int, *, counted: bool = False
             ) -> tuple[str, int]:
        """"38 jets a month" -> jet per month; "2 million gallons of water per day";
        "150 gigatonnes of ice annually" -> gigatonne per year; after a ``counted`` noun
        "per" names any singular noun ("2.9 million viewers per episode")."""
        g = self.grammar
        per = _PER.match(text[end : end + 50])
        if per is not None and per.group(2) in g.per_units:  # "a year", "per day"
            return f"{unit} per {g.per_units[per.group(2)]}", end + per.end()
        if per is not None and per.group(1).startswith("per") and counted \
                and per.group(2) not in _FUNCTION_WORDS:
            return f"{unit} per {per.group(2)}", end + per.end()
        adverb = _PER_ADVERB.match(text[end : end + 50])
        if adverb is not None and adverb.group(1) in g.per_adverbs:  # "annually"
            return f"{unit} per {g.per_adverbs[adverb.group(1)]}", end + adverb.end()
        return unit, end

    def _converts(
        self, text: str, start: int, end: int, in_sentence: list[Figure], count: int
    ) -> int | None:
        """Index of the figure this bracketed one converts: "8.54 trillion yen (US$59
        billion)", and both of "7.4bn Australian dollars ($5.8bn; £3bn)"."""
        if not in_sentence:
            return None
        previous = in_sentence[-1]
        gap = text[previous.span[1] : start]
        if not _BRACKET_REST.match(text, end):
            return None
        if self.grammar.conversion_gap.match(gap):
            return count - 1
        if previous.conversion_of is not None and _LIST_GAP.fullmatch(gap):
            return previous.conversion_of  # the £3bn of "A$7.4bn ($5.8bn; £3bn)"
        return None

    def _not_a_figure(self, text: str, sent: Span, match: re.Match[str], number: str) -> bool:
        """Years, dates, times of day, model numbers and list numbering are not figures."""
        g = self.grammar
        # look back past the sentence start: tokenised "sept . 30" splits there
        before = text[max(0, match.start("num") - 40) : match.start("num")]
        after = text[match.end("num") : sent.end_char]
        if _YEAR.fullmatch(number):
            return True
        prev_word = re.search(r"([A-Za-z][\w.]*(?:['’]s)?)\W*$", before)
        next_word = re.match(r"\W{0,2}([A-Za-z][\w.'’]*)", after)
        if (prev_word and prev_word.group(1).lower().rstrip(".") in g.months) or (
            next_word and next_word.group(1).lower().rstrip(".") in g.months
        ):
            return True
        if re.match(r"[:/]\d", after) or re.match(r"\s?[:/]\s?\d", after):
            return True  # times, dates, fractions; "3-4%" is left to join_ranges
        if re.search(r"\d\s?[/:]\s?$", before):  # the 4 of "1 / 4", the 55 of "12:55 p.m"
            return True
        if len(number) == 2 and _ELIDED_CENTURY.search(before):
            return True  # "in '16", "in ‘08": a year
        if next_word and next_word.group(1).lower().replace("’", "'") in g.time_of_day:
            return True  # "6 o’clock" too
        if g.dateline.match(after):
            return True  # "Sept. 26 (UPI) --": a dateline's day
        if _CLOCK.fullmatch(number) and next_word and re.match(r"\s", after) \
                and next_word.group(1).lower().rstrip(".") in g.clock_nouns:
            return True  # "the 2300 slot", "a 0930 start"
        if _CLOCK.fullmatch(number) and g.clock_before.search(before) \
                and not g.index_pattern.search(sent.text.lower()):
            return True  # "due at the stadium at 1330"
        if re.search(r"(?:^|\n|[;:]\s?)\s*$", before) and re.match(r"[.)]\s", after):
            return True  # list numbering, at a line start or inline ("; 2. less waste")
        line_before = re.search(r"(?:^|(\n))[ \t]*$", text[: match.start("num")])
        line_after = re.match(r"\.?[ \t]*(?:(\n)|$)", text[match.end("num") :])
        if line_before and line_after and (line_before.group(1) or line_after.group(1)):
            return True  # digits alone on a line among others ("\n\n4\nGina Rodriguez ..."):
            # a list number; not a text that is only "42" or "192."
        if (_RATIO_TO_ONE.match(after) or (number == "1" and _RATIO_FROM.search(before))) \
                and not g.vote_cues.search(sent.text):
            return True  # "outspent them by more than 4 to 1": a ratio; "voted 99 to 1" a tally
        if _ODDS_BEFORE.search(before) and _ODDS_AFTER.match(after):
            return True  # "both have odds of 4-1", "odds 11/4": betting odds are ratios
        if number.isdigit() and int(number) <= 31 and _DAY_BEFORE_A_YEAR.match(after):
            return True  # "11, 2012, attacks": a date's day, its month cut off by a splitter
        if _DAY_SPLIT_OFF.match(after) and number.isdigit() and int(number) <= 31 \
                and not text[sent.start_char : match.start("num")].strip():
            return True  # "1, is set to play": a date's day cut off at "Jan." by a splitter
        following = next_word.group(1) if next_word else ""
        measure = following.lower().rstrip(".")
        if measure in g.percent or measure.removesuffix("s") in g.relative_units:
            return False  # "HuffPollster 4.3 points": a poll's lead; no model ("iPhone
            # 15") nor name ("Boeing 737") has points or a percent sign
        if _MODEL_BEFORE.search(before) or _MODEL_AFTER.match(after) \
                or _MODEL_LIST_BEFORE.search(before):
            return True  # "No. 5", "iPhone 15", "PlayStation 5", "Boeing 737-8", "737 MAX 9"
        if after.startswith(") ") and not self._in_brackets(text[sent.start_char : match.start()]):
            return True  # "between 1) you must ... and 2) God": a list marker with no "("
        slashed = _SLASHED.fullmatch(number)
        if slashed and (re.sub(r"\s", "", number) in g.slash_names or (
            not slashed.group(1) and int(slashed.group(2)) >= int(slashed.group(3))
        )):
            return True  # "9/11", "24/7", the "2023/24" season: names, not fractions
        if not (prev_word and before.endswith(prev_word.group(1) + " ")
                and prev_word.group(1)[0].isupper()
                and prev_word.group(1).lower() not in ("in", "on", "by", "for", "about", "some")):
            return False
        name = prev_word.group(1)
        # a capitalised plural right after it is what a headline counts ("Orders 77 Jets");
        # not a name after a comma ("Henry 23, Pires 55")
        capitalised_plural = following[:1].isupper() and following.endswith("s") \
            and after.startswith(" " + following)
        if name.endswith(("'s", "’s")):  # "Boeing's 787 Dreamliner", not "Japan's 47 prefectures"
            return following[:1].isupper() and not capitalised_plural
        if text[sent.start_char : match.start("num")].strip() == name:
            # a sentence's first word: "Article 5 of the treaty", "Apollo 11 landed", but
            # "Its 80 turbines"
            first = sent.doc.char_span(sent.start_char, sent.start_char + len(name))
            if first is None or first.root.pos_ not in ("PROPN", "NOUN"):
                return False
        # "Boeing 737" is a model; "Orders 77 Jets" in a headline counts jets
        return not capitalised_plural and not self._counted_after_a_person(sent, match)

    @staticmethod
    def _counted_after_a_person(sent: Span, match: re.Match[str]) -> bool:
        """A person's name before a number that counts the plural noun after it: "swept by
        Cruz 34 delegates to zero" (people's names carry no model numbers)."""
        doc = sent.doc
        number = doc.char_span(match.start("num"), match.end("num"), alignment_mode="expand")
        if number is None or number.start == 0 or number.end >= len(doc):
            return False
        name, noun = doc[number.start - 1], doc[number.end]
        return name.ent_type_ == "PERSON" and number[0].ent_type_ != "PERSON" \
            and noun.tag_ == "NNS" and noun.is_lower

    def _modifier(
        self, text: str, start: int, end: int, tokens: Span | None, noun: Token | None,
        unit: str | None, done: list[Figure], conversion_of: int | None, *, vague: bool,
    ) -> str:
        """A change (up/down) wins over approximation: "fell roughly 6%" is down, and over a
        bound ("closed more than 1% higher", "at least 100 more than" are up), unless the
        comparative stands before the noun the bound counts ("up to 20% less fuel" is <=); a
        bracketed conversion shares its original's modifier."""
        g = self.grammar
        window = text[max(0, start - 40) : start].lower()
        before = g.modifier_before.search(window)
        article = _ARTICLE_END.search(window) if before is None and _amount(unit) else None
        if article is not None:  # "around an 80% success rate": an approximation of a rate
            # or an amount; not "a film about an 18-year-old girl"
            approximated = g.modifier_before.search(window[: article.start()] + " ")
            if approximated and g.modifier_symbols[approximated.group(1)] == "~":
                before = approximated
        if before is None and g.threshold_after.match(text, end) and not (
            done and done[-1].span[1] > start - 40
        ):  # "above the $50 mark"; not "at 75.3%, well below the 80% level" (its figure's)
            before = g.modifier_before.search(_THE_BEFORE.sub(" ", window))
        age_gap = _AGE_GAP.search(window) if before is None else None
        if before is None and (age_gap or not (done and done[-1].span[1] > start - 40)):
            gap = age_gap or _THE_GAP.search(window)  # "less than the catalogue price of
            # $17.6m", "over the age of 65"
            before = g.modifier_before.search(window[: gap.start()] + " ") if gap else None
        if before is None and unit in g.period_units:  # "within the next six weeks"
            before = g.modifier_before.search(_PERIOD_DETERMINER.sub(" ", window))
        phrase = before.group(1) if before else None
        # the longest phrase ending at the figure: "no more than", not "more than"; but
        # "over four seasons" is a period
        if phrase == "past" and (unit in g.period_units or _DETERMINER_END.search(
                window, 0, max(0, before.start(1)))):
            # "took his tally past 150" is more than 150; "the past 10 years", "past five
            # years" are periods, bounded only by a word before ("within the past 6 weeks")
            before = g.modifier_before.search(_PERIOD_DETERMINER.sub(" ", window)) \
                if unit in g.period_units else None
            phrase = before.group(1) if before and before.group(1) != "past" else None
        age_bound = phrase == "over" and bool(
            age_gap or g.ages.bounded_group.search(text, max(0, start - 30), start)
            or g.ages.before.search(text, max(0, start - 30), start))  # "aged over 65"
        symbol = None if phrase is None or (
            phrase == "over" and unit in g.period_units and not age_bound
        ) or (phrase in g.period_bounds and unit not in g.period_units) \
            or (phrase == "over" and not age_bound and done
                and text[done[-1].span[1] : start].strip().lower() == "over") \
            or (phrase == "over" and self._race_distance(tokens, unit)) \
            else g.modifier_symbols[phrase]  # but "people over 65" are older than 65, also
        # after a count of them ("3 million people over 60"); "6.61 seconds over 60m", "the
        # bronze medallist over 3000m": the distance of a race
        if phrase is not None and tokens is not None and tokens.start > 0 and (
            tokens.doc[tokens.start - 1].dep_ == "prt"
            or self._preposition(tokens, phrase, max(0, start - 40) + before.start(1))
        ):
            phrase = symbol = None  # "taken over 80% of the property", "talks about $8bn"
        if symbol in _NEGATED and (_NEGATION.search(window, 0, before.start(1)) or (
                tokens is not None
                and context.negated(tokens, max(0, start - 40) + before.start(1)))):
            symbol = _NEGATED[symbol]  # "cannot add more than $1.5 trillion": at most; "has
            # never faced a race ... or raised more than $525,000"
        gap = text[done[-1].span[1] : start] if done else ""
        alternative = done[-1].modifier if done and (
            g.alternative.fullmatch(gap) or g.restatement.fullmatch(gap)
        ) and not (done[-1].unit in g.period_units and unit not in g.period_units) else None
        # "up 8.5p, or 8.1%", "nearly 10 percent of residents, or 1.3 million"; not a
        # period or age before an amount ("people over 60, or £300 where")
        if tokens is not None:
            if symbol not in (None, "~") and context.comparative_before_noun(tokens, noun, g):
                return symbol  # "up to 20% less fuel"; "more than 1% higher" is up
            if symbol == "<=" and unit in g.relative_units and context.comparative(tokens, noun, g):
                return symbol  # "worth up to 30% more": how far at most, not that it is more
            found = (None if unit in g.occasion_units else context.change(tokens, noun, unit, g)) \
                or context.bound(tokens, g)  # "lost three times" counts occasions
            if found and not (vague and found == context.comparative(tokens, noun, g)):
                return found  # but "hundreds more" is more than a hundred
        if alternative in ("up", "down"):
            return alternative  # "rose 4p or nearly 1%": a change wins over "nearly"
        same = next((f for f in reversed(done) if f.unit == unit), None) \
            if unit in g.relative_units else None
        if same is not None and same.modifier in ("up", "down") \
                and g.change_comparison.fullmatch(text, same.span[1], start) \
                and not _OF_WORD.match(text, end):  # "and 40% of analysts": a share
            return same.modifier  # "rose 1.2% in the month, compared to 0.1%": the same
            # change set beside it; after a level ("was 3%, compared with 2.5%") a level
        bound = g.modifier_after.match(text, end) or (  # "17 and older", "$75,000 or above"
            g.modifier_after.match(text, tokens.end_char)  # "10 or so people"
            if tokens is not None and noun is not None and noun.i >= tokens.end else None)
        if phrase is not None:
            if symbol == "~" and bound and g.modifiers_after[bound.group(1).lower()] != "~":
                return g.modifiers_after[bound.group(1).lower()]  # "about two-thirds or more"
            return symbol or "="
        shared = self._coordinated_bound(text, tokens, done)
        if shared is not None:
            return shared  # "above $50,000 for individuals and $100,000 for couples"
        if conversion_of is not None:
            return done[conversion_of].modifier
        plus = _PLUS.search(text, start, end + 6)
        if plus and not _SUM_AFTER.match(text, plus.end()):
            return ">"  # "2 million-plus people"; not "0.03 plus 0.08"
        if alternative is not None:
            return alternative  # "nearly 10%, or 1.3 million people"
        if bound:
            return g.modifiers_after[bound.group(1).lower()]
        if _TAKES_BEFORE.search(window) and _TO_AFTER.match(
                text, noun.idx + len(noun) if noun is not None else end):
            return ">="  # "It takes 2,383 delegates to win": a threshold
        if _THE_BEFORE.search(" " + window) and _NEEDED_AFTER.match(text, end):
            return ">="  # "the 60 votes that will be needed", "the 270 votes needed to win"
        return ">" if vague else "="  # "millions of people": more than a million


    def _race_distance(self, tokens: Span | None, unit: str | None) -> bool:
        """A distance in metres "over" which someone, named by a noun, races: "the world
        indoor bronze medallist over 3000m" (not "a wall over 3m high", "ran over 20m")."""
        if tokens is None or unit != "metre" or tokens.start < 2:
            return False
        doc = tokens.doc
        over, runner = doc[tokens.start - 1], doc[tokens.start - 2]
        after = doc[tokens.end] if tokens.end < len(doc) else None
        return over.lower_ == "over" and runner.tag_ in ("NN", "NNS") \
            and not (after is not None and after.pos_ == "ADJ") \
            and self.grammar.race_time_cues.search(tokens.sent.text) is not None

    def _preposition(self, tokens: Span, phrase: str, phrase_start: int) -> bool:
        """The bound word is the preposition of the word before it, which the parse reads
        as a bound all the same: "talks about $800 billion", "taken over 80%"."""
        lemmas = self.grammar.preposition_after.get(phrase)
        if not lemmas:
            return False
        earlier = [t for t in tokens.doc[: tokens.start] if t.idx < phrase_start
                   and not t.is_space]
        return bool(earlier) and earlier[-1].lemma_.lower() in lemmas

    def _coordinated_bound(self, text: str, tokens: Span | None, done: list[Figure]
                           ) -> str | None:
        """A figure joined by "and" to the figure before it shares the bound a phrase put
        before that one: "above $50,000 for individuals and $100,000 for couples"."""
        if tokens is None or not done or tokens.root.dep_ != "conj":
            return None
        first = done[-1]
        head = tokens.root.head
        if not first.span[0] <= head.idx < first.span[1] or first.modifier not in _BOUNDS:
            return None
        if not any(t.dep_ == "cc" and t.lower_ == "and" for t in head.children):
            return None
        phrase = self.grammar.modifier_before.search(
            text[max(0, first.span[0] - 40) : first.span[0]].lower())
        return first.modifier if phrase else None


@cache
def _grammar() -> FigureGrammar:
    return FigureGrammar.load()


@Language.factory("newsclaims_figures", default_config={"published_attr": "nc_published"})
def make_figure_extractor(nlp: Language, name: str, published_attr: str) -> FigureExtractor:
    return FigureExtractor(nlp, name, published_attr=published_attr)
