import io
import json
import os
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.readers import html_entities
from pipeline.readers.mojibake import NOTE, fix, repair
from pipeline.records import Document

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
BBC = Path(os.environ.get("NEWSCLAIMS_DATA") or SHARED_DATA) / "bbc-news" / "train.csv"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("It cost Â£5m and â‚¬3m.", "It cost £5m and €3m."),  # the BBC csv's noise
        ("He said: â€œIt isnâ€™t over.â€\x9d", "He said: “It isn’t over.”"),
        ("The cafÃ© in ZÃ¼rich", "The café in Zürich"),
        ("Ã\x83Â©tÃ\x83Â© twice", "été twice"),  # mojibake of mojibake
        ("line one Â£1\r\nline two â€” end", "line one £1\r\nline two — end"),  # CRLF kept
    ],
)
def test_mojibake_is_repaired(broken, fixed):
    assert fix(broken) == fixed


@pytest.mark.parametrize(
    "good",
    [
        "“Curly quotes” and ‘single’ stay curly — with dashes…",
        "Ligatures ﬁnd and ﬂow, full-width ＡＢＣ１２３, stay as written",
        "Combining marks stay decomposed: cafe\u0301 and n\u0303",
        "Deutsch: Größe, Übermaß. Français: déjà vu, naïve, Noël. Español: año, señor.",
        "Русский текст, Ελληνικά, עברית, العربية, 日本語のテキスト, 한국어, emoji 😀👍🏽",
        "Prices: £5, €10, ¥300, ±2°C, ½ cup, © 2025, ® and ™, µg, § 3, ¶",
        "Names with marks: Ã is a letter in Portuguese names like João and ÃO at the end",
        "CRLF\r\nand lone CR\rand tabs\tand NUL\x00 and control \x07 stay",
        "lone surrogate \ud800 does not crash",
        "plain ASCII with &amp; entities and \x1b[31m escapes stays",
    ],
)
def test_good_text_is_left_exactly_as_written(good):
    assert fix(good) == good


def test_repair_notes_the_document_and_keeps_earlier_notes():
    document = Document(
        doc_id="a", text="Costs Â£5m", source="s", title="Itâ€™s", meta={"notes": ("x",)}
    )
    repaired = repair(document)
    assert (repaired.text, repaired.title) == ("Costs £5m", "It’s")
    assert repaired.meta == {"notes": ("x", NOTE)}
    clean = Document(doc_id="b", text="Costs £5m", source="s")
    assert repair(clean) is clean


MOJIBAKE = "Profits rose to Â£5m, itâ€™s said."
REPAIRED = "Profits rose to £5m, it’s said."


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt", MOJIBAKE),
        ("a.md", MOJIBAKE),
        ("a.html", f"<html><body><article><p>{MOJIBAKE}</p></article></body></html>"),
        ("a.jsonl", json.dumps({"id": "a", "text": MOJIBAKE}) + "\n"),
        ("a.json", json.dumps([{"id": "a", "text": MOJIBAKE}])),
        ("a.csv", pd.DataFrame([{"id": "a", "text": MOJIBAKE}]).to_csv(index=False)),
    ],
)
def test_every_reader_repairs_mojibake_and_says_so(write, read, name, content):
    [doc] = read(write(name, content))
    assert doc.text == REPAIRED
    assert doc.meta["notes"] == (NOTE,)


def test_stdin_and_parquet_are_repaired_too(tmp_path, read):
    [doc] = read("-", stdin=io.BytesIO(MOJIBAKE.encode()))
    assert (doc.text, doc.meta["notes"]) == (REPAIRED, (NOTE,))
    path = tmp_path / "a.parquet"
    pd.DataFrame([{"id": "a", "text": MOJIBAKE}]).to_parquet(path)
    [doc] = read(path)
    assert (doc.text, doc.meta["notes"]) == (REPAIRED, (NOTE,))


def test_invalid_bytes_and_mojibake_are_both_noted(write, read):
    [doc] = read(write("a.txt", MOJIBAKE.encode() + b" caf\xe9"))
    assert doc.text == REPAIRED + " caf\ufffd"
    assert doc.meta["notes"] == ("invalid UTF-8 replaced", NOTE)


@pytest.mark.skipif(not BBC.exists(), reason="shared BBC news data absent")
def test_bbc_news_mojibake_is_repaired_fast_and_only_where_it_is(read):
    started = time.perf_counter()
    docs = read(BBC)
    seconds = time.perf_counter() - started
    raw = pd.read_csv(BBC, dtype=str, keep_default_na=False)["text"]
    repaired = [doc for doc in docs if NOTE in doc.meta.get("notes", ())]
    broken = [text for text in raw if "Â" in text or "â€" in text]
    assert len(docs) == len(raw)
    assert len(repaired) == len(broken) > 300  # about a quarter of 1,557 articles
    assert not any("Â" in doc.text or "â€" in doc.text for doc in docs)
    pairs = zip(docs, raw, strict=True)
    # the rest as written, but for HTML character references (test_html_entities)
    assert all(doc.text == html_entities.fix(text) for doc, text in pairs if doc not in repaired)
    assert seconds < 30  # ~3 s here: a generous bound, as a regression guard
