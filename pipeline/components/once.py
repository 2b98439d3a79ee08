"""What several components read off a Doc, worked out once per Doc.

spaCy rebuilds ``Doc.text`` from every token on each access, and the components asked
for it about nine times a document (the headline check twice, the pronoun resolver once
per resolver, each component and the row builder once). The values are kept in a weak
mapping by Doc rather than on the Doc, so a Doc serialises and crosses processes as
before and its entries go when it does. A Doc's text never changes (spaCy's retokenizer
keeps it), so an entry never goes stale.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def text(doc: Doc) -> str:
    """``doc.text``, joined on the first call for ``doc`` only."""
    found = _TEXTS.get(doc)
    if found is None:
        found = _TEXTS[doc] = doc.text
    return found
