"""Words the tokenizer split at a hyphen ("e-mails" is "e", "-", "mails"): the components
read them as the one word the text has, whichever piece the parse made the head."""

from __future__ import annotations

from spacy.tokens import Doc, Token


def joined_before(token: Token) -> bool:
    """``token`` follows a hyphen with no space on either side ("mails" of "e-mails",
    "back" of "buy-back"; not "2004 - pushing")."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not (
        doc[token.i - 2].whitespace_ or doc[token.i - 1].whitespace_)


def whole_words(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """A token range ``lo..hi`` (inclusive) widened to the whole hyphenated words at its
    ends."""
    while lo >= 2 and joined_before(doc[lo]):
        lo -= 2
    while hi + 2 < len(doc) and joined_before(doc[hi + 2]):
        hi += 2
    return lo, hi
