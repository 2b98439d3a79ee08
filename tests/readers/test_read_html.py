import time

import pytest

from pipeline.readers.html import NO_MAIN_TEXT_NOTE, UNPARSED_NOTE, extract
from pipeline.records import Document, ReadError

BODY = (
    "The ministry requested 8.54 trillion yen on Friday, a record for the country, "
    "officials said in a statement released to reporters in Tokyo."
)
PAGE = """<!doctype html>
<html><head><title>Budget hits record | Daily</title>
<meta charset="utf-8">
<meta property="og:site_name" content="The Daily">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-01-03T10:00:00Z">
<link rel="canonical" href="https://daily.example.com/budget">
<style>p { color: red }</style><script>var ad = "buy now";</script></head>
<body>
<header><a href="/">Home</a> <a href="/world">World</a></header>
<nav><ul><li>Politics</li><li>Sports</li></ul></nav>
<article>
  <h1>Budget hits   record</h1>
  <p>The ministry requested <b>8.54 trillion</b>
     yen on Friday, a record for the country, officials said in a statement released
     to reporters in Tokyo.</p>
  <p>"It is premature," the finance minister said of calls for a supplementary budget.</p>
  <blockquote><p>"We will spend what defence needs," he added.</p></blockquote>
</article>
<footer><p>Copyright 2025 The Daily. All rights reserved.</p></footer>
</body></html>"""


def test_main_text_and_metadata_of_an_article_page():
    page = extract(PAGE.encode())
    lines = page.text.split("\n")
    assert BODY in lines  # the bold figure and the line break inside a paragraph join up
    quote = '"It is premature," the finance minister said of calls for a supplementary budget.'
    assert quote in lines
    for boilerplate in ("Home", "Politics", "buy now", "color", "Copyright"):
        assert boilerplate not in page.text
    assert (page.title, page.published_at, page.author, page.site, page.url) == (
        "Budget hits record",
        "2025-01-03",
        "Jane Doe",
        "The Daily",
        "https://daily.example.com/budget",
    )
    assert page.notes == ()


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<body><h1>Head</h1><div><p>One.</p><p>Two.</p></div></body>", "Head\nOne.\nTwo."),
        ("<body>Just   text\n<br>and more</body>", "Just text\nand more"),
        ("<p>Fragment only</p>", "Fragment only"),
        ("<title>T</title>Text in no body tag.", "Text in no body tag."),
        ("<?xml version='1.0' encoding='utf-8'?><html><body><p>x é</p></body></html>", "x é"),
    ],
)
def test_small_and_odd_pages_keep_their_text(html, text):
    assert extract(html.encode()).text == text


@pytest.mark.parametrize("html", [b"", b"   \n", b"<!-- only a comment -->", b"<html></html>"])
def test_pages_without_text(html):
    assert extract(html).text == ""


def test_charset_from_meta_and_from_the_http_header():
    cp1252 = '<html><head><meta charset="windows-1252"><title>Café</title></head><body><p>' \
        "“Café” naïve text.</p></body></html>"
    page = extract(cp1252.encode("cp1252"))
    assert (page.text, page.title, page.notes) == ("“Café” naïve text.", "Café", ())
    equiv = '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">' \
        "<body><p>日本語のテキスト</p></body>"
    assert extract(equiv.encode("shift_jis")).text == "日本語のテキスト"
    undeclared = "<html><body><p>Ceci est très bien.</p></body></html>".encode("cp1252")
    assert extract(undeclared, charset="ISO-8859-1").text == "Ceci est très bien."
    page = extract(undeclared)  # nothing declared: UTF-8, the bad byte replaced and noted
    assert (page.text, page.notes) == ("Ceci est tr\ufffds bien.", ("invalid UTF-8 replaced",))


def test_utf16_page_with_a_bom():
    assert extract("<html><body><p>Zürich</p></body></html>".encode("utf-16")).text == "Zürich"


def test_a_page_whose_only_text_trafilatura_drops_keeps_all_its_text():
    page = extract(b'<html><body><div class="comments"><p>A reader comment.</p></div></body>')
    assert (page.text, page.notes) == ("A reader comment.", (NO_MAIN_TEXT_NOTE,))


@pytest.mark.parametrize("tag", ["div", "span", "blockquote", "ul><li", "table><tr><td"])
@pytest.mark.parametrize("size", [1500, 200_000])  # levels libxml2 keeps / a 200 KB page
def test_deeply_nested_html_is_fast_and_keeps_its_text(tag, size):
    """Item 11 of issue 12: 200 KB of nesting took 30 s (a walk quadratic in depth)."""
    opening = f"<{tag}>"
    closing = "".join(f"</{name}>" for name in reversed(tag.split("><")))
    depth = min(size, size // len(opening + closing))
    html = (
        "<html><head><title>Deep</title></head><body>"
        + opening * depth
        + f"<p>{BODY}</p>"
        + closing * depth
        + "<p>The end of the story, after all the nesting, is kept too.</p></body></html>"
    )
    started = time.perf_counter()
    page = extract(html.encode())
    assert time.perf_counter() - started < 5  # well under 1 s here; a generous regression guard
    assert BODY in page.text
    assert page.title == "Deep"
    if len(html) > 100_000:  # deeper than libxml2's 2048 levels: all text, in one linear pass
        assert page.notes == (UNPARSED_NOTE,)
        assert page.text.endswith("after all the nesting, is kept too.")


def test_html_file_is_one_document_named_like_text_files(tmp_path, write, read):
    path = write("site/world/budget.htm", PAGE)
    write("site/empty.html", "<html><body>  </body></html>")
    write("site/bad.html", b"<p>caf\xe9</p>")
    write("site/binary.html", b"\x89PNG\r\n\x1a\n\x00\x00")
    bad, binary, empty, page = read(tmp_path / "site")
    assert (bad.text, bad.meta) == ("caf\ufffd", {"notes": ("invalid UTF-8 replaced",)})
    assert isinstance(binary, ReadError)
    assert (binary.error_type, binary.doc_id) == ("binary_file", "binary.html")
    assert isinstance(empty, ReadError)
    assert (empty.error_type, empty.doc_id) == ("empty_text", "empty.html")
    assert isinstance(page, Document)
    assert (page.doc_id, page.source, page.title, page.published_at, page.url) == (
        "world/budget.htm",
        str(path),
        "Budget hits record",
        "2025-01-03",
        "https://daily.example.com/budget",
    )
    assert page.meta == {"site": "The Daily", "author": "Jane Doe"}
    assert BODY in page.text
