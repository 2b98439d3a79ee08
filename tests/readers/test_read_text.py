import pytest

from pipeline.records import Document, ReadError


@pytest.mark.parametrize(
    ("name", "content", "text", "title"),
    [
        ("a.txt", "Headline here\n\nBody text.", "Headline here\n\nBody text.", "Headline here"),
        ("a.md", "\n\n# Big news \nBody.", "\n\n# Big news \nBody.", "Big news"),
        ("a.txt", "\ufeffBOM first\nx", "BOM first\nx", "BOM first"),
        ("a.txt", "CRLF kept\r\nline two\r\n", "CRLF kept\r\nline two\r\n", "CRLF kept"),
        ("a.txt", "lone CR\rkept", "lone CR\rkept", "lone CR"),
    ],
)
def test_text_file_is_one_document(write, read, name, content, text, title):
    path = write(name, content)
    assert read(path) == [Document(doc_id=name, text=text, source=str(path), title=title)]


def test_folder_doc_ids_are_relative_paths(tmp_path, write, read):
    write("corpus/2024/jan/a.txt", "one")
    write("corpus/b.md", "two")
    items = read(tmp_path / "corpus")
    assert [(d.doc_id, d.text) for d in items] == [("2024/jan/a.txt", "one"), ("b.md", "two")]


def test_invalid_utf8_is_replaced_and_flagged(write, read):
    path = write("bad.txt", b"caf\xe9 au lait\n")
    [doc] = read(path)
    assert doc.text == "caf\ufffd au lait\n"
    assert doc.meta == {"notes": ("invalid UTF-8 replaced",)}


@pytest.mark.parametrize(
    ("content", "error_type"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary_file"),
        (b"", "empty_text"),
        (b" \n\t\r\n", "empty_text"),
    ],
)
def test_unreadable_text_file_becomes_an_error_and_reading_goes_on(
    write, read, content, error_type
):
    bad = write("d/a.txt", content)
    write("d/b.txt", "fine")
    first, second = read(bad.parent)
    assert isinstance(first, ReadError)
    assert (first.error_type, first.source, first.doc_id) == (error_type, str(bad), "a.txt")
    assert first.message
    assert second.doc_id == "b.txt"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_with_a_byte_order_mark_is_text_not_binary(write, read, codec):
    # Python's "utf-16"/"utf-32" write a BOM; "utf-16-be" needs one written by hand
    bom = b"\xfe\xff" if codec == "utf-16-be" else b""
    path = write("wide.txt", bom + "Ünïcode story\r\nline two".encode(codec))
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert (doc.text, doc.title, doc.meta) == ("Ünïcode story\r\nline two", "Ünïcode story", {})
