"""Sample rows for the writer tests: every table of one document, in one call."""

from __future__ import annotations

import datetime as dt
from typing import Any

EVIL_ID = "it's; \"odd\" '; DROP TABLE claims; --"
PROCESSED = dt.datetime(2025, 3, 1, 12, 30, tzinfo=dt.UTC)


def doc_rows(doc_id: str, n_claims: int = 2, tag: str = "v1") -> dict[str, list[dict[str, Any]]]:
    """All four tables' rows for one document; ``tag`` marks which run wrote them."""
    claims = [
        {
            "claim_id": f"{doc_id}#{tag}#{i}",
            "doc_id": doc_id,
            "claim_type": "figure",
            "value": 8.54e12,
            "unit": "JPY",
            "sentence": f"Japan asked for 8.54 trillion yen ({tag}); \"quoted\", 'x'\nnext line",
            "sent_idx": i,
            "char_start": 10 * i,
            "char_end": 10 * i + 5,
            "confidence": 0.9,
            "extractor": f"test/{tag}",
        }
        for i in range(n_claims)
    ]
    entities = [
        {
            "entity_id": "japan",
            "doc_id": doc_id,
            "text": "Japan",
            "label": "GPE",
            "canonical": "Japan",
            "char_start": 0,
            "char_end": 5,
            "sent_idx": 0,
        }
    ]
    documents = [
        {
            "doc_id": doc_id,
            "content_sha256": f"sha-{doc_id}",
            "source": "corpus/a.jsonl",
            "title": "T",
            "n_chars": 100,
            "status": "ok",
            "pipeline_fingerprint": "fp1",
            "processed_at": PROCESSED.isoformat(),  # ISO string in, timestamp out
        }
    ]
    errors = [
        {
            "doc_id": doc_id,
            "source": "corpus/a.jsonl",
            "stage": "extract",
            "error_type": "Warn",
            "message": f"odd sentence ({tag})",
        }
    ]
    return {"claims": claims, "entities": entities, "documents": documents, "errors": errors}


def merge(*batches: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {t: [r for b in batches for r in b.get(t, [])] for t in batches[0]}
