"""What several components read off a Doc, worked out once per Doc.

spaCy rebuilds ``Doc.text`` from every token on each access, and the components asked
for it about nine times a document (the headline check twice, the pronoun resolver once
per resolver, each component and the row builder once); finding a token's sentence
start walked back token by token (355,000 tokens made for 24,000 look-ups on 80
PolNeAR articles). The values are kept in weak mappings by Doc rather than on the Doc,
so a Doc serialises and crosses processes as before and its entries go when it does. A
Doc's text never changes (spaCy's retokenizer keeps it); its sentence starts are read
after the parser, and no component moves them (the paragraph starts are set before it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar
from weakref import WeakKeyDictionary

from spacy.attrs import SENT_START
from spacy.tokens import Doc

T = TypeVar("T")

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()
_SENTENCE_STARTS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()
_SENTENCE_OFFSETS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()


def kept(cache: WeakKeyDictionary[Doc, T], doc: Doc, work: Callable[[Doc], T]) -> T:
    """``work(doc)``, worked out on the first call for ``doc`` only and kept in ``cache``
    (a module's own weak mapping) until the Doc goes."""
    found = cache.get(doc)
    if found is None:
        found = cache[doc] = work(doc)
    return found


def text(doc: Doc) -> str:
    """``doc.text``, joined on the first call for ``doc`` only."""
    return kept(_TEXTS, doc, lambda d: d.text)


def sentence_starts(doc: Doc) -> list[int]:
    """The index of each sentence's first token, in order (0 first), read on the first
    call for ``doc`` only."""
    return kept(_SENTENCE_STARTS, doc, _sentence_starts)


def _sentence_starts(doc: Doc) -> list[int]:
    marks = doc.to_array(SENT_START).tolist() if len(doc) else []
    return [0, *(i for i in range(1, len(marks)) if marks[i] == 1)]


def sentence_offsets(doc: Doc) -> list[int]:
    """The character offset of each sentence's first token, in order (none for an empty
    Doc), for bisecting a character offset into its sentence."""
    return kept(_SENTENCE_OFFSETS, doc, lambda d: [d[i].idx for i in sentence_starts(d)]
                if len(d) else [])
