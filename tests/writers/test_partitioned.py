"""Partitioned folder output: one file per table and input shard, deterministic names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from pipeline.errors import BadOutput
from pipeline.writers import FILE_FORMATS, open_sink
from pipeline.writers.partitioned import MAX_NAME, shard_name

from .sample import doc_rows, merge


def from_shard(doc_id: str, source: str, **kwargs: Any) -> dict[str, list[dict[str, Any]]]:
    rows = doc_rows(doc_id, **kwargs)
    for table in ("documents", "errors"):
        for row in rows[table]:
            row["source"] = source
    return rows


@pytest.mark.parametrize(("source", "expected"), [
    ("corpus/2024/part-0.jsonl", "corpus__2024__part-0.jsonl"),
    ("/abs/data/cc news.jsonl.gz", "abs__data__cc_news.jsonl.gz"),
    ("../shared/x.parquet", "shared__x.parquet"),
    ("corpus/articles/a.txt", "corpus__articles"),  # one-article files: their folder
    ("corpus/articles/b.html", "corpus__articles"),
    ("a.txt", "root"),
    ("<stdin>", "stdin"),
    (None, "stdin"),
])
def test_shard_names_are_deterministic_and_safe(source: str | None, expected: str) -> None:
    assert shard_name(source) == expected


def test_long_shard_names_stay_short_and_distinct() -> None:
    a, b = shard_name("d/" + "x" * 300 + "a.jsonl"), shard_name("d/" + "x" * 300 + "b.jsonl")
    assert len(a) <= MAX_NAME and len(b) <= MAX_NAME and a != b


@pytest.mark.parametrize("fmt", list(FILE_FORMATS))
def test_one_file_per_shard_and_table(tmp_path: Path, fmt: str) -> None:
    with open_sink(tmp_path, fmt, partitioned=True) as sink:
        sink.write(merge(from_shard("a1", "in/a.jsonl"), from_shard("a2", "in/a.jsonl")))
        sink.write(from_shard("b1", "in/b.jsonl"))
    for table in ("claims", "entities", "documents", "errors"):
        names = sorted(p.name for p in (tmp_path / table).iterdir())
        assert names == [f"in__a.jsonl.{fmt}", f"in__b.jsonl.{fmt}"]
    assert not list(tmp_path.rglob("*.tmp"))


def test_the_shards_read_as_one_dataset(tmp_path: Path) -> None:
    with open_sink(tmp_path, "parquet", partitioned=True) as sink:
        sink.write(merge(from_shard("a1", "in/a.jsonl"), from_shard("b1", "in/b.jsonl")))
    claims = pd.read_parquet(tmp_path / "claims")
    assert sorted(claims["doc_id"].unique()) == ["a1", "b1"]
    n = duckdb.sql(f"SELECT count(*) FROM '{tmp_path}/claims/*.parquet'").fetchall()
    assert n == [(len(claims),)]


def test_a_finished_shard_is_published_before_the_run_ends(tmp_path: Path) -> None:
    sink = open_sink(tmp_path, "parquet", partitioned=True)
    sink.write(from_shard("a1", "in/a.jsonl"))
    assert not (tmp_path / "documents" / "in__a.jsonl.parquet").exists()
    sink.write(from_shard("b1", "in/b.jsonl"))  # b started: a is complete
    assert (tmp_path / "documents" / "in__a.jsonl.parquet").exists()
    assert not (tmp_path / "documents" / "in__b.jsonl.parquet").exists()
    assert open_sink(tmp_path, "parquet", partitioned=True).done_keys() == {
        ("a1", "sha-a1", "fp1")}
    sink.close()


def test_rerun_replaces_a_documents_rows_in_its_shard_only(tmp_path: Path) -> None:
    with open_sink(tmp_path, "parquet", partitioned=True) as sink:
        sink.write(merge(from_shard("a1", "in/a.jsonl"), from_shard("a2", "in/a.jsonl")))
        sink.write(from_shard("b1", "in/b.jsonl"))
    with open_sink(tmp_path, "parquet", partitioned=True) as sink:
        assert len(sink.done_keys()) == 3
        sink.write(from_shard("a2", "in/a.jsonl", n_claims=1, tag="v2"))
    claims = pd.read_parquet(tmp_path / "claims")
    assert sorted(claims["claim_id"]) == ["a1#v1#0", "a1#v1#1", "a2#v2#0", "b1#v1#0", "b1#v1#1"]


def test_error_rows_without_doc_id_go_to_their_files_shard(tmp_path: Path) -> None:
    unreadable = {"errors": [{"doc_id": None, "source": "in/c.jsonl", "line": 3,
                              "stage": "read", "error_type": "bad_json", "message": "x"}]}
    with open_sink(tmp_path, "jsonl", partitioned=True) as sink:
        sink.write(merge(from_shard("a1", "in/a.jsonl"), unreadable))
    assert (tmp_path / "errors" / "in__c.jsonl.jsonl").exists()


def test_rows_without_their_documents_row_are_refused(tmp_path: Path) -> None:
    rows = from_shard("a1", "in/a.jsonl")
    del rows["documents"]
    with pytest.raises(ValueError, match="without its documents row"):
        open_sink(tmp_path, "parquet", partitioned=True).write(rows)


def test_layouts_do_not_mix(tmp_path: Path) -> None:
    with open_sink(tmp_path / "flat", "parquet") as sink:
        sink.write(from_shard("a1", "in/a.jsonl"))
    with pytest.raises(BadOutput, match="unpartitioned"):
        open_sink(tmp_path / "flat", "parquet", partitioned=True)
    with open_sink(tmp_path / "parts", "parquet", partitioned=True) as sink:
        sink.write(from_shard("a1", "in/a.jsonl"))
    with pytest.raises(BadOutput, match="add --partitioned"):
        open_sink(tmp_path / "parts", "parquet")


@pytest.mark.parametrize("out", ["x.duckdb", "-", "postgresql://u@h/db"])
def test_partitioned_needs_a_folder(tmp_path: Path, out: str) -> None:
    with pytest.raises(BadOutput, match="not a folder output"):
        open_sink(out if "/" in out or out == "-" else tmp_path / out, partitioned=True)
