"""What a figure looks like on the surface: the pattern and the lookup tables.

Built once from ``models/figures.json``, ``models/numbers.json`` and the unit and
currency lexicon (:mod:`units`: pint, Babel and ``models/units.json``). Matching is
case-insensitive ("2.1 Trillion Yen" in a headline, "hk $" in tokenised text) except for
ISO codes ("USD", never "try"); every lookup goes through lower-cased keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import resources
from pipeline.components.figures import numbers, senses
from pipeline.components.figures.ages import Ages
from pipeline.components.figures.nonfigures import NonFigures
from pipeline.components.figures.senses import Ambiguity
from pipeline.components.figures.time import months
from pipeline.components.figures.units import Lexicon, forms, lexicon, repaired


def _lower(table: dict[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in table.items()}


def _words(words: list[str], end: str = r"\b") -> re.Pattern[str]:
    """Any of the words, whole, in any case; ``end`` what must follow ("\\s+$": right
    before the figure)."""
    return re.compile(rf"\b(?:{numbers.alternation(words)}){end}", re.IGNORECASE)


def _pattern(data: dict, units: Lexicon, ambiguous: dict[str, Ambiguity], number: str
             ) -> re.Pattern[str]:
    """Currency or prefix unit, sign, number, scale, then a unit or currency word."""
    alt = numbers.alternation
    codes = sorted(units.codes)
    words = [form for form in ambiguous if form.isalpha()]  # "p", "pc", "won"; not "$"
    shared = [name for name in units.shared_names if " " in name]  # "cfa francs"
    post = forms([*data["percent"], *data["percentage_points"], *units.names, *shared,
                  *units.units,
                  *units.lettered_signs, *units.common_codes, *words,
                  *(coin for coin in data["subunits"] if " " in coin)])  # "euro cents"
    exact = "".join(f"|(?-i:{re.escape(w)})" for w in data["scales_case_sensitive"])
    scales = alt(data["scales"]) + exact  # "$1MM" is a million, "1mm" a millimetre
    spaced_prefix = r"(?:US|HK|C|NZ)\s\$"  # tokenised "us $ 10", "hk $ 5"; not "a $5"
    return re.compile(
        rf"(?:(?<![\w$€£¥₹₱.])(?P<cursign>[-−])?(?P<cur>{spaced_prefix}|"
        rf"{alt(forms([*units.signs, *units.common_codes]))}|(?-i:{alt(codes)}))\s?"
        rf"|(?<![\w/.\u0300-\u036f])(?<!\D,)(?:(?<![A-Za-z]-)|(?<=\d-to-))"
        rf"(?:(?P<pre>{alt(data['prefix_units'])})\s+)?)"
        # "F-15", "COVID-19" are names; "3-4%" and "93-to-7" are not; "Mach 5" is a speed; a number
        # after a digit and a comma is the next of a list ("22,24,26"); one after a combining
        # accent is inside a scraped word ("GA\u03031\u20444len", Gülen)
        rf"(?P<neg>(?:minus|negative)[\s-]+|(?<![\w)\]%])[-−](?=\d))?"  # "minus-12 degrees"
        rf"(?P<num>{number})"
        # "lakh crore"; not the "m" of "m.p.h."
        rf"(?:\s?(?P<scale>(?:{scales})(?:\s(?:{scales}))?)(?![A-Za-z]|\.[A-Za-z]))?"
        rf"(?:(?:\s?|-|\s+(?:of\s+)?an?\s+)(?P<post>{alt(post)}|(?-i:C|{alt(codes)})"
        # a sign after the number, unless it is the next amount's ("10 €"; not the first
        # "$" of "$ 20,000.00 $ 37,305.97")
        rf"|{alt(units.symbol_signs)}(?!\s?\.?\d))"
        r"(?![A-Za-z'’]))?"
        r"(?![A-Za-z\d])",  # "2nd", "10x": not figures; "won't" is no currency
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class FigureGrammar:
    pattern: re.Pattern[str]
    over: re.Pattern[str]  # " over 3": what makes the number before it a numerator
    units: Lexicon  # units and currencies: pint, Babel and models/units.json
    senses: dict[str, Ambiguity]  # "m", "p", "$"...: the reading from the words around
    scales: dict[str, float]
    short_scales: frozenset[str]
    percent: frozenset[str]
    points: frozenset[str]
    modifier_before: re.Pattern[str]  # "more than", "about"... ending right before a figure
    modifier_symbols: dict[str, str]
    threshold_after: re.Pattern[str]  # " mark": "above the $50 mark" bounds the figure
    conversion_gap: re.Pattern[str]  # "(", "(about ": what opens a bracketed conversion
    alternative: re.Pattern[str]  # ", or ", " or nearly ": the same amount said another way
    one_letter_units: frozenset[str]  # as written: "500g", "1.6l", "95p"; not "5G"
    ages: Ages  # "aged 64", "Jones, 31,": a bare number that is an age
    modifier_after: re.Pattern[str]  # "or above", "and older" after a figure or its conversion
    modifiers_after: dict[str, str]
    period_name_nouns: frozenset[str]  # a hyphenated period before these names a thing
    pronoun_nouns: frozenset[str]  # "two others": nouns that stand for a counted noun
    count_nouns: frozenset[str]  # "the number of hotspots reached 200,000": hotspots
    age_group: re.Pattern[str]  # " to eights": a number word in the plural names a group
    group_nouns: dict[str, str]  # "a crowd of 8,000": the group noun -> what it counts
    race_time_cues: re.Pattern[str]  # a sentence of a race: "46.45" is in seconds
    match_minute: re.Pattern[str]  # "on " before "28 minutes": a match minute
    match_minute_in_a_match: re.Pattern[str]  # "after " before "20 minutes" in a match
    match_cues: re.Pattern[str]  # "penalty", "scored": the sentence reports a match
    clock_before: re.Pattern[str]  # "at " before "1330": a time of day
    clock_nouns: frozenset[str]  # "the 2300 slot": a noun after a time of day
    dateline: re.Pattern[str]  # " (UPI)" after a dateline's day
    vague_number: re.Pattern[str]  # "millions", "tens of thousands": their lowest value, >
    nonfigures: NonFigures  # ranks, labels, identifiers, list markers, date lists
    relative_time: re.Pattern[str]  # " ago", " after": a period before it is a time, no figure
    relative_time_before: re.Pattern[str]  # "go back ": a period after it is a time too
    hyphen_name_words: frozenset[str]  # ".45-caliber", "18-rated", "two-time": names
    multiplier_followers: frozenset[str]  # "four times more likely": a multiplier
    score_cues: re.Pattern[str]  # "a 4-0 win": a dashed pair is a score
    vote_cues: re.Pattern[str]  # "voted 272-219": a pair is a tally of votes
    change_verbs: dict[str, str]
    intransitive_change_verbs: frozenset[str]  # "rose 4p": the amount is the change
    particle_change_verbs: frozenset[str]  # "edged up 0.1 points"; not "racked up $5m"
    change_nouns: dict[str, str]
    comparatives_after: dict[str, str]
    differences_after: dict[str, str]  # "84% above the offer price": how far above it
    comparison_verbs: dict[str, str]
    threshold_verbs: dict[str, str]  # "needs 61 percent": at least, in the present tense
    cap_verbs: dict[str, str]  # "limiting capacity to 15 rounds": at most
    vague_idiom: re.Pattern[str]  # "in their ": "in their thousands" is a crowd's size
    period_units: frozenset[str]
    period_bounds: frozenset[str]  # "for as long as 18 years"; "as long as 60 agree" is none
    bound_words: frozenset[str]
    subunits: dict[str, tuple[str, int]]
    compound_units: dict[str, tuple[str, float]]
    fraction_words: frozenset[str]
    months: dict[str, int]  # month names and abbreviations -> 1 to 12
    time_of_day: frozenset[str]
    irregular_plurals: dict[str, str]
    count_skip: frozenset[str]
    person_plural: re.Pattern[str]  # "servants", "women": a plural modifier that names people
    per_units: dict[str, str]
    per_adverbs: dict[str, str]
    pronoun_numbers_up_to: float
    hyphen_name_nouns: frozenset[str]
    prefix_units: dict[str, str]
    slash_names: frozenset[str]
    level_verbs: frozenset[str]
    state_verbs: frozenset[str]  # "is", "remains": the subject is what the figure measures
    by_before: re.Pattern[str]  # "by", "by as much as" right before a figure: a change
    relative_units: frozenset[str]  # a change's size: "cuts of 25bp" (not "of $70bn")
    level_prepositions: frozenset[str]
    not_counted_subjects: frozenset[str]
    margin_verbs: frozenset[str]  # "lose by two points": a result's margin, not a change
    priced_change_verbs: frozenset[str]  # "futures have lost $4": the change of a price
    currency_name_pattern: re.Pattern[str]  # a currency named in words: "yen", "the rand"
    index_pattern: re.Pattern[str]  # a stock index or gauge: its levels are points
    scale_before: re.Pattern[str]  # "hundred and " right before a number: it goes on there
    hundredths_currencies: frozenset[str]  # "thirteen dollars forty five" is 13.45
    verb_nouns: dict[str, str]  # "Visitors spent ¥8.1 trillion": visitor spending
    counted_verb_participles: dict[str, str]  # "lost 18,000 jobs": jobs lost
    preposition_after: dict[str, frozenset[str]]  # "talks about $800bn": no approximation
    occasion_units: frozenset[str]  # "lost three times": a count of occasions, no change
    person_verbs: frozenset[str]  # "84 were killed": a bare number they say of counts people
    restatement: re.Pattern[str]  # "10 percent of residents, or ": the next says it again
    change_comparison: re.Pattern[str]  # "2.9% in 2001 and ", ", compared with ": the same change

    @classmethod
    def load(cls) -> FigureGrammar:
        data = resources.load("figures")
        alt = numbers.alternation
        units, ambiguous = lexicon(), senses.ambiguities()
        number = (rf"(?:{numbers.DIGITS})(?!\d)|(?<![A-Za-z]){numbers.vague_pattern()}"
                  rf"|(?<![A-Za-z]){numbers.word_number_pattern()}(?![A-Za-z])")
        pattern = _pattern(data, units, ambiguous, number)
        changes = [*data["approx_words"], *data["modifiers_before"]]
        currency_words = [*(n for n in units.names if n.isalpha()),
                          *(form for form, ambiguity in ambiguous.items()
                            if form.isalpha() and ambiguity.currencies)]
        approximations = [w for w, symbol in data["modifiers_before"].items() if symbol == "~"]
        return cls(
            pattern=pattern,
            over=re.compile(numbers.over_pattern(number), re.IGNORECASE),
            units=units,
            senses=ambiguous,
            scales={**_lower(data["scales"]), **data["scales_case_sensitive"]},
            short_scales=frozenset(data["short_scales"]),
            percent=frozenset(w.lower() for w in data["percent"]),
            points=frozenset(w.lower() for w in data["percentage_points"]),
            modifier_before=re.compile(rf"(?:^|\W)({alt(data['modifiers_before'])})\s+$"),
            modifier_symbols=data["modifiers_before"],
            threshold_after=re.compile(rf"\s+(?:{alt(data['threshold_nouns'])})\b", re.IGNORECASE),
            ages=Ages.from_data(data["ages"]),
            modifier_after=re.compile(
                # after a conversion, "of" and the stuff measured ("200 megabytes of
                # traffic or more") or a rate's base ("$2,000 a year or less")
                rf"(?:\s+of\s+[A-Za-z][\w-]*|\s+(?:a|an|per|each)\s+[a-z]+)?"
                rf"\s*(?:\([^()]{{0,40}}\)\s*)?\)?\s*({alt(data['modifiers_after'])})\b"
                r"(?!\s+than)",  # not "5000 or more than 4500"
                re.IGNORECASE),
            modifiers_after=_lower(data["modifiers_after"]),
            period_name_nouns=frozenset(data["period_name_nouns"]),
            pronoun_nouns=frozenset(data["pronoun_nouns"]),
            count_nouns=frozenset(data["count_nouns"]),
            age_group=re.compile(rf"\s*(?:to|-|–)\s*(?:{numbers.word_number_pattern()})s\b",
                                 re.IGNORECASE),
            group_nouns=data["group_nouns"],
            race_time_cues=_words(data["race_time_cues"]),
            clock_before=_words(data["clock_before"], r"\s+$"),
            clock_nouns=frozenset(data["clock_nouns"]),
            dateline=re.compile(rf"\s?\((?:{numbers.alternation(data['wire_services'])})\)"),
            match_minute=_words(data["match_minute_before"], r"\s+$"),
            match_minute_in_a_match=_words(data["match_minute_before_in_a_match"], r"\s+$"),
            match_cues=_words(data["match_cues"]),
            vague_number=re.compile(numbers.vague_pattern(), re.IGNORECASE),
            nonfigures=NonFigures.from_data(data, list(months())),
            relative_time=re.compile(rf"['’]?\s+(?:{alt(data['relative_time_after'])})\b"
                                     r"(?!\s+all\b)",  # "after all" is no time
                                     re.IGNORECASE),
            relative_time_before=re.compile(rf"\b(?:{alt(data['relative_time_before'])})\s+$",
                                            re.IGNORECASE),
            hyphen_name_words=frozenset(data["hyphen_name_words"]),
            multiplier_followers=frozenset(data["multiplier_followers"]),
            score_cues=_words(data["score_cues"]),
            vote_cues=_words(data["vote_cues"]),
            one_letter_units=frozenset([*(f for f in units.units if len(f) == 1), "p", "C"]),
            alternative=re.compile(rf",?\s+or\s+(?:(?:{alt(approximations)})\s+)?"),
            # "(", "(about ", after a rate too: "200bn euros a year (£140bn)"
            conversion_gap=re.compile(
                rf"^(?:\s+(?:a|an|per)\s+[a-z]+)?\s*\(\s*(?:(?:{alt(approximations)}|~)\s*)?$"),
            change_verbs=data["change_verbs"],
            intransitive_change_verbs=frozenset(data["intransitive_change_verbs"]),
            particle_change_verbs=frozenset(data["particle_change_verbs"]),
            change_nouns=data["change_nouns"],
            comparatives_after=data["comparatives_after"],
            differences_after=data["differences_after"],
            comparison_verbs=data["comparison_verbs"],
            threshold_verbs=data["threshold_verbs"],
            cap_verbs=data["cap_verbs"],
            vague_idiom=re.compile(rf"\b(?:{alt(data['vague_idioms_before'])})\s+$",
                                   re.IGNORECASE),
            period_units=frozenset(data["period_units"]),
            period_bounds=frozenset(data["period_bounds_before"]),
            subunits={coin: (code, n) for coin, (code, n) in data["subunits"].items()},
            compound_units={unit: (smaller, n)
                            for unit, (smaller, n) in data["compound_units"].items()},
            fraction_words=frozenset(
                w.rstrip("s") for w in resources.load("numbers")["fractions"]
            ),
            # words of "about", "as much as", "at least"...: a change verb may stand before
            # them; not "to" and "up"/"down", which end the search ("fell to 39%"), nor
            # "the" ("cut the £85 cost" is the amount cut, "in the region of" a bound)
            bound_words=frozenset(w for phrase in changes for w in phrase.split())
            - {"to", "up", "down", "of", "in", "the"},
            months=months(),
            time_of_day=frozenset(w.lower() for w in data["time_of_day"]),
            irregular_plurals=data["irregular_plurals"],
            count_skip=frozenset(data["count_skip_modifiers"]),
            person_plural=re.compile(
                rf"(?:{alt(data['person_plural_endings'])})$|^(?:{alt(data['person_plurals'])})$"),
            per_units=data["per_units"],
            per_adverbs=data["per_adverbs"],
            pronoun_numbers_up_to=data["pronoun_numbers_up_to"],
            hyphen_name_nouns=frozenset(data["hyphen_name_nouns"]),
            prefix_units=_lower(data["prefix_units"]),
            slash_names=frozenset(data["slash_names"]),
            level_verbs=frozenset([*data["change_verbs"], *data["comparison_verbs"],
                                   *data["level_verbs"]]),
            level_prepositions=frozenset(data["level_prepositions"]),
            state_verbs=frozenset(data["state_verbs"]),
            relative_units=frozenset(data["relative_units"]),
            by_before=re.compile(rf"\bby\s+(?:{alt(changes)}\s+)?$", re.IGNORECASE),
            not_counted_subjects=frozenset(data["not_counted_subjects"]),
            margin_verbs=frozenset(data["margin_verbs"]),
            priced_change_verbs=frozenset(data["priced_change_verbs"]),
            currency_name_pattern=re.compile(rf"\b{alt(currency_words)}\b"),
            index_pattern=re.compile(rf"\b{alt(data['index_words'])}\b"),
            scale_before=re.compile(
                rf"\b{alt(resources.load('numbers')['scales'])}\s+(?:and\s+)?$", re.IGNORECASE
            ),
            hundredths_currencies=frozenset(data["hundredths_currencies"]),
            verb_nouns=data["verb_nouns"],
            counted_verb_participles=data["counted_verb_participles"],
            preposition_after={word: frozenset(lemmas)
                               for word, lemmas in data["preposition_after"].items()},
            occasion_units=frozenset(data["occasion_units"]),
            person_verbs=frozenset(data["person_verbs"]),
            restatement=re.compile(rf"(?:\s+[A-Za-z][\w’'-]*){{1,4}},\s+or\s+"
                                   rf"(?:(?:{alt(approximations)})\s+)?"),
            change_comparison=re.compile(
                r"(?:\s+(?:in|on|for|during|over)\s+[^,;:()]{1,40}?)?,?\s+"
                rf"(?:{alt(data['change_comparisons'])})\s+(?:(?:just|only|a|an)\s+)?",
                re.IGNORECASE),
        )

    def currency(self, sign: str, sentence: str) -> str | None:
        """ISO code for a currency sign; a bare '$' or '¥' reads the sentence ("yuan",
        "Canadian")."""
        code = self.units.sign(sign)
        ambiguity = self.senses.get(repaired(re.sub(r"\s+", "", sign)).lower())
        return ambiguity.reading(sentence) if ambiguity is not None else code

    def currency_word(self, word: str, sentence: str) -> str | None:
        """The ISO code a currency's name stands for, read from the sentence where it has
        several meanings ("the won weakened" -> KRW)."""
        ambiguity = self.senses.get(word.lower())
        if ambiguity is not None:
            reading = ambiguity.reading(sentence)
            return reading if reading in ambiguity.currencies else None
        return self.units.currency(word)

    def vague(self, number: str) -> bool:
        """A vague amount ("millions", "tens of thousands", "several hundred")."""
        return self.vague_number.fullmatch(number) is not None

    def scale_factor(self, scale: str | None) -> float:
        """'billion' -> 1e9; a compound 'lakh crore' -> 1e12."""
        factor = 1.0
        for word in (scale or "").split():
            factor *= self.scales.get(word) or self.scales[word.lower()]
        return factor

    def post_unit(self, post: str, sentence: str = "", value: float = 0.0,
                  article: str = "") -> str | None:
        """The unit a word after the number names, read from the sentence where it has
        several ('1.5 degrees' of warming is degree Celsius, '95p' a penny), else from the
        ``article`` where the sentence alone would drop the figure; None for no unit,
        senses.NONE for no figure."""
        ambiguity = self.senses.get(post.lower())
        if ambiguity is not None:
            return ambiguity.reading(sentence, value=value, wider=article)
        lowered = post.lower()
        if post == "C":  # "1.5C"; matched case-sensitively, "5c" is five cents
            return "degree Celsius"
        if lowered in self.percent:
            return "%"
        if lowered in self.points:
            return "pp"
        if " " in lowered and lowered in self.subunits:
            return lowered  # "70 euro cents": a coin of a named currency
        return self.units.currency_in(post, sentence) or self.units.currency(post) \
            or self.units.unit(post)  # "francs" in a sentence about Mali are XOF

    def unit_word(self, word: str) -> str | None:
        """The unit a word names, periods in the singular too ("year" of "10-year", the
        "second" of "a hundredth of a second")."""
        singular = self.singular(word.lower())
        if singular in self.period_units:
            return singular
        return self.units.unit(word) or (self.units.unit(word + "s") if word.isalpha()
                                         else None)

    def singular(self, lemma: str) -> str:
        return self.irregular_plurals.get(lemma, lemma)

