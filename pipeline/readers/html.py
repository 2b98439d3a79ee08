"""HTML pages: the main text, without navigation, boilerplate and scripts.

Blocks (paragraphs, headings, list items, quotes) inside ``<article>``, else ``<main>``,
else ``<body>`` are joined with "\n", whitespace inside a block collapsed as a browser
would. Bytes are decoded as UTF-8 (a ``<meta charset>`` is not consulted).
"""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pipeline.readers.base import InputSource, RecordKeys, decode, is_binary
from pipeline.records import Document, ReadError

DROP_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form"]
BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dd", "dt"}
)


def _clean(node: LexborNode) -> str:
    return " ".join(node.text(deep=True).split())


def _inside_block(node: LexborNode, root: LexborNode) -> bool:
    """True when an outer block already covers this node (<li><p>..</p></li>)."""
    parent = node.parent
    while parent is not None and parent != root:
        if parent.tag in BLOCK_TAGS:
            return True
        parent = parent.parent
    return False


def extract(html: str) -> tuple[str, str | None]:
    """(main text, title) of an HTML page."""
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title") or tree.css_first("h1")
    title = _clean(title_node) if title_node else None
    tree.strip_tags(DROP_TAGS)
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return "", title
    blocks = [
        _clean(node)
        for node in root.css(", ".join(sorted(BLOCK_TAGS)))
        if not _inside_block(node, root)
    ]
    if not any(blocks):  # text not wrapped in blocks: fall back to its lines
        blocks = [" ".join(line.split()) for line in root.text(separator="\n").splitlines()]
    return "\n".join(block for block in blocks if block), title or None


def read_html(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    assert source.path is not None
    data = source.path.read_bytes()
    if is_binary(data):
        yield source.error("binary_file", "NUL bytes found: not an HTML file", doc_id=source.name)
        return
    html, replaced = decode(data)
    text, title = extract(html)
    if not text.strip():
        yield source.error("empty_text", "no main text found in the page", doc_id=source.name)
        return
    yield Document(
        doc_id=source.name,
        text=text,
        source=source.source,
        title=title,
        meta={"decode_replaced": True} if replaced else {},
    )
