"""The text a cross-encoder reads for one (holder, target) candidate.

A pair of texts: first who and what ("Barack Obama (often) | Republican Party (often) |
statement say"), then the target's sentence with the holder's words between ``@`` marks
and the target's between ``#`` marks (typed entity markers, Zhou and Chen 2021); when the
holder is named in an earlier sentence (a quote that runs on), that sentence comes first.
Shared by training and inference, so both read the same text.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.annotations import Statement
from pipeline.components.quotes import sentence_start
from pipeline.components.stance.candidates import Candidate
from pipeline.components.stance.targets import Resolver

_MAX_CHARS = 600  # how far back the holder's sentence may start
_MAX_WORDS = 48  # of the second text, around the target


def _often(n: int) -> str:
    return "once" if n <= 1 else "twice" if n == 2 else "often" if n <= 5 else "very often"


def _sentence_end(doc: Doc, start: int) -> int:
    end = start + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return end


def pair_text(doc: Doc, statement: Statement, candidate: Candidate, resolver: Resolver
              ) -> tuple[str, str]:
    target = candidate.target
    first = (f"{statement.source} ({_often(resolver.count(statement.source or ''))}) | "
             f"{target.name} ({_often(resolver.salience(target))}) | "
             f"{statement.kind} {statement.cue}")
    start = candidate.sentence_start
    end = _sentence_end(doc, start)
    lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    source = statement.source_span
    if source and source[0] < lo:
        source_start = doc.char_span(*source, alignment_mode="expand")
        if source_start is not None and lo - source[0] < _MAX_CHARS:
            lo = doc[sentence_start(doc, source_start.start)].idx
    marks = [(target.span[0], " # "), (target.span[1], " # ")]
    if source and lo <= source[0] and source[1] <= hi and not (
            source[0] < target.span[1] and target.span[0] < source[1]):
        marks += [(source[0], " @ "), (source[1], " @ ")]
    text = doc.text
    pieces, at = [], lo
    for offset, mark in sorted(marks):
        if lo <= offset <= hi:
            pieces += [text[at:offset], mark]
            at = offset
    pieces.append(text[at:hi])
    words = "".join(pieces).split()
    if len(words) > _MAX_WORDS:  # a window around the target, so truncation keeps it
        at = words.index("#") if "#" in words else 0
        lo = max(0, min(at - _MAX_WORDS // 3, len(words) - _MAX_WORDS))
        words = words[lo : lo + _MAX_WORDS]
    return first, " ".join(words)
