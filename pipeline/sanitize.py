"""Values every sink can store: lone surrogates and NUL characters replaced on admission.

A JSON record may hold ``"\\ud800"`` (a lone surrogate, which no UTF-8 encoder takes, so
DuckDB, SQLite, PostgreSQL and every file format refuse it) or ``"\\u0000"`` (which
PostgreSQL text refuses). Each becomes U+FFFD, one code point for one, so every offset
into the text stays where it was; the documents row's ``note`` says what was replaced.
Sinks run ``repair`` over every string again, so nothing a step makes can crash them.
"""

from __future__ import annotations

import dataclasses
import re

from pipeline.records import Document, ReadError

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
NOTES = {"\x00": "NUL characters replaced", "surrogate": "lone surrogates replaced"}


def repair(value: str) -> str:
    """``value`` with NUL and lone surrogates replaced by U+FFFD (same length)."""
    if "\x00" not in value and (value.isascii() or not _UNSTORABLE.search(value)):
        return value
    return _UNSTORABLE.sub(REPLACEMENT, value)


def _what(value: str) -> set[str]:
    return {NOTES["\x00"] if m.group() == "\x00" else NOTES["surrogate"]
            for m in _UNSTORABLE.finditer(value)}


def _repaired_fields(record: Document | ReadError) -> tuple[dict[str, str], set[str]]:
    changes: dict[str, str] = {}
    notes: set[str] = set()
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if isinstance(value, str) and (fixed := repair(value)) is not value:
            changes[field.name] = fixed
            notes |= _what(value)
    return changes, notes


def clean_document(document: Document) -> Document:
    """The document with every string field storable; ``meta["notes"]`` says what changed."""
    changes, notes = _repaired_fields(document)
    if not changes:
        return document
    meta = dict(document.meta)
    meta["notes"] = (*meta.get("notes", ()), *sorted(notes))
    return dataclasses.replace(document, **changes, meta=meta)


def clean_error(error: ReadError) -> ReadError:
    changes, _ = _repaired_fields(error)
    return dataclasses.replace(error, **changes) if changes else error


def clean(item: Document | ReadError) -> Document | ReadError:
    return clean_document(item) if isinstance(item, Document) else clean_error(item)
