"""Whole runs into each database: a re-run changes nothing; a changed document is replaced."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline import Extractor
from pipeline.runner import run_extract

from .conftest import Fetch

Write = Callable[[str, str | bytes], Path]
SNAPSHOT = {
    "claims": "SELECT * FROM claims ORDER BY claim_id",
    "entities": "SELECT * FROM entities ORDER BY doc_id, char_start, char_end",
    "documents": "SELECT * FROM documents ORDER BY doc_id",
}


def snapshot(fetch: Fetch) -> dict[str, list[dict[str, Any]]]:
    return {table: fetch(sql) for table, sql in SNAPSHOT.items()}


def test_rerun_changes_nothing_and_a_changed_document_is_replaced(
    database: tuple[str, Fetch], write: Write, extractor: Extractor, tmp_path: Path
) -> None:
    out, fetch = database
    write("in/a.txt", "Exports rose 5% to $3.2 billion in 2023, the ministry said.\n")
    write("in/b.txt", "Sales fell 3% in 2022, the company said.\n")
    inputs = [str(tmp_path / "in")]
    assert run_extract(inputs, out=out, extractor=extractor).ok == 2
    first = snapshot(fetch)

    again = run_extract(inputs, out=out, extractor=extractor)
    assert (again.ok, again.skipped) == (0, 2)
    assert snapshot(fetch) == first  # not a row touched, processed_at included

    write("in/b.txt", "Sales fell 7% in 2022, the company said.\n")
    changed = run_extract(inputs, out=out, extractor=extractor)
    assert (changed.ok, changed.skipped) == (1, 1)
    after = snapshot(fetch)
    for table in SNAPSHOT:
        assert [r for r in after[table] if r["doc_id"] == "a.txt"] == [
            r for r in first[table] if r["doc_id"] == "a.txt"]
    values = {r["value"] for r in after["claims"] if r["doc_id"] == "b.txt"}
    assert 7.0 in values and 3.0 not in values
