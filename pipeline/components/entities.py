"""Entity mentions with one canonical name per real-world entity within a document.

Runs after NER. A mention's canonical name comes from, in order: the alias table
(``models/entities.json``), a one-edit typo match against the gazetteer of
well-known places ("Unite States"), a longer PERSON name in the same
document ending with this one ("PM Ishiba" -> "Shigeru Ishiba"; the small
model often labels bare surnames ORG, which this also fixes), or an acronym of a
longer name in the document ("IEA" -> "International Energy Agency"), or the one
PERSON name in the document that begins with a lone first name ("Carlos" -> "Carlos Moya").
A span is cut where the small model runs it across a spaced dash, an opening bracket or
a line ("Rob Partridge - Marley's" -> "Rob Partridge"); a PERSON name holding a digit is
an organisation ("G8", "Transport 2000"), as is one heading a phrase after "the" ("the
Beatles"); a PERSON mention of a name the document labels otherwise more often takes that
label, and one of a name the document calls an organisation ("oil giant Yukos") is ORG.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from pipeline import resources
from pipeline.annotations import EntityMention
from pipeline.components import aliases, once
from pipeline.components.guard import never_raises

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_DASHES = frozenset({"-", "–", "—", "|"})
_BRACKETS = frozenset({"(", "["})
_SCORE = re.compile(r"\d+[-–]\d+")


def _clean(text: str) -> str:
    """Drop quote marks, a leading article and a possessive ending."""
    text = text.strip().strip("\"“”‘’«»()[],;:").strip()
    text = re.sub(r"^(?:the|an|a)\s+", "", text, flags=re.IGNORECASE).strip("\"“”‘’ ")
    return _POSSESSIVE.sub("", text).strip()


def _strip_title(text: str, titles: Iterable[str]) -> str:
    for title in titles:
        if text.startswith(title + " ") and len(text) > len(title) + 1:
            return text[len(title) + 1 :].strip()
    return text


def _within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] or a[i + 1 :] == b[i + 1 :]


def _initials(name: str, stopwords: frozenset[str]) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in stopwords]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _cut(span: SpacySpan) -> SpacySpan:
    """The span up to a spaced dash, an opening bracket, a match score or a line break
    inside it: the small model runs names on into the next words there ("Wayne Rooneys -
    at", "Peter Luczak 7-6"). A dash inside a word ("Kar-Wai") is no cut."""
    doc = span.doc
    for token in span[1:]:
        before = doc[token.i - 1]
        if "\n" in before.whitespace_ or (
            token.text in _DASHES and before.whitespace_
        ) or token.text in _BRACKETS or "\n" in token.text or _is_score(token):
            return SpacySpan(doc, span.start, token.i, label=span.label_)
    return span


def _is_score(token: Token) -> bool:
    """A match score or a range at ``token``: "7-6" as one token or as three."""
    if _SCORE.fullmatch(token.text):
        return True
    after = token.doc[token.i + 1 : token.i + 3]
    return token.is_digit and len(after) == 2 and after[0].text in _DASHES and after[1].is_digit


def _label(label: str, name: str, *, after_the: bool = False) -> str:
    """A PERSON name with a digit in it names an organisation or a thing ("G8",
    "Transport 2000"): no person's name holds one; nor does a person's name follow
    "the" ("the Beatles", "the Lib Dems", "the Lycos screensaver")."""
    if label == "PERSON" and (after_the or any(c.isdigit() for c in name)):
        return "ORG"
    return label


def _after_the(span: SpacySpan) -> bool:
    """The span starts with "the" or follows it directly, and is no modifier of a noun
    after it ("the Lib Dem spokesman" is a person, described: left as it is)."""
    first = span[0] if span[0].lower_ == "the" or not span.start else span.doc[span.start - 1]
    return first.lower_ == "the" and span.root.dep_ not in ("compound", "amod", "nmod")


def _agree(
    mentions: list[EntityMention], titled: set[int], organisations: frozenset[str] = frozenset()
) -> list[EntityMention]:
    """PERSON mentions of a name the document labels otherwise more often take the most
    common other label, and those of a name it calls an organisation somewhere
    (``organisations``: "oil giant Yukos") are ORG: the small model tags firms and clubs
    PERSON now and then ("Yukos maintains ... said Yukos"). A mention after a title
    ("Mr Wang", at a start in ``titled``) stays a person."""
    labels: dict[str, Counter[str]] = {}
    for m in mentions:
        labels.setdefault(m.canonical, Counter())[m.label] += 1
    out = []
    for m in mentions:
        counts = labels[m.canonical]
        others = [(n, lab) for lab, n in counts.items() if lab != "PERSON"]
        if m.label == "PERSON" and m.start not in titled:
            if m.canonical in organisations:
                m = replace(m, label="ORG")
            elif others and max(others)[0] > counts["PERSON"]:
                m = replace(m, label=max(others)[1])
        out.append(m)
    return out


class EntityCanonicalizer:
    """Sets ``doc._.nc_entities``: every kept mention with its canonical name."""

    def __init__(self, nlp: Language, name: str, *, labels: list[str] | None = None) -> None:
        data = resources.load("entities")
        self.name = name
        self.labels = frozenset(labels or data["labels"])
        self.titles = sorted(data["titles"], key=len, reverse=True)
        self.first_name_titles = frozenset(data["first_name_titles"])
        self.organisation_nouns = frozenset(data["organisation_nouns"])
        self.stopwords = frozenset(data["acronym_stopwords"])
        self.gazetteer = tuple(data["gazetteer"])
        if not Doc.has_extension("nc_entities"):
            Doc.set_extension("nc_entities", default=None)

    @never_raises
    def __call__(self, doc: Doc) -> Doc:
        spans = [_cut(s) for s in doc.ents if s.label_ in self.labels]
        cleaned = [(s, _clean(s.text)) for s in spans]
        names = [(s, _strip_title(c, self.titles)) for s, c in cleaned]
        titled = {s.start for (s, c), (_, n) in zip(cleaned, names, strict=True)
                  if self._surname_title(c[: len(c) - len(n)].strip()
                                         or (doc[s.start - 1].text if s.start else ""))}
        names = [(s, n) for s, n in names if n and any(c.isalpha() for c in n)]
        text = once.text(doc)
        labels = {s.start: _label(s.label_, n, after_the=_after_the(s)) for s, n in names}
        persons = {n for s, n in names if labels[s.start] == "PERSON" and " " in n}
        long_names = {n for _, n in names if len(n.split()) > 1}
        mentions, sure, organisations = [], set(), set()
        for span, name in names:
            label = labels[span.start]
            canonical, label = self._resolve(
                name, label, persons, long_names, titled=span.start in titled
            )
            start, end = self._trim(span, text)
            if canonical.startswith((text[start:end] + "'s", text[start:end] + "’s")):
                end = min(len(text), end + 2) if text[end : end + 2] in ("'s", "’s") else end
            mentions.append(EntityMention(start, end, text[start:end], label, canonical))
            if span.start in titled:
                sure.add(start)
            if span.start and doc[span.start - 1].lower_ in self.organisation_nouns:
                organisations.add(canonical)
        mentions += self._missed_surnames(doc, mentions, persons)
        mentions = _agree(mentions, sure, frozenset(organisations))
        doc._.nc_entities = sorted(mentions, key=lambda m: m.start)
        return doc

    def _surname_title(self, title: str) -> bool:
        """A title after which a lone name is a surname ("Mr Howard", not "Sir Alex")."""
        return title in self.titles and title not in self.first_name_titles

    @staticmethod
    def _missed_surnames(
        doc: Doc, mentions: list[EntityMention], persons: set[str]
    ) -> list[EntityMention]:
        """Bare surnames NER did not tag ("Ishiba later met reporters"), when the
        document names exactly one person with that surname."""
        by_surname: dict[str, set[str]] = {}
        for person in persons:
            by_surname.setdefault(person.split()[-1], set()).add(person)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        found = []
        for token in doc:
            people = by_surname.get(token.text)
            if people and len(people) == 1 and token.pos_ == "PROPN" and token.idx not in taken:
                [person] = people
                end = token.idx + len(token.text)
                found.append(EntityMention(token.idx, end, token.text, "PERSON", person))
        return found

    def _resolve(
        self, name: str, label: str, persons: set[str], long_names: set[str], *,
        titled: bool = False,
    ) -> tuple[str, str]:
        alias = aliases.alias(name)
        if alias:
            return alias, label
        if len(name) >= 6 and label != "NORP" and name not in self.gazetteer:
            for known in self.gazetteer:
                if _within_one_edit(name.lower(), known.lower()):
                    return known, label
        if label in ("PERSON", "ORG", "GPE") and name not in persons:
            longer = sorted(p for p in persons if p.endswith(" " + name))
            if longer:
                return max(longer, key=len), "PERSON"
        owned = [n for n in long_names if n.startswith((name + "'s of ", name + "’s of "))]
        if len(owned) == 1:
            # the possessive is part of the name ("Lloyd's market" -> "Lloyd's of London");
            # not in "Japan's Defense Ministry", a part of another entity
            return owned[0], label
        if label == "PERSON" and name.endswith("s"):
            # a plural possessive the small model keeps ("Wayne Rooneys' agent")
            stem = sorted(p for p in persons if p == name[:-1] or p.endswith(" " + name[:-1]))
            if len(stem) == 1:
                return stem[0], label
        if label == "PERSON" and " " not in name and not titled:
            # after a title a lone name is a surname ("Mr Howard" is not Howard Flight)
            first = sorted(p for p in persons if p.startswith(name + " "))
            if len(first) == 1:
                return first[0], label
        if name.isupper() and 2 <= len(name) <= 6:
            for known in sorted(long_names):
                if _initials(known, self.stopwords) == name:
                    return known, label
        return name, label

    @staticmethod
    def _trim(span: SpacySpan, text: str) -> tuple[int, int]:
        """Character span without leading articles/quotes and trailing possessives."""
        tokens = list(span)
        while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].lower_ in ("the", "a", "an")):
            tokens.pop(0)
        while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
            tokens.pop()
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        surface = text[start:end]
        match = _POSSESSIVE.search(surface)
        if match and len(surface) > 2 and not surface.endswith("s'"):
            end -= len(match.group(0))
        return start, end


@Language.factory("newsclaims_entities", default_config={"labels": None})
def make_entity_canonicalizer(
    nlp: Language, name: str, labels: list[str] | None
) -> EntityCanonicalizer:
    return EntityCanonicalizer(nlp, name, labels=labels)
