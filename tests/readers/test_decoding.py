import codecs

import pytest

from pipeline.readers.decoding import (
    Decoded,
    content_type_charset,
    decode,
    html_charset,
    is_binary,
    known_codec,
)

TEXT = "Café “naïve” 日本 😀\r\nline two"


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"],
)
def test_a_byte_order_mark_decides_and_is_dropped(data):
    assert not is_binary(data)
    assert decode(data) == Decoded(TEXT)


def test_nul_bytes_without_a_wide_bom_are_binary():
    assert is_binary(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert is_binary(TEXT.encode("utf-16-le"))  # UTF-16 without a BOM cannot be told from binary
    assert not is_binary(b"plain text")


def test_invalid_bytes_are_replaced_and_noted():
    assert decode(b"caf\xe9") == Decoded("caf\ufffd", ("invalid UTF-8 replaced",))
    odd = codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"x"  # a dangling half character
    assert decode(odd) == Decoded("ab\ufffd", ("invalid UTF-16 replaced",))


@pytest.mark.parametrize(
    ("data", "declared", "text"),
    [
        ("café".encode("cp1252"), ["windows-1252"], "café"),
        ("“quoted”".encode("cp1252"), ["iso-8859-1"], "“quoted”"),  # latin-1 means cp1252
        ("日本語".encode("shift_jis"), [None, "Shift_JIS"], "日本語"),  # first known label wins
        ("日本語".encode("shift_jis"), ["no-such-charset", "shift_jis"], "日本語"),
        ("café".encode(), ["iso-8859-1"], "café"),  # valid UTF-8 beats a declaration
    ],
)
def test_declared_charsets_decode_what_is_not_utf8(data, declared, text):
    assert decode(data, declared) == Decoded(text)


@pytest.mark.parametrize(
    ("label", "codec"),
    [("UTF-8", "utf-8"), ("latin1", "cp1252"), ("gb2312", "gbk"), ("utf-16", None),
     ("x-bogus", None), (None, None), ('"koi8-r"', "koi8-r")],
)
def test_known_codec(label, codec):
    assert known_codec(label) == codec


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<html><head><meta charset="windows-1251">', "windows-1251"),
        (b"<meta charset=utf-8>", "utf-8"),
        (b'<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Shift_JIS">', "Shift_JIS"),
        (b"<p>charset=koi8-r is only text</p>", None),
        (b"<html><body>none</body></html>", None),
    ],
)
def test_html_charset(head, charset):
    assert html_charset(head) == charset


def test_content_type_charset():
    assert content_type_charset("text/html; charset=ISO-8859-1") == "ISO-8859-1"
    assert content_type_charset('text/html;charset="utf-8"') == "utf-8"
    assert content_type_charset("text/html") is None
    assert content_type_charset(None) is None
