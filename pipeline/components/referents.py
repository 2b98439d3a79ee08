"""Who a mention stands for: the canonical name the article gives it. Shared by the
attribution (a statement's source) and the figures (a figure's owner).

"He" is the last person named, "the minister" the last person named nearby, "U.S.
officials" the United States, "the ministry" the ministry named last, "the newspaper"
the organisation the article called so, else the one named last that is no person's
employer, "the paper, which said" the paper, a bare "officials" the
source of the statement just before. "You" names no one the article can point to: it
resolves to None, and the statement is left out. The vocabularies are in
``models/cues.json`` (pronouns, titles, group and organisation nouns) and
``models/entities.json`` (demonyms and capitals).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from pipeline import resources
from pipeline.annotations import EntityMention, Span, Statement
from pipeline.components import once
from pipeline.components import quotes as quoting
from pipeline.components.headlines import headline_end


def mention_of(token: Token, mentions: list[EntityMention]) -> EntityMention | None:
    """The entity mention ``token`` is part of, if any."""
    return next((m for m in mentions if m.start <= token.idx < m.end), None)


def _span_of(doc: Doc, mention: EntityMention) -> SpacySpan | None:
    """The tokens of a mention (widened to whole tokens)."""
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


class SourceResolver:
    def __init__(self) -> None:
        cues = resources.load("cues")
        self.pronouns: dict[str, str] = cues["pronouns"]
        self.titles = frozenset(cues["speaker_titles"])
        self.group_nouns = frozenset(cues["group_nouns"])
        self.organisation_nouns = frozenset(cues["organisation_nouns"])
        self.company_nouns = frozenset(cues["company_nouns"])
        self.publication_nouns = frozenset(cues["publication_nouns"])
        self.publication_names = frozenset(cues["publication_names"])
        self.relative = frozenset(cues["relative_pronouns"])
        self.unresolvable = frozenset(cues["unresolvable"])
        self.document_nouns = frozenset(cues["document_nouns"])
        self.statement_nouns = frozenset(cues["statement_nouns"])
        self.issuing_verbs = frozenset(cues["issuing_verbs"])
        self.qualifiers = frozenset(cues["title_qualifiers"])
        self.generic_offices = frozenset(cues["generic_offices"])
        self.spokespeople: dict[str, str | None] = cues["spokespeople"]
        self.person_nouns = frozenset(cues["person_nouns"])
        self.determiners = frozenset(cues["determiners"])
        self.states: dict[str, str] = resources.load("entities")["states"]
        sexes = cues["sexes"]
        self.pronoun_sexes: dict[str, str] = sexes["pronouns"]
        self.title_sexes: dict[str, str] = sexes["titles"]
        titles = "|".join(map(re.escape, sorted(self.title_sexes, key=len, reverse=True)))
        self.titled_surname = re.compile(rf"(?<![\w.])({titles})\s+([A-Z][\w'’-]+)")
        self.noun_sexes: dict[str, str] = {**sexes["nouns"], **sexes["kin"]}
        nouns = "|".join(map(re.escape, sorted(sexes["nouns"], key=len, reverse=True)))
        kin = "|".join(map(re.escape, sorted(sexes["kin"], key=len, reverse=True)))
        name = r"([A-Z][\w'’-]+)(?![\w'’-])(?!\s+[A-Z])"  # a name's last word
        self.named_with_noun = re.compile(  # "actress Helen Mirren", "his wife Sharon", not
            # "his wife Melania Trump" (her husband's surname)
            rf"\b(?:({nouns})\s+(?:[A-Z][\w'’-]+\s+)*?|({kin})\s+){name}")
        self._titled_doc: Doc | None = None  # the article _titled last read
        self._titled_names: dict[str, set[str]] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Pickles without the article last read."""
        return {**self.__dict__, "_titled_doc": None, "_titled_names": {}}

    def canonical(self, doc: Doc, span: Span, mentions: list[EntityMention],
                  earlier: list[Statement], quotes: Sequence[Span] = (),
                  said: Span | None = None) -> str | None:
        """The name ``span`` stands for; its own words when nothing resolves it; None when
        it names no one ("you", a relative pronoun with nothing to hang on). ``quotes``:
        the article's quotations; a pronoun outside one finds no antecedent inside it.
        ``said``: the statement's content; a speaker the source does not name is none of
        the people its quoted words name ('"I feel for Nigel Worthington," he said': not
        Worthington; a name the writer adds after the quotation may be the speaker's). A
        person the entity layer knows by a surname alone goes by the one full name the
        article gives, a first name and the surname ("Kasabian guitarist Sergio Pizzorno
        ... said Pizzorno"; not the tagger's longer runs, "Sunderland FC Bob Murray")."""
        name = self._resolved(doc, span, mentions, earlier, quotes, said)
        if name is None or " " in name or not name.istitle():
            return name
        person = any(m.label == "PERSON" and m.canonical == name for m in mentions)
        if not person:
            if name in _territories():
                return name  # "China" is no "East China" (from "the South and East China Seas")
            own = doc.char_span(*span, alignment_mode="expand")
            if own is None or own[-1].text != name or own[-1].pos_ != "PROPN" or any(
                    t.text not in self.title_sexes for t in own[:-1]) or own[-1].ent_type_ == "ORG":
                return name  # "it" for "Nintendo", "Sky" (no "Sky Plus") stay; "Arrese" reads on
            person = own[-1].ent_type_ not in _RETIED_NOT  # "Serena", tagged a product
        full = _full_name(name, mentions) or self._given_names(doc, name, mentions, person)
        words = full.split() if full else []
        return full if len(words) == 2 and not words[0].isupper() else name

    def _given_names(self, doc: Doc, name: str, mentions: list[EntityMention], person: bool
                     ) -> str | None:
        """The one two-word name the article gives a person it calls ``name`` alone: a
        mention of any kind that ends with it (the tagger calls "Jose Mourinho" a place,
        "Elena Dementieva" a building), with ``person`` (``name`` is a person's) a person's
        whose first word it is ("Serena" is "Serena Williams", "Mr Xie" "Xie Xuren"), or a
        first name right before it that the tagger left out ("champion Edith Masai", "local
        resident Francesca Detakats"); not a title ("Lord Falconer", "President Bush") or a
        word after one ("Mr Justice Forbes"), nor a name the article gives to two."""
        def given(word: str) -> bool:
            lower = word.lower()
            return word.istitle() and word not in self.title_sexes and (
                lower not in self.titles and lower not in self.qualifiers
                and lower not in self.person_nouns and lower not in self.determiners)

        def after_a_title(first: int) -> bool:
            return first > 0 and doc[first - 1].text in self.title_sexes

        full = set()
        for mention in mentions:
            words, span = mention.canonical.split(), _span_of(doc, mention)
            if len(words) != 2 or span is None:
                continue
            if (words[1] == name and given(words[0]) and not after_a_title(span.start)) or (
                    person and mention.label == "PERSON" and words[0] == name
                    and words[1].istitle()):
                full.add(mention.canonical)
        full |= {f"{before.text} {name}" for t in doc if t.text == name and t.i
                 and not (before := doc[t.i - 1]).is_sent_start and before.pos_ == "PROPN"
                 and before.ent_type_ in ("", "PERSON") and given(before.text)
                 and not after_a_title(before.i)}
        return full.pop() if len(full) == 1 else None

    def _resolved(self, doc: Doc, span: Span, mentions: list[EntityMention],
                  earlier: list[Statement], quotes: Sequence[Span] = (),
                  said: Span | None = None) -> str | None:
        source = doc.char_span(*span, alignment_mode="expand")
        head = source.root
        persons_before = [m for m in mentions if m.label == "PERSON" and m.end <= span[0]]
        if len(source) == 1 and head.is_title and head.lower_ in self.titles and (
                held := self._office_holder(doc, source, self._holders(doc, head,
                                                                       persons_before))):
            return held  # "Bishop Tom Wright ... Bishop said": a title used as a name
        if _demonym_person(source) and (
                person := self._national(doc, source, persons_before, quotes)):
            return person  # "Safin ... The Russian added": a person, not Russia
        named = self.mention_at(head, mentions)
        if named is not None:
            return self._in_full(named, span, mentions)
        if len(source) == 1 and head.pos_ == "PROPN" and (
                named := _full_name(head.text, mentions)):
            return named  # "Vince Cable ... Cable said", the tagger missing the later one
        if head.dep_ in ("appos", "relcl") and head.head.i < source.start and (
                head.dep_ == "relcl" or doc[source.start - 1].text == ","):
            # only the apposition ("X, [the chief executive of Y], said") or the relative
            # clause ("people [who know him] say") was taken: the noun they hang on speaks
            noun = head.head
            left = [t for t in noun.subtree if t.i <= noun.i]
            return self.canonical(doc, (left[0].idx, noun.idx + len(noun)), mentions, earlier,
                                  quotes)
        for apposed in (t for t in source if t.dep_ == "appos" and t.head.i >= source.start
                        and doc[t.left_edge.i - 1].text != "("):  # not "provider (ISP) X"
            named = self.mention_at(apposed, mentions)
            if named is not None:  # "the minister, John Smith, said", "the chief executive
                return named  # of Tesco, Terry Leahy", "Manufacturers' organisation, the EEF"
        titled = self._titled_name(source, head, mentions)
        if titled is not None:  # "Labour's deputy minister for women Jacqui Smith"
            return titled
        lower = head.lower_
        if lower in self.unresolvable:
            return None
        if lower in self.relative and head.tag_ in ("WP", "WDT"):
            antecedent = head.head.head if head.head.dep_ in ("relcl", "acl") else _noun_before(
                head)
            if antecedent is None or antecedent.i == head.i:
                return None
            left = [t for t in antecedent.subtree if t.i <= antecedent.i]
            return self.canonical(doc, (left[0].idx, antecedent.idx + len(antecedent)),
                                  mentions, earlier)
        before = [m for m in mentions if m.end <= span[0]]
        inside = [(max(said[0], q[0]), min(said[1], q[1])) for q in quotes
                  if q[0] < said[1] and said[0] < q[1]] if said is not None else []
        spoken_of = {m.canonical for m in mentions
                     if any(start <= m.start and m.end <= end for start, end in inside)}
        persons = [m for m in before if m.label == "PERSON" and m.canonical not in spoken_of]
        lemma = head.lemma_.lower()
        for nouns in (self.document_nouns, self.statement_nouns):
            if lemma in nouns and (
                    owner := self._owner(head, mentions, earlier)
                    or self._document_owner(head, mentions, nouns)
                    or self._possessor(head, mentions, earlier, quotes)):
                return owner  # "The Demos report", "a report by the Commons committee",
                # "Mr Crosby's statement", "a statement from the Home Office", "his report"
        if head.pos_ != "PRON" and lemma in self.group_nouns:
            if lower in self.titles and head.tag_ == "NN" and any(
                    c.dep_ == "poss" or c.lower_ == "the" for c in head.children) and (
                    held := self._office_holder(doc, source, self._holders(doc, head, persons))):
                return held  # "France's finance minister": the one the article names so
            owner = self._group_owner(head, mentions, earlier, quotes)
            if owner:
                return owner
        titled = self._publication(head)
        if titled is not None:  # "Le Figaro newspaper", "Us magazine"
            return titled
        organisation = self._organisation(head, before, persons, earlier)
        if organisation is not None:
            return organisation
        kind = self.pronouns.get(lower) if head.pos_ == "PRON" else None
        if kind == "PERSON":
            ahead = self._cataphor(doc, head, mentions) or _quoting_on(
                doc, source, earlier, quotes, persons, self.organisation_nouns)
            if ahead is not None:
                return ahead
            people = self._agreeing(doc, lower, persons)
            unnamed = self._spokesperson(doc, lower, source.start, people, earlier)
            if unnamed is not None:
                return unnamed
            if people:
                return self._salient(doc, source.start, people, earlier, quotes)
        elif kind == "GROUP":
            return self._group(doc, head, before, earlier, quotes)
        elif kind == "ORG":
            thing = self._thing(doc, head, mentions, earlier, quotes)
            if thing is not None:
                return thing
            body = last_body(doc, before)
            if body is not None:
                return body.canonical
        elif lower in self.titles and any(c.lower_ == "the" for c in head.children):
            holders = self._holders(doc, head, persons)
            titled = (self._office_holder(doc, source, holders) if holders
                      else self._protagonist(doc, source, persons, mentions, earlier, said,
                                             quotes=quotes))
            if titled is not None:  # "Foreign Minister X ... the minister", not any person
                return titled  # named last
        if kind is not None:
            return None  # a pronoun with no one to stand for: "he" is no name
        role = lower in self.person_nouns and lower not in self.titles
        if (head.pos_ in ("NOUN", "ADJ") or role) and any(
                c.dep_ == "poss" for c in head.children) and not any(
                c.lower_ == "the" for c in head.children) and (
                lemma in self.person_nouns or lemma in self.noun_sexes):
            # "his son", "his agent": only whom the article gave that noun ("Mr Nogar's son
            # Stephen", "Adriano's agent Gilmar Rinaldi"), never the person named nearby,
            # who is more often the one the role serves
            described = _described(doc, source, persons)
            if described is not None:
                return described
        if (head.pos_ in ("NOUN", "ADJ") or role) and any(
                c.lower_ == "the" for c in head.children) and (
                lemma not in self.group_nouns and lemma not in self.organisation_nouns):
            described = _described(doc, source, persons)
            if described is not None:  # "the striker", "the 64-year-old", "Judge Kleinberg
                return described  # ... The Judge": who it describes
            if _AGE.search(source.text) or (head.tag_ in ("NN", "NNP") and role):
                named = _named_nearby(doc, source, persons, quotes) or (
                    None if self._holders(doc, head, persons) else self._protagonist(
                        doc, source, persons, mentions, earlier, said, lead=False))
                if named is not None:  # "Josh Lewsey has claimed ... The Wasps wing said"
                    return named
        return _without_relative_clause(source)

    @staticmethod
    def _national(doc: Doc, source: SpacySpan, persons: list[EntityMention],
                  quotes: Sequence[Span]) -> str | None:
        """Whom "the Russian" stands for: the person the article gave that word ("Russian
        Marat Safin"), else the one its sentence or the one before is about
        (:func:`_named_nearby`), as for a role."""
        return _described(doc, source, persons) or _named_nearby(doc, source, persons, quotes,
                                                                 alone=False)

    def _publication(self, head: Token) -> str | None:
        """The name written right before a publication noun ("Le Figaro newspaper", "The
        Australian newspaper", "Us magazine"; not "France's" nor "the UK newspaper"): the
        capitalised words it opens with, "The" kept where the article capitalises it inside
        a sentence."""
        if head.lemma_.lower() not in self.publication_nouns or not head.i:
            return None
        doc, start = head.doc, head.i

        def in_the_name(word: Token) -> bool:
            """A capitalised modifier that is a name ("Figaro"), or an adjective after an
            inner "The" ("The Australian"); not "Local" opening a sentence nor "Sunday"."""
            the = doc[word.i - 1] if word.i else None
            after_the = the is not None and the.text == "The" and not the.is_sent_start
            return word.dep_ in ("compound", "amod", "nmod") and (
                word.is_title or word.is_upper) and word.head.i >= start and (
                word.ent_type_ != "DATE") and (word.pos_ == "PROPN" or after_the)

        while start and in_the_name(doc[start - 1]):
            start -= 1
        words = doc[start : head.i]
        if not len(words) or any(t.ent_type_ in ("GPE", "LOC", "PERSON") for t in words):
            return None
        if start and doc[start - 1].text == "The" and not doc[start - 1].is_sent_start:
            start -= 1
        return doc[start : head.i].text

    def _organisation(self, head: Token, before: list[EntityMention],
                      persons: list[EntityMention], earlier: list[Statement]) -> str | None:
        """The organisation a definite organisation noun ("the newspaper") stands for: the
        one the article gave that noun, else for a publication the last one named before
        such a noun (:meth:`_publication`) or by a newspaper's name ("the Financial
        Times"), else the last that spoke or was named (a name the tagger took for a
        place too, where it spoke: "Electrolux said ... The Swedish firm said"); None for
        any other noun."""
        lemma = head.lemma_.lower()
        if lemma not in self.organisation_nouns or head.tag_ != "NN" or not _definite(head):
            return None
        doc = head.doc
        spoke = {e.source for e in earlier}
        organisations = [m for m in before if m.label == "ORG" or (
            m.label not in ("PERSON", "NORP") and m.canonical in spoke
            and m.canonical not in _territories())]  # "Electrolux", tagged a place, said
        tied = self.tied_organisation(doc, lemma, organisations) or self.tied_organisation(
            doc, lemma, [m for m in before if m.label not in _RETIED_NOT], kin=False)
        if tied is not None:  # "Scottish band Franz Ferdinand", the tagger's PERSON; not
            # "the UK firm"
            return tied
        if lemma in self.publication_nouns and (named := next((
                name for t in reversed(doc[: head.i]) if t.lemma_.lower() in self.publication_nouns
                and (name := self._publication(t)) is not None), None)):
            return named  # "The Australian newspaper ... the newspaper said"
        if lemma in self.publication_nouns and (titled := next((
                m.canonical for m in reversed(before)
                if m.canonical.split()[-1].lower() in self.publication_names), None)):
            return titled  # "an interview with the Financial Times ... The paper said"
        spoke &= {m.canonical for m in organisations}
        own = [m for m in organisations if not _of_person(doc, m, persons)]
        named = [m for m in organisations if m.canonical in spoke] or own or organisations
        return named[-1].canonical if named else None

    def tied_organisation(self, doc: Doc, lemma: str, organisations: list[EntityMention],
                          kin: bool = True) -> str | None:
        """The organisation "the <lemma>" points back to where the article gave one that
        noun ("The IPCL board met ... the board"), or with ``kin`` a noun of its kind
        ("telecoms firm Deutsche Telekom ... the company"): of those given it, the one named
        last; None where none was."""
        kin = self.company_nouns if kin and lemma in self.company_nouns else {lemma}
        tied = ({m.canonical for m in organisations if _tied(doc, m, {lemma})}
                or {m.canonical for m in organisations if _tied(doc, m, kin)})
        return next((m.canonical for m in reversed(organisations) if m.canonical in tied),
                    None)

    def _titled_name(self, source: SpacySpan, head: Token, mentions: list[EntityMention]
                     ) -> str | None:
        """The person named at the end of a source headed by a title, right after a word of
        the office ("Labour's deputy minister for women Jacqui Smith", which the parser
        hangs on "for"): the name is the speaker, not the party that owns the office. Not a
        name in another phrase ("the secretary of victim Jane Doe", "a minister for John
        Smith": the path to the title passes no preposition but "for", and a noun of the
        office, not the preposition, comes right before the name)."""
        if head.lower_ not in self.titles:
            return None
        named = mention_of(source[-1], mentions)
        if named is None or named.label != "PERSON" or " " not in named.canonical:
            return None
        first = next(t for t in source if mention_of(t, [named]) is not None)
        if first.i <= head.i or first.i == source.start or source.doc[first.i - 1].tag_ not in (
                "NN", "NNS"):
            return None
        token = source[-1]
        while token.i != head.i:
            if token.head.i == token.i or not source.start <= token.head.i < source.end or (
                    token.dep_ == "prep" and token.lower_ != "for"):
                return None
            token = token.head
        return named.canonical

    @staticmethod
    def _office_holder(doc: Doc, source: SpacySpan, titled: list[EntityMention]
                       ) -> str | None:
        """Of ``titled``, the mentions the article gives the source's office
        (:meth:`_holders`), the one in this sentence or the one before or up to 2,000
        characters earlier, else any before when the office went to one person alone: "the
        shadow chancellor" is not "Chancellor Gordon Brown", "the prime minister" not
        "Foreign Minister X"."""
        first = quoting.sentence_start(doc, source.start)  # from the sentence before
        window = doc[quoting.sentence_start(doc, first - 1)].idx if first else 0
        near = [m for m in titled if m.start >= window - 2000]
        if near:
            return near[-1].canonical
        # further back, only when the article gave the office to one person alone
        held = {m.canonical for m in titled}
        return held.pop() if len(held) == 1 else None

    def _holders(self, doc: Doc, head: Token, persons: list[EntityMention]
                 ) -> list[EntityMention]:
        """The mentions the article gives the office ``head`` names, with its qualifiers
        ("Shadow chancellor Oliver Letwin" for "the shadow chancellor" only)."""
        lower = head.lower_
        qualified = {c.lower_ for c in head.children} & self.qualifiers
        office = [c.lower_ for c in head.lefts if c.dep_ in ("compound", "amod")
                  and c.lower_ not in self.qualifiers] + [lower]  # "prime minister"
        return [m for m in persons if lower in (words := _words_around(doc, m))
                and set(words) & self.qualifiers == qualified and _holds(words, office)]

    def _protagonist(self, doc: Doc, source: SpacySpan, persons: list[EntityMention],
                     mentions: list[EntityMention], earlier: list[Statement],
                     said: Span | None, lead: bool = True, quotes: Sequence[Span] = ()
                     ) -> str | None:
        """Whom an office the article gave no one by name stands for ("Tony Blair has
        rejected calls ... The prime minister told"; "Mr Blair said ... He said: '...' The
        prime minister said"): the speaker of the statement just before, in this or the
        three sentences before, else the person its sentence or the one before names as a
        main clause's subject ("Gordon Brown has addressed the conference. The Chancellor
        said"), else the person the body's first sentence is about (its
        subject: BBC names the story's person first and then by office); asked only when
        the article gave the office to no one by name (:meth:`_holders`: several holders
        leave no guess). Not a person the
        statement itself names ("the chancellor said Mr Baume was never ..."), one the
        article titles otherwise, by an office or a qualifier the source lacks ("Home
        Secretary David Blunkett", "Deputy Prime Minister John Prescott" are no "prime
        minister"), nor one an earlier statement's other description stood for ("the home
        secretary said ... the prime minister said"), nor, for a description that names a
        place, one it gives the office with another place ("Vermont Sen. Bernie Sanders" is
        no "the Florida senator"; "New York Senator Charles Schumer" is "the Democrat
        senator"); a word for whoever heads a body ("the Warriors chief") fits any office
        with the same qualifiers ("Wigan chairman Maurice Lindsay"). ``lead``:
        False for a role ("the legal assistant", "the 41-year-old"), which only the speaker
        just before may be, and not one the article gives another role ("Manager X" is no
        "the striker")."""
        words = {t.lower_ for t in source}
        start, end = source.start_char, source.end_char
        region = (min(said[0], end), max(said[1], start)) if said is not None else (end, end)
        named = {m.canonical for m in mentions if region[0] <= m.start < region[1]}
        other = {e.source for e in earlier if e.source is not None
                 and _another_description(doc, e, words)}
        office = source.root.lower_
        placed = any(t.ent_type_ == "GPE" for t in source)

        def fits(name: str) -> bool:
            if name in named or name in other:
                return False
            mine = [m for m in persons if m.canonical == name]
            titled = {w for m in mine for w in _words_around(doc, m) if w in self.titles
                      or w in self.qualifiers or (not lead and w in self.person_nouns)}
            if office in self.generic_offices:
                titled &= self.qualifiers  # any office, but "the former chief" is former
            return titled <= words and not (lead and placed and any(
                _elsewhere(doc, m, office, words) for m in mine))
        since = doc[quoting.sentences_back(doc, source.start, 4)].idx
        people = {m.canonical for m in persons}
        last = earlier[-1] if earlier else None
        if last is not None and last.source in people and last.cue_span[0] >= since and fits(
                last.source):
            return last.source
        if not lead:
            return None
        below = headline_end(doc)  # not the headline's person ("Blair defends law changes")
        near = _named_nearby(doc, source, [m for m in persons if m.start >= below], quotes,
                             alone=False)
        if near is not None and fits(near):
            return near  # "Gordon Brown has addressed the conference. The Chancellor said"
        first = _lead(doc, persons)
        return first if first is not None and fits(first) else None

    def _agreeing(self, doc: Doc, pronoun: str, people: list[EntityMention]
                  ) -> list[EntityMention]:
        """The people "he" or "she" may stand for: not those the article's titles or nouns
        give the other sex ("Mrs Quinn", "actress Helen Mirren" are no "he"); a surname
        titled both ways (Mr and Mrs Smith) or never titled may be either."""
        sex = self.pronoun_sexes.get(pronoun)
        if sex is None:
            return people
        titled = self._titled(doc)
        return [m for m in people if sex in titled.get(m.canonical.split()[-1], {sex})]

    def _titled(self, doc: Doc) -> dict[str, set[str]]:
        """The sexes the article's titles and nouns give each surname, read once per
        article (the whole text is searched; every "he" and "she" asks)."""
        if self._titled_doc is not doc:
            titled: dict[str, set[str]] = {}
            text = once.text(doc)
            for match in self.titled_surname.finditer(text):
                titled.setdefault(match.group(2), set()).add(self.title_sexes[match.group(1)])
            for match in self.named_with_noun.finditer(text):
                noun = match.group(1) or match.group(2)
                titled.setdefault(match.group(3), set()).add(self.noun_sexes[noun])
            self._titled_doc, self._titled_names = doc, titled
        return self._titled_names

    def _salient(self, doc: Doc, at: int, people: list[EntityMention],
                 earlier: list[Statement], quotes: Sequence[Span]) -> str:
        """Whom "he" or "she" stands for: the speaker of the statement just before (by
        surname: "said Walker" is the "Dougie Walker" named before), in this or the
        previous two sentences, unless another person (by surname too: "Prof Etzioni" is
        "Amitai Etzioni") became a main clause's subject or its possessor since, outside
        any quotation ('Evan Davis said ... Mr Brown's insistence ... was a rebuttal. In
        his speech, he set out': Brown); else the last person who was a sentence's subject
        there; else the last person named who is no object ("Hitzlsperger's deal expires
        and he has been offered a new deal by the Midlands club. But he wants": not the
        club; "after a challenge with Roma's Olivier Dacourt. And he added": not Dacourt).
        For a pronoun outside quotations, only people named outside what earlier
        statements quote ('"... players like Ancic," he said' is not Ancic's).
        ('Mr Rakosky said it was better than C-Murder,
        real name Corey Miller, ... "Here's a guy in jail," he said': Rakosky.)"""
        since = doc[quoting.sentences_back(doc, at, 3)].idx
        names = {m.canonical.split()[-1]: m.canonical for m in people}
        names.update({m.canonical: m.canonical for m in people})
        last = earlier[-1] if earlier else None
        if not quoting.quoted((doc[at].idx, doc[at].idx + 1), quotes):
            # not someone a speaker's quoted words only speak of ('"... players like Ancic,"
            # he said')
            people = [m for m in people if not _quoted_by(doc, m, earlier, quotes)] or people
        recent = [m for m in reversed(people) if m.start >= since]
        if last is not None and last.source and last.cue_span[0] >= since and (
                speaker := names.get(last.source, names.get(last.source.split()[-1]))):
            # the speaker by surname: "said Walker" is the "Dougie Walker" named before
            end = max(last.cue_span[1], last.content_span[1], *(last.source_span or ()))
            return next((m.canonical for m in recent if m.start >= end
                         and m.canonical.split()[-1] != speaker.split()[-1]
                         and _subject(doc, m, main=True)
                         and not quoting.quoted((m.start, m.end), quotes)), speaker)
        return next((m.canonical for m in recent if _subject(doc, m)), None) or next(
            (m.canonical for m in reversed(people) if not _object(doc, m)),
            people[-1].canonical)  # not "a new deal by the Midlands club"

    def _cataphor(self, doc: Doc, pronoun: Token, mentions: list[EntityMention]) -> str | None:
        """The person a pronoun in a clause fronted before its sentence's main clause
        stands for: that clause's subject, named after it ('As he told reporters on
        Monday, Mr Smith ...': Smith)."""
        clause, top = pronoun, pronoun.head
        while top.head.i != top.i:
            clause, top = top, top.head
        if clause.dep_ not in _FRONTED or not clause.i < top.i:
            return None
        for subject in top.children:
            if subject.dep_ == "nsubj" and subject.i > pronoun.i:
                named = mention_of(subject, mentions)
                if named is not None and named.label == "PERSON" and self._agreeing(
                        doc, pronoun.lower_, [named]):
                    return named.canonical
        return None

    def _spokesperson(self, doc: Doc, pronoun: str, at: int, people: list[EntityMention],
                      earlier: list[Statement]) -> str | None:
        """Whom "he" stands for right after an unnamed spokesperson's statement ('A
        spokesman said ... He added'): that spokesperson still, when no person was named
        since (but in what the spokesperson said: 'an M&S spokesman said it had no evidence
        that Mr Paulsmeier ... He also said') and the noun's sex does not rule it out; also
        after a "he" that already stood for the spokesperson ('A spokesman said ... He said
        ... He said')."""
        if not earlier or earlier[-1].source_span is None or earlier[-1].source is None:
            return None
        last = earlier[-1]
        said = doc.char_span(*last.source_span, alignment_mode="expand")
        for before in reversed(earlier[:-1]):  # past the pronouns that went on standing for it
            if said is None or said.root.pos_ != "PRON" or before.source != last.source or (
                    before.source_span is None):
                break
            said = doc.char_span(*before.source_span, alignment_mode="expand")
        noun = None if said is None else next((t.lower_ for t in (said.root, said[-1])
                                               if t.lower_ in self.spokespeople), None)
        if noun is None:  # the parser may hang "A Department for Work and Pensions
            return None  # spokeswoman" on "Department": its last word says it too
        sex = self.spokespeople[noun]
        since = doc[quoting.sentences_back(doc, at, 3)].idx
        content = last.content_span
        if last.cue_span[0] < since or any(
                m.start > last.source_span[1] and not content[0] <= m.start < content[1]
                for m in people):
            return None  # a person named since, outside what the spokesperson said
        return last.source if sex in (None, self.pronoun_sexes.get(pronoun, sex)) else None

    def _thing(self, doc: Doc, pronoun: Token, mentions: list[EntityMention],
               earlier: list[Statement], quotes: Sequence[Span]) -> str | None:
        """Whom "it" stands for: the last subject before it, in this or the previous two
        sentences, that is no person: an organisation or state the article names, a
        company or a report ("The Demos report looked at ... It found"), or any subject
        that was already a statement's source (an "it" too), named as it was there. The
        nearest that is a thing with no name ("the plan") leaves "it" unresolved here."""
        # a statement's source that is just a subject's phrase: its name there
        spoke: dict[int, str] = {}
        for e in earlier:
            said = doc.char_span(*e.source_span, alignment_mode="expand") if (
                e.source_span and e.source) else None
            if said is not None and said.end <= said.root.right_edge.i + 1:
                spoke[said.root.i] = e.source
        for subject in self._subjects(doc, pronoun, quotes):
            if subject.tag_ not in ("NN", "NNP") and subject.lower_ != "it":
                continue  # a plural, or a person's pronoun
            named = mention_of(subject, mentions)
            if named is not None and named.label == "PERSON" and " " in named.canonical:
                continue  # a person (one word, "Yukos", "Wembley", is often a firm mistagged)
            if subject.i in spoke:
                return spoke[subject.i]
            if named is not None and named.label != "PERSON":
                return self.mention_at(subject, [named])
            if subject.lower_ == "it" or named is not None:
                continue  # an "it" that said nothing
            lemma = subject.lemma_.lower()
            if lemma not in self.organisation_nouns and lemma not in self.group_nouns and (
                    lemma not in self.document_nouns):
                return None  # the nearest is a thing with no name ("the taskforce", "the plan")
            last = doc[max([subject.i] + [c.right_edge.i for c in subject.children
                                           if c.dep_ == "appos"])]  # with its apposition
            return self.canonical(doc, (subject.left_edge.idx, last.idx + len(last)),
                                  mentions, earlier, quotes)
        return None

    def _group(self, doc: Doc, pronoun: Token, before: list[EntityMention],
               earlier: list[Statement], quotes: Sequence[Span]) -> str | None:
        """Whom "they" or "we" stands for: the last plural subject (a plural noun, or a
        group named) in this or the previous two sentences, when it comes after the
        statement just before; else that statement's speaker unless that is one person;
        else the plural subject, or the plural a subject is done or made by ("The
        proposals were opposed by leftist parties. They considered": the parties; "the
        attempts by both men ... they were insisting"). ('Ted Kessler said ... The
        pundits were asked for acts they thought ...': not Kessler.)"""
        plural = next((by or s for s in self._subjects(doc, pronoun, quotes)
                       if (by := _by_whom(s)) is not None
                       or (s.tag_ in ("NNS", "NNPS") and s.pos_ != "PRON")), None)
        people = {m.canonical for m in before if m.label == "PERSON"}
        last = earlier[-1] if earlier else None
        if last is not None and last.source and (
                plural is None or plural.idx < last.cue_span[0]) and (
                last.source not in people
                or sum(e.cue_span == last.cue_span for e in earlier) > 1):
            return last.source
        if plural is None:
            return None
        named = self.mention_at(plural, before)
        return named or _without_relative_clause(doc[plural.left_edge.i : plural.i + 1])

    @staticmethod
    def _subjects(doc: Doc, pronoun: Token, quotes: Sequence[Span]) -> Iterator[Token]:
        """The subjects of main or adverbial clauses before ``pronoun``, nearest first, in
        its sentence and the two before; none inside a quotation the pronoun is not in
        (what a quoted speaker calls "it" is not the narrator's)."""
        inside = [q for q in quotes if q[0] <= pronoun.idx < q[1]]
        for token in reversed(doc[quoting.sentences_back(doc, pronoun.i, 3) : pronoun.i]):
            if token.dep_ not in ("nsubj", "nsubjpass") or not _in_main_clause(token):
                continue
            if any(q[0] <= token.idx < q[1] and q not in inside for q in quotes):
                continue
            yield token

    def _in_full(self, name: str, span: Span, mentions: list[EntityMention]) -> str:
        """A body the tagger named by its organisation noun alone ("The Institute also
        cited", "the Commission said") is the last one the article named in full with
        that noun at its end ("The American Film Institute"); else ``name``."""
        if " " in name or name.lower() not in self.organisation_nouns:
            return name
        return next((m.canonical for m in reversed(mentions) if m.end <= span[0]
                     and m.label == "ORG" and " " in m.canonical
                     and m.canonical.split()[-1] == name), name)

    def mention_at(self, token: Token, mentions: list[EntityMention]) -> str | None:
        """The canonical name of the entity ``token`` is part of; a demonym or a capital
        ("Chinese", "Beijing") stands for its state."""
        mention = mention_of(token, mentions)
        if mention is None:
            return None
        if mention.label in ("NORP", "GPE"):
            return self.states.get(mention.canonical, mention.canonical)
        return mention.canonical

    def _owner(self, head: Token, mentions: list[EntityMention],
               earlier: list[Statement] | None = None) -> str | None:
        """The state or organisation a noun's modifiers or its "for", "of", "by" or "from"
        phrase name ("U.S. officials", "a spokesman for the Home Office", "a report by
        Demos", "the study, from the Centre for Economic Policy Research", "the survey,
        conducted by the Pew Internet and American Life Project"); with
        ``earlier``, also one the phrase points back to ("a survey for the charity")."""
        modifiers = [t for c in head.children if c.dep_ in _MODIFIERS for t in c.subtree]
        # "a spokesman for the Home Office": the name the preposition's object heads, not
        # what hangs on it ("a spokesman for the regulator quoted in China Daily")
        named_for = [o for c in head.children
                     if c.dep_ == "prep" and c.lower_ in ("for", "of", "by", "from")
                     for o in c.children if o.dep_ == "pobj"] + [
            o for c in head.children if c.dep_ == "acl" for by in c.children
            if by.dep_ == "agent" for o in by.children if o.dep_ == "pobj"]
        for token in (*modifiers, *named_for):
            if (owner := self.mention_at(token, mentions)) is not None:
                return owner
        if earlier is None or not named_for:
            return None
        before = [m for m in mentions if m.end <= head.idx]
        persons = [m for m in before if m.label == "PERSON"]
        return next((owner for token in named_for  # "a survey for the charity"
                     if (owner := self._organisation(token, before, persons, earlier))), None)

    def _document_owner(self, head: Token, mentions: list[EntityMention],
                        nouns: frozenset[str]) -> str | None:
        """Whose "the report" (or "the statement", with ``nouns`` the statement nouns) is
        when it names no one: the body the article last named as the author of such a
        noun before it ("The report by Nielsen/NetRatings
        found ... said the report"; after "A study by Jupiter Research ...", Jupiter's); not
        a person (the Nicholas Stern report is no Stern), nor a programme's name ("the
        BBC's World Business Report")."""
        if not any(c.lower_ == "the" for c in head.children):
            return None
        people = {m.canonical for m in mentions if m.label == "PERSON"}
        owners = [owner for t in head.doc[: head.i]
                  if t.pos_ == "NOUN" and t.lemma_.lower() in nouns
                  and (owner := self._owner(t, mentions) or self._issuer(t, mentions))
                  is not None and owner not in people]
        return owners[-1] if owners else None

    def _issuer(self, noun: Token, mentions: list[EntityMention]) -> str | None:
        """Who the article says put a document out: the subject of a verb of issuing it is
        the object of, or of one that says or does something "in" it ("The Home Office
        issued a statement", "the club said in a statement")."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "in":
            verb = noun.head.head  # "In its report, the OECD cut its forecasts"
        elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.issuing_verbs:
            verb = noun.head  # not "Tories welcomed the report"
        else:
            return None
        return next((owner for c in verb.children if c.dep_ == "nsubj"
                     and (owner := self.mention_at(c, mentions)) is not None), None)

    def _possessor(self, head: Token, mentions: list[EntityMention],
                   earlier: list[Statement], quotes: Sequence[Span] = ()) -> str | None:
        """The name a noun's possessor stands for where it is "his", "its", "their" or a
        definite organisation noun ("his spokesman": whom "his" stands for; "The band's
        spokesman": the band named before; "His report": its author); None where it
        resolves to no name (a pronoun with no one to stand for, "the band" never named,
        "its" for an earlier source that is itself a description)."""
        whose = next((c for c in head.children if c.dep_ == "poss"), None)
        if whose is None or not (whose.lower_ in _THIRD or (
                whose.lemma_.lower() in self.organisation_nouns and _definite(whose))):
            return None
        doc = head.doc
        span = (whose.left_edge.idx, whose.idx + len(whose))
        name = self.canonical(doc, span, mentions, earlier, quotes)
        return name if name is not None and _a_name(name) else None

    def _group_owner(self, head: Token, mentions: list[EntityMention],
                     earlier: list[Statement], quotes: Sequence[Span] = ()) -> str | None:
        """Whose group a group source is: the state or organisation modifying it ("U.S.
        officials", "Japan's ministers", "Chinese state media", "a spokesman for the Home
        Office"); "the ministry", the last
        named one, else whom a statement's source with that noun named in this or the three
        sentences before ("a BaFin spokeswoman said ... the spokeswoman said": BaFin); bare
        ("officials"), the source of the statement just before, in the same or the
        previous sentence; "his spokesman", whom "his" stands for; a bare spokesperson
        with no such statement, the organisation that is the nearest subject in its
        sentence or the two before ("Cairn has been granted approval ... A spokesman
        said")."""
        owner = self._owner(head, mentions, earlier)
        if owner is not None:
            return owner
        if head.lower_ in self.spokespeople and (
                whose := self._possessor(head, mentions, earlier, quotes)):
            return whose  # "his spokesman insisted", "The band's spokesman said"
        if any(t.pos_ in ("PROPN", "ADJ", "NOUN") for c in head.children
               if c.dep_ in _MODIFIERS for t in c.subtree):
            return None
        doc = head.doc
        if any(c.lower_ == "the" for c in head.children):
            named = [m for m in mentions if m.label == "ORG" and m.end <= head.idx
                     and m.canonical.lower().split()[-1] == head.lemma_.lower()]
            if named:
                return named[-1].canonical
            since = doc[quoting.sentences_back(doc, head.i, 4)].idx
            said = [e.source for e in earlier if e.source_span and e.source
                    and e.cue_span[0] >= since and (
                        spoke := doc.char_span(*e.source_span, alignment_mode="expand"))
                    is not None and spoke.root.lemma_.lower() == head.lemma_.lower()]
            if said:  # "a BaFin spokeswoman said ... the spokeswoman said": whom that
                return said[-1]  # one spoke for
            demonyms = {m.canonical for m in mentions if m.label == "NORP"}  # no state
            owners = {owner for t in doc[: head.i] if t.lemma_.lower() == head.lemma_.lower()
                      and (owner := self._owner(t, mentions)) not in (None, *demonyms)}
            return owners.pop() if len(owners) == 1 else None  # "the Chinese government
            # ... the government believes": the one state the article gave the noun
        here = quoting.sentence_start(doc, head.i)
        previous = quoting.sentence_start(doc, here - 1) if here else 0
        last = earlier[-1] if earlier else None
        if last is not None and last.source and last.cue_span[0] >= doc[previous].idx:
            return last.source
        if head.lower_ not in self.spokespeople:
            return None
        # "Cairn has been granted approval ... A spokesman said": the organisation the
        # nearest subject names, when that subject is one
        named = next((m for s in self._subjects(doc, head, quotes)
                      if (m := mention_of(s, mentions)) is not None), None)
        return named.canonical if named is not None and named.label == "ORG" else None


_MODIFIERS = ("compound", "amod", "poss", "nmod")

_THIRD = frozenset(("his", "her", "its", "their"))
"""The possessives of a spokesperson who speaks for someone the article named."""


@functools.cache
def _territories() -> frozenset[str]:
    """Country and region names (CLDR, through Babel): a one-word name that is one is no
    surname to extend."""
    from babel import Locale

    return frozenset(Locale("en").territories.values())


_RETIED_NOT = ("ORG", "GPE", "NORP", "LOC")  # tried already, or where a firm is ("the UK firm")


_WORD = re.compile(r"\w+")
_BETWEEN = " \t\n.,:;\"'\u201c\u201d\u2018\u2019"  # what may part a quotation from its speaker


def _subject(doc: Doc, mention: EntityMention, main: bool = False) -> bool:
    """The mention is a clause's subject, or in apposition to a subject the parser took
    from a headline run into the first sentence ("Aragones angered by fine Spain coach
    Luis Aragones is furious": the headline's "Aragones"); ``main``: a main clause's, or
    its possessor's ("Mr Brown's insistence ... was")."""
    span = _span_of(doc, mention)
    if span is None:
        return False
    root = span.root
    top = root
    while top.dep_ == "appos" and top.head.i != top.i:
        top = top.head
    if top.idx < headline_end(doc) <= root.idx:
        root = top
    if main and root.dep_ == "poss":
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass") and (not main or _in_main_clause(root))


def _object(doc: Doc, mention: EntityMention) -> bool:
    """The mention is an object, or names or owns one ("the backing of boss Martin
    O'Neill", "the Premiership win", "by the Midlands club"): what a sentence is about
    less often than whom "he" continues."""
    span = _span_of(doc, mention)
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("compound", "poss") and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("pobj", "dobj", "dative")


def _quoting_on(doc: Doc, source: SpacySpan, earlier: list[Statement],
                quotes: Sequence[Span], persons: list[EntityMention],
                bodies: frozenset[str]) -> str | None:
    """Whom "he" after a quotation that follows a statement straight on stands for when
    the tagger took that statement's named speaker for no person ('Federer admitted he
    was under pressure. "They are used to me winning," he said', Federer tagged an
    organisation): that speaker, nothing but the quotation between, unless the quotation
    names them ('Redknapp vowed he would not go. "I said to Harry ...," he said')."""
    last = earlier[-1] if earlier else None
    if last is None or last.source is None or last.source_span is None or any(
            m.canonical == last.source for m in persons):
        return None  # a person the tagger knows: :meth:`SourceResolver._salient` weighs it
    said = doc.char_span(*last.source_span, alignment_mode="expand")
    if said is None or said.root.pos_ != "PROPN" or said.root.ent_type_ in ("GPE", "NORP") or (
            said.root.text.isupper() or any(t.lower_ in bodies for t in said)):
        return None  # a state, a body by its initials or its noun ("The ATP", "the Board")
    end = max(last.cue_span[1], last.content_span[1], last.source_span[1])
    text = doc.text
    names = set(last.source.split())
    return last.source if any(
        end <= start and stop <= source.start_char and not text[end:start].strip(_BETWEEN)
        and not text[stop:source.start_char].strip(_BETWEEN)
        and not names & set(_WORD.findall(text[start:stop]))  # not 'I said to Harry'
        for start, stop in quotes) else None


def last_body(doc: Doc, before: list[EntityMention]) -> EntityMention | None:
    """The organisation or state an "it" with no subject to stand for names: the last
    named, but not a place named where something happened ("Yukos is due in a US court
    ... it sued") when an organisation was a clause's subject before it: that one is what
    the article is about; the organisation named last is as often a newspaper ("told the
    BBC") or a partner."""
    bodies = [m for m in before if m.label in ("ORG", "GPE")]
    if not bodies or bodies[-1].label != "GPE" or _subject(doc, bodies[-1]):
        return bodies[-1] if bodies else None
    return next((m for m in reversed(bodies) if m.label == "ORG" and _subject(doc, m)),
                bodies[-1])


_FRONTED = frozenset({"advcl", "prep", "npadvmod"})
"""How a clause before the main one hangs on it: "As he said, ...", "After he spoke, ..."."""


def _lead(doc: Doc, persons: list[EntityMention]) -> str | None:
    """The person the article's first two sentences below the headline are about: the
    first person named there who is a clause's subject or opens the body ("Gordon Brown
    has criticised a union leader who said ...", which the parse of a headline run into
    it may hang elsewhere; "Will Tory tax cuts lift spirits? Michael Howard has"), else,
    when those sentences name no one, the first person a headline run into the body names:
    never a speaker, still whom "Blair defends terror law changes | The prime minister has
    defended" refers to."""
    if not len(doc):
        return None
    start = headline_end(doc)
    starts = once.sentence_starts(doc)
    at = bisect.bisect_right(once.sentence_offsets(doc), start) - 1
    end = doc[starts[at + 2]].idx if at + 2 < len(starts) else len(once.text(doc))
    below = [m for m in persons if start <= m.start < end]
    if below or not start:
        return next((m.canonical for m in below if m.start == start or _subject(doc, m)), None)
    return next((m.canonical for m in persons if m.end <= start), None)


def _full_name(surname: str, mentions: list[EntityMention]) -> str | None:
    """The one name the article gave in full that ends with ``surname`` (the tagger may
    call "Vince Cable" an organisation, and "Telekom said" is Deutsche Telekom's)."""
    full = {m.canonical for m in mentions if m.label in ("PERSON", "ORG")
            and len(words := m.canonical.split()) > 1 and words[-1] == surname
            and all(w[:1].isupper() for w in words)}  # not "Barcelona star Ronaldinho"
    return full.pop() if len(full) == 1 else None


def _by_whom(subject: Token) -> Token | None:
    """The plural noun a subject is done or made "by" ("The proposals were opposed by
    leftist parties", "the attempts by both men"): who acts, where the subject is a thing
    acted on or made."""
    phrases = [c for c in subject.children if c.dep_ == "prep" and c.lower_ == "by"]
    if subject.dep_ == "nsubjpass":
        phrases += [c for c in subject.head.children if c.dep_ == "agent"]
    return next((o for p in phrases for o in p.children
                 if o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS")), None)


def _noun_before(pronoun: Token) -> Token | None:
    """The noun a relative pronoun follows, with or without a comma, where the parser made
    its clause no relative clause ("the Chicago Police Department which reported")."""
    doc = pronoun.doc
    before = [doc[i] for i in (pronoun.i - 1, pronoun.i - 2) if i >= 0]
    if before and before[0].text == ",":
        before = before[1:]
    return before[0] if before and before[0].pos_ in ("NOUN", "PROPN") and (
        before[0].ent_type_ not in ("DATE", "TIME")) else None  # not "on Saturday which"


def _in_main_clause(subject: Token) -> bool:
    """The subject's verb is the sentence's, or joined or attached to it as an adverbial
    clause, not a reported clause ("It said [Fiat was set to ...]")."""
    verb = subject.head
    while verb.head.i != verb.i:
        if verb.dep_ not in ("conj", "advcl"):
            return False
        verb = verb.head
    return True


def _a_name(words: str) -> bool:
    """The words are a name, not a description: a capitalised word after the first
    ("the Colombian government" counts), or one capitalised word ("REM", not "It")."""
    first, *rest = words.split()
    if rest:
        return any(w[:1].isupper() for w in rest)
    return first[:1].isupper() and first.lower() not in resources.load("cues")["pronouns"]


def _definite(head: Token) -> bool:
    """"the newspaper", "the firm": a noun that points back, with nothing naming it; so
    does a superlative of the world or a place ("The world's largest maker of chips",
    "Britain's biggest retailer"), which only one can be."""
    children = list(head.children)
    if any(c.tag_ == "JJS" for c in children) and any(
            c.dep_ == "poss" and (c.lower_ == "world" or c.ent_type_ in ("GPE", "LOC"))
            for c in children):
        return True
    return any(c.lower_ == "the" for c in children) and not any(
        c.dep_ in ("compound", "poss", "amod") and c.pos_ == "PROPN" for c in children)


@functools.cache
def _collective() -> tuple[tuple[str, ...], frozenset[str]]:
    """How demonyms end that name a people ("the French"), and those so ending that name
    one person ("the Czech"): ``models/entities.json``, read once."""
    data = resources.load("entities")
    return tuple(data["collective_demonyms"]), frozenset(data["singular_demonyms"])


def _quoted_by(doc: Doc, mention: EntityMention, earlier: list[Statement],
               quotes: Sequence[Span]) -> bool:
    """The mention is in an earlier statement's quoted words, and no main clause's subject
    there: a quotation the article left open may run over the next speaker ('"... so far.
    "Each one ... Simon Gardner said: "We are'), whom a later "he" still stands for."""
    return quoting.quoted((mention.start, mention.end), quotes) and any(
        e.content_span[0] <= mention.start < e.content_span[1]
        and quoting.quoted(e.content_span, quotes) for e in earlier
    ) and not _subject(doc, mention, main=True)


def _demonym_person(source: SpacySpan) -> bool:
    """The source is "the" and one demonym that names a person: "the Russian", "the
    Scot", "the Frenchman"; not a people ("the French", "the Russians")."""
    if len(source) != 2 or source[0].lower_ != "the":
        return False
    word = source[1]
    endings, singular = _collective()
    return word.ent_type_ == "NORP" and word.tag_ in ("NNP", "NN", "JJ") and (
        not word.lower_.endswith(endings) or word.lower_ in singular)


def _another_description(doc: Doc, statement: Statement, words: set[str]) -> bool:
    """An earlier statement's source was a definite description, resolved to a name, of
    another office or role than ``words`` ("the home secretary said ... the prime minister
    said"); "The chancellor, speaking during a tour of Africa" is the same office as "the
    chancellor": its words up to its head are what count."""
    spoken = doc.char_span(*statement.source_span, alignment_mode="expand") if (
        statement.source_span) else None
    if spoken is None or spoken[0].lower_ != "the" or statement.source == spoken.text:
        return False
    return {t.lower_ for t in spoken[: spoken.root.i - spoken.start + 1]} != words


def _words_around(doc: Doc, mention: EntityMention, reach: int = 4) -> list[str]:
    """The words just before and after a mention in its sentence, in order ("Foreign
    Minister X", "X, the minister"), not the next sentence's ("X disagreed. The shadow
    ...")."""
    span = _span_of(doc, mention)
    if span is None:
        return []
    first = max(quoting.sentence_start(doc, span.start), span.start - reach)
    last = span.end
    while last < min(len(doc), span.end + reach) and not doc[last].is_sent_start:
        last += 1
    return [_abbreviations().get(t.lower_, t.lower_) for t in doc[first:last]]


@functools.cache
def _abbreviations() -> dict[str, str]:
    """Offices as news abbreviates them before a name ("Sen." for senator)."""
    return resources.load("cues")["title_abbreviations"]


def _elsewhere(doc: Doc, mention: EntityMention, office: str, words: set[str]) -> bool:
    """The article gives the person the office with a place the description lacks:
    "Vermont Sen. Bernie Sanders" is no "the Florida senator" (parties are left out: news
    calls one party by several names, "Tory leader" and "the Scottish Conservative
    leader")."""
    span = _span_of(doc, mention)
    if span is None:
        return False
    return any(_abbreviations().get(t.lower_, t.lower_) == office and t.i > 0
               and (left := doc[t.i - 1]).ent_type_ == "GPE"
               and left.lower_ not in words and not span.start <= left.i < span.end
               for t in _beside(doc, span))


def _beside(doc: Doc, span: SpacySpan, until: int | None = None) -> list[Token]:
    """The tokens within four of a name, outside it (and before ``until``): where the article
    puts a name's title, apposition or age ("media group Reuters", "Paula Radcliffe, 30,")."""
    end = span.end + 4 if until is None else min(until, span.end + 4)
    return [t for t in doc[max(0, span.start - 4) : end] if not span.start <= t.i < span.end]


def _holds(words: list[str], office: list[str]) -> bool:
    """The office's words run together among ``words``: "prime minister" is not "Foreign
    Minister", "home secretary" not "the Home Office from X, now foreign secretary"."""
    return any(words[i : i + len(office)] == office for i in range(len(words)))


def _tied(doc: Doc, mention: EntityMention, nouns: set[str] | frozenset[str]) -> bool:
    """The article gave this organisation one of the nouns: "the Commons home affairs
    committee" (its own head), "The IPCL board" (the name modifies the noun), "media group
    Reuters" or "Reuters, the group" (the noun is its title or apposition); not a thing it
    owns ("T-Mobile USA, the company's mobile business")."""
    span = _span_of(doc, mention)
    if span is None:
        return False
    root = span.root
    if root.lemma_.lower() in nouns:
        return True
    if root.head.lemma_.lower() in nouns and not span.start <= root.head.i < span.end and (
            root.dep_ in ("compound", "poss", "nmod")):
        return True
    return any(t.lemma_.lower() in nouns
               and not any(c.dep_ == "poss" for c in t.children)
               and ((t.head.i == root.i and t.dep_ in (*_TITLE_DEPS, "amod"))
                    or (t.i == root.head.i and root.dep_ == "appos"))
               for t in _beside(doc, span))


def _of_person(doc: Doc, mention: EntityMention, people: list[EntityMention],
               steps: int = 4) -> bool:
    """The organisation only says where a person works ("Hannes Wittig, analyst at
    Dresdner Kleinwort Wasserstein", "Armed Forces Minister Adam Ingram"): its phrase hangs
    on a person's name within a few heads. "The company" is not that employer."""
    span = _span_of(doc, mention)
    if span is None:
        return False
    token = span.root
    for _ in range(steps):
        if token.head.i == token.i or token.dep_ in ("nsubj", "nsubjpass", "dobj", "ccomp"):
            return False
        token = token.head
        if mention_of(token, people) is not None:
            return True
    return False


_AGE = re.compile(r"(\d{1,3})-year-old")


def _described(doc: Doc, source: SpacySpan, people: list[EntityMention]) -> str | None:
    """The person a definite description stands for when the article tied its words to a
    name before, in this sentence or the three before: the noun as the name's title or
    apposition ("striker Wayne Rooney ... the striker", "Rooney, the striker, ..."), or the
    age ("the 64-year-old" after "Ratzinger, 64," or "the 64-year-old Ratzinger"); further
    back, only when the article tied the words to that one person alone ("British and
    Irish Lions coach Clive Woodward" in the first sentence ... "said the Lions coach"). A
    thing a person owns or makes ("Peston's new book", "the Price report", "the Howard
    poster": the name modifies the noun) is not that person, nor is a plural ("the
    families") one."""
    if source.root.tag_ == "NNS":
        return None
    since = doc[quoting.sentences_back(doc, source.start, 4)].idx
    tied = [m for m in reversed(people)
            if m.end <= source.start_char and _ties(doc, m, source)]
    if tied and (tied[0].start >= since or len({m.canonical for m in tied}) == 1):
        return tied[0].canonical
    return None


def _ties(doc: Doc, mention: EntityMention, source: SpacySpan) -> bool:
    """The article gave the person the description's age or noun, next to the name."""
    span = _span_of(doc, mention)
    if span is None:
        return False
    around = _beside(doc, span, until=source.start)
    age = _AGE.search(source.text)
    if age is not None:
        return any(t.text == age.group(1) and _attached(t, span) for t in around)
    return any(t.lower_ == source.root.lower_ and _agree(t, source.root) and (
                   (span.start <= t.head.i < span.end and t.dep_ in _TITLE_DEPS)
                   or (t.i == span.root.head.i and span.root.dep_ == "appos"))
               for t in around)


def _named_nearby(doc: Doc, source: SpacySpan, people: list[EntityMention],
                  quotes: Sequence[Span], alone: bool = True) -> str | None:
    """The person a description of a role or an age that the article tied to no name
    stands for: of the people its sentence or the one before names outside quotations
    (sentences that are all quotation skipped), the last main clause's subject, else the
    one person named ('England's Josh Lewsey has claimed ... The Wasps wing insisted',
    'Norwich have signed midfielder Graham Stuart. "...," the 34-year-old told'). Not one
    the article gave another age ("Paula Radcliffe, 30, ... The 41-year-old"), nor anyone
    where the article gave the noun to people it cannot tell apart ("Lions coach X ...
    Lions coach Y ... Z was left out. '...,' said the Lions coach": not Z). ``alone``: the
    one person named will do without being a subject (not for an office or a demonym:
    "[Safin] battled past Mario Ancic. The Russian turned his ankle" is no Ancic)."""
    if any(_ties(doc, m, source) for m in people):
        return None
    start = quoting.sentence_start(doc, source.start)
    for _ in range(4):
        if start == 0:
            break
        before = quoting.sentence_start(doc, start - 1)
        span = (doc[before].idx, doc[start].idx)
        start = before
        if any(c.isalpha() and not quoting.quoted((k, k + 1), quotes)
               for k, c in enumerate(once.text(doc)[span[0] : span[1]], start=span[0])):
            break  # the sentence before, with narration of its own
    near = [m for m in people if m.start >= doc[start].idx and m.end <= source.start_char
            and not quoting.quoted((m.start, m.end), quotes)]
    age = _AGE.search(source.text)
    if age is not None:
        aged = {m.canonical for m in people if any(
            n != age.group(1) for n in _ages(doc, m))}
        near = [m for m in near if m.canonical not in aged]
    subjects = [m for m in near if _subject(doc, m, main=True)]
    if subjects:
        return subjects[-1].canonical
    return near[0].canonical if alone and len({m.canonical for m in near}) == 1 else None


def _ages(doc: Doc, mention: EntityMention) -> list[str]:
    """The numbers the article attaches to the name here ("Paula Radcliffe, 30,")."""
    span = _span_of(doc, mention)
    if span is None:
        return []
    return [t.text for t in _beside(doc, span) if t.like_num and _attached(t, span)]


_TITLE_DEPS = frozenset({"compound", "appos", "nmod"})


def _attached(token: Token, span: SpacySpan, steps: int = 3) -> bool:
    """``token`` modifies the name within a few heads: ", 64," or "64-year-old X"."""
    for _ in range(steps):
        if span.start <= token.head.i < span.end:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _agree(named: Token, described: Token) -> bool:
    """The two nouns' modifiers do not tell them apart: "the top seed" is not "seventh
    seed Feliciano Lopez"; "the striker" is "Manchester United striker Wayne Rooney"."""
    def modifiers(token: Token) -> set[str]:
        return {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "nummod")}
    mine, theirs = modifiers(described), modifiers(named)
    return not mine or not theirs or bool(mine & theirs)


def _without_relative_clause(source: SpacySpan) -> str:
    """A source's own words as its name, without the relative clause that PolNeAR counts
    as part of the source span ("industry experts, who gathered at Bafta" is named
    "industry experts"), nor the apposition after a name ("Rockstar Games, the makers of
    Manhunt" is named "Rockstar Games")."""
    head = source.root
    named = head.pos_ == "PROPN"
    clause = [t.left_edge.i for t in source if (t.dep_ == "relcl" or (
        named and t.dep_ == "appos" and t.head.i == head.i
        and source.doc[t.left_edge.i - 1].text == ","))
              and head.i < t.left_edge.i < source.end]
    if not clause:
        return source.text
    return source.doc[source.start : min(clause)].text.rstrip(" ,;:-–—")


@functools.cache
def shared() -> SourceResolver:
    """One resolver for the components that only ask it (figure owners, stance targets):
    what it remembers of an article is kept by Doc and read again for another."""
    return SourceResolver()
