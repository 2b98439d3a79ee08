"""Integrity checks for the real-news figure gold (corpus/figures/realnews/*.jsonl).

The format is checked without the shared data; that every reference resolves to the
sentence that was annotated (sha1) needs ../shared/data (or $NEWSCLAIMS_DATA) and skips
without it.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.evaluate.realnews import load_realnews

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "corpus" / "figures" / "realnews"
FILES = sorted(GOLD_DIR.glob("*.jsonl"))
SHARED = Path(os.environ.get("NEWSCLAIMS_DATA") or REPO.parent / "shared" / "data")

KEYS = {"id", "file", "record", "start", "end", "sha1", "domain", "figures"}
FIGURE_KEYS = {"char_start", "char_end", "value", "unit", "modifier"}
MODIFIERS = {"=", "~", ">", "<", ">=", "<=", "up", "down"}
CURRENCIES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "KRW", "TWD", "HKD", "CAD", "AUD", "SGD",
    "BRL", "CHF", "ZAR", "PHP", "NGN", "COP", "RUB", "MXN", "SEK", "NOK", "DKK", "PLN",
    "TRY", "ILS", "NZD", "ARS", "IDR", "THB", "MYR", "PKR", "EGP", "SAR", "AED", "KES",
    "XAF",
}
# a physical unit or counted noun: singular words (digits and hyphens allowed)
NOUN_UNIT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\- ]*[A-Za-z0-9]$|^[A-Za-z]$")
PLURAL_OK = {"celsius", "staff", "bus", "virus", "series", "news", "business", "boss", "witness"}
ACRONYM_NOUNS = {"PDA"}
"""Counted nouns written as three capitals, which are not currency codes."""
BBC_DOMAINS = {"business", "entertainment", "politics", "sport", "tech"}


def _records(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return [json.loads(line) for line in lines if line.strip()]


RECORDS = [(path.name, r) for path in FILES for r in _records(path)]


def test_the_gold_files_are_there() -> None:
    assert "bbc.jsonl" in [p.name for p in FILES]


def test_ids_are_unique_across_files() -> None:
    dupes = [i for i, n in Counter(r["id"] for _, r in RECORDS).items() if n > 1]
    assert not dupes


def _dev_ids_in_check_articles(article: Callable[[dict], tuple]) -> list[str]:
    """The ids of dev sentences that are check sentences or share an ``article`` key with
    one; only dev ids are named, so a new set can be redrawn without opening the check."""
    held = [r for name, r in RECORDS if name == "check.jsonl"]
    articles = {article(r) for r in held}
    texts = {r["sha1"] for r in held}
    return [r["id"] for name, r in RECORDS if name != "check.jsonl" and (
        article(r) in articles or r["sha1"] in texts)]


def _article(record: dict) -> tuple:
    """The article a gold sentence is from: a BBC row, a PolNeAR file, a SEESAW file (whose
    ``record`` is a sentence of it)."""
    seesaw = record["file"].endswith(".json")
    return record["file"], None if seesaw else record["record"]


def test_the_held_out_check_shares_no_article_with_the_dev_gold() -> None:
    """Rules tuned on a sentence of an article the check draws from have seen the check
    (fresh4 drew 42 such sentences, whose check sentences were removed; 30 SEESAW dev
    sentences of fresh4 to fresh10, found when SEESAW articles were first compared by file,
    were dropped from the dev files in round 17)."""
    seen = _dev_ids_in_check_articles(_article)
    assert not seen, f"{len(seen)} dev sentences in check articles: {' '.join(seen)}"


ALL_SOURCES = frozenset({"bbc-news", "polnear", "seesaw"})
TRAIN = frozenset({"train"})
DEV = frozenset({"dev", "valid"})
SEESAW_META = SHARED / "seesaw" / "meta"


def _split(file: str) -> str | None:
    """The split a referenced article belongs to: BBC and PolNeAR by path, SEESAW by the
    ``Split`` of its story's meta file (the path does not say it); ``None`` for SEESAW
    without the shared data."""
    if file.startswith("bbc-news/"):
        return Path(file).stem
    if file.startswith("polnear/"):
        return file.split("/")[1]
    story = Path(file).stem.split("_DOCUMENT_")[0]
    meta = SEESAW_META / f"{story}.json"
    return json.loads(meta.read_text(encoding="utf-8"))["Split"] if meta.is_file() else None


@pytest.mark.parametrize(("name", "with_figures", "sources", "splits"), [
    ("fresh5.jsonl", 100, ALL_SOURCES, TRAIN), ("fresh6.jsonl", 116, ALL_SOURCES, TRAIN),
    ("fresh8.jsonl", 100, ALL_SOURCES, TRAIN),
    ("fresh9.jsonl", 100, frozenset({"bbc-news", "polnear"}), TRAIN),
    ("fresh10.jsonl", 100, frozenset({"bbc-news", "polnear"}), TRAIN),
    ("fresh11.jsonl", 100, frozenset({"bbc-news", "polnear"}), TRAIN),
    ("fresh12.jsonl", 100, frozenset({"polnear", "seesaw"}), DEV),
    ("fresh13.jsonl", 100, frozenset({"polnear", "seesaw"}), DEV),
    ("fresh14.jsonl", 100, frozenset({"polnear", "seesaw"}), DEV)])
def test_the_out_of_sample_sets_are_there_and_big_enough(
        name: str, with_figures: int, sources: frozenset[str], splits: str) -> None:
    """fresh5, fresh6, fresh8 to fresh14 are the out-of-sample sets of rounds 5, 6, 8 to 14:
    at least 150 sentences and 150 figures (round 6 asked for 120 sentences with a figure).
    Rounds 5 to 11 drew from BBC, PolNeAR and SEESAW train only (by round 11 no unused
    SEESAW train article had a number left, so fresh11 has none); with no unused train
    article left, fresh12 to fresh14 draw from PolNeAR dev and SEESAW valid. Never BBC val
    (the audit set) nor a test split. The SEESAW sentences of the check's articles went in
    round 17 (fresh6 had 120 sentences with a figure; fresh9 and fresh10 had SEESAW's)."""
    fresh = [r for file, r in RECORDS if file == name]
    assert len(fresh) >= 150 and sum(len(r["figures"]) for r in fresh) >= 150
    assert sum(1 for r in fresh if r["figures"]) >= with_figures
    assert {r["file"].split("/")[0] for r in fresh} == sources
    assert all(_split(r["file"]) in splits | {None} for r in fresh)


def test_bbc_size_and_balance() -> None:
    bbc = [r for name, r in RECORDS if name == "bbc.jsonl"]
    domains = Counter(r["domain"] for r in bbc)
    assert set(domains) == BBC_DOMAINS
    assert min(domains.values()) >= 0.8 * max(domains.values())
    assert len(bbc) >= 250 and sum(len(r["figures"]) for r in bbc) >= 360
    assert sum(1 for r in bbc if not r["figures"]) >= 50
    assert {r["file"] for r in bbc} == {"bbc-news/train.csv", "bbc-news/val.csv"}


@pytest.mark.parametrize(("name", "record"), RECORDS, ids=[r["id"] for _, r in RECORDS])
def test_record_format(name: str, record: dict) -> None:
    assert KEYS <= set(record) <= KEYS | {"note"}
    assert isinstance(record["id"], str) and isinstance(record["domain"], str)
    assert not Path(record["file"]).is_absolute() and ".." not in Path(record["file"]).parts
    assert record["file"].endswith((".csv", ".txt", ".json"))
    assert (record["record"] is None) == record["file"].endswith(".txt")
    assert re.fullmatch(r"[0-9a-f]{40}", record["sha1"])
    assert 0 <= record["start"] < record["end"]
    if name == "bbc.jsonl":
        split = record["file"].removeprefix("bbc-news/").removesuffix(".csv")
        assert re.fullmatch(rf"bbc-{split}-{record['record']:04d}-s\d+", record["id"])
        assert record["domain"] in BBC_DOMAINS
    if "note" in record:
        assert isinstance(record["note"], str) and 0 < len(record["note"]) <= 200
    previous_end = 0
    for fig in record["figures"]:
        assert set(fig) == FIGURE_KEYS
        assert previous_end <= fig["char_start"] < fig["char_end"], "figures overlap or unsorted"
        assert fig["char_end"] <= record["end"] - record["start"]
        previous_end = fig["char_end"]
        assert isinstance(fig["value"], float) and math.isfinite(fig["value"])
        assert fig["modifier"] in MODIFIERS
        unit = fig["unit"]
        if re.fullmatch(r"[A-Z]{3}", unit) and unit not in ACRONYM_NOUNS:
            assert unit in CURRENCIES
        elif unit not in ("%", "pp"):
            assert NOUN_UNIT.match(unit), unit
            last = unit.split()[-1].lower()
            assert not last.endswith("s") or last in PLURAL_OK, f"plural unit {unit!r}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_reference_resolves_to_the_annotated_sentence(path: Path) -> None:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not available at {SHARED} (set NEWSCLAIMS_DATA)")
    gold = load_realnews(path, SHARED)  # checks files, records, spans and sha1
    records = _records(path)
    assert [d.doc_id for d in gold.docs] == [r["id"] for r in records]
    for doc, record in zip(gold.docs, records, strict=True):
        assert len(doc.text) == record["end"] - record["start"]
        assert doc.text == doc.text.strip(), "a sentence starts or ends with white space"
        for fig in doc.gold.figures:
            surface = doc.text[fig.span.start:fig.span.end]
            assert surface == surface.strip() and any(c.isalnum() for c in surface)
