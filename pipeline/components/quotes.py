"""Quotations and sentence starts in news text, shared by the attribution and stance
components.

Pure functions; never raise on odd input (an odd number of quote marks is common).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc

from pipeline.components import once

# a double mark: one character, or two apostrophes / backticks (newswire style: ''Yes,'')
_DOUBLE_MARK = re.compile(r"''|``|[\"“”„«»]")
_SINGLE_QUOTED = re.compile(r"(?<![\w])[‘'](?P<q>[^‘’'\n]{2,}?)[’'](?![\w])")

def sentence_start(doc: Doc, i: int) -> int:
    """The index of the first token of token ``i``'s sentence (``i`` itself where it is 0
    or less). Looks it up among the Doc's sentence starts, found once per Doc, rather
    than use spaCy's ``.sent``, which scans the whole document on every call."""
    if i <= 0:
        return i
    starts = once.sentence_starts(doc)
    return starts[bisect.bisect_right(starts, i) - 1]


def sentences_back(doc: Doc, i: int, n: int) -> int:
    """The index of the first token ``n`` sentence starts back from token ``i`` (the first
    step reaches ``i``'s own sentence start unless ``i`` is one): the window in which a
    pronoun or a description looks for whom it stands for."""
    for _ in range(n):
        i = sentence_start(doc, max(0, i - 1)) if i else 0
    return i


def quoted(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether any of the quotations ``spans`` (:func:`quotes`) overlaps the character span
    ``span``."""
    return any(q[0] < span[1] and span[0] < q[1] for q in spans)


def quotes(text: str) -> list[tuple[int, int]]:
    """Inner spans of quotations, quote marks excluded.

    Double quote marks of any style pair up in order within a paragraph; an opening
    mark left unclosed runs to the paragraph's end (news style for quotes that go on
    in the next paragraph, and the best span for a stray mark). Never raises. The
    trained attribution model learned its features from these pairs; what it reads
    now is :func:`spoken`.
    """
    return _quotations(text, _in_order)


def spoken(text: str) -> list[tuple[int, int]]:
    """Inner spans of quotations, the marks paired by the side of a word they touch: a
    mark before a word opens, one after a word (or its stop or comma) closes; only a mark
    that touches neither or both falls back to its shape (curly marks) or to pairing in
    order. An opening mark left unclosed ends before the next opening one, or runs to the
    paragraph's end. Scraped news with its paragraph breaks lost ('said: "A. "B."', the
    quote running on into the next paragraph) or with a stray mark keeps every later
    quotation the right way round, where :func:`quotes` turns each later pair inside out.
    Never raises."""
    return _quotations(text, _by_side)


_Pairing = Callable[[str, list[tuple[int, int]]], Iterator[tuple[int, int]]]


def _quotations(text: str, pairing: _Pairing) -> list[tuple[int, int]]:
    """The double-quoted spans ``pairing`` finds in each paragraph and the single-quoted
    ones, in text order."""
    found: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        marks = [m.span() for m in _DOUBLE_MARK.finditer(paragraph)]
        found.extend((offset + start, offset + end) for start, end in pairing(paragraph, marks)
                     if end > start)
        for match in _SINGLE_QUOTED.finditer(paragraph.replace("''", "  ")):
            found.append((offset + match.start("q"), offset + match.end("q")))
        offset += len(paragraph) + 1
    return sorted(found)


def _in_order(paragraph: str, marks: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for k in range(0, len(marks), 2):
        end = marks[k + 1][0] if k + 1 < len(marks) else len(paragraph.rstrip())
        yield marks[k][1], end


_OPENING_SHAPES = frozenset("“„«`")
_CLOSING_SHAPES = frozenset("”»")
_BEFORE_A_WORD = "([{"
_AFTER_A_WORD = ".,;:!?)]}…"


def _side(paragraph: str, mark: tuple[int, int]) -> bool | None:
    """True for a mark that opens (before a word), False for one that closes (after a word
    or its punctuation), None when its sides do not tell (a mark between spaces, or
    wedged between words)."""
    before = paragraph[mark[0] - 1] if mark[0] else " "
    after = paragraph[mark[1]] if mark[1] < len(paragraph) else " "
    opens = (before.isspace() or before in _BEFORE_A_WORD) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _AFTER_A_WORD)
    if opens == closes:
        shape = paragraph[mark[0]]
        return True if shape in _OPENING_SHAPES else False if shape in _CLOSING_SHAPES else None
    return opens


def _by_side(paragraph: str, marks: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    start: int | None = None  # the open quotation's first character
    for mark in marks:
        opens = _side(paragraph, mark)
        if opens is None:
            opens = start is None
        if opens:
            if start is not None:  # left unclosed: it ends where the next one opens
                yield start, len(paragraph[: mark[0]].rstrip())
            start = mark[1]
        elif start is not None:
            yield start, mark[0]
            start = None
        # a closing mark with nothing open is a stray: no quotation
    if start is not None:
        yield start, len(paragraph.rstrip())


def quote_in(text: str, span: tuple[int, int], doc_quotes: list[tuple[int, int]]) -> str | None:
    """The quoted words inside ``span``, joined by ' ... ' when there are several."""
    inside = [
        text[s:e].strip(" ,.;:") for s, e in doc_quotes if s >= span[0] - 1 and e <= span[1] + 1
    ]
    inside = [q for q in inside if q]
    return " ... ".join(inside) if inside else None


