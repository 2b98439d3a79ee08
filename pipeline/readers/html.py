"""HTML pages: the main text and metadata (title, date, site, author) with trafilatura.

Bytes are decoded by ``decoding.decode`` with the charsets the page declares (the HTTP
header a crawl recorded, then ``<meta charset>``). lxml parses the text; elements nested
deeper than ``MAX_DEPTH`` are unwrapped (their text kept), because scoring every element
against its ancestors makes main-text extraction quadratic in the depth. A page the parser
cannot hold whole (libxml2 stops at 2048 levels) or with no main text found keeps all its
visible text instead, read in one linear pass, and says so in its notes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import Any

import lxml.html
from lxml import etree

from pipeline.readers.base import NOTES, InputSource, RecordKeys
from pipeline.readers.decoding import Decoded, decode, html_charset, is_binary
from pipeline.records import Document, ReadError

MAX_DEPTH = 64  # real article pages nest about 30 deep
UNPARSED_NOTE = "HTML too deep or large for the parser: all page text kept"
NO_MAIN_TEXT_NOTE = "main text not found: all page text kept"
# Text elements that are not read (HTML's raw text elements and the head's title).
_UNREAD = frozenset({"script", "style", "noscript", "template", "title"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})


@dataclass(frozen=True)
class Page:
    """What one HTML page gives: its text and the metadata found in it."""

    text: str
    title: str | None = None
    published_at: str | None = None  # YYYY-MM-DD
    url: str | None = None  # the page's canonical URL
    site: str | None = None
    author: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def meta(self) -> dict[str, Any]:
        """Document.meta: the site, author and notes found."""
        found = {"site": self.site, "author": self.author, NOTES: self.notes}
        return {key: value for key, value in found.items() if value}


def _lines(text: str) -> str:
    """Whitespace collapsed inside lines, blank lines dropped."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


class _AllText(HTMLParser):
    """All visible text, a line per block, in one pass without a tree (so at any depth)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.unread = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.unread += tag in _UNREAD
        self.in_title = self.in_title or tag == "title"
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _UNREAD:
            self.unread = max(0, self.unread - 1)
        self.in_title = self.in_title and tag != "title"
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.unread:
            self.parts.append(data)


def all_text(html: str) -> Page:
    """The page's visible text and ``<title>``, without main-text extraction."""
    parser = _AllText()
    parser.feed(html)
    parser.close()
    return Page(_lines("".join(parser.parts)), title=_lines("".join(parser.title)) or None)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """The page's tree, or None when libxml2 could not hold it whole (too deep, too big) or
    found no element in it."""
    parser = lxml.html.HTMLParser(
        encoding="utf-8", huge_tree=True, remove_comments=True, remove_pis=True
    )
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except etree.ParserError:  # nothing but whitespace or comments
        return None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        return None
    return tree


def _flatten(tree: lxml.html.HtmlElement) -> None:
    """Unwrap every element deeper than MAX_DEPTH; its text and children move up."""
    deep, depth = [], 0
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth > MAX_DEPTH:
            deep.append(element)
    for element in reversed(deep):  # innermost first, so each moves one level at a time
        element.drop_tag()


def _whole(decoded: Decoded, note: str) -> Page:
    page = all_text(decoded.text)
    return replace(page, notes=(*decoded.notes, note) if page.text else decoded.notes)


def extract(data: bytes, *, charset: str | None = None, url: str | None = None) -> Page:
    """The page in ``data``; ``charset`` is the HTTP header's, ``url`` where it was fetched."""
    from trafilatura import bare_extraction  # slow to import: only where pages are read

    decoded = decode(data, (charset, html_charset(data)))
    tree = _parse(decoded.text)
    if tree is None:
        return _whole(decoded, UNPARSED_NOTE)
    _flatten(tree)
    found = bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = _lines(found.text or "") if found else ""
    if not text:
        return _whole(decoded, NO_MAIN_TEXT_NOTE)
    return Page(
        text=text,
        title=found.title or None,
        published_at=found.date or None,
        url=found.url or None,
        site=found.sitename or found.hostname or None,
        author=found.author or None,
        notes=decoded.notes,
    )


def read_html(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    data = source.read_bytes()
    if is_binary(data):
        yield source.error("binary_file", "NUL bytes found: not an HTML file", doc_id=source.name)
        return
    page = extract(data)
    if not page.text:
        yield source.error("empty_text", "no text found in the page", doc_id=source.name)
        return
    yield Document(
        doc_id=source.name,
        text=page.text,
        source=source.source,
        title=page.title,
        url=page.url,
        published_at=page.published_at,
        meta=page.meta,
    )
