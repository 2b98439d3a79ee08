"""A cue's content, chosen among candidate spans by a learned ranker.

Annotated content is almost always a syntactic unit around the cue: a complement's
subtree, a quotation or a run of them, the rest of the sentence, the rules' content;
sometimes one of these run on to a later sentence or back to an earlier one. Each
candidate gets features (what made it, its edges, quotation marks, the cue's lemma),
and a softmax ranker trained on PolNeAR picks one. Exact span boundaries are what the
scorer counts, so choosing among whole constituents beats tagging token by token
(measured on PolNeAR dev: 0.71 of gold contents exact against 0.59, given gold cues).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, repeat

from spacy.tokens import Doc

from pipeline.components.attribution.features import DocView, Tokens


def _first_word(view: DocView, start: int, end: int) -> int:
    """The first token at or after ``start`` that is not blank (``end`` if none)."""
    while start < end and view.blank[start]:
        start += 1
    return start


def _trimmed(view: DocView, start: int, end: int) -> Tokens | None:
    start = _first_word(view, start, end)
    while end > start and view.blank[end - 1]:
        end -= 1
    return (start, end) if end > start else None


def quotations(view: DocView) -> list[Tokens]:
    """Token ranges of the quotations (runs of quoted tokens)."""
    found, start = [], None
    for i, quoted in enumerate(view.in_quote):
        if quoted and start is None:
            start = i
        elif not quoted and start is not None:
            found.append((start, i))
            start = None
    if start is not None:
        found.append((start, len(view.in_quote)))
    return found


def candidates(view: DocView, cue: Tokens, quotes: Sequence[Tokens]) -> dict[Tokens, set[str]]:
    """Candidate content spans of ``cue``, each with the names of what proposed it."""
    head = view.root(cue)
    sent = view.sent_of[cue[0]]
    sent_start, sent_end = view.sents[sent]
    dep, left, right = view.dep, view.left_edge, view.right_edge
    found: dict[Tokens, set[str]] = defaultdict(set)

    def add(start: int, end: int, kind: str) -> None:
        span = _trimmed(view, start, end)
        if span and not (span[0] >= cue[0] and span[1] <= cue[1]):
            found[span].add(kind)

    for i in range(*cue):
        outside = [c for c in view.children[i] if not cue[0] <= c < cue[1]]
        for child in outside:
            start, end = left[child], right[child] + 1
            add(start, end, "child:" + dep[child])
            if start < cue[0] < end:
                add(cue[1], end, "childR:" + dep[child])
            if dep[child] == "prep":
                for grandchild in view.children[child]:
                    add(left[grandchild], right[grandchild] + 1, "gchild:" + dep[grandchild])
        rights = [c for c in outside if c >= cue[1] and not view.blank[c]]
        for child in rights[1:]:  # "endorsed X for president": an object and what follows
            add(left[rights[0]], right[child] + 1, f"rights:{dep[rights[0]]}>{dep[child]}")
    top, tree = head, (left[head], right[head] + 1)
    for step in range(2):  # the cue hangs on the content ("X, he said, Y")
        if view.head[top] == top:
            break
        relation, top = dep[top], view.head[top]
        start, end = left[top], right[top] + 1
        add(start, tree[0], f"headL{step}:{relation}")
        add(start, end, f"head{step}:{relation}")
        add(tree[1], end, f"headR{step}:{relation}")
    add(sent_start, cue[0], "sentL")
    add(cue[1], sent_end, "sentR")
    add(sent_start, sent_end, "sent")
    for k, (start, end) in enumerate(quotes):
        far = abs(view.para_of[start] - view.para_of[cue[0]]) > 1
        if far or abs(view.sent_of[start] - sent) > 2:
            continue
        add(start, end, "quote")
        for later in quotes[k + 1 : k + 4]:  # a quotation that goes on after a break
            if view.para_of[later[0]] - view.para_of[end - 1] > 1 or not _joins(
                    view, end, later[0], cue):
                break
            end = later[1]
            add(start, end, "quotechain")
    for rule in view.rules_at(cue):
        if rule.content is not None:
            add(*rule.content, "rule")
    for (start, end), kinds in list(found.items()):  # run on to later or earlier sentences
        kind = min(kinds)
        last, first = view.sent_of[end - 1], view.sent_of[start]
        for k in range(3):
            if last + k < len(view.sents):
                add(start, view.sents[last + k][1], f"{kind}+E{k}")
            if first - k >= 0:
                add(view.sents[first - k][0], end, f"{kind}+S{k}")
    for start, end in list(found):  # the same ended earlier, within its sentence
        if view.sent_of[start] == view.sent_of[end - 1] and (end <= cue[0] or start >= cue[1]):
            for cut, why in cut_points(view, start, end, cue):
                add(start, cut, "cut:" + why)
    # no run-on opens with its own speech tag ('McClaren said: "Stewart ..."', 'It expects
    # a series ...'): run back to the start of the cue's sentence, a quotation or
    # complement takes in the tag that introduces it, and so does the subject run on to the
    # end of its sentence; no reading of the statement holds the tag first
    tag = _tag_words(view, cue, head)
    for (start, end), kinds in list(found.items()):
        if start < cue[0] < end and all(view.blank[j] or j in tag for j in range(start, cue[0])):
            kinds -= {k for k in kinds if "+" in k}
            if not kinds:
                del found[start, end]
    return found


def _joins(view: DocView, end: int, start: int, cue: Tokens) -> bool:
    """Whether what lies between two quotations (tokens ``end`` to ``start``) lets one
    statement's content run from the first to the second: nothing, a few words, or the
    cue's own speech tag closed by its stop ('"A," said X, a lawyer. "B."'); not narration
    ('"A." Shares fell. X said Y. "B."'), which text with no paragraph breaks (BBC's) would
    otherwise let a chain of quotations run over."""
    lower, blank, quoted = view.lower, view.blank, view.in_quote
    stops = [j for j in range(end, start) if lower[j] in _STOPS and not quoted[j]]
    if stops and not all(blank[stops[0] : start]):
        return False
    return (end <= cue[0] and cue[1] <= start) or blank[end:start].count(False) <= 3


_STOPS = frozenset((".", "!", "?"))


def _tag_words(view: DocView, cue: Tokens, head: int) -> frozenset[int]:
    """The words of the subject before the cue that names its source, outside quotation
    marks; none for a verb with a predicate, whose subject is the content's own
    ("Republicans seem confident", "seems to be")."""
    children = view.children[head]
    if any(view.dep[c] in _PREDICATIVE for c in children):
        return frozenset()
    return frozenset(j for c in children if view.dep[c] in _SUBJECTS and c < cue[0]
                     for j in range(view.left_edge[c], view.right_edge[c] + 1)
                     if not view.in_quote[j])


_SUBJECTS = frozenset(("nsubj", "nsubjpass"))
_PREDICATIVE = frozenset(("acomp", "xcomp", "attr", "oprd"))
_BREAKS = frozenset((",", ";", "—", "–", "--", "-", "(", ":"))
_TRAILING = frozenset(("prep", "acl", "relcl", "advcl", "agent", "npadvmod", "appos"))


def cut_points(view: DocView, start: int, end: int, cue: Tokens) -> list[tuple[int, str]]:
    """Where a one-sentence span may end earlier, and why: before a comma, dash or
    parenthesis (", arguing ...", ", which ...", " — an opportunity ..."), a coordinating
    conjunction whose head is in the span ("... and then purged them"), or a trailing
    modifier that hangs on a word of the span ("watched the ceremony | on a screen").
    PolNeAR content often stops there; without these ends, 9% of the gold contents of
    dev with the right cue were among no candidate against 5% with them."""
    lower, dep, head, left = view.lower, view.dep, view.head, view.left_edge
    found = []
    for j in range(start + 1, end):
        if cue[0] <= j < cue[1]:
            continue
        if lower[j] in _BREAKS:
            found.append((j, "p:" + lower[j]))
        elif dep[j] == "cc" and start <= head[j] < j:
            found.append((j, "cc"))
        elif left[j] == j and dep[j] in _TRAILING and start <= head[j] < j:
            found.append((j, "m:" + dep[j]))
    return found


def _top(view: DocView, start: int, end: int) -> int:
    """The span's widest token whose head is outside it (its root when it is one
    constituent); cheaper than :meth:`DocView.root`, which walks to the sentence root."""
    head, left, right = view.head, view.left_edge, view.right_edge
    tops = []
    for i in (start, end - 1):  # climbing from either edge meets the tops that cover it
        for _ in range(end - start):
            if not start <= head[i] < end or head[i] == i:
                break
            i = head[i]
        tops.append(i)
    return max(tops, key=lambda i: right[i] - left[i])


def _word_after(view: DocView, end: int) -> int | None:
    """The first word among the three tokens from ``end`` on, past punctuation and space
    (", who ...": "who"); None where there is none. A plain loop: this runs twice per
    candidate, and a generator cost more than the three look-ups."""
    blank = view.blank
    for j in range(end, min(end + 3, len(blank))):
        if not blank[j]:
            return j
    return None


def _attached(view: DocView, j: int, span: Tokens, cue: Tokens) -> str:
    """Where the word ``j`` just outside a span hangs: on a word of the span ("in": the
    span cuts a phrase short), on the cue, on nothing (a root) or elsewhere."""
    h = view.head[j]
    where = ("in" if span[0] <= h < span[1] else "cue" if cue[0] <= h < cue[1]
             else "self" if h == j else "out")
    return f"{where}|{view.dep[j]}"


@dataclass(frozen=True)
class Running:
    """Running counts over a document's tokens (those before token i), so that a
    candidate's share of quoted words is read in constant time, however long it runs."""

    quoted: list[int]
    said: list[int]  # words of the cue lexicon outside quotations


def running(view: DocView) -> Running:
    quoted, lexical = view.in_quote, view.lexical_cue
    return Running([0, *accumulate(quoted)],
                   [0, *accumulate(v and not q for v, q in zip(lexical, quoted, strict=True))])


def _length(n: int) -> str:
    return next((str(b) for b in (1, 2, 3, 6, 10, 20, 40) if n <= b), "41+")


def candidate_features(view: DocView, cue: Tokens, head: int, span: Tokens,
                       kinds: Iterable[str], rule_contents: list[Tokens],
                       rule_source: Tokens | None, counts: Running) -> list[str]:
    """All the features of one candidate: how it stands to its cue, and what it is."""
    return (relative_features(view, cue, head, span, kinds, rule_contents, rule_source, counts)
            + span_features(view, span, counts))


def relative_features(view: DocView, cue: Tokens, head: int, span: Tokens,
                      kinds: Iterable[str], rule_contents: list[Tokens],
                      rule_source: Tokens | None, counts: Running) -> list[str]:
    """What proposed the candidate for this cue, and where it stands from the cue, its
    head word and the rules' statement."""
    start, end = span
    lemma, head_dep = view.lemma[head], view.dep[head]
    blank = view.blank
    any_quoted = counts.quoted[end] > counts.quoted[start]
    features = []
    for kind in kinds:
        base, *runs_on = kind.split("+")
        features += ["k=" + kind, "kb=" + base, f"cl|kb={lemma}|{base}",
                     f"cd|kb={head_dep}|{base}"]
        if runs_on:  # running on past the sentence is for quotations, mostly
            features.append(f"ext={'+'.join(runs_on)}|q={int(any_quoted)}")
    if end <= cue[0]:
        side = "b"
        features += ["pos=before", "gap=" + _length(cue[0] - end) if cue[0] > end else "gap=0"]
    elif start >= cue[1]:
        side = "a"
        features += ["pos=after", "gap=" + _length(start - cue[1]) if start > cue[1] else "gap=0"]
    else:
        side = "o"
        features += ["pos=around", "gap=0"]
    features += [f"cp={view.pos[head]}|{head_dep}", f"cl|pos={lemma}|{side}"]
    # where the words just outside the edges hang: ", which ..." on a noun of the span,
    # ", focusing on ..." on its verb, "to thrill ..." on the cue
    after = _word_after(view, end)
    if after is not None:
        features.append("nxh=" + _attached(view, after, span, cue))
    before = next((j for j in range(start - 1, max(start - 3, -1), -1) if not blank[j]), None)
    if before is not None:
        features.append("pvh=" + _attached(view, before, span, cue))
    for content in rule_contents:
        if content == span:
            features.append("rule")
        elif content[0] == start:
            features.append("rule_s")
        elif content[1] == end:
            features.append("rule_e")
    if rule_source is not None and rule_source[0] < end and start < rule_source[1]:
        features.append("hassrc")
    return features


def span_features(view: DocView, span: Tokens, counts: Running) -> list[str]:
    """What the span is, whatever its cue: length, sentences, edge words, what follows
    it, its top word, quotation marks at its edges. Several cues of a document share
    many candidates, so :class:`ContentRanker` scores these once per span."""
    start, end = span
    lower, blank, n = view.lower, view.blank, len(view.lower)
    quoted, pos, dep = view.in_quote, view.pos, view.dep
    features = [
        "len=" + _length(end - start),
        f"ns={min(view.sent_of[end - 1] - view.sent_of[start], 3)}",
        f"np={min(view.para_of[end - 1] - view.para_of[start], 2)}",
        "fw=" + lower[start], "fp=" + pos[start], "fd=" + dep[start],
        "lw=" + lower[end - 1], "lp=" + pos[end - 1],
        "nx=" + (lower[end] if end < n else "<end>"),
        "pv=" + (lower[start - 1] if start > 0 else "<start>"),
    ]
    # the word that follows past punctuation: ", who ...", ", known as ...", ", despite ..."
    after = _word_after(view, end)
    if after is not None:
        features += ["nx2=" + lower[after], f"nxd={dep[after]}|{pos[after]}",
                     f"nxg={int(after > end)}|{dep[after]}"]
    root = _top(view, start, end)
    features += [f"rd={dep[root]}", f"rp={pos[root]}",
                 f"const={int(view.left_edge[root] >= start and view.right_edge[root] < end)}"]
    sent_start = view.sents[view.sent_of[start]][0]
    if all(blank[sent_start:start]):
        features.append("ss")
    sent_end = view.sents[view.sent_of[end - 1]][1]
    if all(blank[end:sent_end]):
        features.append("se")
    features.append(f"qf={round((counts.quoted[end] - counts.quoted[start]) / (end - start) * 4)}")
    if quoted[start] and (start == 0 or not quoted[start - 1]):
        features.append("qs")
    if quoted[end - 1] and (end >= n or not quoted[end]):
        features.append("qe")
    if start > 0 and quoted[start - 1] and quoted[start]:
        features.append("qmid_s")
    if counts.said[end] > counts.said[start]:
        features.append("hasV")
    return features


@dataclass(frozen=True)
class Choice:
    span: Tokens
    probability: float


class ContentRanker:
    """A linear softmax over a cue's candidates; ``weights`` maps a feature to its weight
    (features never seen in training weigh nothing)."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights
        # the last document's running counts and scores of span features by span
        self._document: tuple[DocView, Running, dict[Tokens, float]] | None = None

    def score(self, features: list[str]) -> float:
        return sum(map(self.weights.get, features, repeat(0.0)))

    def choose(self, view: DocView, cue: Tokens, quotes: Sequence[Tokens]) -> Choice | None:
        found = candidates(view, cue, quotes)
        if not found:
            return None
        rules = view.rules_at(cue)
        contents = [r.content for r in rules if r.content is not None]
        source = next((r.source for r in rules if r.source is not None), None)
        head = view.root(cue)
        if self._document is None or self._document[0] is not view:
            self._document = (view, running(view), {})
        _, counts, by_span = self._document
        scored = []
        for span, kinds in found.items():
            if (fixed := by_span.get(span)) is None:
                fixed = by_span[span] = self.score(span_features(view, span, counts))
            scored.append((fixed + self.score(relative_features(
                view, cue, head, span, sorted(kinds), contents, source, counts)), span))
        best, span = max(scored)
        total = sum(math.exp(s - best) for s, _ in scored)
        return Choice(without_connective(view, span, cue), 1.0 / total)


_CONNECTIVES = frozenset(("and", "but", "yet"))
"""Conjunctions that open a sentence and tie it to the one before: the writer's words."""
_LINKING = frozenset(("however", "still", "meanwhile", "indeed", "moreover", "also"))
"""Adverbs that do the same when a comma follows them ("However, ...", not "However
laudable the goal")."""


def without_connective(view: DocView, span: Tokens, cue: Tokens) -> Tokens:
    """``span`` without the connective that opens its sentence outside quotation marks
    ("But", "And", "However,", "In addition,"): the writer links the sentence to the one
    before; what the source says starts after it, and after the speech tag when the tag
    comes next ("But, he said, the plan ..." -> "the plan ..."). PolNeAR train leaves such
    a word out of the content 89 times and keeps it 42 ("but" 55 / 29, "and" 15 / 10);
    "instead", "now" and "so" it keeps, and they are left alone."""
    start, end = span
    sent_start = view.sents[view.sent_of[start]][0]
    lower = view.lower
    if view.in_quote[start] or not all(view.blank[sent_start:start]) or end - start < 3:
        return span
    if lower[start] in _CONNECTIVES or (lower[start] in _LINKING and lower[start + 1] == ","):
        past = start + 1
    elif lower[start] == "in" and lower[start + 1] == "addition":
        past = start + 2
    else:
        return span
    past = _past_tag(view, past, end, cue)
    return (past, end) if end - past >= 2 else span


def past_the_addressee(doc: Doc, cue: Tokens, content: Tokens,
                       addressed: frozenset[str]) -> Tokens:
    """``content`` without the object of a verb of ``addressed`` that opens it, when a
    clause follows the object ('told MPs on Tuesday that care was needed' -> 'that care
    ...', 'told BBC Radio 4's Today programme Mr Blair had ...' -> 'Mr Blair had ...'): the
    object is whom the source speaks to. The parser often hangs the clause on the object's
    noun ('programme he hoped ...', a relative clause with no relative pronoun) or leaves
    it out of the verb's complement, and the ranker then picks the object with it, or the
    object alone; the clause then runs to the end of the sentence."""
    verb = doc[cue[0] : cue[1]].root
    start, end = content
    if verb.lemma_.lower() not in addressed or doc[cue[1] : start].text.strip(" ,"):
        return content
    addressee = next((c for c in verb.children
                      if c.dep_ in _OBJECTS and c.left_edge.i == start), None)
    if addressee is None:
        return content
    words = doc[start : addressee.right_edge.i + 1]
    that = next((t.i for t in doc[start + 1 : end] if t.lower_ == "that"), None)
    clause = next((c.left_edge.i for t in words for c in t.children
                   if c.dep_ in _CLAUSES and c.i > t.i and c.left_edge.tag_ not in _WH), None)
    rest = that if that is not None else clause if clause is not None else words.end
    if any(t.pos_ in _VERBS or t.lower_ in _DEGREE for t in doc[start:rest]):
        return content
    stop = end if end > rest + 1 else _sentence_end(doc, start)
    while stop > rest and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    clause = doc[rest:stop]
    if len(clause) < 2 or not (clause[0].lower_ == "that" or (
            clause[0].pos_ not in _NOT_OPENING and any(t.tag_ in _FINITE for t in clause))):
        return content
    return rest, stop


def with_its_subject(doc: Doc, cue: Tokens, content: Tokens,
                     addressed: frozenset[str]) -> Tokens:
    """``content`` with the noun just before it when it is a clause of a verb of
    ``addressed`` with no subject of its own and the parser took its subject for the end of
    the verb's object or phrase ('told the BBC Liverpool were unlikely to win' -> 'Liverpool
    were ...', 'told MPs on Tuesday care was needed' -> 'care was needed')."""
    verb = doc[cue[0] : cue[1]].root
    start, end = content
    if start == 0 or verb.lemma_.lower() not in addressed:
        return content
    first, before = doc[start], doc[start - 1]
    clause = first.head if first.dep_ in _AUXILIARIES else first
    if not (first.tag_ in _FINITE and clause.head == verb and clause.dep_ == "ccomp"
            and not any(c.dep_ in _SUBJECTS for c in clause.children)):
        return content
    if before.pos_ not in _NOUNS or not verb.is_ancestor(before) or before.i < cue[1]:
        return content
    return start - 1, end


_AUXILIARIES = frozenset(("aux", "auxpass"))
_NOUNS = frozenset(("NOUN", "PROPN"))


def _sentence_end(doc: Doc, i: int) -> int:
    """The end of token ``i``'s sentence, past a break the parser made with no stop
    ("told BBC Radio 4's Today programme | Mr Blair had ...")."""
    sent = doc[i].sent
    while sent.end < len(doc) and not sent[-1].is_punct:
        sent = doc[sent.end].sent
    return sent.end


_OBJECTS = frozenset(("dobj", "dative"))
_CLAUSES = frozenset(("relcl", "acl"))
"""A clause the parser hangs on the object's noun ('programme he hoped ...')."""
_WH = frozenset(("WDT", "WP", "WP$", "WRB"))
_VERBS = frozenset(("VERB", "AUX"))
_FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))
_NOT_OPENING = frozenset(("ADP", "SCONJ", "CCONJ", "PUNCT", "PART", "SPACE"))
"""Nor does a clause the verb reports open with these ('warned both parties against ...',
'told a dispatcher before police arrived', '... and said')."""
_DEGREE = frozenset(("so", "such"))
"""'tells so many lies that ...': the clause is the degree's, not what is told."""


_SPEAKERS = frozenset(("nsubj", "nsubjpass", "pobj", "agent"))


def _past_tag(view: DocView, start: int, end: int, cue: Tokens) -> int:
    """The first word from ``start`` on that is neither punctuation nor the speech tag
    (the cue and the phrase that names its source: "he said,", "said Mr Flynn,",
    "according to the agency,") when the tag opens the span; else that first word."""
    blank = view.blank
    speaker = [c for i in range(*cue) for c in view.children[i]
               if view.dep[c] in _SPEAKERS and not cue[0] <= c < cue[1]]
    words = {j for c in speaker for j in range(view.left_edge[c], view.right_edge[c] + 1)}
    k = start
    while k < end and (blank[k] or k in words):
        k += 1
    if k != cue[0]:
        return _first_word(view, start, end)
    # with no source before it, a name after the cue up to a comma ("said Mr Flynn, the
    # firm ..."), however parsed
    comma = next((j for j in range(cue[1], min(cue[1] + 6, end)) if view.lower[j] == ","),
                 None)
    if comma is not None and not words.intersection(range(start, cue[0])) and not any(
            view.pos[j] in ("VERB", "AUX") for j in range(cue[1], comma)):
        return _first_word(view, comma, end)
    k = cue[1]
    while k < end and (blank[k] or k in words):
        k += 1
    return k
