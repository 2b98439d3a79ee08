"""Admission: read items made storable, and the --resume filter, in one place."""

from __future__ import annotations

from pipeline.executors import admit
from pipeline.records import Document, ReadError
from pipeline.rows import sha256

FP = "fp"


def doc(doc_id: str, text: str) -> Document:
    return Document(doc_id=doc_id, text=text, source="in.jsonl")


def stored(*documents: Document) -> set[tuple[str, str, str]]:
    return {(d.doc_id, sha256(d.text), FP) for d in documents}


def test_a_stored_document_is_skipped_and_a_changed_one_is_not() -> None:
    a, b = doc("a", "same"), doc("b", "new text")
    out = list(admit([a, b], stored(a, doc("b", "old text")), FP))
    assert out == [None, b]
    assert list(admit([a], stored(a), "another-pipeline")) == [a]


def test_a_stored_document_after_an_earlier_record_of_its_id_is_redone() -> None:
    """The earlier record replaced the stored rows, so the later one must replace them back:
    the later record wins on every re-run."""
    early, late = doc("a", "first version"), doc("a", "second version")
    assert list(admit([early, late], stored(late), FP)) == [early, late]
    error = ReadError(source="in.jsonl", error_type="empty_text", message="x", doc_id="a")
    assert list(admit([error, late], stored(late), FP)) == [error, late]
    assert list(admit([late, late], stored(late), FP)) == [None, None]  # same text twice


def test_unstorable_characters_are_repaired_and_noted() -> None:
    bad = doc("a\ud800", "Prices rose\x00 3%.")
    [out] = admit([bad], set(), FP)
    assert (out.doc_id, out.text) == ("a\ufffd", "Prices rose\ufffd 3%.")
    assert out.meta["notes"] == ("NUL characters replaced", "lone surrogates replaced")
    error = ReadError(source="in\udc80.jsonl", error_type="x", message="bad \x00")
    [fixed] = admit([error], set(), FP)
    assert (fixed.source, fixed.message) == ("in\ufffd.jsonl", "bad \ufffd")
