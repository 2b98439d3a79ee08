"""Folder sinks (Parquet, JSONL, CSV): round trips, schema, atomic publish, re-runs."""

from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.errors import BadOutput, OutputFailed
from pipeline.schema import TABLES
from pipeline.writers import FILE_FORMATS, open_sink
from pipeline.writers.base import arrow_schema

from .sample import EVIL_ID, PROCESSED, doc_rows, merge

FORMATS = list(FILE_FORMATS)


def read_table(folder: Path, table: str, fmt: str) -> pd.DataFrame:
    path = folder / f"{table}.{fmt}"
    if fmt == "parquet":
        return pd.read_parquet(path)
    if fmt == "csv":
        return pd.read_csv(path, dtype={"doc_id": str, "claim_id": str})
    if path.stat().st_size == 0:
        return pd.DataFrame()
    return pd.read_json(path, lines=True, dtype={"doc_id": str})


@pytest.fixture(params=FORMATS)
def fmt(request: pytest.FixtureRequest) -> str:
    return request.param


def test_round_trip_keeps_rows_columns_and_values(tmp_path: Path, fmt: str) -> None:
    with open_sink(str(tmp_path), fmt) as sink:
        sink.write(merge(doc_rows("a"), doc_rows(EVIL_ID, n_claims=3)))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    for table in TABLES:
        df = read_table(tmp_path, table, fmt)
        assert list(df.columns) == [c.name for c in TABLES[table]]
    claims = read_table(tmp_path, "claims", fmt)
    assert len(claims) == 5
    assert set(claims["doc_id"]) == {"a", EVIL_ID}
    assert claims["sentence"].iloc[0] == doc_rows("a")["claims"][0]["sentence"]
    assert claims["value"].iloc[0] == 8.54e12
    assert claims["subject"].isna().all()  # missing column -> NULL
    docs = read_table(tmp_path, "documents", fmt)
    assert pd.to_datetime(docs["processed_at"], utc=True).iloc[0] == PROCESSED


def test_parquet_schema_and_duckdb_reads_it(tmp_path: Path) -> None:
    with open_sink(str(tmp_path), "parquet") as sink:
        sink.write(doc_rows("a"))
    for table in TABLES:
        assert pq.read_schema(tmp_path / f"{table}.parquet").equals(arrow_schema(table))
    with duckdb.connect() as con:
        sql = "SELECT count(*) FROM read_parquet(?)"
        assert con.execute(sql, [str(tmp_path / "claims.parquet")]).fetchall() == [(2,)]


def test_parquet_is_default_format(tmp_path: Path) -> None:
    open_sink(str(tmp_path)).close()
    assert (tmp_path / "claims.parquet").exists()


def test_empty_tables_are_valid_files(tmp_path: Path, fmt: str) -> None:
    open_sink(str(tmp_path), fmt).close()
    for table in TABLES:
        path = tmp_path / f"{table}.{fmt}"
        names = [c.name for c in TABLES[table]]
        if fmt == "parquet":
            assert pq.read_table(path).num_rows == 0
            assert pq.read_schema(path).names == names
        elif fmt == "csv":
            assert path.read_text().splitlines() == [",".join(names)]
        else:
            assert path.read_text() == ""


def test_nothing_under_final_names_until_close_and_no_temp_left(tmp_path: Path, fmt: str) -> None:
    sink = open_sink(str(tmp_path), fmt)
    sink.write(doc_rows("a"))
    assert not any(tmp_path.glob(f"*.{fmt}"))
    sink.close()
    sink.close()  # idempotent
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)


def test_exception_inside_with_still_publishes_written_documents(tmp_path: Path, fmt: str) -> None:
    with pytest.raises(RuntimeError), open_sink(str(tmp_path), fmt) as sink:
        sink.write(doc_rows("a"))
        raise RuntimeError("crash after one batch")
    assert len(read_table(tmp_path, "claims", fmt)) == 2
    assert not list(tmp_path.glob(".*"))


def test_rerun_replaces_rewritten_documents_and_keeps_the_others(tmp_path: Path, fmt: str) -> None:
    with open_sink(str(tmp_path), fmt) as sink:
        sink.write(merge(doc_rows("a"), doc_rows("b")))
    with open_sink(str(tmp_path), fmt) as sink:
        assert sink.done_keys() == {("a", "sha-a", "fp1"), ("b", "sha-b", "fp1")}
        sink.write(doc_rows("a", n_claims=1, tag="v2"))
    claims = read_table(tmp_path, "claims", fmt)
    assert sorted(claims["claim_id"]) == ["a#v2#0", "b#v1#0", "b#v1#1"]
    for table in ("entities", "documents", "errors"):
        assert sorted(read_table(tmp_path, table, fmt)["doc_id"]) == ["a", "b"]


def test_done_keys_only_ok_documents_and_empty_without_files(tmp_path: Path, fmt: str) -> None:
    sink = open_sink(str(tmp_path), fmt)
    assert sink.done_keys() == set()
    failed = doc_rows("bad")
    failed["documents"][0]["status"] = "error"
    sink.write(merge(doc_rows(EVIL_ID), failed))
    sink.close()
    assert open_sink(str(tmp_path), fmt).done_keys() == {(EVIL_ID, f"sha-{EVIL_ID}", "fp1")}


def test_error_rows_without_doc_id_are_replaced_by_source_and_line(
    tmp_path: Path, fmt: str
) -> None:
    def read_error(line: int | None, tag: str) -> dict[str, Any]:
        return {
            "source": "in.jsonl",
            "line": line,
            "stage": "read",
            "error_type": "JSON",
            "message": tag,
        }

    with open_sink(str(tmp_path), fmt) as sink:
        sink.write({"errors": [read_error(3, "old"), read_error(None, "old")]})
        sink.write({"errors": [read_error(7, "old")]})
    with open_sink(str(tmp_path), fmt) as sink:
        sink.write({"errors": [read_error(3, "new")]})
    errors = read_table(tmp_path, "errors", fmt).sort_values("message")
    assert errors["message"].tolist() == ["new", "old", "old"]


def test_bad_rows_are_refused_before_anything_is_written(tmp_path: Path, fmt: str) -> None:
    sink = open_sink(str(tmp_path), fmt)
    bad = doc_rows("a")
    del bad["documents"][0]["processed_at"]
    with pytest.raises(ValueError, match=r"documents\.processed_at is required"):
        sink.write(bad)
    with pytest.raises(ValueError, match="unknown table"):
        sink.write({"claimz": []})
    sink.close()
    assert len(read_table(tmp_path, "claims", fmt)) == 0


def test_values_are_coerced_to_schema_types(tmp_path: Path) -> None:
    rows = doc_rows("a", n_claims=1)
    rows["claims"][0].update(sent_idx="4", char_start=2.0, value=float("nan"), extra="dropped")
    rows["documents"][0]["processed_at"] = dt.datetime(
        2025, 3, 1, 21, 30, tzinfo=dt.timezone(dt.timedelta(hours=9))
    )
    with open_sink(str(tmp_path), "parquet") as sink:
        sink.write(rows)
    claim = pq.read_table(tmp_path / "claims.parquet").to_pylist()[0]
    assert (claim["sent_idx"], claim["char_start"], claim["value"]) == (4, 2, None)
    assert "extra" not in claim
    doc = pq.read_table(tmp_path / "documents.parquet").to_pylist()[0]
    assert doc["processed_at"] == PROCESSED


def test_a_document_written_twice_in_one_run_keeps_its_later_rows(tmp_path: Path,
                                                                  fmt: str) -> None:
    with open_sink(str(tmp_path), fmt) as sink:
        sink.write(doc_rows("a"))
        sink.write(doc_rows("b"))
        sink.write(doc_rows("a", n_claims=3, tag="v2"))
    claims = read_table(tmp_path, "claims", fmt)
    assert sorted(claims["claim_id"]) == ["a#v2#0", "a#v2#1", "a#v2#2", "b#v1#0", "b#v1#1"]
    assert sorted(read_table(tmp_path, "documents", fmt)["doc_id"]) == ["a", "b"]
    assert sorted(read_table(tmp_path, "errors", fmt)["message"]) == [
        "odd sentence (v1)", "odd sentence (v2)"]


def test_a_full_disk_keeps_the_previous_complete_output(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    with open_sink(str(tmp_path), fmt) as sink:
        sink.write(doc_rows("a"))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real = FILE_FORMATS[fmt].open

    def open_until_full(self, path: Path, table: str):
        if table == "documents":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, path, table)

    monkeypatch.setattr(FILE_FORMATS[fmt], "open", open_until_full)
    with pytest.raises(OutputFailed, match="No space left on device"), \
            open_sink(str(tmp_path), fmt) as sink:
        sink.write(doc_rows("b"))
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no temp left


def test_a_fresh_output_on_a_full_disk_gets_no_table_without_the_others(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The disk fills while the documents table is completed: claims, written before it,
    are not published either."""
    real = FILE_FORMATS[fmt].open
    opened: list[str] = []

    def open_until_full(self, path: Path, table: str):
        opened.append(table)
        if table == "documents" and opened.count("documents") > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, path, table)

    monkeypatch.setattr(FILE_FORMATS[fmt], "open", open_until_full)
    out = tmp_path / "out"
    with pytest.raises(OutputFailed), open_sink(str(out), fmt) as sink:
        sink.write(doc_rows("a"))
        sink.write(doc_rows("a", tag="v2"))  # a rewrite: close compacts, reopening files
    assert list(out.iterdir()) == []


def test_temp_files_of_a_killed_run_are_removed_by_the_next(tmp_path: Path, fmt: str) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    pid = int(dead.stdout)
    stale = [tmp_path / f".claims.{fmt}.{pid}-0123abcd.tmp",
             tmp_path / "claims" / f".x.{fmt}.{pid}-0123abcd.tmp"]
    mine = tmp_path / f".documents.{fmt}.{os.getpid()}-0123abcd.tmp"  # a live process's
    foreign = tmp_path / ".notes.tmp"  # not a newsclaims temp file
    for path in (*stale, mine, foreign):
        path.parent.mkdir(exist_ok=True)
        path.write_text("half")
    open_sink(str(tmp_path), fmt, partitioned=True).close()
    assert [p.exists() for p in (*stale, mine, foreign)] == [False, False, True, True]


@pytest.mark.parametrize("partitioned", [False, True], ids=["folder", "partitioned"])
def test_an_fsspec_url_is_a_folder_output(fmt: str, partitioned: bool) -> None:
    """``memory://`` stands for any fsspec filesystem (s3://, gs:// with their packages)."""
    import fsspec

    url = f"memory://nc-{fmt}-{partitioned}-{os.getpid()}/out"
    fs = fsspec.filesystem("memory")
    with open_sink(url, fmt, partitioned=partitioned) as sink:
        sink.write(doc_rows("a"))
        sink.write(doc_rows("b"))
    with open_sink(url, fmt, partitioned=partitioned) as sink:
        assert {key[0] for key in sink.done_keys()} == {"a", "b"}
        sink.write(doc_rows("a", tag="v2"))
    pattern = f"{url}/claims/*.{fmt}" if partitioned else f"{url}/claims.{fmt}"
    [path] = fs.glob(pattern)
    with fs.open(path, "rb") as f:
        claims = FILE_FORMATS[fmt]().read(f, "claims")
        ids = sorted(r["claim_id"] for batch in claims for r in batch)
    assert ids == ["a#v2#0", "a#v2#1", "b#v1#0", "b#v1#1"]
    assert not [p for p in fs.find(url) if p.endswith(".tmp")]
    fs.rm(url, recursive=True)


@pytest.mark.parametrize("url", ["nosuchfs://x/out", "ftp://127.0.0.1:1/out", "zip://x"])
def test_an_output_url_that_cannot_be_opened_is_a_usage_error(url: str) -> None:
    with pytest.raises(BadOutput, match=url.replace("/", ".")):
        open_sink(url)


def test_a_local_path_is_never_read_as_a_url(tmp_path: Path) -> None:
    out = tmp_path / "a::b"
    with open_sink(str(out), "jsonl") as sink:
        sink.write(doc_rows("a"))
    assert (out / "claims.jsonl").is_file()
