"""Entity mentions with one canonical name per real-world entity within a document.

Runs after NER. A mention's canonical name comes from, in order: the alias table
(``models/entities.json``), a one-edit typo match against the gazetteer of
well-known places ("Unite States"), a longer PERSON name in the same
document ending with this one ("PM Ishiba" -> "Shigeru Ishiba"; the small
model often labels bare surnames ORG, which this also fixes), or an acronym of a
longer name in the document ("IEA" -> "International Energy Agency").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from pipeline import resources
from pipeline.annotations import EntityMention
from pipeline.components import aliases
from pipeline.components.guard import never_raises

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


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


class EntityCanonicalizer:
    """Sets ``doc._.nc_entities``: every kept mention with its canonical name."""

    def __init__(self, nlp: Language, name: str, *, labels: list[str] | None = None) -> None:
        data = resources.load("entities")
        self.name = name
        self.labels = frozenset(labels or data["labels"])
        self.titles = sorted(data["titles"], key=len, reverse=True)
        self.stopwords = frozenset(data["acronym_stopwords"])
        self.gazetteer = tuple(data["gazetteer"])
        if not Doc.has_extension("nc_entities"):
            Doc.set_extension("nc_entities", default=None)

    @never_raises
    def __call__(self, doc: Doc) -> Doc:
        spans = [s for s in doc.ents if s.label_ in self.labels]
        names = [(s, _strip_title(_clean(s.text), self.titles)) for s in spans]
        names = [(s, n) for s, n in names if n and any(c.isalpha() for c in n)]
        text = doc.text  # Doc.text joins all tokens on each access: read it once
        persons = {n for s, n in names if s.label_ == "PERSON" and " " in n}
        long_names = {n for _, n in names if len(n.split()) > 1}
        mentions = []
        for span, name in names:
            canonical, label = self._resolve(name, span.label_, persons, long_names)
            start, end = self._trim(span, text)
            mentions.append(EntityMention(start, end, text[start:end], label, canonical))
        mentions += self._missed_surnames(doc, mentions, persons)
        doc._.nc_entities = sorted(mentions, key=lambda m: m.start)
        return doc

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
        self, name: str, label: str, persons: set[str], long_names: set[str]
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
