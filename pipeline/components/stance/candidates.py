"""Who might take a stance toward whom: (holder, target) candidates in one Doc.

Four sources of holders, each a :class:`Statement` with spans:
- ``statement``: what ``newsclaims_attribution`` found (a source says content);
- ``event``: a stance verb acting on its object ("X criticised Y", "Y was praised by X",
  "X backed Y's bid"), with a named or resolved subject; skipped where attribution already
  has a statement on that verb;
- ``action``: any other verb with a named subject acting on a named object ("lawmakers
  delayed Ms. Lynch's nomination"); kept only when the classifier finds a clear stance;
- ``pair``: any other two names (entities, resolved pronouns) of one sentence, the holder
  a person, organisation, place or group ("Mr. Obama tapped Ms. Lynch to replace Mr.
  Holder": for Lynch); the cue is the word that governs both. SEESAW's annotators mark such
  stances wherever a sentence implies them, and only a third of its triples have a
  statement, event or action behind them.

Each statement pairs with every target its content names: entities, resolved pronouns
and descriptions, the topic, and noun phrases (see :mod:`targets`). The classifier then
judges each pair; the component keeps what it judges.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from pipeline.annotations import Statement
from pipeline.components.headlines import headline_end
from pipeline.components.quotes import sentence_start
from pipeline.components.stance.targets import ENTITY, Resolver, Target

STATEMENT = "statement"
EVENT = "event"
ACTION = "action"
PAIR = "pair"

_SUBJECTS = ("nsubj",)
_OBJECT_DEPS = frozenset({"dobj", "prep", "dative", "xcomp", "ccomp", "attr", "oprd", "acomp",
                          "advcl", "npadvmod", "prt"})
_ABOUT = frozenset({"of", "for", "over", "against", "about", "on"})  # "accused X of ..."
_HOLDER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
MAX_TARGETS = 6  # per statement and sentence: a long list is an enumeration, not stances
MAX_NAMES = 8  # a sentence naming more is a list: no pairs from it


@dataclass(frozen=True)
class Candidate:
    """One (holder, target) pair: the statement it comes from (its index in the list the
    generator returns with it), the resolved target, and the target's head token."""

    statement: int
    target: Target
    sentence_start: int  # token index of the first token of the target's sentence


def _span_of(doc: Doc, tokens: list[Token]) -> tuple[int, int]:
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def conjuncts(token: Token) -> list[Token]:
    """What is joined to ``token`` by "and"/"or" ("Reid and McConnell", "Obama, Clinton
    and Carter"), in order."""
    out = []
    for child in token.children:
        if child.dep_ == "conj":
            out += [child, *conjuncts(child)]
    return out


def governor(a: Token, b: Token) -> Token:
    """The lowest token whose subtree holds both (one of them when it governs the other)."""
    above = {a.i}
    token = a
    while token.head.i != token.i:
        token = token.head
        above.add(token.i)
    token = b
    while token.i not in above and token.head.i != token.i:
        token = token.head
    return token if token.i in above else a.sent.root


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return bool(a and b) and a[0] < b[1] and b[0] < a[1]


class CandidateFinder:
    """Statements (attribution's, events, actions) and their target candidates."""

    def __init__(self, events: dict[str, str | None], cue_verbs: frozenset[str],
                 pairs: bool = True) -> None:
        self.events = events
        self.cue_verbs = cue_verbs
        self.pairs = pairs  # name pairs: as many candidates as the rest, few rows

    def find(self, doc: Doc, resolver: Resolver, statements: list[Statement]
             ) -> tuple[list[Statement], list[Candidate]]:
        """All statements (the given ones first, in their order) and their candidates."""
        found = list(statements)
        # the characters of the given statements' cues: every verb was checked against
        # every cue (330,000 overlap tests on 80 PolNeAR articles)
        in_cue = {k for st in statements if st.cue_span for k in range(*st.cue_span)}
        body = headline_end(doc)  # a headline run into the body holds no stance event
        for verb in doc:
            if verb.pos_ != "VERB" or verb.idx < body or verb.idx in in_cue:
                continue
            found.extend(self._events(doc, verb, resolver))
        candidates = [c for i, st in enumerate(found)
                      for c in self._targets(doc, i, st, resolver)]
        if not self.pairs:
            return found, candidates
        covered = {((found[c.statement].source or "").casefold(), c.target.name.casefold(),
                    c.sentence_start) for c in candidates}
        for statement, target, sent in self._pairs(doc, resolver, covered, body):
            found.append(statement)
            candidates.append(Candidate(len(found) - 1, target, sent))
        return found, candidates

    def _pairs(self, doc: Doc, resolver: Resolver, covered: set[tuple[str, str, int]],
               body: int) -> Iterator[tuple[Statement, Target, int]]:
        """Every ordered pair of names in a sentence that no other candidate covers: the
        holder a person, organisation, place or group, the target anything named; none
        in a headline that ends at character ``body``."""
        for sent in doc.sents:
            names = [(token, name) for token, name in self._names(sent, resolver)
                     if token.idx >= body]
            if len(names) > MAX_NAMES:
                continue
            for holder_token, holder in names:
                mention = resolver.entity_at(holder_token)
                if mention is not None and mention.label not in _HOLDER_LABELS:
                    continue
                for target_token, target in names:
                    if target.name.casefold() == holder.name.casefold() or (
                            holder.name.casefold(), target.name.casefold(),
                            sent.start) in covered:
                        continue
                    cue = governor(holder_token, target_token)
                    near = min(cue.i, target_token.i), max(cue.i, target_token.i)
                    yield Statement(
                        source=holder.name, source_span=holder.span, cue=cue.lemma_.lower(),
                        cue_span=(cue.idx, cue.idx + len(cue.text)),
                        content_span=_span_of(doc, [doc[near[0]], doc[near[1]]]),
                        target=None, stance="neutral", quote=None, confidence=0.5,
                        kind=PAIR), target, sent.start

    def _names(self, sent: Span, resolver: Resolver) -> list[tuple[Token, Target]]:
        """The sentence's entities and resolved pronouns, the first mention of each name."""
        names: dict[str, tuple[Token, Target]] = {}
        for token in sent:
            if resolver.entity_at(token) is None and token.pos_ != "PRON":
                continue
            target = self._target_at(token, resolver)
            if target is not None and target.kind == ENTITY:
                names.setdefault(target.name.casefold(), (token, target))
        return list(names.values())

    def _events(self, doc: Doc, verb: Token, resolver: Resolver) -> list[Statement]:
        """The verb's event, one statement per named holder: each of conjoined subjects
        acts on the object ("Reid and McConnell thanked Murray", "Barack Obama and Bill
        Clinton are praising Beau Biden")."""
        lemma = verb.lemma_.lower()
        if lemma in self.cue_verbs and lemma not in self.events:
            return []  # a speech verb attribution left alone: nothing to act on
        holder_token, passive = self._holder(verb)
        if holder_token is None:
            return []
        holders: dict[str, Target] = {}
        for token in (holder_token, *conjuncts(holder_token)):
            holder = self._holder_name(token, resolver)
            if holder is not None:
                holders.setdefault(holder.name.casefold(), holder)
        event = self._event(doc, verb, holder_token, passive) if holders else None
        if event is None:
            return []
        return [replace(event, source=h.name, source_span=h.span) for h in holders.values()]

    @staticmethod
    def _holder_name(token: Token, resolver: Resolver) -> Target | None:
        """The entity a holder token names, if it is one that can hold a stance."""
        holder = resolver.at(token, phrases=False)
        if holder is None or holder.kind != ENTITY:
            return None
        mention = resolver.entity_at(token)
        if mention is not None and mention.label not in _HOLDER_LABELS:
            return None
        return holder

    def _event(self, doc: Doc, verb: Token, holder_token: Token, passive: bool
               ) -> Statement | None:
        """The verb's event, its holder left to the caller; none when it acts on
        nothing."""
        lemma = verb.lemma_.lower()
        objects = [t for c in verb.children if c.dep_ in _OBJECT_DEPS and c.i > verb.i
                   for t in c.subtree]
        if passive:  # "Y was criticised by X": the patient is the subject
            objects += [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
            objects = [t for t in objects if not (holder_token.left_edge.i <= t.i
                                                 <= holder_token.right_edge.i)]
        objects = [t for t in objects if not t.is_punct]
        if not objects:
            return None
        cue = [verb, *(c for c in verb.children if c.dep_ in ("prt", "neg", "aux", "auxpass")
                       and abs(c.i - verb.i) <= 3)]
        # "filed a lawsuit against Y": the verb and its object's head make the event
        done = next((c for c in verb.children if c.dep_ == "dobj"
                     and f"{lemma} {c.lemma_.lower()}" in self.events), None)
        if done is not None:
            lemma = f"{lemma} {done.lemma_.lower()}"
            cue.append(done)
            # the lawsuit is the act: what it is against follows it
            objects = [t for t in objects if t.i > done.i] or objects
        kind = EVENT if lemma in self.events else ACTION
        return Statement(
            source=None, source_span=None, cue=lemma, cue_span=_span_of(doc, cue),
            content_span=_span_of(doc, objects), target=None, stance="neutral", quote=None,
            confidence=0.5, kind=kind)

    @staticmethod
    def _holder(verb: Token) -> tuple[Token | None, bool]:
        """The verb's agent: its subject, or in the passive the object of "by"."""
        for child in verb.children:
            if child.dep_ in _SUBJECTS:
                return child, False
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0], True
        if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ == "VERB":
            return CandidateFinder._holder(verb.head)[0], False  # "X met and praised Y"
        return None, False

    @staticmethod
    def _scope(doc: Doc, statement: Statement) -> list[Token]:
        """Where a statement's targets are: its content, and what else its cue verb
        governs after it ("accused X of fueling Y": Y as well as X)."""
        span = doc.char_span(*statement.content_span, alignment_mode="expand")
        tokens = {t.i: t for t in span} if span is not None else {}
        cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
        if cue is not None and len(cue):
            for child in cue.root.rights:  # not the addressee: "told BBC Radio that ..."
                if child.dep_ == "prep" and child.lower_ in _ABOUT:
                    tokens.update((t.i, t) for t in child.subtree)
        return [tokens[i] for i in sorted(tokens)]

    def _targets(self, doc: Doc, index: int, statement: Statement, resolver: Resolver):
        """Targets the statement's content names, at most one per name and sentence."""
        span = self._scope(doc, statement)
        if not statement.source:
            return
        source = statement.source.casefold()
        cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
        cue_sentence = sentence_start(doc, cue.start) if cue is not None else -1
        seen: dict[tuple[str, int], int] = {}
        for token in span:
            if token.dep_ in ("compound", "poss") and token.head.pos_ in ("NOUN", "PROPN") \
                    and resolver.entity_at(token) is None:
                continue
            target = self._target_at(token, resolver)
            if target is None or target.name.casefold() == source or resolver.addressee(token):
                continue
            if token.pos_ == "PRON" and sentence_start(doc, token.i) != cue_sentence:
                continue  # a pronoun in a quote's later sentences: too often someone else
            if _overlaps(target.span, statement.source_span):
                continue
            sent = sentence_start(doc, token.i)
            key = (target.name.casefold(), sent)
            if key in seen or sum(1 for k in seen if k[1] == sent) >= MAX_TARGETS:
                continue
            seen[key] = 1
            yield Candidate(index, target, sent)

    @staticmethod
    def _target_at(token: Token, resolver: Resolver) -> Target | None:
        mention = resolver.entity_at(token)
        if mention is not None:
            # one target per mention: its last token stands for it
            nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            if nxt is not None and resolver.entity_at(nxt) is mention:
                return None
            return resolver.at(token)
        if token.pos_ == "PRON" or (token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound"):
            return resolver.at(token)
        return None
