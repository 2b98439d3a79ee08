import io
import sys

import pytest

from pipeline import errors
from pipeline.records import Document, ReadError

JSONL = '{"id": "a", "text": "One."}\n{"text": "Two."}\nnot json\n'


@pytest.mark.parametrize("stream", [io.StringIO(JSONL), io.BytesIO(JSONL.encode())])
def test_jsonl_on_stdin_is_records(read, stream):
    first, second, bad = read("-", stdin=stream)
    assert (first.doc_id, first.text, first.source) == ("a", "One.", "<stdin>")
    assert (second.doc_id, second.line) == ("stdin:2", 2)
    assert isinstance(bad, ReadError)
    assert (bad.error_type, bad.line, bad.source) == ("malformed_json", 3, "<stdin>")


@pytest.mark.parametrize(
    ("stream", "text"),
    [
        (io.StringIO("\n  Plain words.\nMore."), "\n  Plain words.\nMore."),
        (io.BytesIO(b"\xef\xbb\xbfWindows\r\ntext\r\n"), "Windows\r\ntext\r\n"),
        (io.BytesIO(b"  \n[not an object]\n"), "  \n[not an object]\n"),
    ],
)
def test_anything_else_is_one_plain_text_document(read, stream, text):
    [doc] = read("-", stdin=stream)
    assert doc == Document(
        doc_id="stdin", text=text, source="<stdin>", title=text.strip().splitlines()[0]
    )


def test_leading_blank_lines_before_jsonl_keep_line_numbers(read):
    [doc] = read("-", stdin=io.BytesIO(b'\n\n{"text": "x"}\n'))
    assert (doc.doc_id, doc.line) == ("stdin:3", 3)


def test_forced_formats(read):
    [doc] = read("-", stdin=io.StringIO('{"text": "x"}\n'), stdin_format="text")
    assert doc.text == '{"text": "x"}\n'
    [error] = read("-", stdin=io.StringIO("plain\n"), stdin_format="jsonl")
    assert error.error_type == "malformed_json"
    with pytest.raises(errors.UnsupportedInput):
        read("-", stdin=io.StringIO(""), stdin_format="xml")


@pytest.mark.parametrize(
    ("data", "error_type"),
    [(b"", "empty_text"), (b" \n\n", "empty_text"), (b"ELF\x00\x00\x01", "binary_file")],
)
def test_empty_or_binary_stdin(read, data, error_type):
    [error] = read("-", stdin=io.BytesIO(data))
    assert (error.error_type, error.doc_id) == (error_type, "stdin")


def test_invalid_utf8_on_stdin(read):
    [doc] = read("-", stdin=io.BytesIO(b"caf\xe9\n"))
    assert (doc.text, doc.meta) == ("caf\ufffd\n", {"notes": ("invalid UTF-8 replaced",)})


def test_default_is_process_stdin_as_bytes(read, monkeypatch):
    wrapper = io.TextIOWrapper(io.BytesIO(b"line one\r\nline two"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", wrapper)
    [doc] = read("-")
    assert doc.text == "line one\r\nline two"  # not newline-translated by text mode


def test_utf16_stdin_with_a_bom(read):
    jsonl = '{"id": "a", "text": "Zürich"}\n{"id": "b", "text": "two"}\n'
    docs = read("-", stdin=io.BytesIO(jsonl.encode("utf-16")))
    assert [(d.doc_id, d.text, d.line) for d in docs] == [("a", "Zürich", 1), ("b", "two", 2)]
    [doc] = read("-", stdin=io.BytesIO("Plain Zürich\r\ntext".encode("utf-32")))
    assert (doc.doc_id, doc.text) == ("stdin", "Plain Zürich\r\ntext")
