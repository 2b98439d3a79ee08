"""Our components never raise out of a batch.

spaCy drops a Doc whose component raised inside ``nlp.pipe`` (or stops the whole
batch), so each component catches its own failure, records it on
``doc._.nc_errors`` and returns the Doc with whatever else it found; the
extractor turns those notes into ``errors`` rows.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from spacy.tokens import Doc

C = TypeVar("C", bound=Callable[[Any, Doc], Doc])

if not Doc.has_extension("nc_errors"):
    Doc.set_extension("nc_errors", default=None)


def never_raises(call: C) -> C:
    @wraps(call)
    def guarded(self: Any, doc: Doc) -> Doc:
        try:
            return call(self, doc)
        except Exception as exc:  # any failure becomes an errors row
            doc._.nc_errors = [*(doc._.nc_errors or []), (self.name, type(exc).__name__, str(exc))]
            return doc

    return guarded  # type: ignore[return-value]
