"""spaCy's attribute ruler, matched by table look-up instead of its Matcher.

The base model's ``attribute_ruler`` (tag -> POS and morphology, pronoun cases) runs a
Matcher of 179 patterns over every token: about 13 us a token, a tenth of spaCy's own
CPU time and as much as the figures component. 171 of its patterns are one token long
and test only exact values or IN / NOT_IN sets of token attributes, so whether one
matches a token depends only on which of the pattern's values the token's attributes
hit. ``AttributeIndex`` keeps, per attribute, the patterns each named value satisfies
(a bit mask; every value no pattern names satisfies the same ones), so a token's
matches are the AND of a few masks. The other patterns (longer ones, regular
expressions) keep a Matcher of their own. The matches, and so every annotation the
ruler sets, are the same as the ruler's own ``match``; ``install`` leaves a ruler with
any pattern shape it does not know as it is. Setting them takes the matched token from
the Doc, not from a Span made for each match (as the ruler does), in the same order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # what the ruler sets attributes with

# token attributes the table reads, each as ``Doc.to_array`` gives it (a string's hash,
# or 0/1 for a flag), as the Matcher compares them
_ATTRS = {"ORTH": ORTH, "LOWER": LOWER, "TAG": TAG, "POS": POS, "DEP": DEP,
          "IS_SPACE": IS_SPACE}

Match = tuple[int, int, int, int]  # the ruler's (attribute set, match key, start, end)


class _Test:
    """What one pattern asks of one attribute: a value, or IN / NOT_IN a set of values."""

    def __init__(self, value: Any) -> None:
        if isinstance(value, Mapping):
            (self.op, values), = value.items()
            self.values = {get_string_id(v) for v in values}
        else:
            self.op = "IN"
            self.values = {int(value) if isinstance(value, bool) else get_string_id(value)}

    def holds(self, value: int) -> bool:
        return (value in self.values) == (self.op == "IN")


def _simple(spec: Mapping[str, Any]) -> bool:
    """A one-token pattern the table can answer: known attributes, plain tests."""
    return bool(spec) and all(
        attr in _ATTRS and (
            isinstance(value, str | bool) or (
                isinstance(value, Mapping) and len(value) == 1
                and next(iter(value)) in ("IN", "NOT_IN")
                and all(isinstance(v, str) for v in next(iter(value.values())))))
        for attr, value in spec.items())


class AttributeIndex:
    """A drop-in ``match`` for an AttributeRuler (see the module's docstring)."""

    def __init__(self, ruler: AttributeRuler, singles: list[tuple[int, int, dict]],
                 others: Matcher) -> None:
        self.ruler = ruler
        self.others = others
        self.attrs = sorted({a for _, _, spec in singles for a in spec}, key=list(_ATTRS).index)
        self.columns = [_ATTRS[a] for a in self.attrs]
        self.keys = [(aid, key) for aid, key, _ in singles]
        # per attribute: the mask of a value no pattern names, and of each named value
        self.default: list[int] = []
        self.named: list[dict[int, int]] = []
        for attr in self.attrs:
            tests = {bit: _Test(spec[attr]) for bit, (_, _, spec) in enumerate(singles)
                     if attr in spec}
            free = sum(1 << bit for bit in range(len(singles)) if bit not in tests)
            values = {v for test in tests.values() for v in test.values}
            self.default.append(free | sum(1 << bit for bit, test in tests.items()
                                           if test.op == "NOT_IN"))
            self.named.append({v: free | sum(1 << bit for bit, test in tests.items()
                                             if test.holds(v)) for v in values})
        self._hits: dict[int, tuple[tuple[int, int], ...]] = {}

    @classmethod
    def install(cls, nlp: Language, name: str = "attribute_ruler") -> bool:
        """Give the pipe ``name`` of ``nlp`` the table's ``match``; False where the pipe is
        missing, not an AttributeRuler, or has no pattern the table can answer."""
        ruler = nlp.get_pipe(name) if name in nlp.pipe_names else None
        if not isinstance(ruler, AttributeRuler):
            return False
        singles, others = [], Matcher(nlp.vocab)
        for aid in range(len(ruler.attrs)):
            key = nlp.vocab.strings.add(str(aid))
            _, patterns = ruler.matcher.get(key)
            rest = []
            for pattern in patterns:
                if len(pattern) == 1 and _simple(pattern[0]):
                    singles.append((aid, key, pattern[0]))
                else:
                    rest.append(pattern)
            if rest:
                others.add(key, rest)
        if not singles:
            return False
        index = cls(ruler, singles, others)
        ruler.match, ruler.set_annotations = index.match, index.set_annotations
        return True

    def match(self, doc: Doc) -> list[Match]:
        """The ruler's matches on ``doc``, sorted as ``AttributeRuler.match`` sorts them."""
        matches = [(aid, key, start, end) for key, start, end in
                   self.others(doc, allow_missing=True, as_spans=False)
                   for aid in (int(self.ruler.vocab.strings[key]),)]
        if len(doc):
            tables = list(zip(self.named, self.default, strict=True))
            for i, row in enumerate(doc.to_array(self.columns).tolist()):
                mask = -1
                for value, (named, default) in zip(row, tables, strict=True):
                    mask &= named.get(value, default)
                for aid, key in self._hits_of(mask):
                    matches.append((aid, key, i, i + 1))
        matches.sort()
        return matches

    def set_annotations(self, doc: Doc, matches: list[Match]) -> None:
        """``AttributeRuler.set_annotations``: each match's attributes on its token, in
        order (a later rule wins); a token index outside its match raises there, as the
        ruler's own would."""
        ruler = self.ruler
        for n, (aid, _, start, end) in enumerate(matches):
            index = ruler.indices[aid]
            i = start + index if index >= 0 else end + index
            if not start <= i < end:  # the ruler's own raises its error
                return AttributeRuler.set_annotations(ruler, doc, matches[n:])
            set_token_attrs(doc[i], ruler.attrs[aid])

    def _hits_of(self, mask: int) -> tuple[tuple[int, int], ...]:
        """The (attribute set, key) pairs of a mask's patterns, once per key (the Matcher
        reports a span once however many of a key's patterns match it)."""
        hits = self._hits.get(mask)
        if hits is None:
            hits = self._hits[mask] = tuple(sorted({self.keys[bit] for bit in
                                                    range(len(self.keys)) if mask >> bit & 1}))
        return hits
