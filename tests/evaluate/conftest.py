"""Tiny synthetic gold sets and fake extractors for the evaluation tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

TEXT = (
    "Japan's Defense Ministry requested 8.54 trillion yen for fiscal 2025, up about 2%. "
    'Prime Minister Shigeru Ishiba said the plan was "premature". Ishiba\'s aide agreed.'
)


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def gold_record() -> dict[str, Any]:
    """Gold for TEXT in the corpus format; offsets computed, so they are right."""
    yen, pct = _span(TEXT, "8.54 trillion yen"), _span(TEXT, "about 2%")
    src, cue, content = _span(TEXT, "Shigeru Ishiba"), _span(TEXT, "said"), _span(
        TEXT, 'the plan was "premature"'
    )
    figure = dict.fromkeys(["subject", "predicate", "conversion_of"])
    return {
        "doc_id": "a1.txt",
        "published_at": "2024-08-30",
        "entities": [
            {"canonical": "Shigeru Ishiba", "label": "PERSON", "aliases": ["Ishiba"]},
            {"canonical": "Japan", "label": "GPE", "aliases": ["Japan"]},
        ],
        "figures": [
            {**figure, "value_text": "8.54 trillion yen", "char_start": yen[0],
             "char_end": yen[1], "value": 8.54e12, "unit": "JPY", "modifier": "=",
             "time": "FY2025", "target": "defense budget request"},
            {**figure, "value_text": "about 2%", "char_start": pct[0], "char_end": pct[1],
             "value": 2.0, "unit": "%", "modifier": "~", "time": "2025",
             "target": "budget increase"},
        ],
        "not_figures": [{"value_text": "2025", "char_start": TEXT.index("2025"),
                         "char_end": TEXT.index("2025") + 4}],
        "stances": [
            {"source": "Shigeru Ishiba", "source_text": "Shigeru Ishiba",
             "source_start": src[0], "source_end": src[1], "cue": "say",
             "cue_start": cue[0], "cue_end": cue[1], "content": TEXT[content[0]:content[1]],
             "content_start": content[0], "content_end": content[1], "target": "the plan",
             "stance": "oppose", "quote": "premature"},
        ],
    }


def write_corpus(root: Path, record: dict[str, Any], text: str = TEXT) -> Path:
    (root / "gold").mkdir(parents=True)
    (root / "articles").mkdir()
    (root / "gold" / "a1.json").write_text(json.dumps(record), encoding="utf-8")
    (root / "articles" / record["doc_id"]).write_text(text, encoding="utf-8")
    return root


def oracle_tables(record: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """The tables a perfect extractor would return for a gold record."""
    claims = [
        {"claim_type": "figure", "content_start": f["char_start"], "content_end": f["char_end"],
         "value": f["value"], "unit": f["unit"], "modifier": f["modifier"], "time": f["time"],
         "target": f["target"]}
        for f in record["figures"]
    ] + [
        {"claim_type": "stance", "subject": s["source"], "subject_start": s["source_start"],
         "subject_end": s["source_end"], "predicate_start": s["cue_start"],
         "predicate_end": s["cue_end"], "content_start": s["content_start"],
         "content_end": s["content_end"], "target": s["target"], "stance": s["stance"]}
        for s in record["stances"]
    ]
    entities = [
        {"text": m, "canonical": e["canonical"], "label": e["label"],
         "char_start": TEXT.index(m), "char_end": TEXT.index(m) + len(m)}
        for e, m in (
            (record["entities"][1], "Japan"),
            (record["entities"][0], "Shigeru Ishiba"),
            (record["entities"][0], "Ishiba's"),
        )
    ]
    entities[2]["char_start"] = TEXT.index("Ishiba's")
    entities[2]["char_end"] = entities[2]["char_start"] + len("Ishiba's")
    return {"claims": pd.DataFrame(claims), "entities": pd.DataFrame(entities)}


Tables = dict[str, pd.DataFrame]
ExtractFn = Callable[[str, str, str | None], Tables]


def fixed_extractor(tables: Tables | Callable[[str], Tables]) -> ExtractFn:
    """An ExtractFn returning given tables (or tables built from the doc_id)."""

    def extract(text: str, doc_id: str, published_at: str | None) -> Tables:
        return tables(doc_id) if callable(tables) else tables

    return extract


@pytest.fixture
def text() -> str:
    return TEXT


@pytest.fixture
def record() -> dict[str, Any]:
    return gold_record()


@pytest.fixture
def corpus(tmp_path: Path, record: dict[str, Any]) -> Path:
    return write_corpus(tmp_path / "corpus", record)


@pytest.fixture
def corpus_writer() -> Callable[..., Path]:
    """write_corpus(root, record, text=TEXT) for tests that need a broken corpus."""
    return write_corpus


@pytest.fixture
def oracle(record: dict[str, Any]) -> Tables:
    return oracle_tables(record)


def failing_extractor(text: str, doc_id: str, published_at: str | None) -> Tables:
    raise RuntimeError("model exploded")


@pytest.fixture
def failing() -> ExtractFn:
    return failing_extractor


@pytest.fixture
def extractor() -> Callable[[Tables | Callable[[str], Tables]], ExtractFn]:
    return fixed_extractor


SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """The read-only benchmark folder next to the repo; tests using it skip without it."""
    if not SHARED_DATA.is_dir():
        pytest.skip("shared benchmark data not available")
    return SHARED_DATA
