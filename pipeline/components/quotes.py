"""Quotations and sentence starts in news text, shared by the attribution and stance
components.

Pure functions; never raise on odd input (an odd number of quote marks is common).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

# a double mark: one character, or two apostrophes / backticks (newswire style: ''Yes,'')
_DOUBLE_MARK = re.compile(r"''|``|[\"“”„«»]")
_SINGLE_QUOTED = re.compile(r"(?<![\w])[‘'](?P<q>[^‘’'\n]{2,}?)[’'](?![\w])")

def sentence_start(doc: Doc, i: int) -> int:
    """The index of the first token of token ``i``'s sentence. Walks back rather than
    use spaCy's ``.sent``, which scans the whole document on every call."""
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    return i


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
    in the next paragraph, and the best span for a stray mark). Never raises.
    """
    found: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        marks = [m.span() for m in _DOUBLE_MARK.finditer(paragraph)]
        for k in range(0, len(marks), 2):
            start = marks[k][1]
            end = marks[k + 1][0] if k + 1 < len(marks) else len(paragraph.rstrip())
            if end > start:
                found.append((offset + start, offset + end))
        for match in _SINGLE_QUOTED.finditer(paragraph.replace("''", "  ")):
            found.append((offset + match.start("q"), offset + match.end("q")))
        offset += len(paragraph) + 1
    return sorted(found)


def quote_in(text: str, span: tuple[int, int], doc_quotes: list[tuple[int, int]]) -> str | None:
    """The quoted words inside ``span``, joined by ' ... ' when there are several."""
    inside = [
        text[s:e].strip(" ,.;:") for s, e in doc_quotes if s >= span[0] - 1 and e <= span[1] + 1
    ]
    inside = [q for q in inside if q]
    return " ... ".join(inside) if inside else None


