"""Integrity checks for the project's own evaluation corpus (corpus/articles + corpus/gold).

These tests check the gold data itself, not the pipeline: every file parses, every offset
round-trips into its article, every value is from the allowed vocabulary, and every digit in
an article is accounted for either as a figure or as a listed non-figure.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
ARTICLES = CORPUS / "articles"
GOLD = CORPUS / "gold"
MANIFEST = CORPUS / "manifest.json"

GOLD_FILES = sorted(GOLD.glob("*.json"))
ARTICLE_FILES = sorted(ARTICLES.glob("*.txt"))

TOP_KEYS = {"doc_id", "published_at", "entities", "figures", "stances", "not_figures"}
ENTITY_KEYS = {"canonical", "label", "aliases"}
FIGURE_KEYS = {
    "value_text",
    "char_start",
    "char_end",
    "value",
    "unit",
    "modifier",
    "time",
    "subject",
    "predicate",
    "target",
    "conversion_of",
}
STANCE_KEYS = {
    "source",
    "source_text",
    "source_start",
    "source_end",
    "cue",
    "cue_start",
    "cue_end",
    "content",
    "content_start",
    "content_end",
    "target",
    "stance",
    "quote",
}
LABELS = {"PERSON", "ORG", "GPE", "NORP"}
MODIFIERS = {"=", "~", ">", "<", ">=", "<=", "up", "down"}
STANCE_VALUES = {"support", "oppose", "neutral"}
# ISO 4217 codes that may appear; extend when an article uses a new currency.
CURRENCIES = {
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "INR",
    "KRW",
    "TWD",
    "PHP",
    "NGN",
    "CHF",
    "AUD",
    "CAD",
    "SGD",
    "HKD",
    "BRL",
    "VND",
    "THB",
    "IDR",
    "MYR",
    "PLN",
    "SEK",
    "NOK",
    "DKK",
    "ZAR",
    "EGP",
}
# A physical unit or counted noun: words, singular (no trailing plural "s").
NOUN_UNIT = re.compile(r"^[A-Za-z][A-Za-z\- ]*[a-z]$")
SINGULAR_EXCEPTIONS = {"celsius"}
TIME = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?|-Q[1-4]|-H[12]|/\d{2})?|FY\d{4})$")
QUOTE_MARKS = "\"'“”‘’"

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
WORD_NUMBERS = {
    "half": 0.5,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def article_text(gold: dict) -> str:
    return (ARTICLES / gold["doc_id"]).read_text(encoding="utf-8")


def parse_amount(value_text: str) -> float | None:
    """Number in a figure's surface text with its scale word applied ("€1.2bn" -> 1.2e9)."""
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)(?:\s*|-)([A-Za-z]+)?", value_text)
    if m:
        number = float(m.group(1).replace(",", ""))
        scale = (m.group(2) or "").lower()
        return number * SCALES.get(scale, 1.0)
    first = value_text.split()[0].lower()
    return WORD_NUMBERS.get(first)


@pytest.fixture(scope="module", params=GOLD_FILES, ids=lambda p: p.stem)
def gold(request) -> dict:
    return load(request.param)


def test_corpus_size_and_pairing():
    assert len(ARTICLE_FILES) >= 12
    assert {p.stem for p in GOLD_FILES} == {p.stem for p in ARTICLE_FILES}


def test_manifest_lists_every_article_and_several_topics():
    manifest = load(MANIFEST)
    assert sorted(e["doc_id"] for e in manifest) == sorted(p.name for p in ARTICLE_FILES)
    topics = {e["topic"] for e in manifest}
    assert len(topics) >= 8, topics
    for entry in manifest:
        text = (ARTICLES / entry["doc_id"]).read_text(encoding="utf-8")
        assert text.split("\n", 1)[0] == entry["title"]


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem)
def test_article_layout(path: Path):
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.split("\n") if ln.strip()]
    assert len(lines) >= 6, "title line plus paragraphs"
    assert 350 <= len(text.split()) <= 700
    assert "\r" not in text


def test_top_level_shape(gold):
    assert set(gold) == TOP_KEYS
    assert (ARTICLES / gold["doc_id"]).is_file()
    date.fromisoformat(gold["published_at"])
    assert gold["entities"] and gold["figures"] and gold["stances"]


def test_entities(gold):
    text = article_text(gold)
    canonicals = [e["canonical"] for e in gold["entities"]]
    assert len(canonicals) == len(set(canonicals))
    seen_aliases: set[str] = set()
    for ent in gold["entities"]:
        assert set(ent) == ENTITY_KEYS
        assert ent["label"] in LABELS
        assert ent["aliases"], ent
        for alias in ent["aliases"]:
            assert alias in text, (ent["canonical"], alias)
            assert not alias.endswith(("'s", "’s")), alias
            assert alias not in seen_aliases, alias
            seen_aliases.add(alias)


def test_figures(gold):
    text = article_text(gold)
    value_texts = [f["value_text"] for f in gold["figures"]]
    spans = set()
    for fig in gold["figures"]:
        assert set(fig) == FIGURE_KEYS
        s, e = fig["char_start"], fig["char_end"]
        assert 0 <= s < e <= len(text)
        assert text[s:e] == fig["value_text"], fig
        assert (s, e) not in spans, "duplicate figure span"
        spans.add((s, e))
        assert isinstance(fig["value"], float)
        unit = fig["unit"]
        if unit in CURRENCIES or unit in {"%", "pp"}:
            pass
        else:
            assert re.fullmatch(r"[A-Z]{3}", unit) is None, f"unknown currency {unit}"
            assert NOUN_UNIT.match(unit), unit
            last = unit.split()[-1]
            assert not last.endswith("s") or last.lower() in SINGULAR_EXCEPTIONS, (
                f"plural unit {unit}"
            )
        assert fig["modifier"] in MODIFIERS
        assert fig["time"] is None or TIME.match(fig["time"]), fig["time"]
        amount = parse_amount(fig["value_text"])
        assert amount is not None, fig["value_text"]
        assert amount == pytest.approx(fig["value"], rel=1e-9), fig["value_text"]
        if fig["conversion_of"] is not None:
            assert fig["conversion_of"] in value_texts
            assert fig["conversion_of"] != fig["value_text"]
            assert unit in CURRENCIES


def test_stances(gold):
    text = article_text(gold)
    for st in gold["stances"]:
        assert set(st) == STANCE_KEYS
        for part in ("source", "cue", "content"):
            key = "source_text" if part == "source" else part
            s, e = st[f"{part}_start"], st[f"{part}_end"]
            assert 0 <= s < e <= len(text)
            assert text[s:e] == st[key], (part, st)
        assert st["source"].strip() and st["target"].strip()
        assert st["stance"] in STANCE_VALUES
        content = st["content"]
        # Indirect speech is stored without its complementiser ("said that X" -> "X").
        assert not content.startswith("that "), content
        quote = st["quote"]
        if quote is not None:
            assert quote in content
            assert quote[0] not in QUOTE_MARKS and quote[-1] not in QUOTE_MARKS, quote
        if quote == content:
            # A direct quotation: the content is the quoted text without its marks.
            assert text[st["content_start"] - 1] in QUOTE_MARKS, content


def test_every_digit_is_accounted_for(gold):
    """Each digit run is inside a gold figure or inside a listed non-figure string."""
    text = article_text(gold)
    covered = [False] * len(text)
    for fig in gold["figures"]:
        for i in range(fig["char_start"], fig["char_end"]):
            covered[i] = True
    for nf in gold["not_figures"]:
        assert nf in text, nf
        for m in re.finditer(re.escape(nf), text):
            for i in range(m.start(), m.end()):
                covered[i] = True
    for m in re.finditer(r"\d+(?:[.,:]\d+)*", text):
        assert all(covered[m.start() : m.end()]), (m.group(), text[m.start() - 30 : m.end() + 30])


def test_no_figure_hidden_inside_a_non_figure(gold):
    text = article_text(gold)
    nf_spans = [
        (m.start(), m.end()) for nf in gold["not_figures"] for m in re.finditer(re.escape(nf), text)
    ]
    for fig in gold["figures"]:
        s, e = fig["char_start"], fig["char_end"]
        assert not any(a <= s and e <= b for a, b in nf_spans), fig["value_text"]
