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

from spacy.tokens import Doc, Token

from pipeline.components.attribution.features import DocView, Tokens


def _trimmed(doc: Doc, start: int, end: int) -> Tokens | None:
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end > start else None


def _subtree(token: Token) -> Tokens:
    return token.left_edge.i, token.right_edge.i + 1


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
    doc = view.doc
    head = doc[cue[0] : cue[1]].root
    sent = view.sent_of[cue[0]]
    sent_start, sent_end = view.sents[sent]
    found: dict[Tokens, set[str]] = defaultdict(set)

    def add(start: int, end: int, kind: str) -> None:
        span = _trimmed(doc, start, end)
        if span and not (span[0] >= cue[0] and span[1] <= cue[1]):
            found[span].add(kind)

    for i in range(*cue):
        rights = [c for c in doc[i].children if c.i >= cue[1] and not c.is_punct]
        for child in doc[i].children:
            if cue[0] <= child.i < cue[1]:
                continue
            start, end = _subtree(child)
            add(start, end, "child:" + child.dep_)
            if start < cue[0] < end:
                add(cue[1], end, "childR:" + child.dep_)
            if child.dep_ == "prep":
                for grandchild in child.children:
                    add(*_subtree(grandchild), "gchild:" + grandchild.dep_)
        for child in rights[1:]:  # "endorsed X for president": an object and what follows
            add(_subtree(rights[0])[0], _subtree(child)[1], f"rights:{rights[0].dep_}>{child.dep_}")
    top, cue_tree = head, _subtree(head)
    for step in range(2):  # the cue hangs on the content ("X, he said, Y")
        if top.head.i == top.i:
            break
        dep, top = top.dep_, top.head
        start, end = _subtree(top)
        add(start, cue_tree[0], f"headL{step}:{dep}")
        add(start, end, f"head{step}:{dep}")
        add(cue_tree[1], end, f"headR{step}:{dep}")
    add(sent_start, cue[0], "sentL")
    add(cue[1], sent_end, "sentR")
    add(sent_start, sent_end, "sent")
    for k, (start, end) in enumerate(quotes):
        far = abs(view.para_of[start] - view.para_of[cue[0]]) > 1
        if far or abs(view.sent_of[start] - sent) > 2:
            continue
        add(start, end, "quote")
        for later in quotes[k + 1 : k + 4]:  # a quotation that goes on after a break
            if view.para_of[later[0]] - view.para_of[end - 1] > 1:
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
    return found


def _length(n: int) -> str:
    return next((str(b) for b in (1, 2, 3, 6, 10, 20, 40) if n <= b), "41+")


def candidate_features(view: DocView, cue: Tokens, span: Tokens, kinds: Iterable[str],
                       rule_contents: list[Tokens], rule_source: Tokens | None) -> list[str]:
    doc = view.doc
    start, end = span
    head = doc[cue[0] : cue[1]].root
    lemma = head.lemma_.lower()
    features = []
    for kind in kinds:
        base = kind.split("+")[0]
        features += ["k=" + kind, "kb=" + base, f"cl|kb={lemma}|{base}",
                     f"cd|kb={head.dep_}|{base}"]
    features += [
        "len=" + _length(end - start),
        f"ns={min(view.sent_of[end - 1] - view.sent_of[start], 3)}",
        f"np={min(view.para_of[end - 1] - view.para_of[start], 2)}",
    ]
    if end <= cue[0]:
        features += ["pos=before", "gap=" + _length(cue[0] - end) if cue[0] > end else "gap=0"]
    elif start >= cue[1]:
        features += ["pos=after", "gap=" + _length(start - cue[1]) if start > cue[1] else "gap=0"]
    else:
        features += ["pos=around", "gap=0"]
    first, last = doc[start], doc[end - 1]
    features += ["fw=" + first.lower_, "fp=" + first.pos_, "fd=" + first.dep_,
                 "lw=" + last.lower_, "lp=" + last.pos_,
                 "nx=" + (doc[end].lower_ if end < len(doc) else "<end>"),
                 "pv=" + (doc[start - 1].lower_ if start > 0 else "<start>")]
    sent_start = view.sents[view.sent_of[start]][0]
    if all(doc[x].is_punct or doc[x].is_space for x in range(sent_start, start)):
        features.append("ss")
    sent_end = view.sents[view.sent_of[end - 1]][1]
    if all(doc[x].is_punct or doc[x].is_space for x in range(end, sent_end)):
        features.append("se")
    quoted = view.in_quote
    features.append(f"qf={round(sum(quoted[start:end]) / (end - start) * 4)}")
    if quoted[start] and (start == 0 or not quoted[start - 1]):
        features.append("qs")
    if quoted[end - 1] and (end >= len(doc) or not quoted[end]):
        features.append("qe")
    if start > 0 and quoted[start - 1] and quoted[start]:
        features.append("qmid_s")
    for content in rule_contents:
        if content == span:
            features.append("rule")
        elif content[0] == start:
            features.append("rule_s")
        elif content[1] == end:
            features.append("rule_e")
    if rule_source is not None and rule_source[0] < end and start < rule_source[1]:
        features.append("hassrc")
    if any("lexV" in view.base[x] for x in range(start, end) if not quoted[x]):
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

    def score(self, features: list[str]) -> float:
        get = self.weights.get
        return sum(get(f, 0.0) for f in features)

    def choose(self, view: DocView, cue: Tokens, quotes: Sequence[Tokens]) -> Choice | None:
        found = candidates(view, cue, quotes)
        if not found:
            return None
        rules = view.rules_at(cue)
        contents = [r.content for r in rules if r.content is not None]
        source = next((r.source for r in rules if r.source is not None), None)
        scored = [(self.score(candidate_features(view, cue, span, sorted(kinds), contents,
                                                 source)), span)
                  for span, kinds in found.items()]
        best, span = max(scored)
        total = sum(math.exp(s - best) for s, _ in scored)
        return Choice(span, 1.0 / total)
