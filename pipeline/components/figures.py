"""Figures: money, percentages, counts and quantities, normalised.

A regular expression built from ``models/figures.json`` finds candidate numbers
with their currency, scale and unit words in each sentence; the dependency parse
then supplies what a pattern cannot see: the counted noun ("98 F-15 fighter
jets" -> fighter jet), the governing verb (predicate, and "rose by" -> up), the
figure's owner (subject) and what is measured (target). Numbers that are years,
dates, times, model numbers or list numbering are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline import resources
from pipeline.annotations import Figure
from pipeline.components import timex
from pipeline.components.guard import never_raises

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_NOT_TARGETS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_CONVERSION_GAP = re.compile(r"^\s*\(\s*(?:(?:about|around|approx\.|approximately|roughly|~)\s*)?$")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Tables:
    pattern: re.Pattern[str]
    currency_prefixes: dict[str, str]
    currency_names: dict[str, str]
    scales: dict[str, float]
    short_scales: frozenset[str]
    percent: frozenset[str]
    points: frozenset[str]
    units: dict[str, str]
    modifiers: list[tuple[str, str]]
    change_verbs: dict[str, str]
    months: frozenset[str]
    time_of_day: frozenset[str]
    context_currency: dict[str, dict[str, list[str]]]
    irregular_plurals: dict[str, str]

    @classmethod
    def load(cls) -> _Tables:
        data = resources.load("figures")
        prefixes, names = data["currency_prefixes"], data["currency_names"]
        post = [*data["percent"], *data["percentage_points"], *names, *data["units"]]
        pattern = re.compile(
            rf"(?:(?<![\w$€£¥₹.])(?P<cur>{_alternation(list(prefixes))})\s?|(?<![\w\-/.,]))"
            rf"(?P<num>{_NUMBER})(?!\d)"
            rf"(?:\s?(?P<scale>{_alternation(list(data['scales']))})(?![A-Za-z]))?"
            rf"(?:\s?(?P<post>{_alternation(post)})(?![A-Za-z]))?"
            r"(?![A-Za-z\d])"  # "2nd", "10x": not figures
        )
        return cls(
            pattern=pattern,
            currency_prefixes=prefixes,
            currency_names=names,
            scales=data["scales"],
            short_scales=frozenset(data["short_scales"]),
            percent=frozenset(data["percent"]),
            points=frozenset(data["percentage_points"]),
            units=data["units"],
            modifiers=sorted(data["modifiers_before"].items(), key=lambda kv: -len(kv[0])),
            change_verbs=data["change_verbs"],
            months=frozenset(data["months"]),
            time_of_day=frozenset(w.lower() for w in data["time_of_day"]),
            context_currency={"¥": data["yen_or_yuan"], "$": data["dollar_countries"]},
            irregular_plurals=data["irregular_plurals"],
        )


class FigureExtractor:
    """Sets ``doc._.nc_figures``: a list of :class:`Figure`, in text order."""

    def __init__(self, nlp: Language, name: str, *, doc_year_attr: str = "nc_year") -> None:
        self.name = name
        self.tables = _Tables.load()
        self.doc_year_attr = doc_year_attr
        for attr in ("nc_figures", doc_year_attr):
            if not Doc.has_extension(attr):
                Doc.set_extension(attr, default=None)

    @never_raises
    def __call__(self, doc: Doc) -> Doc:
        figures: list[Figure] = []
        text = doc.text  # Doc.text joins all tokens on each access: read it once
        for sent in doc.sents:
            first_in_sentence = len(figures)
            for match in self.tables.pattern.finditer(text, sent.start_char, sent.end_char):
                figure = self._figure(doc, text, sent, match, figures, first_in_sentence)
                if figure is not None:
                    figures.append(figure)
        doc._.nc_figures = figures
        return doc

    # -- one candidate ---------------------------------------------------------------

    def _figure(
        self, doc: Doc, text: str, sent: Span, match: re.Match[str], done: list[Figure],
        first: int,
    ) -> Figure | None:
        t = self.tables
        cur, scale, post = match.group("cur"), match.group("scale"), match.group("post")
        start, end = match.start(), match.end()
        if cur is None:
            start = match.start("num")
        if scale and scale.lower() in t.short_scales and not cur and (
            match.start("scale") != match.end("num")
        ):
            return None  # "5 m" is metres or noise, "5m" or "$5 m" is millions
        if scale and scale not in t.scales:
            scale = scale.lower() if scale.lower() in t.scales else None
        number = match.group("num")
        if not (cur or scale or post) and self._not_a_figure(text, sent, match, number):
            return None
        # Decimal keeps 8.54 trillion at 8.54e12 instead of 8539999999999.999
        factor = Decimal(str(t.scales[scale])) if scale else Decimal(1)
        value = float(Decimal(number.replace(",", "")) * factor)
        unit = self._unit(sent, cur, post)
        tokens = doc.char_span(start, end, alignment_mode="expand")
        anchor = tokens.root if tokens is not None else None
        if unit is None and anchor is not None:
            unit = self._counted_noun(anchor, t.irregular_plurals)
        modifier, _ = self._modifier(text, start, anchor)
        conversion_of = None
        if done[first:]:
            previous = done[-1]
            gap = text[previous.span[1] : start]
            if _CONVERSION_GAP.match(gap) and text[end : end + 3].lstrip().startswith(")"):
                conversion_of = len(done) - 1
        verb = self._governing_verb(anchor) if anchor is not None else None
        subject, subject_span = self._subject(verb)
        return Figure(
            span=(start, end),
            value=value,
            unit=unit,
            modifier=modifier,
            time=timex.time_of(sent, start, getattr(doc._, self.doc_year_attr)),
            subject=subject,
            subject_span=subject_span,
            predicate=verb.lemma_.lower() if verb is not None else None,
            predicate_span=(verb.idx, verb.idx + len(verb.text)) if verb is not None else None,
            target=(
                done[conversion_of].target
                if conversion_of is not None
                else self._target(anchor, verb) if anchor is not None else None
            ),
            conversion_of=conversion_of,
            confidence=0.9 if (cur or post) else 0.7 if scale else 0.5,
        )

    def _not_a_figure(self, text: str, sent: Span, match: re.Match[str], number: str) -> bool:
        """Years, dates, times of day, model numbers and list numbering are not figures."""
        t = self.tables
        before = text[sent.start_char : match.start("num")]
        after = text[match.end("num") : sent.end_char]
        if re.fullmatch(r"1[5-9]\d\d|20\d\d|21\d\d", number):
            return True
        prev_word = re.search(r"([A-Za-z][\w.]*)\W*$", before)
        next_word = re.match(r"\W{0,2}([A-Za-z][\w.']*)", after)
        if (prev_word and prev_word.group(1).lower().rstrip(".") in t.months) or (
            next_word and next_word.group(1).lower().rstrip(".") in t.months
        ):
            return True
        if re.match(r"[:\-/]\d", after) or re.match(r"-[A-Za-z]", after):
            return True
        if next_word and next_word.group(1).lower() in t.time_of_day:
            return True
        if re.search(r"(?:^|\n)\s*$", before) and re.match(r"[.)]\s", after):
            return True
        if re.search(r"(?:No\.|#|[A-Z][a-z]*[A-Z]\w*)\s?$", before):
            return True
        return bool(
            prev_word
            and before.endswith(prev_word.group(1) + " ")
            and prev_word.group(1)[0].isupper()
            and before.strip() != prev_word.group(1)
            and prev_word.group(1).lower() not in ("in", "on", "by", "for", "about", "some")
        )

    def _unit(self, sent: Span, cur: str | None, post: str | None) -> str | None:
        t = self.tables
        if cur:
            code = t.currency_prefixes[cur]
            context = t.context_currency.get(cur)
            if context:
                lowered = sent.text.lower()
                for iso, cues in context.items():
                    if any(cue in lowered for cue in cues):
                        return iso
            return code
        if post is None:
            return None
        lowered = post.lower()
        if post in t.percent or lowered in t.percent:
            return "%"
        if lowered in t.points:
            return "pp"
        return t.currency_names.get(post) or t.currency_names.get(lowered) or t.units.get(post)

    @staticmethod
    def _counted_noun(anchor: Token, irregular: dict[str, str]) -> str | None:
        """The singular noun a bare number counts: "98 F-15 fighter jets" -> fighter jet."""
        noun = anchor.head if anchor.dep_ in ("nummod", "quantmod", "compound") else None
        if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.i < anchor.i:
            return None
        words = [
            w.lower_
            for w in noun.lefts
            if w.dep_ == "compound" and w.pos_ == "NOUN" and w.i > anchor.i and w.is_alpha
        ]
        lemma = noun.lemma_.lower()
        return " ".join([*words, irregular.get(lemma, lemma)])

    def _modifier(self, text: str, start: int, anchor: Token | None) -> tuple[str, int]:
        """The comparison or change word before the figure, and where it starts."""
        window = text[max(0, start - 30) : start].lower()
        for phrase, symbol in self.tables.modifiers:
            if re.search(rf"(?:^|\W){re.escape(phrase)}\s+$", window):
                return symbol, start - len(window) + window.rindex(phrase)
        if re.search(r"(?:^|\W)(up|down)\s+$", window):
            return window.rstrip().rsplit(None, 1)[-1], start
        if anchor is not None:
            head = anchor.head if anchor.dep_ != "pobj" else anchor.head.head
            via = anchor.head.lower_ if anchor.dep_ == "pobj" else None
            direction = self.tables.change_verbs.get(head.lemma_.lower())
            if direction and via in (None, "by") and head.pos_ == "VERB":
                return direction, start
        return "=", start

    @staticmethod
    def _governing_verb(anchor: Token) -> Token | None:
        token = anchor
        for _ in range(4):
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
                return token
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    @staticmethod
    def _subject(verb: Token | None) -> tuple[str | None, tuple[int, int] | None]:
        while verb is not None:
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                tokens = [t for t in subjects[0].subtree if t.dep_ not in ("relcl", "appos")]
                tokens = [t for t in tokens if not t.is_punct] or list(subjects[0].subtree)
                span = subjects[0].doc[tokens[0].i : tokens[-1].i + 1]
                if span.root.pos_ == "PRON" and span.root.lower_ in ("it", "this", "that"):
                    return None, None
                return span.text, (span.start_char, span.end_char)
            if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
                verb = verb.head
            else:
                return None, None
        return None, None

    @staticmethod
    def _target(anchor: Token, verb: Token | None) -> str | None:
        """What is measured: a prepositional object of the figure or its verb that is not a
        time; else the counted noun phrase; else the verb itself."""
        for head in (anchor, verb):
            if head is None:
                continue
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "of", "for", "to"):
                    continue
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects and objects[0].ent_type_ not in _NOT_TARGETS:
                    tokens = list(objects[0].subtree)
                    if len(tokens) <= 8:
                        return anchor.doc[tokens[0].i : tokens[-1].i + 1].text
        if anchor.head.i != anchor.i and anchor.head.pos_ == "NOUN":
            return anchor.head.lemma_.lower()
        if verb is not None:
            own = {t.i for t in anchor.subtree} | {anchor.head.i}
            for noun in verb.children:
                if noun.dep_ in ("dobj", "attr") and noun.i not in own and noun.pos_ == "NOUN":
                    compounds = [w.lower_ for w in noun.lefts if w.dep_ == "compound"]
                    return " ".join([*compounds, noun.lemma_.lower()])
        return None


@Language.factory("newsclaims_figures", default_config={"doc_year_attr": "nc_year"})
def make_figure_extractor(nlp: Language, name: str, doc_year_attr: str) -> FigureExtractor:
    return FigureExtractor(nlp, name, doc_year_attr=doc_year_attr)
