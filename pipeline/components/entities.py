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
A PERSON the alias table knows takes its target's label ("Lib Dem", "Labour": ORG). Only a
personal title ("Mr", "Lord", "Baroness") is taken off a span not labelled PERSON ("General
Motors" stays whole), and such a span is a PERSON, as is a short full name ending with a
surname the document gives a personal title ("Vincent Cable" ... "Mr Cable"); untagged
names are added after a personal title ("Mr Grieve said"), with a first name before such a
surname ("Dominic Grieve"), and as a speech verb's subject tagged as a noun ("Rowling said").
The article's own words decide labels where the small model errs: a plural verb ("Chelsea
have"), a noun only a firm or a club has ("Yukos chief executive"), a possessive that is part
of the name ("Dr Reddy's has") make an organisation; a surname that speaks alone ("Calder
said") or a person noun before the name ("coach Sven-Goran Eriksson") a person; a people is
NORP ("Welsh"). Untagged repeats of a one-word name take its name and label ("Fosters said").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from spacy.language import Language
from spacy.symbols import nsubj
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from pipeline import resources
from pipeline.annotations import EntityMention
from pipeline.components import aliases, once
from pipeline.components.guard import never_raises
from pipeline.components.headlines import headline_end

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_DASHES = frozenset({"-", "–", "—", "|"})
_FIXTURE = frozenset({"v", "vs", "v."})
_TRAILING = frozenset({"of", "and", "or", "&", "the", "for", "in", "on", "at", "to"})
_BRACKETS = frozenset({"(", "["})
_PLURAL_VERBS = frozenset({"are", "were", "have", "'re", "'ve", "’re", "’ve"})
_SCORE = re.compile(r"\d+[-–]\d+")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


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


def _cut(span: SpacySpan, body: int = 0, titles: frozenset[str] = frozenset()) -> SpacySpan:
    """The span up to a spaced dash, an opening bracket, a match score, a fixture's "v" or
    a line break inside it, without function words at its end, and from the body's start
    where it runs on from a headline (``body``, :func:`headline_end`): the small model runs
    names on into the next words there ("Wayne Rooneys - at", "Peter Luczak 7-6", "Swansea
    v Leicester", "Francesca Schiavone of", "Capriati to miss Melbourne | Jennifer
    Capriati has"), and before a personal title (``titles``) inside a span not labelled
    PERSON ("a speech to the Foreign Policy Centre Mr Straw said"; not "First Lady Laura
    Bush"). A dash inside a word ("Kar-Wai") is no cut."""
    doc = span.doc
    start, end = span.start, span.end
    if span.start_char < body < span.end_char:
        start = next(t.i for t in span if t.idx >= body)
    for token in doc[start + 1 : end]:
        before = doc[token.i - 1]
        if "\n" in before.whitespace_ or (
            token.text in _DASHES and before.whitespace_
        ) or token.text in _BRACKETS or "\n" in token.text or _is_score(token) or (
                token.text in _FIXTURE) or (span.label_ != "PERSON" and token.text in titles):
            end = token.i
            break
    while end - start > 1 and doc[end - 1].text in _TRAILING:
        end -= 1
    return span if (start, end) == (span.start, span.end) else SpacySpan(
        doc, start, end, label=span.label_)


def _is_score(token: Token) -> bool:
    """A match score or a range at ``token``: "7-6" as one token or as three."""
    if _SCORE.fullmatch(token.text):
        return True
    after = token.doc[token.i + 1 : token.i + 3]
    return token.is_digit and len(after) == 2 and after[0].text in _DASHES and after[1].is_digit


def _words(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern for any of ``words`` as a whole word."""
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"(?<![\w.'’-])(?:{alternatives})(?![\w'’-])")


def _tokens(doc: Doc, spans: Iterable[tuple[int, int]]) -> Iterable[Token]:
    """The tokens the character spans are exactly: a pass over the text's few matches
    rather than every token of the document (this runs on every article)."""
    for start, end in spans:
        span = doc.char_span(start, end)
        if span is not None and len(span) == 1:
            yield span[0]


def _never_lower(text: str, words: set[str]) -> set[str]:
    """The ``words`` the article never writes in lower case: a name, not a word that opens
    a sentence ("Fosters said" but not "Still, he said")."""
    written = {text[a:b] for a, b in _occurrences(text, {w.lower() for w in words})}
    return {w for w in words if w.lower() not in written}


def _occurrences(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where each of ``words`` stands in ``text`` as a whole word, as :func:`_words`
    matches, found by ``str.find``: the words differ per document, and compiling a
    pattern for each would cost more than the search."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            before = text[at - 1] if at else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before in "_.'’-") and not (
                    after.isalnum() or after in "_'’-"):
                found.append((at, end))
            at = text.find(word, end)
    return found


def _capitalised(token: Token) -> bool:
    """A word written as a name: capital first, not all capitals ("Grieve", "McLeish",
    "O'Driscoll"; not "BBC", "said")."""
    return _capitalised_name(token.text)


def _capitalised_name(text: str) -> bool:
    """A word written as a name: capital first, not all capitals ("Fosters", "McLeish",
    "O'Driscoll"; not "BBC", "3G", "said")."""
    return text[:1].isupper() and text[:1].isalpha() and not text.isupper()


def _alone(token: Token) -> bool:
    """The word is a name by itself, neither part of a longer one nor a modifier: no
    capitalised word, noun, adjective, number or joined hyphen after it ("the Guildford
    Four", "Mr Kilroy-Silk", "Usdaw general secretary", "Commodore 64 enthusiasts": the
    small parser takes some of those for subjects)."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is None or not (
        _capitalised(after) or after.pos_ in ("NOUN", "ADJ", "NUM", "PROPN")
        or (after.text == "-" and not token.whitespace_))


def _after_a_name(token: Token) -> bool:
    """A capitalised proper noun comes right before the token ("Plaid Cymru", "New
    Labour", "Q Magazine"; not "The Aviator", "But Calder")."""
    before = token.doc[token.i - 1] if token.i else None
    return before is not None and before.text[:1].isupper() and before.pos_ == "PROPN"


def _label(label: str, name: str, *, after_the: bool = False) -> str:
    """A PERSON name with a digit in it names an organisation or a thing ("G8",
    "Transport 2000"): no person's name holds one; nor does a person's name follow
    "the" ("the Beatles", "the Lib Dems", "the Lycos screensaver")."""
    if label == "PERSON" and (after_the or any(c.isdigit() for c in name)):
        return "ORG"
    return label


def _plural_subject(span: SpacySpan) -> bool:
    """The span is the lone subject of a plural "are", "were" or "have" right after it
    ("Chelsea have destroyed me", "Lazio are favourites"): British English for teams and
    firms, which no one person's name takes ("Me and Gethin are" is two people; "demanding
    that Tony Blair spell out" a subjunctive, so no other verb counts)."""
    root, doc = span.root, span.doc
    if root.dep_ != "nsubj" or any(c.dep_ in ("conj", "cc") for c in root.children) or (
            span.start and doc[span.start - 1].lower_ in ("and", "or", "nor", "&")):
        return False
    verb = doc[span.end] if span.end < len(doc) else None
    return verb is not None and verb.lower_ in _PLURAL_VERBS and verb.tag_ in ("VBP", "VBD") and (
        verb == root.head or verb.head == root.head)


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
        self.personal_titles = frozenset(data["personal_titles"])
        self.personal_title = _words(self.personal_titles)
        self.alias_labels: dict[str, str] = data["alias_labels"]
        # one-word forms the alias table knows, found untagged as a speaker ("Labour said")
        self.alias_forms = _words(f for f, c in data["aliases"].items() if f.isalpha()
                                  and _capitalised_name(f) and c in self.alias_labels)
        cues = resources.load("cues")
        self.speech_verbs = frozenset(cues["verbs"])
        self.person_nouns = frozenset(cues["person_nouns"])
        self.organisation_heads = frozenset(data["organisation_heads"])
        self.club_heads = frozenset(data["club_heads"])
        self.nationalities = frozenset(data["nationalities"])
        self.demonym_nouns = frozenset(data["demonym_nouns"])
        self.organisation_ends = frozenset(data["organisation_ends"])
        self.demonyms = self.nationalities | frozenset(data["states"])
        self.first_name_titles = frozenset(data["first_name_titles"])
        self.organisation_nouns = frozenset(data["organisation_nouns"])
        self.stopwords = frozenset(data["acronym_stopwords"])
        self.gazetteer = tuple(data["gazetteer"])
        self.known_places = self.demonyms | frozenset(self.gazetteer)  # "team | France coach"
        if not Doc.has_extension("nc_entities"):
            Doc.set_extension("nc_entities", default=None)

    @never_raises
    def __call__(self, doc: Doc) -> Doc:
        body = headline_end(doc) if doc.has_annotation("SENT_START") else 0
        spans = [self._with_alias_word(self._without_role(_cut(s, body, self.personal_titles)))
                 for s in doc.ents
                 if s.label_ in self.labels and not self._descriptor(s)]
        cleaned = [(s, _clean(s.text)) for s in spans]
        names = self._untitled(cleaned)
        before = {s.start: c[: len(c) - len(n)].strip()
                  or (doc[s.start - 1].text if s.start else "")
                  for (s, c), (_, n) in zip(cleaned, names, strict=True)}
        titled = {start for start, title in before.items() if self._surname_title(title)}
        names = [(s, n) for s, n in names if n and any(c.isalpha() for c in n)]
        text = once.text(doc)
        surnames = self._titled_surnames(doc, text)
        singles = {n for _, n in names if " " not in n}
        speakers = self._speakers(doc, text, {n for s, n in names if " " not in n
                                              and s.label_ != "PERSON"})
        named_alone = surnames | speakers  # titled or speaking alone: surnames either way
        labels = {s.start: self._person_label(s, n, before[s.start], named_alone, singles)
                  for s, n in names}
        taken = {i for s, _ in names for i in range(s.start_char, s.end_char)}
        full = self._untagged_full_names(doc, text, taken, named_alone)
        persons = {n for s, n in names if labels[s.start] == "PERSON" and " " in n
                   and not aliases.alias(n)}  # "Lib Dems", tagged PERSON: no one's surname
        persons |= {span.text for span in full.values()}
        long_names = {n for _, n in names if len(n.split()) > 1}
        mentions, sure, organisations, titled_firms = [], set(), set(), set()
        counts = Counter(n for _, n in names if n in persons)
        for span, name in names:
            label = labels[span.start]
            canonical, label = self._resolve(
                name, label, persons, long_names, titled=span.start in titled, named=counts
            )
            if (label == "PERSON" and canonical in self.nationalities) or (
                    label in ("PERSON", "ORG") and canonical in self.demonym_nouns):
                label = "NORP"  # "Welsh patients", "the Welsh side", "the Frenchman"
            elif label in ("GPE", "LOC", "FAC", "NORP") and self._after_organisation_noun(
                    span) and not {canonical} & (self.alias_labels.keys() | self.known_places):
                label = "ORG"  # "consultancy Building Zones", tagged a place
            start, end = self._trim(span, text)
            if canonical.startswith((text[start:end] + "'s", text[start:end] + "’s")):
                end = min(len(text), end + 2) if text[end : end + 2] in ("'s", "’s") else end
            mentions.append(EntityMention(start, end, text[start:end], label, canonical))
            if span.start in titled:
                sure.add(start)
            named = self._organisation(doc, span)
            if named or (span.start not in titled and _plural_subject(span)):
                organisations.add(canonical)
                if named and before[span.start] in self.personal_titles:
                    titled_firms.add(canonical)  # "drugmaker Dr Reddy's": a title in its name
        mentions += self._missed_surnames(doc, text, mentions, persons, surnames, full)
        sure = {m.start for m in mentions if m.start in sure and m.canonical not in titled_firms}
        mentions = _agree(mentions, sure, frozenset(organisations))
        mentions += self._repeats(doc, text, mentions, long_names)
        doc._.nc_entities = sorted(mentions, key=lambda m: m.start)
        return doc

    def _speakers(self, doc: Doc, text: str, others: set[str]) -> set[str]:
        """Capitalised words that speak alone ("Calder said", "said Cragg"): a surname, so
        a short full name ending with it is a person's ("Finlay Calder", which the small
        model labels ORG now and then). Not a word inside a longer name or beside another
        subject ("Plaid Cymru and the Liberal Democrats said"), one the document tags alone
        otherwise than PERSON (``others``: "Rosneft", "Wales"), a word it also writes in
        lower case ("the Bank said"), a party or a people ("Labour"), a title ("The Judge
        wrote")."""
        found = set()
        dep = doc.to_array("DEP")
        for i in (dep == nsubj).nonzero()[0]:  # a few subjects, not every token
            token = doc[int(i)]
            verb = token.head
            if verb.lemma_ in self.speech_verbs and verb.pos_ in ("VERB", "AUX") and (
                    _capitalised(token) and _alone(token) and token.ent_iob_ != "I"
                    and not _after_a_name(token)) and not any(
                    c.dep_ == "conj" for c in token.children):
                found.add(token.text)
        found = {w for w in found - others if not aliases.alias(w)
                 and w not in self.nationalities and w not in self.demonym_nouns
                 and w not in self.titles}
        return _never_lower(text, found)

    def _organisation(self, doc: Doc, span: SpacySpan) -> bool:
        """The article's own words say the span names an organisation: a noun before it
        ("oil giant Yukos", "drugmaker Dr Reddy's"), a noun after it that only a firm or a
        club has ("Yukos chief executive", "Varig's shareholders", "Chelsea manager" but not
        "Madonna's manager"), or a possessive that is part of its name, followed by a verb
        ("Dr Reddy's has built", "Sainsbury's said")."""
        if self._after_organisation_noun(span):
            return True
        end = span.end - 1 if span[-1].tag_ == "POS" else span.end
        possessive = end < len(doc) and doc[end].tag_ == "POS"
        after = doc[end + possessive] if end + possessive < len(doc) else None
        if after is None:
            return False
        if possessive and after.tag_ in ("VBZ", "VBD", "MD"):
            return True
        executive = after.lower_ == "chief" and doc[after.i + 1 : after.i + 2].text == "executive"
        return executive or after.lower_ in self.organisation_heads or (
            not possessive and after.lower_ in self.club_heads)

    def _after_organisation_noun(self, span: SpacySpan) -> bool:
        """A noun that says what kind of organisation the name is comes right before it
        ("oil giant Yukos", "think-tank Demos", "consultancy Building Zones")."""
        return bool(span.start) and span.doc[span.start - 1].lower_ in self.organisation_nouns

    def _descriptor(self, span: SpacySpan) -> bool:
        """The span is one capitalised word that only describes the organisation named
        after an organisation noun ("Computer giant IBM", "Software firm Microsoft"),
        which the small model tags as a name of its own; not a place or a people ("UK
        think-tank Demos", "US firm Arbor Networks"), nor an acronym."""
        doc, end = span.doc, span.end
        return (len(span) == 1 and _capitalised(span[0]) and span.label_ not in (
            "GPE", "NORP", "LOC") and end + 1 < len(doc) and doc[end].is_lower
                and doc[end].lower_ in self.organisation_nouns
                and doc[end + 1].ent_iob_ == "B")

    def _with_alias_word(self, span: SpacySpan) -> SpacySpan:
        """The span with the untagged capitalised word before it where the two make a name
        the alias table knows or names ("Liberal | Democrat leader", "the Liberal |
        Democrats", "The Lib | Dems are"): the
        small model tags the last word alone, which the table reads as another entity
        ("Democrat": the Democratic Party)."""
        doc = span.doc
        before = doc[span.start - 1] if span.start else None
        name = f"{before.text} {_clean(span.text)}" if before is not None else ""
        if before is not None and before.ent_iob_ == "O" and _capitalised(before) and (
                aliases.alias(name) or name in self.alias_labels):
            return SpacySpan(doc, span.start - 1, span.end, label=span.label_)
        return span

    def _without_role(self, span: SpacySpan) -> SpacySpan:
        """The name after a role noun the small model takes into a span: a PERSON's, where
        the noun is capitalised in a headline or a sentence's start ("Rapper Kanye West",
        "Sprinter Walker", "Hall of Fame Singer Bruce Springsteen"), and a person's in any
        span, where it is in lower case ("Barcelona star Ronaldinho", tagged ORG); the full
        name after a party the alias table knows ("Tory Liam Fox")."""
        doc = span.doc
        for token in span[:-1]:
            if token.lower_ in self.person_nouns and token.text not in self.titles and (
                    token.is_lower or span.label_ == "PERSON") and all(
                    _capitalised(t) or t.tag_ == "POS" for t in doc[token.i + 1 : span.end]):
                return SpacySpan(doc, token.i + 1, span.end, label="PERSON")
        for width in (1, 2):  # a party before a full name: "Tory Liam Fox", "Lib Dem Norman Baker"
            rest = [t for t in doc[span.start + width : span.end] if t.tag_ != "POS"]
            if span.label_ == "PERSON" and len(rest) >= 2 and aliases.alias(
                    span[:width].text) and all(_capitalised(t) or t.text == "-" for t in rest):
                return SpacySpan(doc, span.start + width, span.end, label="PERSON")
        return span

    def _surname_title(self, title: str) -> bool:
        """A title after which a lone name is a surname ("Mr Howard", not "Sir Alex")."""
        return title in self.titles and title not in self.first_name_titles

    def _untitled(self, cleaned: list[tuple[SpacySpan, str]]) -> list[tuple[SpacySpan, str]]:
        """Names without a leading title. Only a personal title ("Mr") is taken from a span
        the tagger did not label PERSON, unless what is left is a person the document names
        ("PM Ishiba" as ORG; not "General Motors", "Premier League")."""
        names = [(s, _strip_title(c, self.titles)) for s, c in cleaned]
        persons = {n for s, n in names if s.label_ == "PERSON" and " " in n}
        surnames = {p.rsplit(" ", 1)[-1] for p in persons}
        return [(s, n) if s.label_ == "PERSON" or n in persons or n in surnames
                or c[: len(c) - len(n)].strip() in self.personal_titles else (s, c)
                for (s, c), (_, n) in zip(cleaned, names, strict=True)]

    def _person_label(
        self, span: SpacySpan, name: str, title: str, surnames: set[str], singles: set[str]
    ) -> str:
        """The span's label, a PERSON where a personal title comes before it ("Mr Cable",
        which the small model labels ORG now and then) or where it is a short full name
        ending with a surname the document gives a title or one that speaks alone ("Vincent
        Cable" ... "Mr Cable", "Finlay Calder" ... "Calder said"), or one after a person noun
        ("England coach Sven-Goran Eriksson", not "Celtic host Dundee United"). A full name
        is of words written as names, the first no name of its own ("Next Next", "American
        Davenport")."""
        label = _label(span.label_, name, after_the=_after_the(span))
        words = name.split()
        if label == "PERSON" and words[-1] in self.organisation_ends:
            return "ORG"  # "Leadplex LLC", "Blackground Records"
        short = 1 < len(words) <= 3 and words[0] not in singles and (
            words[0] not in self.demonyms) and words[0] != words[-1] and all(
            w[:1].isupper() and not w.isupper() and _NAME_WORD.fullmatch(w) for w in words)
        if label in ("ORG", "GPE", "NORP") and (title in self.personal_titles or (
                short and words[-1] in surnames)):
            return "PERSON"
        role = span.doc[span.start - 1] if span.start else None
        if label == "ORG" and short and role is not None and role.pos_ == "NOUN" and (
                role.lower_ in self.person_nouns):
            return "PERSON"
        return label

    def _titled_surnames(self, doc: Doc, text: str) -> set[str]:
        """Words the document uses as surnames: the last capitalised word after a personal
        title ("Mr Grieve", "Lord Haskins", "Sir Alex Ferguson"; not "Sir Alex"), unless
        the document writes it in lower case too or it is a title: a capitalised headline
        ("Dr Reddy Profits Fall") or an office ("Lord Chancellor") is no name."""
        found = set()
        for token in _tokens(doc, (m.span() for m in self.personal_title.finditer(text))):
            if token.i + 1 < len(doc):
                run = token.i + 1
                while run + 1 < len(doc) and _capitalised(doc[run + 1]):
                    run += 1
                name = doc[token.i + 1 : run + 1]
                hyphenated = run + 1 < len(doc) and not doc[run].whitespace_ and (
                    doc[run + 1].text == "-")  # "Mr Kilroy-Silk": not "Kilroy"
                if _capitalised(name[0]) and not hyphenated and (
                        len(name) > 1 or self._surname_title(token.text)):
                    found.add(name[-1].text)
        return {n for n in _never_lower(text, found) if n not in self.titles}

    def _untagged_full_names(
        self, doc: Doc, text: str, taken: set[int], surnames: set[str]
    ) -> dict[int, SpacySpan]:
        """Full names NER did not tag, by the index of their first word: an untagged first
        name before a surname the document gives a personal title or that speaks alone
        ("Dominic Grieve branded ... Mr Grieve", "Yiannis Papadoyiannakis ... said
        Papadoyiannakis"). Found before names are resolved, so that "Mr Straw" and a
        tagged "Straw" name Jack Straw too."""
        full = {}
        for token in _tokens(doc, _occurrences(text, surnames)):
            first = doc[token.i - 1]
            if token.i and {token.idx, first.idx}.isdisjoint(taken) and (
                    _capitalised(first) and first.pos_ == "PROPN" and first.ent_type_ != "DATE"
                    and first.text not in self.titles):  # not a date's "June Grewcock"
                full[first.i] = doc[first.i : token.i + 1]
        return full

    def _missed_surnames(
        self, doc: Doc, text: str, mentions: list[EntityMention], persons: set[str],
        surnames: set[str], full: dict[int, SpacySpan],
    ) -> list[EntityMention]:
        """Person names NER did not tag: the ``full`` names, a bare surname ("Ishiba later
        met reporters", "Rowling said", tagged as a noun) when the document names exactly
        one person with that surname, and a surname after a personal title ("Mr Grieve
        said")."""
        taken = {i for m in mentions for i in range(m.start, m.end)}
        by_surname: dict[str, set[str]] = {}
        for person in persons:
            by_surname.setdefault(person.split()[-1], set()).add(person)
        found = [EntityMention(span.start_char, span.end_char, span.text, "PERSON", span.text)
                 for span in full.values()]
        for token in doc:
            word = token.text
            people = by_surname.get(word, ())
            if (not people and word not in surnames) or token.idx in taken or (
                    not _capitalised(token) or token.i - 1 in full):
                continue
            speaks = token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in self.speech_verbs
            title = doc[token.i - 1] if token.i else None
            titled = title is not None and token.text in surnames and (
                title.text in self.personal_titles) and title.idx not in taken
            if len(people) == 1 and (token.pos_ == "PROPN" or speaks or titled):
                [person] = people
            elif titled:
                person = token.text
            else:
                continue
            end = token.idx + len(token.text)
            found.append(EntityMention(token.idx, end, token.text, "PERSON", person))
        return found

    def _repeats(
        self, doc: Doc, text: str, mentions: list[EntityMention], long_names: set[str]
    ) -> list[EntityMention]:
        """Untagged repeats of a one-word name the document tags elsewhere, as a proper
        noun or a speech verb's subject ("Fosters said" after "brewer Fosters"), with that
        name's canonical and its label after :func:`_agree`; not a word that ends a longer
        name (the sources' resolver links "Pullman" to "Philip Pullman", tagged ORG), nor
        one that is part of a longer name ("the Guildford Four", "Mr Kilroy-Silk", "New
        Labour") or modifies a noun ("Commodore 64 enthusiasts", "Usdaw general secretary
        John Hannett": the sources take a phrase's first entity). A speech verb's untagged
        subject the alias table knows is its entity too ("Labour said")."""
        ends = {n.rsplit(" ", 1)[-1] for n in long_names}
        known = {m.text: (m.label, m.canonical) for m in mentions if " " not in m.text
                 and _capitalised_name(m.text) and m.label in ("PERSON", "ORG", "GPE", "LOC")
                 and m.text not in ends}
        spans = _occurrences(text, known) + [m.span() for m in self.alias_forms.finditer(text)]
        taken = {i for m in mentions for i in range(m.start, m.end)}
        found = []
        for token in _tokens(doc, spans):
            speaks = token.dep_ == "nsubj" and token.head.lemma_ in self.speech_verbs
            if token.idx in taken or token.ent_iob_ != "O" or not _alone(token) or (
                    _after_a_name(token) or token.dep_ in ("compound", "amod", "nmod")):
                continue
            if token.text in known and (speaks or token.tag_ == "NNP"):
                label, canonical = known[token.text]
            elif speaks and (canonical := aliases.alias(token.text) or ""):
                label = self.alias_labels[canonical]  # "Labour said", untagged
            else:
                continue
            taken.add(token.idx)
            found.append(EntityMention(token.idx, token.idx + len(token.text), token.text,
                                       label, canonical))
        return found

    def _resolve(
        self, name: str, label: str, persons: set[str], long_names: set[str], *,
        titled: bool = False, named: Counter[str] | None = None,
    ) -> tuple[str, str]:
        named = named or Counter()
        alias = aliases.alias(name)
        if alias:  # a PERSON the table knows is none ("Lib Dem", "Labour")
            return alias, self.alias_labels[alias] if label == "PERSON" else label
        if len(name) >= 6 and label != "NORP" and name not in self.gazetteer:
            for known in self.gazetteer:
                if _within_one_edit(name.lower(), known.lower()):
                    return known, label
        if label in ("PERSON", "ORG", "GPE", "LOC") and name not in persons:
            longer = sorted(p for p in persons if p.endswith(" " + name))
            if len({p.split()[0] for p in longer}) > 1:
                # two people, one surname ("Tony Blair", "Cherie Blair"): the one the
                # article names more often; the longer of two forms of one name else
                return max(longer, key=lambda p: (named.get(p, 0), len(p))), "PERSON"
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
