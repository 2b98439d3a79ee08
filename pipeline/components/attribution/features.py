"""What the trained attribution model sees: features of tokens and of cues, read off the
parse the pipeline already has, the cue vocabulary and the rules' statements.

The same functions make the training examples and the features at run time, so the
model is scored on exactly what it learned from. Token ranges are ``(start, end)``
token indices, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

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
    """Per-document facts every feature function reads, computed once per document: the
    token attributes as plain lists, since creating spaCy Token objects dominates the
    cost of features read token by token."""

    doc: Doc
    lower: list[str]
    lemma: list[str]  # lower-cased
    pos: list[str]
    dep: list[str]
    ent: list[str]  # entity type, "" outside entities
    head: list[int]
    children: list[list[int]]
    left_edge: list[int]
    right_edge: list[int]
    blank: list[bool]  # punctuation or white space
    lexical_cue: list[bool]  # the lemma is a cue verb of the lexicon
    sent_of: list[int]  # token -> sentence number
    sents: list[Tokens]
    para_of: list[int]  # token -> paragraph number
    in_quote: list[bool]
    base: list[list[str]]  # token -> its own features
    rules: list[TokenStatement]

    def rules_at(self, cue: Tokens) -> list[TokenStatement]:
        """The rule statements whose cue overlaps ``cue``."""
        return [r for r in self.rules if r.cue[0] < cue[1] and cue[0] < r.cue[1]]

    def root(self, tokens: Tokens) -> int:
        """The token of a range that the others hang on (spaCy's ``Span.root``)."""
        start, end = tokens
        best, depth = start, None
        for i in range(start, end):
            steps, j = 0, i
            while start <= self.head[j] < end and self.head[j] != j:
                j = self.head[j]
                steps += 1
                if steps > end - start:
                    break
            if self.head[j] == j or not start <= self.head[j] < end:
                d = self.depth(j)
                if depth is None or d < depth:
                    best, depth = j, d
        return best

    def depth(self, i: int) -> int:
        steps = 0
        while self.head[i] != i and steps < 200:
            i = self.head[i]
            steps += 1
        return steps

    def relation(self, token: int, head: int, limit: int = 8) -> str | None:
        """The dependency label by which ``token``'s branch hangs on ``head`` ("self" for
        the head itself), or None when ``head`` is not among its first ``limit``
        ancestors."""
        below = None
        for _ in range(limit):
            if token == head:
                return self.dep[below] if below is not None else "self"
            if self.head[token] == token:
                return None
            below, token = token, self.head[token]
        return None


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
        n = len(doc)
        lower, lemma, pos, tag, dep, ent, iob, head = [], [], [], [], [], [], [], []
        left, right, blank, sent_start, ends_line, space_line = [], [], [], [], [], []
        for token in doc:
            lower.append(token.lower_)
            lemma.append(token.lemma_.lower())
            pos.append(token.pos_)
            tag.append(token.tag_)
            dep.append(token.dep_)
            ent.append(token.ent_type_)
            iob.append(token.ent_iob_)
            head.append(token.head.i)
            left.append(token.left_edge.i)
            right.append(token.right_edge.i)
            blank.append(token.is_punct or token.is_space)
            sent_start.append(bool(token.is_sent_start))
            ends_line.append("\n" in token.whitespace_)
            space_line.append(token.is_space and "\n" in token.text)
        children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(head):
            if h != i:
                children[h].append(i)
        sent_of, sents, k = [0] * n, [], -1
        for i in range(n):
            if i == 0 or sent_start[i]:
                k += 1
                sents.append((i, i + 1))
            else:
                sents[-1] = (sents[-1][0], i + 1)
            sent_of[i] = k
        para_of, paragraph = [0] * n, 0
        for i in range(n):
            if i and (ends_line[i - 1] or space_line[i]):
                paragraph += 1
            para_of[i] = paragraph
        in_quote = [False] * n
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
        lexical = [x in self.verbs for x in lemma]
        base = []
        for i in range(n):
            features = ["w=" + lower[i], "l=" + lemma[i], "p=" + pos[i], "t=" + tag[i],
                        "d=" + dep[i], "hp=" + pos[head[i]], "e=" + ent[i] + iob[i]]
            if in_quote[i]:
                features.append("q")
            if lexical[i]:
                features += ["lexV", f"lexVs={self.verbs[lemma[i]]}"]
                if lemma[i] in self.need_clause:
                    features.append("lexNeed")
            if lemma[i] in self.nominal:
                features.append("lexN")
            if lower[i] in self.prepositional:
                features.append("lexP")
            if sent_start[i]:
                features.append("ss")
            features += ["k=" + dep[c] for c in children[i]]
            base.append(features)
        return DocView(doc, lower, lemma, pos, dep, ent, head, children, left, right, blank,
                       lexical, sent_of, sents, para_of, in_quote, base, spans)


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
    start, end = sent
    lower, pos, dep, in_quote = view.lower, view.pos, view.dep, view.in_quote
    rule_tag = _tags([r.cue for r in view.rules if start <= r.cue[0] < end])
    quoted_sentence = any(in_quote[start:end])
    padded = ["<>", "<>", *lower[start:end], "<>", "<>"]
    padded_pos = ["", "", *pos[start:end], "", ""]
    lemma = ["<>", *view.lemma[start:end], "<>"]
    sequence = []
    for i in range(start, end):
        head = view.head[i]
        features = [*view.base[i], "hl=" + view.lemma[head], "hd=" + dep[head],
                    "gl=" + view.lemma[view.head[head]]]
        if i in rule_tag:
            features.append("rc=" + rule_tag[i])
        if quoted_sentence:
            features.append("sq")
        for c in view.children[i]:
            relation = dep[c]
            if relation in ("nsubj", "nsubjpass"):
                kind = view.ent[c] or ("PRONP" if lower[c] in _PERSONISH else pos[c])
                features += [f"subj={kind}", f"subjl={view.lemma[c]}"]
            elif relation == "prep":
                features.append(f"kl=prep:{view.lemma[c]}")
            elif relation in _CHILD_DEPS:
                quoted = in_quote[c] or in_quote[view.left_edge[c]] or in_quote[view.right_edge[c]]
                features += [f"kq={relation}:{int(quoted)}", f"kl={relation}:{view.lemma[c]}"]
                if relation == "ccomp":
                    marks = [lower[m] for m in view.children[c] if dep[m] == "mark"]
                    if marks:
                        features.append("mark=" + marks[0])
        if (i > start and in_quote[i - 1]) or (i + 1 < end and in_quote[i + 1]):
            features.append("nearq")
        k = i - start + 2
        for offset in (-2, -1, 1, 2):
            word = padded[k + offset]
            if word == "<>" and not start <= i + offset < end:
                features.append(f"w{offset}=<>")
                continue
            features += [f"w{offset}={word}", f"p{offset}={padded_pos[k + offset]}"]
            if i + offset in rule_tag:
                features.append(f"rc{offset}")
        j = i - start + 1
        features += [f"w-1|w={padded[k - 1]}|{lower[i]}", f"w|w+1={lower[i]}|{padded[k + 1]}",
                     f"l-1|l={lemma[j - 1]}|{lemma[j]}", f"l|l+1={lemma[j]}|{lemma[j + 1]}"]
        sequence.append(features)
    return sequence


def source_features(view: DocView, cue: Tokens) -> list[list[str]]:
    """Per token of the cue's sentence: its own features, where it stands from the cue
    (side, distance, the branch by which it hangs on the cue's head) and the rules'
    source for this cue."""
    head = view.root(cue)
    start, end = view.sents[view.sent_of[cue[0]]]
    rules = view.rules_at(cue)
    rule_tag = _tags([r.source for r in rules if r.source is not None])
    in_content = {i for r in rules if r.content is not None for i in range(*r.content)}
    lemma = "cl=" + view.lemma[head]
    up = view.head[head]
    governor = up if up != head and not cue[0] <= up < cue[1] else None
    lower, pos = view.lower, view.pos
    sequence = []
    for i in range(start, end):
        features = list(view.base[i])
        if i < cue[0]:
            features.append("rp=B" + _bucket(i - cue[0]))
        elif i >= cue[1]:
            features.append("rp=A" + _bucket(i - cue[1] + 1))
        else:
            features.append("rp=IN")
        branch = view.relation(i, head)
        features += [f"ar={branch}", f"ar={branch}|{'b' if i < cue[0] else 'a'}"]
        if i != head and (above := view.relation(head, i)) is not None:
            features.append(f"hr={above}")
        if governor is not None and (branch := view.relation(i, governor, 4)) is not None:
            features.append(f"gr={branch}")  # the subject of "wants to", "refused to back"
        if i in rule_tag:
            features.append("rr=" + rule_tag[i])
        if i in in_content:
            features.append("ro")
        features.append(lemma)
        for offset in (-1, 1):
            j = i + offset
            if start <= j < end:
                features += [f"w{offset}={lower[j]}", f"p{offset}={pos[j]}"]
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
