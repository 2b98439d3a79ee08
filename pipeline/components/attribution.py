"""Attributed statements: who (source) says or signals (cue) what (content).

Rules on the dependency parse, with the cue vocabulary in ``models/cues.json``:
a cue verb with a subject and a clausal complement, an object ("described the
proposal as ..."), or an adjacent quotation ('"...," she said'); and
prepositional cues ("according to X, ..."). Pronoun and title sources ("he", "the
minister") resolve to the last person the article named. Target and stance are
the ``newsclaims_stance`` component's job, which runs next.

With ``model`` set (a folder that ``newsclaims train attribution`` wrote), a trained
tagger finds source, cue and content spans and :mod:`pipeline.attribution_model.linking`
pairs them. With ``with_rules`` (the default) the rules' statements stay and the
tagger adds those whose cue the rules did not find (best on PolNeAR dev); without
it the tagger alone decides. Everything after the spans (canonical source, quote)
is the same code for both.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline import resources
from pipeline.annotations import EntityMention, Statement
from pipeline.attribution_model import artifact, require_trf
from pipeline.components import quotes as quoting
from pipeline.components.guard import never_raises

_CLAUSE_DEPS = ("ccomp", "xcomp", "parataxis")
_OBJECT_DEPS = ("dobj", "oprd", "attr")
_EDGE = " \t\n,.;:!?\"“”‘’'«»-—–()"


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
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


def _subtree_span(token: Token, exclude: tuple[str, ...] = ()) -> tuple[int, int]:
    kept = [t for t in token.subtree if not any(a.dep_ in exclude for a in _path(t, token))]
    return _trimmed(token.doc, kept[0].i, kept[-1].i + 1)


_NAME = r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}"
_LABEL = re.compile(rf"(?m)^[\"“]?(?P<name>{_NAME})(?P<colon>:)[ \t]+(?P<content>\S[^\n]*?)\s*$")
_POSSESSIVE = re.compile(r"['’]s\b")
_SIGNATURE = re.compile(rf"[\"”]?[ \t]*(?P<dash>[―—–])[ \t]*(?P<name>{_NAME})")


def _adjacent_quote(
    text: str, quotes: list[tuple[int, int]], speaker: tuple[tuple[int, int], tuple[int, int]]
) -> tuple[int, int] | None:
    """A quotation right next to source and cue: '"...," she said', 'She said: "..."'. It
    may be a sentence of its own: spaCy often splits '"...," he said'."""
    start = min(s[0] for s in speaker)
    end = max(s[1] for s in speaker)
    for q_start, q_end in quotes:
        if (q_end <= start and _short_gap(text[q_end:start])) or (
            end <= q_start and _short_gap(text[end:q_start])
        ):
            inner = text[q_start:q_end]  # without the comma or stop inside the marks
            left = len(inner) - len(inner.lstrip(_EDGE))
            return q_start + left, q_start + len(inner.rstrip(_EDGE))
    return None


def _short_gap(between: str, words: int = 3, chars: int = 40) -> bool:
    """Only punctuation and at most ``words`` words ("on Tuesday") separate the two."""
    return len(between) < chars and len(between.strip(_EDGE).split()) <= words


_CONTINUES = re.compile(r"[ \t]*,[ \t]*(?P<next>\S)")


def _continued(content: tuple[int, int], speaker_end: int, text: str,
               quotes: list[tuple[int, int]], sent: Span) -> tuple[int, int]:
    """Content interrupted by its speaker goes on after it: '"A," he said. "B."', '"A," he
    said, "B."' and 'A, he said, B.' are one statement whose content runs from A to B, as
    annotators mark it."""
    if content[1] > speaker_end:
        return content
    quoted = any(s <= content[0] and content[1] <= e for s, e in quotes)
    after = next(((s, e) for s, e in quotes if s > speaker_end), None)
    if quoted and after is not None:
        gap = text[speaker_end : after[0] - 1]
        if gap.count("\n") <= 1 and _short_gap(gap, words=6, chars=61):
            return content[0], len(text[: after[1]].rstrip(_EDGE))
    follows = _CONTINUES.match(text, speaker_end)
    if quoted or follows is None or follows.start("next") >= sent.end_char:
        return content
    if not text[follows.start("next")].islower():
        return content
    return content[0], len(text[: sent.end_char].rstrip(_EDGE))


def _floating_quotes(text: str, quotes: list[tuple[int, int]], found: list[Found]
                     ) -> list[Found]:
    """A quotation that opens a sentence or paragraph and has no cue of its own belongs to
    the statement just before it, in the same or the previous paragraph ('Caddell told
    Breitbart how surprised he is. / "Obamacare is ..."'): that statement's content runs on
    to the quotation's end, as PolNeAR annotates it."""
    found = sorted(found, key=lambda f: f[3][1])
    for q_start, q_end in quotes:
        opening = text[max(0, q_start - 3) : q_start - 1].rstrip(" \t")
        if opening and opening[-1] not in ".!?\n":
            continue  # the quote is inside a sentence: a mixed quote, not a floating one
        if len(text[q_start:q_end].split()) < 4 or any(
                f[3][0] < q_end and q_start < f[3][1] for f in found):
            continue
        before = [k for k, f in enumerate(found) if f[3][1] <= q_start and f[0] is not None]
        if not before:
            continue
        source, lemma, cue, content = found[before[-1]]
        if text.count("\n", content[1], q_start) > 1 + text.count("\n\n", content[1], q_start):
            continue  # more than one paragraph away
        last = (source, lemma, cue, (content[0], len(text[:q_end].rstrip(_EDGE))))
        found = [last if f[2] == cue and f[3] == content else f for f in found]
    return found


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


Found = tuple[tuple[int, int] | None, str, tuple[int, int], tuple[int, int]]
"""(source span or None, cue lemma, cue span, content span)"""


class AttributionExtractor:
    """Sets ``doc._.nc_statements``: a list of :class:`Statement` in text order."""

    def __init__(self, nlp: Language, name: str, model: str = "", with_rules: bool = True
                 ) -> None:
        data = resources.load("cues")
        self.name = name
        self.model = model
        self.with_rules = with_rules
        self.artifact_fingerprint: str | None = None
        self._tagger = None  # loaded on first use, in the process that tags
        if model:  # fail now, with a clean message, not once per document later
            self.artifact_fingerprint = artifact.fingerprint(model)  # a missing folder first
            require_trf(f"the attribution model {model!r}")
        self.verbs: dict[str, str | None] = data["verbs"]
        self.need_clause = frozenset(data["verbs_need_clause"])
        self.prepositional: dict[str, list[list[str]]] = {}  # by first word: a cheap test
        for phrase in data["prepositional"]:
            words = phrase.split()
            self.prepositional.setdefault(words[0], []).append(words)
        self.pronouns: dict[str, str] = data["pronouns"]
        self.titles = frozenset(data["speaker_titles"])
        self.label_stopwords = frozenset(data["label_stopwords"])
        self.phrasal: dict[str, list[str]] = data["phrasal"]
        self.settings = frozenset(data["settings"])
        self.nominal: dict[str, str | None] = data["nominal"]
        self.group_nouns = frozenset(data["group_nouns"])
        self.companions = [phrase.split() for phrase in data["companions"]]
        self.examples = [phrase.split() for phrase in data["examples"]]
        self.states: dict[str, str] = resources.load("entities")["states"]
        self.shifters = [phrase.split() for phrase in resources.load("stance")["shifters"]]
        if not Doc.has_extension("nc_statements"):
            Doc.set_extension("nc_statements", default=None)

    def __getstate__(self) -> dict[str, Any]:
        """Pickles without the loaded tagger: each worker loads its own."""
        return {**self.__dict__, "_tagger": None}

    @never_raises
    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # Doc.text joins all tokens on each access: read it once
        quotes = quoting.quotes(text)
        mentions: list[EntityMention] = getattr(doc._, "nc_entities", None) or []
        statements: list[Statement] = []
        found_all = self._rules(doc, text, quotes) if self.with_rules or not self.model else []
        if self.model:
            cues = [f[2] for f in found_all]
            found_all += [f for f in self._tagged(doc, text)
                          if not any(c[0] < f[2][1] and f[2][0] < c[1] for c in cues)]
        found_all = _floating_quotes(text, quotes, found_all)
        for found in sorted(found_all, key=lambda f: f[2]):
            source_span, _, _, content_span = found
            if content_span[1] - content_span[0] < 2 or (
                    source_span is not None and source_span[0] == source_span[1]):
                continue
            statements.append(
                self._statement(doc, text, found, mentions, statements, quotes)
            )
        statements.sort(key=lambda s: s.cue_span)
        doc._.nc_statements = statements
        return doc

    # -- finding cues: the trained tagger ------------------------------------------------

    @property
    def tagger(self) -> Any:  # a Tagger; its module imports torch, so it is not named here
        if self._tagger is None:
            from pipeline.attribution_model.tagger import Tagger

            self._tagger = Tagger(self.model)
        return self._tagger

    def _tagged(self, doc: Doc, text: str) -> list[Found]:
        from pipeline.attribution_model.linking import link

        spans = self.tagger.tag(text)
        return [(found.source, self._cue_lemma(doc, found.cue), found.cue, found.content)
                for found in link(text, spans["SOURCE"], spans["CUE"], spans["CONTENT"])]

    def _cue_lemma(self, doc: Doc, span: tuple[int, int]) -> str:
        """What the predicate column holds for a tagged cue: "according to" for a
        prepositional cue, else the lemma of its first verb ("has also vowed" -> "vow")."""
        cue = doc.char_span(*span, alignment_mode="expand")
        if cue is None or not len(cue):
            return doc.text[span[0]:span[1]].lower()
        words = [t.lower_ for t in cue]
        if words in self.prepositional.get(words[0], ()):
            return " ".join(words)
        verbs = [t for t in cue if t.pos_ == "VERB"] or [t for t in cue if t.pos_ == "AUX"]
        return (verbs[0] if verbs else cue.root).lemma_.lower()

    # -- finding cues: the rules -------------------------------------------------------

    def _rules(self, doc: Doc, text: str, quotes: list[tuple[int, int]]) -> list[Found]:
        return [
            *(f for sent in doc.sents
              for f in (*self._verb_cues(sent, text, quotes), *self._nominal_cues(sent, quotes),
                        *self._prepositional_cues(sent))),
            *self._speaker_labels(doc, text),
            *self._dash_signatures(text, quotes),
        ]

    def _verb_cues(self, sent: Span, text: str, quotes: list[tuple[int, int]]):
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
            source = _subtree_span(subject, ("relcl",))
            shifter = self._shifter(verb)
            cue = self._cue_span(verb)
            if shifter is not None:  # "stopped short of endorsing": one cue, its stance turned
                cue = (self._cue_span(shifter)[0], cue[1])
            content = self._content(verb, lemma, text, quotes, (source, cue))
            if content is None:
                continue
            content = _continued(content, max(source[1], cue[1]), text, quotes, sent)
            for each in self._sources(subject, subject.head):
                yield each, lemma, cue, content

    def _sources(self, subject: Token, verb: Token) -> list[tuple[int, int]]:
        """One span per source: "X and Y said", "X, along with Y, said" give X and Y, and a
        group named by its members ("powers like India and Australia") gives the members.
        A single source keeps its whole phrase."""
        doc = subject.doc
        joined = [c for c in subject.conjuncts if c.i > subject.i]
        companions = [o for prep in (*subject.children, *verb.children)
                      if self._phrase_at(prep, self.companions) for o in _objects(prep)]
        if not joined and not companions:
            return [_subtree_span(subject, ("relcl",))]
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

    def _content(
        self,
        verb: Token,
        lemma: str,
        text: str,
        quotes: list[tuple[int, int]],
        speaker: tuple[tuple[int, int], tuple[int, int]],
    ) -> tuple[int, int] | None:
        doc = verb.doc
        quoted = _adjacent_quote(text, quotes, speaker)
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

    def _cue_span(self, verb: Token) -> tuple[int, int]:
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

    def _speaker_labels(self, doc: Doc, text: str):
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
            yield ((match.start("name"), match.end("name")), ":",
                   (match.start("colon"), match.end("colon")), content)

    def _dash_signatures(self, text: str, quotes: list[tuple[int, int]]):
        """'"...he makes simple statements." ― Pamela Padilla': a quotation signed by a
        name after a dash."""
        for q_start, q_end in quotes:
            match = _SIGNATURE.match(text, q_end)
            if match:
                yield ((match.start("name"), match.end("name")), "―",
                       (match.start("dash"), match.end("dash")), (q_start, q_end))

    def _nominal_cues(self, sent: Span, quotes: list[tuple[int, int]]):
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
            clauses = [c for c in noun.children if c.i > noun.i and c.dep_ in ("acl", "ccomp")]
            about = [c for c in noun.children if c.i > noun.i and c.dep_ == "prep" and _objects(c)]
            verdict = [c for c in noun.head.rights if c.dep_ in ("acomp", "attr")] if (
                noun.dep_ == "nsubj" and noun.head.lemma_ == "be") else []
            # "Trump's view of NATO" names a topic, not a statement: a preposition's object
            # is content only for a noun with a stance of its own, or with a verdict after it
            said = clauses or (about if self.nominal[noun.lemma_.lower()] or verdict else [])
            if not said:
                continue
            last = max(t.i for c in (*said, *verdict) for t in c.subtree)
            source = _subtree_span(owner[0], ("case",))
            yield source, noun.lemma_.lower(), (noun.idx, noun.idx + len(noun.text)), \
                _trimmed(sent.doc, noun.i + 1, last + 1)

    def _prepositional_cues(self, sent: Span):
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
                yield source, " ".join(words), cue, content

    # -- building a statement --------------------------------------------------------

    def _statement(
        self,
        doc: Doc,
        text: str,
        found: Found,
        mentions: list[EntityMention],
        earlier: list[Statement],
        quotes: list[tuple[int, int]],
    ) -> Statement:
        """The statement's spans, canonical source and quoted words; target and stance are
        left to the ``newsclaims_stance`` component."""
        source_span, cue_lemma, cue_span, content_span = found
        return Statement(
            source=None if source_span is None else
            self._canonical_source(doc, source_span, mentions, earlier),
            source_span=source_span,
            cue=cue_lemma,
            cue_span=cue_span,
            content_span=content_span,
            target=None,
            stance="neutral",
            quote=quoting.quote_in(text, content_span, quotes),
            confidence=0.5,
        )

    def _canonical_source(
        self,
        doc: Doc,
        span: tuple[int, int],
        mentions: list[EntityMention],
        earlier: list[Statement],
    ) -> str:
        source = doc.char_span(*span, alignment_mode="expand")
        head = source.root
        named = self._mention_at(head, mentions)
        if named is not None:
            return named
        lower = head.lower_
        before = [m for m in mentions if m.end <= span[0]]
        if head.pos_ != "PRON" and head.lemma_.lower() in self.group_nouns:
            owner = self._group_owner(head, mentions, earlier)
            if owner:
                return owner
        kind = self.pronouns.get(lower) if head.pos_ == "PRON" else None
        if kind == "PERSON":
            people = [m for m in before if m.label == "PERSON"]
            if people:
                return people[-1].canonical
        elif kind == "GROUP" and earlier and earlier[-1].source:
            return earlier[-1].source
        elif kind == "ORG":
            orgs = [m for m in before if m.label in ("ORG", "GPE")]
            if orgs:
                return orgs[-1].canonical
        elif lower in self.titles and any(c.lower_ == "the" for c in head.children):
            first = quoting.sentence_start(doc, source.start)  # from the sentence before
            window = doc[quoting.sentence_start(doc, first - 1)].idx if first else 0
            people = [m for m in before if m.label == "PERSON" and m.start >= window - 2000]
            if people:
                return people[-1].canonical
        return source.text

    def _mention_at(self, token: Token, mentions: list[EntityMention]) -> str | None:
        """The canonical name of the entity ``token`` is part of; a demonym or a capital
        ("Chinese", "Beijing") stands for its state."""
        for mention in mentions:
            if mention.start <= token.idx < mention.end:
                if mention.label in ("NORP", "GPE"):
                    return self.states.get(mention.canonical, mention.canonical)
                return mention.canonical
        return None

    def _group_owner(self, head: Token, mentions: list[EntityMention],
                     earlier: list[Statement]) -> str | None:
        """Whose group a group source is: the state or organisation modifying it ("U.S.
        officials", "Japan's ministers", "Chinese state media"); "the ministry", the last
        named one; bare ("officials"), the source of the statement just before, in the same
        or the previous sentence."""
        modifiers = [t for c in head.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                     for t in c.subtree]
        for token in modifiers:
            if (owner := self._mention_at(token, mentions)) is not None:
                return owner
        if any(t.pos_ in ("PROPN", "ADJ", "NOUN") for t in modifiers):
            return None
        if any(c.lower_ == "the" for c in head.children):
            named = [m for m in mentions if m.label == "ORG" and m.end <= head.idx
                     and m.canonical.lower().split()[-1] == head.lemma_.lower()]
            return named[-1].canonical if named else None
        if not earlier:
            return None
        doc = head.doc
        here = quoting.sentence_start(doc, head.i)
        previous = quoting.sentence_start(doc, here - 1) if here else 0
        last = earlier[-1]
        close = last.cue_span[0] >= doc[previous].idx
        return last.source if close and last.source else None


@Language.factory("newsclaims_attribution", default_config={"model": "", "with_rules": True})
def make_attribution_extractor(nlp: Language, name: str, model: str, with_rules: bool
                               ) -> AttributionExtractor:
    """``model``: a trained tagger's folder; empty (the default) means the rules only.
    ``with_rules``: with a model, keep the rules' statements and add the tagger's."""
    return AttributionExtractor(nlp, name, model, with_rules)
