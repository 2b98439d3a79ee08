"""A small hand-made output for the report tests: two articles whose spans nest and
cross the way real ones do, and text hostile to HTML."""

from __future__ import annotations

from typing import Any

from pipeline.schema import TABLES

HOSTILE = '<script>document.body.dataset.pwned = "1"</script><img src=x onerror="alert(1)"> & "q"'
TEXTS = {
    "a.txt": ("Budget Talks\n"
              'Finance Minister Taro Aso said the plan would cost 8.54 trillion yen in 2025.\n'
              "Exports rose 5% in 2023, officials said.\n"),
    "odd/<b>.txt": f"Headline {HOSTILE}\nThe union said {HOSTILE} was wrong.\n",
}


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def claim(doc_id: str, claim_id: str, claim_type: str, **fields: Any) -> dict[str, Any]:
    row = {"claim_id": claim_id, "doc_id": doc_id, "claim_type": claim_type,
           "sentence": "s", "sent_idx": 0, "char_start": 0, "char_end": 1,
           "confidence": 0.9, "extractor": "test"}
    for role, key in (("subject", "subject"), ("predicate", "predicate"),
                      ("content", "content")):
        if f"{role}_span" in fields:
            row[f"{key}_start"], row[f"{key}_end"] = fields.pop(f"{role}_span")
    return {**row, **fields}


def entity(doc_id: str, text: str, part: str, label: str, canonical: str,
           after: int = 0) -> dict[str, Any]:
    start, end = span(text, part, after)
    return {"entity_id": f"E-{canonical}", "doc_id": doc_id, "text": part, "label": label,
            "canonical": canonical, "char_start": start, "char_end": end, "sent_idx": 0}


def rows(store_text: bool = True) -> dict[str, list[dict[str, Any]]]:
    """All four tables: a.txt (a statement whose content holds a figure, a source holding
    an entity) and a hostile document, plus one errors row without a document."""
    a, odd = TEXTS["a.txt"], TEXTS["odd/<b>.txt"]
    claims = [
        claim("a.txt", "c-aso", "stance", subject="Taro Aso", predicate="say",
              target="the plan", target_entity_id=None, stance="oppose",
              content="the plan would cost 8.54 trillion yen in 2025",
              subject_span=span(a, "Finance Minister Taro Aso"), predicate_span=span(a, "said"),
              content_span=span(a, "the plan would cost 8.54 trillion yen in 2025")),
        claim("a.txt", "c-yen", "figure", value=8.54e12, unit="JPY", value_text="8.54 trillion yen",
              time="2025", content="8.54 trillion yen", content_span=span(a, "8.54 trillion yen")),
        claim("a.txt", "c-exports", "figure", value=5.0, unit="%", modifier="up", time="2023",
              content="5%", content_span=span(a, "5%")),
        claim("a.txt", "c-officials", "stance", subject="officials", predicate="say",
              target="Exports", stance="neutral", content="Exports rose 5% in 2023",
              subject_span=span(a, "officials"), predicate_span=span(a, "said", 60),
              content_span=span(a, "Exports rose 5% in 2023")),
        claim("odd/<b>.txt", "c-union", "stance", subject="The <union>", predicate="say",
              target=HOSTILE, stance="support", content=HOSTILE,
              subject_span=span(odd, "The union"), predicate_span=span(odd, "said"),
              content_span=span(odd, HOSTILE, 20)),
    ]
    entities = [
        entity("a.txt", a, "Taro Aso", "PERSON", "Taro Aso"),
        entity("a.txt", a, "Finance", "ORG", "Finance Ministry"),
        entity("odd/<b>.txt", odd, "union", "ORG", "The <Union> & Co"),
    ]
    documents = [
        {"doc_id": doc_id, "content_sha256": f"sha-{i}", "source": f"in/{doc_id}",
         "title": text.splitlines()[0], "n_chars": len(text), "status": "ok",
         "pipeline_fingerprint": "fp", "processed_at": "2025-03-01T12:00:00+00:00",
         "text": text if store_text else None}
        for i, (doc_id, text) in enumerate(TEXTS.items())
    ]
    errors = [{"doc_id": None, "source": "in/bad.jsonl", "line": 3, "stage": "read",
               "error_type": "JSONDecodeError", "message": "Expecting value <here>"}]
    return {"claims": claims, "entities": entities, "documents": documents, "errors": errors}


def frames(store_text: bool = True) -> dict[str, Any]:
    """The rows as DataFrames with every schema column (what a reader gives)."""
    import pandas as pd

    return {t: pd.DataFrame(r, columns=[c.name for c in TABLES[t]])
            for t, r in rows(store_text).items()}
