"""Integrity checks for the gold figure cases (corpus/figures/cases.jsonl).

They check the gold data itself, not the pipeline: every line parses, ids are unique,
offsets round-trip, values come from the allowed vocabularies, and the file is big and
varied enough (cases, empty cases, domains) to be worth scoring.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

CASES_FILE = Path(__file__).resolve().parents[2] / "corpus" / "figures" / "cases.jsonl"
CASE_KEYS = {"id", "domain", "text", "published_at", "figures", "note"}
FIGURE_KEYS = {"value_text", "char_start", "char_end", "value", "unit", "modifier", "time"}
MODIFIERS = {"=", "~", ">", "<", ">=", "<=", "up", "down"}
CURRENCIES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "KRW", "TWD", "HKD", "CAD", "AUD", "SGD",
    "BRL", "CHF", "ZAR", "PHP", "NGN",
}
# a physical unit or counted noun: singular words (digits and hyphens allowed: "F-35 per year")
NOUN_UNIT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\- ]*[A-Za-z0-9]$|^[A-Za-z]$")
PLURAL_OK = {"celsius", "staff", "bus"}
TIME = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?|-Q[1-4]|-H[12]|/\d{2})?|FY\d{4})$")


def _load() -> list[dict]:
    lines = CASES_FILE.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CASES = _load()


def test_size_empty_cases_and_domains() -> None:
    assert len(CASES) >= 150
    assert sum(1 for c in CASES if not c["figures"]) >= 25
    assert len({c["domain"] for c in CASES}) >= 6
    assert sum(len(c["figures"]) for c in CASES) >= 250


def test_ids_are_unique() -> None:
    dupes = [i for i, n in Counter(c["id"] for c in CASES).items() if n > 1]
    assert not dupes


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_case(case: dict) -> None:
    assert set(case) == CASE_KEYS
    assert isinstance(case["text"], str) and case["text"].strip()
    assert isinstance(case["note"], str) and case["note"].strip()
    if case["published_at"] is not None:
        date.fromisoformat(case["published_at"])
    text = case["text"]
    spans = []
    for fig in case["figures"]:
        assert set(fig) == FIGURE_KEYS
        start, end = fig["char_start"], fig["char_end"]
        assert 0 <= start < end <= len(text)
        assert text[start:end] == fig["value_text"]
        assert all(not (a < end and start < b) for a, b in spans), "figures overlap"
        spans.append((start, end))
        assert isinstance(fig["value"], float) and math.isfinite(fig["value"])
        assert fig["modifier"] in MODIFIERS
        unit = fig["unit"]
        if unit not in ("%", "pp") and unit not in CURRENCIES:
            assert NOUN_UNIT.match(unit), unit
            last = unit.split()[-1].lower()
            assert not last.endswith("s") or last in PLURAL_OK, f"plural unit {unit!r}"
        assert fig["time"] is None or TIME.match(fig["time"]), fig["time"]


def test_every_rule_family_is_exercised() -> None:
    figures = [f for c in CASES for f in c["figures"]]
    modifiers = Counter(f["modifier"] for f in figures)
    assert all(modifiers[m] >= 3 for m in MODIFIERS), modifiers
    units = {f["unit"] for f in figures}
    assert {"USD", "EUR", "GBP", "JPY", "CNY", "INR", "CAD", "AUD", "HKD", "%", "pp"} <= units
    assert any(f["value"] < 0 for f in figures)
    times = {f["time"] for f in figures if f["time"]}
    assert any(t.startswith("FY") for t in times) and any("-Q" in t for t in times)
    texts = " ".join(c["text"] for c in CASES)
    for form in ("US$", "U$", "C$", "A$", "HK$", "¥", "€", "£", "₹", "Rs ", " yen", " euros",
                 "USD34.6", "lakh", "crore", "bn", "tn", "mn", "per cent", "percentage point"):
        assert form in texts, form
