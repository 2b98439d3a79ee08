"""Web crawls (``.warc``, ``.warc.gz``, as CC-NEWS ships them): one document per HTML page.

Each ``response`` record of an HTTP 2xx HTML page becomes a Document: doc_id its
WARC-Target-URI (else its WARC-Record-ID), ``url`` the same, ``published_at`` the page's
own date (else the WARC-Date), ``source`` the site (the URI's host), the text and title
from ``html.extract``. Other records (requests, metadata, images, redirects, ...) are
skipped, not errors. A record whose Content-Length is wrong, whose digest fails or which
ends early is an errors row and reading goes on; a file that stops making sense as WARC
gives one errors row and ends there. warcio reads it: it steps over a wrong
Content-Length, where fastwarc stops the file.
"""

from __future__ import annotations

import contextlib
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.recordloader import ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeadersParserException

from pipeline.readers.base import NOTES, READ_FAILURES, InputSource, RecordKeys
from pipeline.readers.decoding import content_type_charset
from pipeline.readers.html import extract
from pipeline.records import Document, ReadError

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_PAYLOAD_FAILURES = (*READ_FAILURES, ChunkedDataException)


class _Loader(ArcWarcRecordLoader):
    """warcio's record loader, except that HTTP headers it cannot read leave the record
    readable (the rest of the file too) with ``failure`` saying why, and that a response
    without a WARC-Target-URI has its headers read (warcio's fails on ``None.startswith``)."""

    failure: str | None = None

    def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: Any) -> Any:
        self.failure = None
        try:
            return super().load_http_headers(rec_type, uri or "http:", stream, length)
        except StatusAndHeadersParserException as exc:
            self.failure = f"HTTP headers unreadable: {' '.join(str(exc).split())}"
            return None


@dataclass(frozen=True)
class _Page:
    """An HTML response record, read: what ``extract`` needs and what the Document keeps."""

    doc_id: str
    url: str | None
    date: str | None
    payload: bytes
    charset: str | None
    truncated: str | None


def _header(headers: Any, name: str) -> str | None:
    """A header's value without the angle brackets WARC/1.0 writers put round URIs."""
    value = headers.get_header(name) if headers is not None else None
    return (value or "").strip().strip("<>") or None


def _is_html(record: Any) -> bool | None:
    """True/False from the declared type; None when nothing declares one (sniff the bytes)."""
    declared = _header(record.http_headers, "Content-Type") or _header(
        record.rec_headers, "WARC-Identified-Payload-Type"
    )
    if declared is None:
        return None
    return declared.split(";")[0].strip().lower() in HTML_TYPES


def _looks_like_html(payload: bytes) -> bool:
    head = payload[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def _page(record: Any, number: int, source: InputSource) -> _Page | ReadError | None:
    """The HTML page of a record, an errors row when its payload cannot be read, or None
    for every other kind of record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    html = _is_html(record)
    if not status.startswith("2") or html is False:
        return None
    uri = _header(record.rec_headers, "WARC-Target-URI")
    doc_id = uri or _header(record.rec_headers, "WARC-Record-ID") or f"{source.name}:{number}"
    try:
        payload = record.content_stream().read()
    except _PAYLOAD_FAILURES as exc:
        return source.error(
            "broken_record", f"record {number}: {type(exc).__name__}: {exc}",
            doc_id=doc_id, line=number,
        )
    if html is None and not _looks_like_html(payload):
        return None
    return _Page(
        doc_id=doc_id,
        url=uri,
        date=_header(record.rec_headers, "WARC-Date"),
        payload=payload,
        charset=content_type_charset(_header(record.http_headers, "Content-Type")),
        truncated=_header(record.rec_headers, "WARC-Truncated"),
    )


def _damage(record: Any, loader: _Loader, warnings: str) -> str | None:
    """Why a record read to its end cannot be trusted, or None."""
    if loader.failure:
        return loader.failure
    if warnings.strip():  # warcio's "Record not followed by newline": a wrong Content-Length
        return "Content-Length does not match the record: " + " ".join(warnings.split())
    checker = record.digest_checker
    if checker.passed is False:
        return "; ".join(checker.problems) or "digest mismatch"
    if checker.passed is None and _header(record.rec_headers, "WARC-Block-Digest"):
        return "record ends before its Content-Length (file truncated?)"
    return None


def _document(page: _Page, number: int, source: InputSource) -> Document | ReadError:
    found = extract(page.payload, charset=page.charset, url=page.url)
    if not found.text:
        return source.error(
            "empty_text", f"record {number}: no text found in the page",
            doc_id=page.doc_id, line=number,
        )
    meta = found.meta
    if page.truncated:
        meta[NOTES] = (*meta.get(NOTES, ()), f"page truncated by the crawler ({page.truncated})")
    site = urlsplit(page.url).hostname if page.url else None
    return Document(
        doc_id=page.doc_id,
        text=found.text,
        source=site or found.site or source.source,
        line=number,
        title=found.title,
        url=page.url,
        published_at=found.published_at or page.date,
        meta=meta,
    )


def read_warc(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    """``line`` is the record's 1-based number in the file (warcinfo and requests count)."""
    with source.open() as fh:
        records = ArchiveIterator(fh, check_digests=True)
        records.loader = loader = _Loader()
        for number in itertools.count(1):
            # warcio writes what it finds wrong to stderr: keep it for the errors row
            with contextlib.redirect_stderr(io.StringIO()) as warnings:
                try:
                    record = next(records)
                except StopIteration:
                    return
                except Exception as exc:  # any failure of the parser ends this file only
                    record, failure = None, f"{type(exc).__name__}: {' '.join(str(exc).split())}"
                else:
                    page = _page(record, number, source)
                    records.read_to_end()
            if record is None:
                yield source.error("broken_warc", f"record {number}: {failure}", line=number)
                return
            damage = _damage(record, loader, warnings.getvalue())
            if damage:
                doc_id = page.doc_id if isinstance(page, _Page | ReadError) else None
                yield source.error(
                    "broken_record", f"record {number}: {damage}", doc_id=doc_id, line=number
                )
            elif isinstance(page, ReadError):
                yield page
            elif page is not None:
                yield _document(page, number, source)
