"""HTML character references in plain text: "Jos&#233;" -> "José", "&amp;" -> "&".

Scraped news stored as plain text (the BBC news csv, JSONL dumps) often keeps the page's
character references, which cut names ("Jos&#233; Manuel Barroso" reads as "Manuel
Barroso") and become tokens. Text readers (not HTML or WARC, whose text trafilatura has
already decoded) decode them at read time; the decoded text is the text as ingested, and the
document says so in its notes. Only ftfy's unambiguous references run, those that end in
";": "AT&T", "R&D", "this&not that" and a stray "&" stay as written. Text holding an HTML
tag is left alone: it is markup, or writes about markup, and decoding would change its
meaning ("&lt;b&gt;" next to "<b>").
"""

from __future__ import annotations

import re

from ftfy.chardata import HTML_ENTITY_RE
from ftfy.fixes import unescape_html

from pipeline.readers.base import amend
from pipeline.records import Document

NOTE = "HTML entities decoded"

_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--")


def fix(text: str) -> str:
    """The text with its character references decoded, where it has some and no tags."""
    if "&" not in text or not HTML_ENTITY_RE.search(text) or _TAG.search(text):
        return text
    return unescape_html(text)


def decode(document: Document) -> Document:
    """The document with its text and title decoded, and a note when anything changed."""
    return amend(document, fix, NOTE)
