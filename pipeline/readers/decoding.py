"""Bytes -> text: byte-order marks, declared charsets, and notes on what had to be replaced.

Order: a BOM (UTF-8, UTF-16, UTF-32) decides; else bytes that are valid UTF-8 are UTF-8
(a page declaring latin-1 but sending UTF-8 is common, the reverse almost never decodes);
else the first charset declared (HTTP header, ``<meta charset>``) that Python knows; else
UTF-8. Bytes invalid in the chosen encoding become U+FFFD and the result carries a note.
Line endings are kept: offsets point into the text exactly as decoded.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass

SNIFF_BYTES = 8192
REPLACEMENT = "\ufffd"

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels browsers read as a superset (WHATWG Encoding): latin-1 pages are windows-1252.
_SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252", "gb2312": "gbk", "euc_kr": "cp949"}
_LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    notes: tuple[str, ...] = ()


def bom_codec(head: bytes) -> str | None:
    """The codec a byte-order mark names (Python's codecs strip the mark), else None."""
    return next((codec for bom, codec in _BOMS if head.startswith(bom)), None)


def is_binary(head: bytes) -> bool:
    """Text never holds NUL bytes, binary formats nearly always do near the start; UTF-16
    and UTF-32 are full of them, so a text with their BOM is not binary."""
    codec = bom_codec(head)
    return codec not in ("utf-16", "utf-32") and b"\x00" in head[:SNIFF_BYTES]


def known_codec(label: str | None) -> str | None:
    """A declared charset label as a Python codec (its browser superset), None if unknown.

    A UTF-16/32 label on bytes without a BOM is a lie browsers ignore, and so do we."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None
    return _SUPERSETS.get(name, name)


def replaced_note(codec: str) -> str:
    """The note for bytes that were invalid in ``codec``: 'invalid UTF-8 replaced'."""
    return f"invalid {_LABELS.get(codec, codec)} replaced"


def decode(data: bytes, declared: Iterable[str | None] = ()) -> Decoded:
    """The text of ``data`` (see the module docstring for the order of choices)."""
    codec = bom_codec(data)
    if codec is None:
        try:
            return Decoded(data.decode("utf-8"))
        except UnicodeDecodeError:
            codec = next(filter(None, map(known_codec, declared)), "utf-8")
    try:
        return Decoded(data.decode(codec))
    except UnicodeDecodeError:
        return Decoded(data.decode(codec, errors="replace"), (replaced_note(codec),))


def html_charset(head: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` or ``<meta http-equiv>``."""
    match = _CHARSET.search(head[:SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def content_type_charset(content_type: str | None) -> str | None:
    """``text/html; charset=Shift_JIS`` -> ``Shift_JIS``."""
    match = _CONTENT_TYPE_CHARSET.search(content_type or "")
    return match.group(1) if match else None
