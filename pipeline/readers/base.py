"""What every reader shares: the input source, byte decoding, and the record -> Document mapping.

A reader is a function ``(InputSource, RecordKeys) -> Iterator[Document | ReadError]``.
It yields lazily and never raises for a bad file or record: the bad part becomes a
``ReadError`` and reading goes on with the next record or file.

Record keys (JSON, JSONL, CSV, Parquet, stdin JSONL) are looked up in these orders;
the first key holding a usable value wins:

- text: ``text`` (generic, CC-News, trafilatura), ``maintext`` (news-please, whose
  ``text`` is often null), ``content`` (CC-News dumps), ``raw_text`` (trafilatura),
  ``body``, ``article``. ``--text-key`` replaces the list by one key, and a record
  without it is an error.
- id: ``id``, ``doc_id``, ``uuid``, ``url``; else ``<relative path>:<number>``, where
  the number is the 1-based line (JSONL), data row (CSV, Parquet) or list item (JSON).
  ``--id-key`` replaces the list; a record lacking it gets the positional id too.
- optional: ``title``/``headline``; ``url``; ``published_at``/``date_publish``/``date``/
  ``published``; ``source``/``source_domain`` (the outlet, kept as ``meta["source"]``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol

import pyarrow as pa

from pipeline.readers import storage
from pipeline.records import Document, ReadError

TEXT_KEYS = ("text", "maintext", "content", "raw_text", "body", "article")
ID_KEYS = ("id", "doc_id", "uuid", "url")
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url",)
DATE_KEYS = ("published_at", "date_publish", "date", "published")
OUTLET_KEYS = ("source", "source_domain")
_ALL_KEYS = frozenset(TEXT_KEYS + ID_KEYS + TITLE_KEYS + URL_KEYS + DATE_KEYS + OUTLET_KEYS)
# Document.meta key: a tuple of short notes on what reading repaired ("mojibake repaired
# (ftfy)", "HTML entities decoded"); documents.note joins them.
NOTES = "notes"

# Exceptions meaning "this file cannot be read (any further)": unreadable, corrupt gzip or
# parquet, ... Anything else is a bug in newsclaims and should surface as one.
READ_FAILURES: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    ValueError,
    zlib.error,
    pa.ArrowException,
)


@dataclass(frozen=True)
class InputSource:
    """One file to read (or stdin, ``path is None``) and the name its doc_ids derive from."""

    path: str | None  # a local path or an fsspec URL
    name: str  # relative to the input root, forward slashes; "stdin" for "-"
    format: str  # a key of FORMATS, or "stdin"

    @property
    def source(self) -> str:
        """What Document.source / ReadError.source say: the path as found, or ``<stdin>``."""
        return "<stdin>" if self.path is None else str(self.path)

    def open(self) -> BinaryIO:
        """The file, buffered; a FIFO, device or socket is refused rather than waited on."""
        assert self.path is not None, "stdin is read by the stdin reader"
        return storage.open_binary(str(self.path))

    def read_bytes(self) -> bytes:
        with self.open() as fh:
            return fh.read()

    def error(self, error_type: str, message: str, **fields: Any) -> ReadError:
        return ReadError(source=self.source, error_type=error_type, message=message, **fields)


STDIN = InputSource(path=None, name="stdin", format="stdin")


@dataclass(frozen=True)
class RecordKeys:
    """The user's ``--text-key`` / ``--id-key`` overrides (None = the default lists)."""

    text_key: str | None = None
    id_key: str | None = None

    def wanted(self, column: str) -> bool:
        """Whether a Parquet column can matter, so wide tables are not read whole."""
        return column in (self.text_key, self.id_key) or column in _ALL_KEYS


class Reader(Protocol):
    def __call__(self, source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]: ...


def amend(document: Document, fix: Callable[[str], str], note: str) -> Document:
    """The document with ``fix`` applied to its text and title, and ``note`` added to its
    notes when anything changed (the fixed text is the text as ingested)."""
    text = fix(document.text)
    title = fix(document.title) if document.title else document.title
    if text == document.text and title == document.title:
        return document
    notes = (*document.meta.get(NOTES, ()), note)
    return dataclasses.replace(
        document, text=text, title=title, meta={**document.meta, NOTES: notes}
    )


def title_from_text(text: str) -> str | None:
    """The first non-empty line, without Markdown heading marks."""
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip() or None
    return None


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value is not None and value != "":
            return value
    return None


def _as_str(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def _pick_text(record: Mapping[str, Any], keys: RecordKeys) -> tuple[str | None, str | None]:
    """(text, None) or (None, error_type). Blank strings fall through to the next key, so a
    news-please record with ``"text": null`` still yields its ``maintext``."""
    names = (keys.text_key,) if keys.text_key else TEXT_KEYS
    present = [record[name] for name in names if name in record]
    if not present:
        return None, "missing_text_key"
    for value in present:
        if isinstance(value, str) and value.strip():
            return value, None
    if any(value is not None and not isinstance(value, str) for value in present):
        return None, "invalid_text"
    return None, "empty_text"


_TEXT_ERRORS = {
    "missing_text_key": "no text field (looked for {names})",
    "invalid_text": "text field is not a string (looked for {names})",
    "empty_text": "text is empty or whitespace only",
}


def record_to_document(
    record: Mapping[str, Any],
    source: InputSource,
    number: int,
    keys: RecordKeys,
    *,
    notes: tuple[str, ...] = (),
) -> Document | ReadError:
    """Map one record of any record format to a Document, or to a ReadError saying why not.

    ``number`` is the record's 1-based line/row/item; ``notes`` say what decoding the bytes
    the record came from had to repair (``Document.meta["notes"]``).
    """
    id_value = _first(record, (keys.id_key,) if keys.id_key else ID_KEYS)
    doc_id = _as_str(id_value) or f"{source.name}:{number}"
    text, error_type = _pick_text(record, keys)
    if text is None:
        names = ", ".join((keys.text_key,) if keys.text_key else TEXT_KEYS)
        message = _TEXT_ERRORS[error_type].format(names=names)
        return source.error(error_type, message, doc_id=doc_id, line=number)
    outlet = _as_str(_first(record, OUTLET_KEYS))
    meta: dict[str, Any] = {}
    if outlet:
        meta["source"] = outlet
    if notes:
        meta[NOTES] = notes
    return Document(
        doc_id=doc_id,
        text=text,
        source=source.source,
        line=number,
        title=_as_str(_first(record, TITLE_KEYS)),
        url=_as_str(_first(record, URL_KEYS)),
        published_at=_as_str(_first(record, DATE_KEYS)),
        meta=meta,
    )
