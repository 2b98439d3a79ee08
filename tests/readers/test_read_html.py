import pytest

from pipeline.readers.html import extract
from pipeline.records import Document, ReadError

PAGE = """<!doctype html>
<html><head><title>Budget hits record | Daily</title>
<style>p { color: red }</style><script>var ad = "buy";</script></head>
<body>
<header><a href="/">Home</a> <a href="/world">World</a></header>
<nav><ul><li>Politics</li><li>Sports</li></ul></nav>
<article>
  <h1>Budget hits   record</h1>
  <p>The ministry requested <b>8.54 trillion</b>
     yen on Friday.</p>
  <aside>Related: something else</aside>
  <ul><li><p>First point.</p></li><li>Second point.</li></ul>
  <blockquote><p>"It is premature," he said.</p></blockquote>
  <form><p>Subscribe to our newsletter</p></form>
</article>
<footer><p>Copyright 2025</p></footer>
</body></html>"""


def test_main_text_of_an_article_page():
    text, title = extract(PAGE)
    assert text == (
        "Budget hits record\n"
        "The ministry requested 8.54 trillion yen on Friday.\n"
        "First point.\n"
        "Second point.\n"
        '"It is premature," he said.'
    )
    assert title == "Budget hits record | Daily"


@pytest.mark.parametrize(
    ("html", "text", "title"),
    [
        (
            "<body><div>Menu</div><main><h2>Sub</h2><p>Main text.</p></main></body>",
            "Sub\nMain text.",
            None,
        ),
        ("<body><h1>Head</h1><div><p>One.</p><p>Two.</p></div></body>", "Head\nOne.\nTwo.", "Head"),
        ("<body>Just   text\n<br>and more</body>", "Just text\nand more", None),
        ("<p>Fragment only</p>", "Fragment only", None),
        ("<html><body><script>x()</script><nav>n</nav></body></html>", "", None),
    ],
)
def test_extraction_falls_back_sensibly(html, text, title):
    assert extract(html) == (text, title)


def test_html_file_is_one_document_named_like_text_files(tmp_path, write, read):
    path = write("site/world/budget.htm", PAGE)
    write("site/empty.html", "<html><body><nav>only nav</nav></body></html>")
    write("site/bad.html", b"<p>caf\xe9</p>")
    bad, empty, page = read(tmp_path / "site")
    assert bad.text == "caf\ufffd"
    assert bad.meta == {"decode_replaced": True}
    assert isinstance(empty, ReadError)
    assert (empty.error_type, empty.doc_id) == ("empty_text", "empty.html")
    assert isinstance(page, Document)
    assert (page.doc_id, page.source, page.title) == (
        "world/budget.htm",
        str(path),
        "Budget hits record | Daily",
    )
    assert page.text.startswith("Budget hits record\nThe ministry")
