"""Attributed statements found by rules on the dependency parse.

The cue vocabulary is in ``models/cues.json``: a cue verb with a subject and a
clausal complement, an object ("described the proposal as ..."), or an adjacent
quotation ('"...," she said'); prepositional cues ("according to X, ..."); nominal
cues ("China's opposition to ..."); speaker labels ("PENCE: ...") and quotations
signed after a dash. The trained model reads these as features, and they are the
whole answer when no model is installed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from pipeline import resources
from pipeline.annotations import Span as Chars
from pipeline.components.attribution.found import Found
from pipeline.components.attribution.linking import adjacent_quote, continued, has_subject
from pipeline.components.attribution.sources import the_subject_instead

_CLAUSE_DEPS = ("ccomp", "xcomp", "parataxis")
_NO_BELIEVER = frozenset(("i", "we", "you", "it", "one"))
"""Subjects of an adjective of belief that report no one's view ("it is certain that")."""
_OBJECT_DEPS = ("dobj", "oprd", "attr")


def _trimmed(doc: Doc, start: int, end: int) -> Chars:
    """Token range [start, end) as characters, without edge punctuation. A leading
    'that' stays: news attribution corpora (PolNeAR) count it as part of the content."""
    tokens = [t for t in doc[start:end]]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return doc[start].idx, doc[start].idx
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _subtree_span(token: Token, exclude: tuple[str, ...] = ()) -> Chars:
    kept = [t for t in token.subtree if not any(a.dep_ in exclude for a in _path(t, token))]
    return _trimmed(token.doc, kept[0].i, kept[-1].i + 1)


_NAME = r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}"
_LABEL = re.compile(rf"(?m)^[\"“]?(?P<name>{_NAME})(?P<colon>:)[ \t]+(?P<content>\S[^\n]*?)\s*$")
_POSSESSIVE = re.compile(r"['’]s\b")
_SIGNATURE = re.compile(rf"[\"”]?[^\S\n]*(?P<dash>[―—–])[^\S\n]*(?P<name>{_NAME})")
"""'"..." ― Name': the spaces around the dash may be non-breaking ones (scraped text)."""


def _objects(prep: Token) -> list[Token]:
    """The objects of a preposition, also through a second one ("along with X")."""
    return [o for p in (prep, *(c for c in prep.children if c.dep_ == "prep"))
            for o in p.children if o.dep_ == "pobj"]


def _path(token: Token, top: Token) -> list[Token]:
    """Tokens from ``token`` up to (not including) ``top``."""
    path = []
    while token.i != top.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path



class RuleFinder:
    """Finds statements with the rules; holds the vocabularies, loaded once."""

    def __init__(self) -> None:
        data = resources.load("cues")
        self.verbs: dict[str, str | None] = data["verbs"]
        self.need_clause = frozenset(data["verbs_need_clause"])
        self.prepositional: dict[str, list[list[str]]] = {}  # by first word: a cheap test
        for phrase in data["prepositional"]:
            words = phrase.split()
            self.prepositional.setdefault(words[0], []).append(words)
        self.label_stopwords = frozenset(data["label_stopwords"])
        self.phrasal: dict[str, list[str]] = data["phrasal"]
        self.settings = frozenset(data["settings"])
        # nouns of saying that make a statement only with a clause ("its prediction that
        # Trump would be ..."): no stance of their own, so a preposition's object is no content
        self.clause_nouns = frozenset(data["clause_nouns"])
        self.nominal: dict[str, str | None] = {**dict.fromkeys(self.clause_nouns),
                                               **data["nominal"]}
        self.beliefs = frozenset(data["belief_adjectives"])
        self.companions = [phrase.split() for phrase in data["companions"]]
        self.owned = frozenset((*data["document_nouns"], *data["group_nouns"]))
        self.examples = [phrase.split() for phrase in data["examples"]]
        self.shifters = [phrase.split() for phrase in resources.load("stance")["shifters"]]

    def find(self, doc: Doc, text: str, quotes: list[Chars]) -> list[Found]:
        """Every statement the rules find, in no particular order; none whose content holds
        no character (the trained model's features need a content of at least a token)."""
        found = [
            *(f for sent in doc.sents
              for f in (*self._verb_cues(sent, text, quotes), *self._nominal_cues(sent, quotes),
                        *self._belief_cues(sent, quotes), *self._prepositional_cues(sent))),
            *self._speaker_labels(doc, text),
            *self._dash_signatures(text, quotes),
        ]
        return [f for f in found if f.content_span[0] < f.content_span[1]]

    def _verb_cues(self, sent: Span, text: str, quotes: list[Chars]) -> Iterator[Found]:
        for verb in sent:
            if verb.pos_ != "VERB":
                continue
            lemma = verb.lemma_.lower()
            if lemma not in self.verbs or verb.dep_ in ("amod", "acl"):
                continue
            if any(s <= verb.idx < e for s, e in quotes):
                continue  # a cue verb inside a quotation is part of the content
            subject = self._subject(verb)
            if subject is None:
                continue
            # a subject inside quoted words the cue closes is the parser's mistake ('"...
            # single tracks or subscription services," said Paul Myers'): the verb's other one
            subject = the_subject_instead(sent.doc, (subject.left_edge.i, subject.right_edge.i + 1),
                                          (verb.i, verb.i + 1), quotes) or subject
            source = _subtree_span(subject, ("relcl",))
            shifter = self._shifter(verb)
            cue = self._cue_span(verb)
            if shifter is not None:  # "stopped short of endorsing": one cue, its stance turned
                cue = (self._cue_span(shifter)[0], cue[1])
            content = self._content(verb, lemma, text, quotes, (source, cue))
            if content is None:
                continue
            content = continued(content, max(source[1], cue[1]), text, quotes, sent)
            for each in self.split_sources(subject, subject.head):
                yield Found(each, lemma, cue, content)

    def split_sources(self, subject: Token, verb: Token) -> list[Chars]:
        """One span per source: "X and Y said", "X, along with Y, said" give X and Y, and a
        group named by its members ("powers like India and Australia") gives the members.
        A report or group by several names ("surveys from the Halifax and Nationwide",
        "officials from France and Germany") gives the phrase with the first and each
        name after it. A single source keeps its whole phrase, a relative clause too
        ("Victor Cha, who served as Asia director"), as PolNeAR marks it."""
        doc = subject.doc
        joined = [c for c in subject.conjuncts if c.i > subject.i]
        companions = [o for prep in (*subject.children, *verb.children)
                      if self._phrase_at(prep, self.companions) for o in _objects(prep)]
        owners = self._owners(subject)
        if owners:
            return [_subtree_span(subject, ("conj", "cc")), *(
                _subtree_span(o, ("conj", "cc")) for o in owners)]
        if not joined and not companions:
            return [_subtree_span(subject)]
        spans = []
        for head in (subject, *joined, *companions):
            members = [o for c in head.children if self._phrase_at(c, self.examples)
                       for m in _objects(c) for o in (m, *m.conjuncts)]
            for token in members or [head]:
                cut = {t.i for c in token.children if c.dep_ in ("conj", "cc", "relcl", "appos")
                       or self._phrase_at(c, self.companions) or self._phrase_at(c, self.examples)
                       for t in c.subtree}
                kept = [t.i for t in token.subtree if t.i not in cut]
                spans.append(_trimmed(doc, kept[0], kept[-1] + 1))
        return spans

    def _owners(self, subject: Token) -> list[Token]:
        """The names after the first that a report or group noun is "by" or "from" ("surveys
        from the Halifax and Nationwide": Nationwide); none where the names are one entity
        ("a report by Marks and Spencer")."""
        if subject.lemma_.lower() not in self.owned and subject.lower_ not in self.owned:
            return []
        for prep in subject.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("by", "from"):
                continue
            for name in _objects(prep):
                joined = [c for c in name.conjuncts if c.i > name.i]
                if name.pos_ == "PROPN" and joined and all(c.pos_ == "PROPN" for c in joined) and (
                        not name.ent_type_ or any(c.ent_iob_ == "B" for c in joined)):
                    return joined
        return []

    @staticmethod
    def _phrase_at(token: Token, phrases: list[list[str]]) -> bool:
        """``token`` is a preposition inside one of ``phrases`` ("along with", "such as")."""
        if token.dep_ != "prep":
            return False
        doc = token.doc
        return any([t.lower_ for t in doc[max(0, token.i - k) : token.i - k + len(p)]] == p
                   for p in phrases for k in range(len(p)))

    def _shifter(self, verb: Token) -> Token | None:
        """The verb of a shifter phrase that governs ``verb`` ("stopped short of endorsing",
        "refused to back"): the statement is that verb's subject's, with the stance turned."""
        head = verb.head
        for _ in range(3):
            if head.pos_ == "VERB" or head.i == head.head.i:
                break
            head = head.head
        if head.i >= verb.i or head.pos_ != "VERB":
            return None
        words = [head.lemma_.lower(), *(t.lower_ for t in verb.doc[head.i + 1 : verb.i])]
        forms = {" ".join(words), " ".join([head.lower_, *words[1:]])}
        return head if any(" ".join(p) in forms for p in self.shifters) else None

    def _subject(self, verb: Token) -> Token | None:
        if (verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.dep_ == "prep"
                and self._shifter(verb) is None
                and not any(c.dep_ == "nsubj" for c in verb.children)):  # "with X saying"
            # "was criticised for saying that ...", "began by telling them that ...": who
            # is criticised or began said it, passive or not; only with a clause said
            return self._gerund_subject(verb)
        token = verb
        for _ in range(3):
            for child in token.children:
                if child.dep_ == "nsubj":
                    return child
                if child.dep_ == "nsubjpass":
                    return None  # "was told that": the speaker is not the subject
            # a conjoined or controlled verb shares the subject of a cue verb only;
            # "..., saying that ..." shares the subject of the verb it hangs on
            shares_cue = token.dep_ in ("conj", "xcomp") and token.head.lemma_.lower() in self.verbs
            if shares_cue or (token.dep_ == "advcl" and token.tag_ == "VBG"):
                token = token.head
            elif (shifter := self._shifter(token)) is not None:
                token = shifter
            else:
                return None
        return None

    def _gerund_subject(self, verb: Token) -> Token | None:
        prep, governor = verb.head, verb.head.head
        quoting = governor.lemma_.lower() == "quote" and not any(
            c.dep_ == "nsubjpass" for c in governor.children)
        if verb.lemma_.lower() in self.need_clause or quoting:
            return None  # "after learning that", "quoted its plan as saying"
        if prep.lower_ == "without" or governor.pos_ not in ("VERB", "AUX") or not any(
                c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                for c in verb.children):
            return None  # "It goes without saying"; "for criticizing Trump"
        subject = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return None if subject is None or subject.lower_ == "it" else subject

    def _content(
        self,
        verb: Token,
        lemma: str,
        text: str,
        quotes: list[Chars],
        speaker: tuple[Chars, Chars],
    ) -> Chars | None:
        doc = verb.doc
        quoted = adjacent_quote(text, quotes, speaker)
        clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS and c.i > verb.i]
        clauses = clauses or [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
        if clauses:
            clause = _subtree_span(clauses[0])
            mixed = quoted and clause[0] < quoted[0] - 1 and clause[1] >= quoted[1] and (
                clause[0] > max(speaker[0][1], speaker[1][1]))  # 'said his plan is "sound"'
            if quoted and quoted[0] < clause[1] and clause[0] < quoted[1] and not mixed:
                return quoted  # the words in quote marks, not the lead-in the parse added
            return clause
        objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS] or [
            o for c in verb.children  # "called for a strike": the phrasal preposition's object
            if c.dep_ == "prep" and c.lower_ in self.phrasal.get(lemma, ())
            for o in c.children if o.dep_ == "pobj"
        ]
        if objects and lemma not in self.need_clause:
            tokens = [t for o in objects for t in o.subtree]
            tokens += [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                       for t in c.subtree]
            first, last = min(t.i for t in tokens), max(t.i for t in tokens)
            return _trimmed(doc, first, last + 1)
        if quoted:
            return quoted
        if verb.dep_ == "parataxis":  # "But, he said, officials should be vigilant."
            return _subtree_span(verb.head, ("parataxis",))
        return None

    def _cue_span(self, verb: Token) -> Chars:
        """The cue verb with what goes with it in news attribution: auxiliaries and
        adverbs before ("has also vowed"), particles and phrasal prepositions after
        ("pointed out", "called for"), and the day or setting right after ("said
        Friday", "said in an interview")."""
        left = [c for c in verb.lefts if c.dep_ in ("aux", "neg", "advmod") and c.i >= verb.i - 3]
        phrasal = self.phrasal.get(verb.lemma_.lower(), ())
        right = [c for c in verb.rights if c.dep_ == "prt" or (
            c.dep_ == "prep" and c.lower_ in phrasal and c.i == verb.i + 1)]
        last = right[-1] if right else verb
        for c in verb.rights:  # contiguous day/setting modifiers only
            if c.i != last.i + 1 and c.left_edge.i != last.i + 1:
                break
            day = c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME")
            setting = c.dep_ == "prep" and any(t.lemma_.lower() in self.settings for t in c.subtree)
            if not (day or setting):
                break
            last = c.right_edge
        first = min([*left, verb], key=lambda t: t.i)
        return first.idx, last.idx + len(last.text)

    def _speaker_labels(self, doc: Doc, text: str) -> Iterator[Found]:
        """'PENCE: Well, look ...' and 'Pat Caddell: Democrat voters worried': a short name
        opening a line, then a colon; the rest of the line is what they said."""
        for match in _LABEL.finditer(text):
            name = match.group("name")
            span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
            named = span is not None and (name.isupper() or any(
                t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in span))
            if not named or name.split()[0].lower() in self.label_stopwords:
                continue
            if _POSSESSIVE.search(name):  # a headline ("Ishiba's Asian NATO: ..."), not a speaker
                continue
            content = (match.start("content"), match.end("content"))
            yield Found((match.start("name"), match.end("name")), ":",
                        (match.start("colon"), match.end("colon")), content)

    def _dash_signatures(self, text: str, quotes: list[Chars]) -> Iterator[Found]:
        """'"...he makes simple statements." ― Pamela Padilla': a quotation signed by a
        name after a dash."""
        for q_start, q_end in quotes:
            match = _SIGNATURE.match(text, q_end)
            if match:
                yield Found((match.start("name"), match.end("name")), "―",
                            (match.start("dash"), match.end("dash")), (q_start, q_end))

    def _nominal_cues(self, sent: Span, quotes: list[Chars]) -> Iterator[Found]:
        """"China's opposition to the plan", "his warning that ...", "the government's
        position on X has been cautious": a cue noun whose possessor is the source."""
        for noun in sent:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.nominal:
                continue
            owner = [c for c in noun.children if c.dep_ == "poss"]
            if not owner or owner[0].pos_ not in ("PROPN", "PRON", "NOUN"):
                continue
            if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.verbs:
                continue  # "expressed his opposition to": the verb's statement already
            if any(s <= noun.idx < e for s, e in quotes):
                continue
            if sent.doc[owner[0].left_edge.i - 1].lower_ == "what":
                continue  # "what he calls ...": a verb the parser took for a noun
            clauses = [c for c in noun.children if c.i > noun.i and c.dep_ in ("acl", "ccomp")
                       and (noun.lemma_.lower() not in self.clause_nouns or _that_clause(c))]
            about = [c for c in noun.children if c.i > noun.i and c.dep_ == "prep" and _objects(c)]
            verdict = [c for c in noun.head.rights if c.dep_ in ("acomp", "attr")] if (
                noun.dep_ == "nsubj" and noun.head.lemma_ == "be") else []
            # "Trump's view of NATO" names a topic, not a statement: a preposition's object
            # is content only for a noun with a stance of its own, or with a verdict after it
            said = clauses or (about if self.nominal[noun.lemma_.lower()] or verdict else [])
            if not said:
                continue
            # a verdict on what was said is content only where no clause says it ("X's
            # position has been cautious", not "Parry's insistence that ... is a statement")
            last = max(t.i for c in (*said, *([] if clauses else verdict)) for t in c.subtree)
            source = _subtree_span(owner[0], ("case",))
            first = noun
            while first.i > 0 and (left := sent.doc[first.i - 1]).head == noun and left.dep_ in (
                    "amod", "advmod"):
                first = left  # "Stumpf's repeated emphasis", "the police's earlier claim"
            yield Found(source, noun.lemma_.lower(), (first.idx, noun.idx + len(noun.text)),
                        _trimmed(sent.doc, noun.i + 1, last + 1))

    def _belief_cues(self, sent: Span, quotes: list[Chars]) -> Iterator[Found]:
        """"Nintendo is confident it will keep its number one spot", "Critics are concerned
        that ...": an adjective of belief after a copula, with a finite clause, whose
        subject holds the belief. Not inside a quotation, not for "I"/"we"/"you"/"it", and
        not where a verb of saying already reports it ("said he was confident ...")."""
        for adjective in sent:
            if adjective.dep_ != "acomp" or adjective.lemma_.lower() not in self.beliefs:
                continue
            verb = adjective.head
            clauses = [c for c in adjective.children if c.i > adjective.i and c.dep_ == "ccomp"
                       and has_subject(c)]
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if not clauses or subject is None or subject.lower_ in _NO_BELIEVER:
                continue
            if any(s <= adjective.idx < e for s, e in quotes):
                continue
            if verb.dep_ in _CLAUSE_DEPS and verb.head.lemma_.lower() in self.verbs:
                continue
            content = _subtree_span(clauses[0])
            first = min((c for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i),
                        key=lambda c: c.i, default=verb)  # "has long been worried"
            cue = (first.idx, adjective.idx + len(adjective.text))
            for each in self.split_sources(subject, verb):
                yield Found(each, adjective.lemma_.lower(), cue, content)

    def _prepositional_cues(self, sent: Span) -> Iterator[Found]:
        for token in sent:
            for words in self.prepositional.get(token.lower_, ()):
                if [t.lower_ for t in sent.doc[token.i : token.i + len(words)]] != words:
                    continue
                last = sent.doc[token.i + len(words) - 1]
                objects = [c for c in last.children if c.dep_ == "pobj"] or [
                    c for c in token.subtree if c.dep_ == "pobj"
                ]
                if not objects:
                    continue
                source = _subtree_span(objects[0], ("relcl",))
                phrase_end = max(t.i for t in objects[0].subtree) + 1
                before = _trimmed(sent.doc, sent.start, token.i)
                after = _trimmed(sent.doc, phrase_end, sent.end)
                content = max((before, after), key=lambda s: s[1] - s[0])
                cue = (token.idx, last.idx + len(last.text))
                yield Found(source, " ".join(words), cue, content)


def _that_clause(clause: Token) -> bool:
    """A finite clause opened by "that" ("his insistence that he was right"), not an
    infinitive ("threats to wall off"), which names a plan rather than something said."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and (
        has_subject(clause))
