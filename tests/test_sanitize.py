"""pipeline.sanitize: what no sink can store is replaced one code point for one."""

from __future__ import annotations

import pytest

from pipeline.records import Document
from pipeline.sanitize import clean_document, repair


@pytest.mark.parametrize(("value", "expected"), [
    ("plain", "plain"),
    ("café 🙂", "café 🙂"),
    ("a\x00b", "a\ufffdb"),
    ("\ud800x\udfff", "\ufffdx\ufffd"),
])
def test_repair_keeps_length_and_good_text(value: str, expected: str) -> None:
    assert repair(value) == expected
    assert len(repair(value)) == len(value)
    repair(value).encode("utf-8")


def test_a_clean_document_is_returned_as_it_is() -> None:
    document = Document(doc_id="a", text="fine", source="s", meta={"notes": ("x",)})
    assert clean_document(document) is document


def test_notes_add_to_those_the_reader_left() -> None:
    document = Document(doc_id="a", text="bad\x00", source="s", meta={"notes": ("mojibake",)})
    assert clean_document(document).meta["notes"] == ("mojibake", "NUL characters replaced")
