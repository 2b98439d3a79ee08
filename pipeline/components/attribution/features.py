"""What the trained attribution model sees: features of tokens and of cues, read off the
parse the pipeline already has, the cue vocabulary and the rules' statements.

The same functions make the training examples and the features at run time, so the
model is scored on exactly what it learned from. Token ranges are ``(start, end)``
token indices, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline import resources
from pipeline.annotations import Span
from pipeline.components.attribution.found import Found

Tokens = tuple[int, int]
"""A token range ``(start, end)``, end exclusive."""

_PERSONISH = frozenset(("he", "she", "they", "i", "we", "who", "you"))
_CHILD_DEPS = ("ccomp", "xcomp", "dobj", "advcl")


@dataclass(frozen=True)
class TokenStatement:
    """A statement as token ranges (``source`` None when it names none): the rules' in a
    document's view, the annotators' in training."""

    source: Tokens | None
    cue: Tokens
    content: Tokens | None


@dataclass(frozen=True)
class DocView:
    """Per-document facts every feature function reads, computed once per document."""

    doc: Doc
    sent_of: list[int]  # token -> sentence number
    sents: list[Tokens]
    para_of: list[int]  # token -> paragraph number
    in_quote: list[bool]
    base: list[list[str]]  # token -> its own features
    rules: list[TokenStatement]

    def rules_at(self, cue: Tokens) -> list[TokenStatement]:
        """The rule statements whose cue overlaps ``cue``."""
        return [r for r in self.rules if r.cue[0] < cue[1] and cue[0] < r.cue[1]]


def token_range(doc: Doc, span: Span) -> Tokens | None:
    """The tokens a character span covers, or None when it covers none."""
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    if found is None or not len(found):
        return None
    return found.start, found.end


def char_range(doc: Doc, tokens: Tokens) -> Span:
    span = doc[tokens[0] : tokens[1]]
    return span.start_char, span.end_char


class Vocabulary:
    """The cue lexicon as features: which lemmas the rules know as cues."""

    def __init__(self) -> None:
        cues = resources.load("cues")
        self.verbs: dict[str, str | None] = cues["verbs"]
        self.need_clause = frozenset(cues["verbs_need_clause"])
        self.nominal = frozenset(cues["nominal"])
        self.prepositional = frozenset(p.split()[0] for p in cues["prepositional"])

    def view(self, doc: Doc, quotes: list[Span], rules: list[Found]) -> DocView:
        sent_of = [0] * len(doc)
        sents: list[Tokens] = []
        for k, sent in enumerate(doc.sents):
            sents.append((sent.start, sent.end))
            sent_of[sent.start : sent.end] = [k] * (sent.end - sent.start)
        para_of, paragraph = [0] * len(doc), 0
        for token in doc:
            if token.i and ("\n" in doc[token.i - 1].whitespace_
                            or (token.is_space and "\n" in token.text)):
                paragraph += 1
            para_of[token.i] = paragraph
        in_quote = [False] * len(doc)
        for quote in quotes:
            if (tokens := token_range(doc, quote)) is not None:
                in_quote[tokens[0] : tokens[1]] = [True] * (tokens[1] - tokens[0])
        spans = []
        for found in rules:
            cue = token_range(doc, found.cue_span)
            if cue is not None:
                spans.append(TokenStatement(
                    None if found.source_span is None else token_range(doc, found.source_span),
                    cue, token_range(doc, found.content_span)))
        base = [self._token(token, in_quote[token.i]) for token in doc]
        return DocView(doc, sent_of, sents, para_of, in_quote, base, spans)

    def _token(self, token: Token, quoted: bool) -> list[str]:
        lemma = token.lemma_.lower()
        features = ["w=" + token.lower_, "l=" + lemma, "p=" + token.pos_, "t=" + token.tag_,
                    "d=" + token.dep_, "hp=" + token.head.pos_,
                    "e=" + token.ent_type_ + token.ent_iob_]
        if quoted:
            features.append("q")
        if lemma in self.verbs:
            features += ["lexV", f"lexVs={self.verbs[lemma]}"]
            if lemma in self.need_clause:
                features.append("lexNeed")
        if lemma in self.nominal:
            features.append("lexN")
        if token.lower_ in self.prepositional:
            features.append("lexP")
        if token.is_sent_start:
            features.append("ss")
        features += ["k=" + child.dep_ for child in token.children]
        return features


def _bucket(distance: int) -> str:
    size = abs(distance)
    step = size if size <= 3 else 5 if size <= 5 else 10 if size <= 10 else 20
    return f"{'-' if distance < 0 else '+'}{step}"


def _tags(ranges: list[Tokens]) -> dict[int, str]:
    tags = {}
    for start, end in ranges:
        for i in range(start, end):
            tags[i] = "B" if i == start else "I"
    return tags


def cue_features(view: DocView, sent: Tokens) -> list[list[str]]:
    """Per token of one sentence: its own features, its syntactic context (subject kind,
    complements, nearness to a quotation), its neighbours and the rules' cue tags."""
    doc = view.doc
    start, end = sent
    rule_tag = _tags([r.cue for r in view.rules if start <= r.cue[0] < end])
    quoted_sentence = any(view.in_quote[start:end])
    sequence = []
    for i in range(start, end):
        token = doc[i]
        features = [*view.base[i], "hl=" + token.head.lemma_.lower(), "hd=" + token.head.dep_]
        if i in rule_tag:
            features.append("rc=" + rule_tag[i])
        if quoted_sentence:
            features.append("sq")
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                kind = child.ent_type_ or ("PRONP" if child.lower_ in _PERSONISH else child.pos_)
                features += [f"subj={kind}", f"subjl={child.lemma_.lower()}"]
            elif child.dep_ == "prep":
                features.append(f"kl=prep:{child.lemma_.lower()}")
            elif child.dep_ in _CHILD_DEPS:
                quoted = any(view.in_quote[x.i] for x in (child, child.left_edge,
                                                          child.right_edge))
                features.append(f"kq={child.dep_}:{int(quoted)}")
                if child.dep_ == "ccomp":
                    marks = [m.lower_ for m in child.children if m.dep_ == "mark"]
                    if marks:
                        features.append("mark=" + marks[0])
        if (i > start and view.in_quote[i - 1]) or (i + 1 < end and view.in_quote[i + 1]):
            features.append("nearq")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if start <= j < end:
                features += [f"w{offset}={doc[j].lower_}", f"p{offset}={doc[j].pos_}"]
                if j in rule_tag:
                    features.append(f"rc{offset}")
            else:
                features.append(f"w{offset}=<>")
        before = doc[i - 1].lower_ if i > start else "<>"
        after = doc[i + 1].lower_ if i + 1 < end else "<>"
        features += [f"w-1|w={before}|{token.lower_}", f"w|w+1={token.lower_}|{after}"]
        sequence.append(features)
    return sequence


def relation(token: Token, head: Token, limit: int = 8) -> str | None:
    """The dependency label by which ``token``'s branch hangs on ``head`` ("self" for the
    head itself), or None when ``head`` is not among its first ``limit`` ancestors."""
    below = None
    for _ in range(limit):
        if token.i == head.i:
            return below.dep_ if below is not None else "self"
        if token.head.i == token.i:
            return None
        below, token = token, token.head
    return None


def source_features(view: DocView, cue: Tokens) -> list[list[str]]:
    """Per token of the cue's sentence: its own features, where it stands from the cue
    (side, distance, the branch by which it hangs on the cue's head) and the rules'
    source for this cue."""
    doc = view.doc
    head = doc[cue[0] : cue[1]].root
    start, end = view.sents[view.sent_of[cue[0]]]
    rules = view.rules_at(cue)
    rule_tag = _tags([r.source for r in rules if r.source is not None])
    in_content = {i for r in rules if r.content is not None for i in range(*r.content)}
    lemma = head.lemma_.lower()
    governor = head.head if head.head.i != head.i and not cue[0] <= head.head.i < cue[1] else None
    sequence = []
    for i in range(start, end):
        token = doc[i]
        features = list(view.base[i])
        if i < cue[0]:
            features.append("rp=B" + _bucket(i - cue[0]))
        elif i >= cue[1]:
            features.append("rp=A" + _bucket(i - cue[1] + 1))
        else:
            features.append("rp=IN")
        branch = relation(token, head)
        features += [f"ar={branch}", f"ar={branch}|{'b' if i < cue[0] else 'a'}"]
        above = relation(head, token)
        if above is not None and token.i != head.i:
            features.append(f"hr={above}")
        if governor is not None and (branch := relation(token, governor, 4)) is not None:
            features.append(f"gr={branch}")  # the subject of "wants to", "refused to back"
        if i in rule_tag:
            features.append("rr=" + rule_tag[i])
        if i in in_content:
            features.append("ro")
        features.append("cl=" + lemma)
        for offset in (-1, 1):
            j = i + offset
            if start <= j < end:
                features += [f"w{offset}={doc[j].lower_}", f"p{offset}={doc[j].pos_}"]
                if j in rule_tag:
                    features.append(f"rr{offset}")
            else:
                features.append(f"w{offset}=<>")
        sequence.append(features)
    return sequence


def bio(ranges: list[Tokens], start: int, end: int) -> list[str]:
    """BIO tags of ``ranges`` over tokens ``start..end`` (parts outside are cut off)."""
    tags = ["O"] * (end - start)
    for first, last in ranges:
        first, last = max(first, start), min(last, end)
        if first < last:
            tags[first - start] = "B"
            tags[first - start + 1 : last - start] = ["I"] * (last - first - 1)
    return tags


def runs(tags: list[str], start: int) -> list[Tokens]:
    """The token ranges a BIO sequence over tokens ``start..`` marks; an ``I`` after
    ``O`` starts a range, as a tagger's output may have it."""
    found: list[Tokens] = []
    current: list[int] | None = None
    for k, tag in enumerate(tags):
        if tag == "B" or (tag == "I" and current is None):
            if current:
                found.append((current[0], current[1]))
            current = [start + k, start + k + 1]
        elif tag == "I" and current is not None:
            current[1] = start + k + 1
        elif current:
            found.append((current[0], current[1]))
            current = None
    if current:
        found.append((current[0], current[1]))
    return found
