"""WARC crawls built in the test with warcio's writer: pages, other records, broken records."""

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.records import Document, ReadError

ARTICLE = (
    "The city council approved a budget of 12 million euros on Monday, its largest ever, "
    "after a debate that lasted late into the night."
)


def page(title, body=ARTICLE, date=None):
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (
        f"<html><head><title>{title}</title>{meta}</head><body><nav>Home News</nav>"
        f"<article><h1>{title}</h1><p>{body}</p></article></body></html>"
    ).encode()


class Crawl:
    """A WARC file written record by record; ``gz`` compresses each record on its own."""

    def __init__(self, gz):
        self.gz = gz
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gz)

    def response(self, uri, payload, content_type="text/html; charset=utf-8", status="200 OK",
                 date="2024-05-01T10:00:00Z", **warc_headers):
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        headers = {"WARC-Date": date, **warc_headers}
        record = self.writer.create_warc_record(
            uri, "response", payload=io.BytesIO(payload), http_headers=http,
            warc_headers_dict=headers,
        )
        self.writer.write_record(record)

    def record(self, uri, rec_type, payload=b"x", content_type="text/plain"):
        record = self.writer.create_warc_record(
            uri, rec_type, payload=io.BytesIO(payload), warc_content_type=content_type
        )
        self.writer.write_record(record)

    def raw(self, data):
        """Bytes as they are, gzipped like a record when the crawl is."""
        self.buffer.write(gzip.compress(data) if self.gz else data)

    def bytes(self):
        return self.buffer.getvalue()


def one_record(uri, payload, **options):
    crawl = Crawl(gz=False)
    crawl.response(uri, payload, **options)
    return crawl.bytes()


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def gz(request):
    return request.param


def test_crawl_with_pages_other_records_and_broken_records(write, read, gz):
    crawl = Crawl(gz)
    crawl.writer.write_record(crawl.writer.create_warcinfo_record("c.warc", {"software": "t"}))
    crawl.record("https://news.example.com/a", "request", b"GET /a HTTP/1.1\r\n\r\n",
                 "application/http; msgtype=request")
    crawl.response("https://news.example.com/a", page("Council budget", date="2024-04-30"))
    crawl.response("https://img.example.com/logo.png", b"\x89PNG\r\n\x1a\n\x00", "image/png")
    crawl.response("https://news.example.com/gone", page("Not found"), status="404 Not Found")
    crawl.response("https://news.example.com/old", b"", status="301 Moved Permanently")
    crawl.record("https://news.example.com/a", "metadata", b"fetchTimeMs: 12")
    # damaged after its digests were written: one byte of the page changed
    corrupted = one_record("https://news.example.com/c", page("Corrupted"))
    crawl.raw(corrupted.replace(b"council approved", b"council APPROVED"))
    # a Content-Length short by the last line (and no WARC-Target-URI)
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>one</p>\r\n<p>two</p>"
    crawl.raw(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bad-length>\r\n"
              b"Content-Type: application/http; msgtype=response\r\n"
              b"Content-Length: %d\r\n\r\n%s\r\n\r\n" % (len(block) - 10, block))
    # HTTP headers that are not HTTP
    crawl.raw(one_record("https://news.example.com/h", page("Bad HTTP")).replace(
        b"HTTP/1.1 200 OK", b"HTTX/1.1 200 OK"))
    crawl.response("https://news.example.com/b", page("Second story"), date="2024-05-02T08:30:00Z")
    # the file ends in the middle of the last record
    cut = one_record("https://news.example.com/cut", page("Cut off"))
    crawl.raw(cut[: len(cut) - 200])
    path = write("crawl.warc.gz" if gz else "crawl.warc", crawl.bytes())

    items = read(path)
    docs = [item for item in items if isinstance(item, Document)]
    errors = [item for item in items if isinstance(item, ReadError)]
    assert [(d.doc_id, d.url, d.published_at, d.source, d.title, d.line) for d in docs] == [
        ("https://news.example.com/a", "https://news.example.com/a", "2024-04-30",
         "news.example.com", "Council budget", 3),
        # no date in the page: the crawl's
        ("https://news.example.com/b", "https://news.example.com/b", "2024-05-02T08:30:00Z",
         "news.example.com", "Second story", 11),
    ]
    assert all(ARTICLE in d.text and "Home News" not in d.text for d in docs)
    assert [(e.error_type, e.doc_id, e.line, e.source) for e in errors] == [
        ("broken_record", "https://news.example.com/c", 8, str(path)),
        ("broken_record", "urn:uuid:bad-length", 9, str(path)),
        ("broken_record", None, 10, str(path)),
        ("broken_record", "https://news.example.com/cut", 12, str(path)),
    ]
    assert "digest" in errors[0].message
    assert "Content-Length" in errors[1].message
    assert "HTTP headers unreadable" in errors[2].message
    assert "ends before" in errors[3].message


def test_garbage_between_records_ends_the_file_with_an_error(write, read, gz):
    crawl = Crawl(gz)
    crawl.response("https://news.example.com/a", page("Kept"))
    crawl.raw(b"this is not a WARC record at all\r\n\r\n")
    crawl.response("https://news.example.com/b", page("Lost"))
    first, error = read(write("crawl.warc", crawl.bytes()))
    assert first.doc_id == "https://news.example.com/a"
    assert (error.error_type, error.line) == ("broken_warc", 2)


def test_record_ids_charsets_and_sniffed_pages(write, read):
    crawl = Crawl(gz=False)
    latin = "<html><body><p>Le conseil a voté un budget très élevé lundi.</p></body></html>"
    crawl.response("https://fr.example.com/vote", latin.encode("cp1252"),
                   "text/html; charset=ISO-8859-1")
    crawl.response("https://x.example.com/untyped", page("Untyped"), content_type="")
    crawl.response("https://x.example.com/truncated", page("Long"),
                   **{"WARC-Truncated": "length"})
    record = crawl.writer.create_warc_record(
        "", "response", payload=io.BytesIO(page("No URI")),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                      protocol="HTTP/1.1"),
    )
    crawl.writer.write_record(record)
    vote, untyped, truncated, no_uri = read(write("c.warc", crawl.bytes()))
    assert (vote.text, vote.source) == ("Le conseil a voté un budget très élevé lundi.",
                                        "fr.example.com")
    assert untyped.title == "Untyped"
    assert truncated.meta["notes"] == ("page truncated by the crawler (length)",)
    assert no_uri.doc_id == record.rec_headers.get_header("WARC-Record-ID").strip("<>")
    assert no_uri.url is None


def test_an_html_page_without_text_and_a_bad_gzip_file(tmp_path, write, read):
    crawl = Crawl(gz=False)
    crawl.response("https://x.example.com/empty", b"<html><body> </body></html>")
    [error] = read(write("c.warc", crawl.bytes()))
    assert (error.error_type, error.doc_id, error.line) == (
        "empty_text", "https://x.example.com/empty", 1)
    [error] = read(write("bad.warc.gz", b"\x1f\x8b\x08\x00 not really gzip"))
    assert error.error_type in ("broken_warc", "unreadable_file")
