import io
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from pipeline.readers import mojibake
from pipeline.readers.html_entities import NOTE, decode, fix
from pipeline.records import Document

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
BBC = Path(os.environ.get("NEWSCLAIMS_DATA") or SHARED_DATA) / "bbc-news" / "train.csv"


@pytest.mark.parametrize(
    ("escaped", "decoded"),
    [
        ("EC President Jos&#233; Manuel Barroso", "EC President José Manuel Barroso"),
        ("Forest bid &#163;8m, &#xE9;t&#xe9;", "Forest bid £8m, été"),
        ("Marks &amp; Spencer said &quot;no&quot;", 'Marks & Spencer said "no"'),
        ("P&eacute;rez and P&EACUTE;REZ", "Pérez and PÉREZ"),
        ("AT&T and R&D, and Jos&#233;", "AT&T and R&D, and José"),  # only the reference
    ],
)
def test_character_references_are_decoded(escaped, decoded):
    assert fix(escaped) == decoded


@pytest.mark.parametrize(
    "kept",
    [
        "AT&T bought it; R&D rose",
        "a stray & here and &  there, this&not that, &copy without a semicolon",
        "<p>Jos&#233; Manuel Barroso</p>",  # markup: left to the HTML readers
        "A line<br/>with Jos&#233; and a tag",
        "<!-- note --> caf&#233;",
        "&unknownname; is no entity",
    ],
)
def test_text_without_references_or_with_tags_is_left_as_written(kept):
    assert fix(kept) == kept


def test_a_comparison_is_no_tag():
    assert fix("1 < 2 &amp;&amp; 3 > 2") == "1 < 2 && 3 > 2"


def test_decode_notes_the_document_and_keeps_earlier_notes():
    document = Document(
        doc_id="a", text="Jos&#233; said", source="s", title="Caf&#233;", meta={"notes": ("x",)}
    )
    decoded = decode(document)
    assert (decoded.text, decoded.title) == ("José said", "Café")
    assert decoded.meta == {"notes": ("x", NOTE)}
    clean = Document(doc_id="b", text="AT&T said", source="s")
    assert decode(clean) is clean


ESCAPED = "EC President Jos&#233; Manuel Barroso told the &quot;Council&quot;."
DECODED = 'EC President José Manuel Barroso told the "Council".'


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt", ESCAPED),
        ("a.md", ESCAPED),
        ("a.jsonl", json.dumps({"id": "a", "text": ESCAPED}) + "\n"),
        ("a.json", json.dumps([{"id": "a", "text": ESCAPED}])),
        ("a.csv", pd.DataFrame([{"id": "a", "text": ESCAPED}]).to_csv(index=False)),
    ],
)
def test_plain_text_readers_decode_references_and_say_so(write, read, name, content):
    [doc] = read(write(name, content))
    assert doc.text == DECODED
    assert doc.meta["notes"] == (NOTE,)


def test_stdin_and_parquet_are_decoded_too(tmp_path, read):
    [doc] = read("-", stdin=io.BytesIO(ESCAPED.encode()))
    assert (doc.text, doc.meta["notes"]) == (DECODED, (NOTE,))
    path = tmp_path / "a.parquet"
    pd.DataFrame([{"id": "a", "text": ESCAPED}]).to_parquet(path)
    [doc] = read(path)
    assert (doc.text, doc.meta["notes"]) == (DECODED, (NOTE,))


def test_html_is_left_to_trafilatura(write, read):
    """trafilatura decodes a page's references itself; the reader adds no pass or note."""
    page = "<html><body><article><p>Jos&#233; Barroso &amp; AT&amp;T.</p></article></body></html>"
    [doc] = read(write("a.html", page))
    assert "José Barroso & AT&T." in doc.text
    assert NOTE not in doc.meta.get("notes", ())


def test_records_without_references_are_unchanged(write, read):
    text = "AT&T and a stray & stay, <b>Jos&#233;</b> too"
    [doc] = read(write("a.jsonl", json.dumps({"id": "a", "text": text}) + "\n"))
    assert doc.text == text
    assert "notes" not in doc.meta


def test_references_and_mojibake_are_both_noted(write, read):
    [doc] = read(write("a.txt", "Jos&#233; paid Â£5m"))
    assert doc.text == "José paid £5m"
    assert doc.meta["notes"] == (NOTE, mojibake.NOTE)


@pytest.mark.skipif(not BBC.exists(), reason="shared BBC news data absent")
def test_bbc_news_references_are_decoded_only_where_they_are(read):
    docs = read(BBC)
    raw = pd.read_csv(BBC, dtype=str, keep_default_na=False)["text"]
    decoded = [doc for doc in docs if NOTE in doc.meta.get("notes", ())]
    assert len(docs) == len(raw)
    assert len(decoded) == sum("&#" in text or "&gt;" in text for text in raw) == 18
    assert not any("&#" in doc.text for doc in docs)
    assert any("José Manuel Barroso" in doc.text for doc in decoded)
