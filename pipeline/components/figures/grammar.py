"""What a figure looks like on the surface: the pattern and the lookup tables.

Built once from ``models/figures.json`` and ``models/numbers.json``. Matching is
case-insensitive ("2.1 Trillion Yen" in a headline, "hk $" in tokenised text); every
lookup goes through lower-cased keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import resources
from pipeline.components.figures import numbers


def _lower(table: dict[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in table.items()}


def _pattern(data: dict, names: dict[str, str], number: str) -> re.Pattern[str]:
    """Currency or prefix unit, sign, number, scale, then a unit or currency word."""
    alt = numbers.alternation
    post = [*data["percent"], *data["percentage_points"], *names, *data["units"]]
    exact = "".join(f"|(?-i:{re.escape(w)})" for w in data["scales_case_sensitive"])
    scales = alt(data["scales"]) + exact  # "$1MM" is a million, "1mm" a millimetre
    spaced_prefix = r"(?:US|HK|C|NZ)\s\$"  # tokenised "us $ 10", "hk $ 5"; not "a $5"
    return re.compile(
        rf"(?:(?<![\w$€£¥₹₱.])(?P<cursign>[-−])?(?P<cur>{spaced_prefix}|"
        rf"{alt(data['currency_prefixes'])})\s?"
        rf"|(?<![\w/.])(?<!\D,)(?<![A-Za-z]-)(?:(?P<pre>{alt(data['prefix_units'])})\s+)?)"
        # "F-15", "COVID-19" are names; "3-4%" is not; "Mach 5" is a speed; a number
        # after a digit and a comma is the next of a list ("22,24,26")
        rf"(?P<neg>(?:minus|negative)\s+|(?<![\w)\]%])[-−](?=\d))?"
        rf"(?P<num>{number})"
        rf"(?:\s?(?P<scale>(?:{scales})(?:\s(?:{scales}))?)(?![A-Za-z]))?"  # "lakh crore"
        rf"(?:(?:\s?|-|\s+(?:of\s+)?an?\s+)(?P<post>{alt(post)}|(?-i:C))(?![A-Za-z'’]))?"
        r"(?![A-Za-z\d])",  # "2nd", "10x": not figures; "won't" is no currency
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class FigureGrammar:
    pattern: re.Pattern[str]
    over: re.Pattern[str]  # " over 3": what makes the number before it a numerator
    currency_prefixes: dict[str, str]
    currency_names: dict[str, str]
    scales: dict[str, float]
    short_scales: frozenset[str]
    percent: frozenset[str]
    points: frozenset[str]
    units: dict[str, str]
    modifier_before: re.Pattern[str]  # "more than", "about"... ending right before a figure
    modifier_symbols: dict[str, str]
    approx: tuple[str, ...]
    change_verbs: dict[str, str]
    change_nouns: dict[str, str]
    comparatives_after: dict[str, str]
    comparison_verbs: dict[str, str]
    period_units: frozenset[str]
    bound_words: frozenset[str]
    subunits: dict[str, tuple[str, int]]
    compound_units: dict[str, tuple[str, float]]
    fraction_words: frozenset[str]
    months: frozenset[str]
    time_of_day: frozenset[str]
    context_currency: dict[str, dict[str, list[str]]]
    irregular_plurals: dict[str, str]
    count_skip: frozenset[str]
    per_units: dict[str, str]
    per_adverbs: dict[str, str]
    pronoun_numbers_up_to: float
    hyphen_name_nouns: frozenset[str]
    prefix_units: dict[str, str]
    slash_names: frozenset[str]
    level_verbs: frozenset[str]
    state_verbs: frozenset[str]  # "is", "remains": the subject is what the figure measures
    unit_context: dict[str, dict[str, list[str]]]
    by_before: re.Pattern[str]  # "by", "by as much as" right before a figure: a change
    relative_units: frozenset[str]  # a change's size: "cuts of 25bp" (not "of $70bn")
    level_prepositions: frozenset[str]
    not_counted_subjects: frozenset[str]
    currency_name_pattern: re.Pattern[str]  # a currency named in words: "yen", "the rand"
    index_pattern: re.Pattern[str]  # a stock index or gauge: its levels are points
    scale_before: re.Pattern[str]  # "hundred and " right before a number: it goes on there
    hundredths_currencies: frozenset[str]  # "thirteen dollars forty five" is 13.45
    verb_nouns: dict[str, str]  # "Visitors spent ¥8.1 trillion": visitor spending
    counted_verb_participles: dict[str, str]  # "lost 18,000 jobs": jobs lost

    @classmethod
    def load(cls) -> FigureGrammar:
        data = resources.load("figures")
        alt = numbers.alternation
        prefixes = data["currency_prefixes"]
        codes = {c: c for c in data["iso_codes"]} | {
            p: iso for p, iso in prefixes.items() if re.fullmatch(r"[A-Z]{3}", p)
        }
        names = {**data["currency_names"], **codes}  # "500 USD", "40 RMB"
        number = (rf"(?:{numbers.DIGITS})(?!\d)|(?<![A-Za-z]){numbers.word_number_pattern()}"
                  r"(?![A-Za-z])")
        pattern = _pattern(data, names, number)
        changes = [*data["approx_words"], *data["modifiers_before"]]
        currency_words = [n.lower() for n in data["currency_names"] if n.isalpha()]
        return cls(
            pattern=pattern,
            over=re.compile(numbers.over_pattern(number), re.IGNORECASE),
            currency_prefixes=_lower(prefixes),
            currency_names=_lower(names),
            scales={**_lower(data["scales"]), **data["scales_case_sensitive"]},
            short_scales=frozenset(data["short_scales"]),
            percent=frozenset(w.lower() for w in data["percent"]),
            points=frozenset(w.lower() for w in data["percentage_points"]),
            units=_lower(data["units"]),
            modifier_before=re.compile(rf"(?:^|\W)({alt(data['modifiers_before'])})\s+$"),
            modifier_symbols=data["modifiers_before"],
            approx=tuple(data["approx_words"]),
            change_verbs=data["change_verbs"],
            change_nouns=data["change_nouns"],
            comparatives_after=data["comparatives_after"],
            comparison_verbs=data["comparison_verbs"],
            period_units=frozenset(data["period_units"]),
            subunits={coin: (code, n) for coin, (code, n) in data["subunits"].items()},
            compound_units={unit: (smaller, n)
                            for unit, (smaller, n) in data["compound_units"].items()},
            fraction_words=frozenset(
                w.rstrip("s") for w in resources.load("numbers")["fractions"]
            ),
            # words of "about", "as much as", "at least"...: a change verb may stand before
            # them; not "to" and "up"/"down", which end the search ("fell to 39%")
            bound_words=frozenset(w for phrase in changes for w in phrase.split())
            - {"to", "up", "down", "of", "in"},
            months=frozenset(data["months"]),
            time_of_day=frozenset(w.lower() for w in data["time_of_day"]),
            context_currency={"¥": data["yen_or_yuan"], "$": data["dollar_countries"]},
            irregular_plurals=data["irregular_plurals"],
            count_skip=frozenset(data["count_skip_modifiers"]),
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
            unit_context=data["unit_context"],
            by_before=re.compile(rf"\bby\s+(?:{alt(changes)}\s+)?$", re.IGNORECASE),
            not_counted_subjects=frozenset(data["not_counted_subjects"]),
            currency_name_pattern=re.compile(rf"\b{alt(currency_words)}\b"),
            index_pattern=re.compile(rf"\b{alt(data['index_words'])}\b"),
            scale_before=re.compile(
                rf"\b{alt(resources.load('numbers')['scales'])}\s+(?:and\s+)?$", re.IGNORECASE
            ),
            hundredths_currencies=frozenset(data["hundredths_currencies"]),
            verb_nouns=data["verb_nouns"],
            counted_verb_participles=data["counted_verb_participles"],
        )

    def currency(self, prefix: str, sentence: str) -> str:
        """ISO code for a prefix; '¥' and '$' read the sentence ("yuan", "Canadian")."""
        key = re.sub(r"\s+", "", prefix).lower()
        code = self.currency_prefixes[key]
        context = self.context_currency.get(key[-1:] if key.endswith("$") and key != "$" else key)
        if key in ("¥", "$") and context:
            lowered = sentence.lower()
            for iso, cues in context.items():
                if any(cue in lowered for cue in cues):
                    return iso
        return code

    def scale_factor(self, scale: str | None) -> float:
        """'billion' -> 1e9; a compound 'lakh crore' -> 1e12."""
        factor = 1.0
        for word in (scale or "").split():
            factor *= self.scales.get(word) or self.scales[word.lower()]
        return factor

    def post_unit(self, post: str, sentence: str = "") -> str | None:
        """The unit a word after the number names; 'degrees' are Celsius where the
        sentence speaks of warming or temperatures (unit_context)."""
        unit = self._post_unit(post)
        context = self.unit_context.get(unit or "")
        if context:
            lowered = sentence.lower()
            for meant, cues in context.items():
                if any(cue in lowered for cue in cues):
                    return meant
        return unit

    def _post_unit(self, post: str) -> str | None:
        lowered = post.lower()
        if post == "C":  # "1.5C"; matched case-sensitively, "5c" is five cents
            return "degree Celsius"
        if lowered in self.percent:
            return "%"
        if lowered in self.points:
            return "pp"
        return self.currency_names.get(lowered) or self.units.get(lowered)

    def singular(self, lemma: str) -> str:
        return self.irregular_plurals.get(lemma, lemma)
