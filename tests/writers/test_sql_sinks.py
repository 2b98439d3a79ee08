"""Database sinks (DuckDB, SQLite, PostgreSQL): one transaction per batch, replace per doc."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from pipeline.errors import BadOutput
from pipeline.schema import TABLES
from pipeline.writers import open_sink

from .conftest import Fetch
from .sample import EVIL_ID, doc_rows, merge


def counts(fetch: Fetch) -> dict[str, int]:
    return {t: fetch(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in TABLES}


def test_round_trip_with_schema_columns(database: tuple[str, Fetch]) -> None:
    out, fetch = database
    with open_sink(out) as sink:
        sink.write(merge(doc_rows("a"), doc_rows("b", n_claims=3)))
    assert counts(fetch) == {"claims": 5, "entities": 2, "documents": 2, "errors": 2}
    claim = fetch("SELECT * FROM claims WHERE claim_id = 'a#v1#0'")[0]
    assert list(claim) == [c.name for c in TABLES["claims"]]
    assert claim["value"] == 8.54e12
    assert claim["subject"] is None  # missing column -> NULL
    assert claim["sentence"] == doc_rows("a")["claims"][0]["sentence"]
    processed = fetch("SELECT processed_at FROM documents WHERE doc_id = 'a'")[0]["processed_at"]
    assert str(processed).startswith("2025-03-01")


def test_rewriting_a_document_replaces_its_rows(database: tuple[str, Fetch]) -> None:
    out, fetch = database
    with open_sink(out) as sink:
        sink.write(merge(doc_rows("a"), doc_rows("b")))
    with open_sink(out) as sink:
        sink.write(doc_rows("a", n_claims=1, tag="v2"))
        sink.write(doc_rows("a", n_claims=1, tag="v3"))
    ids = sorted(r["claim_id"] for r in fetch("SELECT claim_id FROM claims"))
    assert ids == ["a#v3#0", "b#v1#0", "b#v1#1"]
    assert counts(fetch) == {"claims": 3, "entities": 2, "documents": 2, "errors": 2}


def test_hostile_doc_id_is_stored_verbatim(database: tuple[str, Fetch]) -> None:
    out, fetch = database
    with open_sink(out) as sink:
        sink.write(doc_rows(EVIL_ID))
        sink.write(doc_rows(EVIL_ID))
        assert sink.done_keys() == {(EVIL_ID, f"sha-{EVIL_ID}", "fp1")}
    assert {r["doc_id"] for r in fetch("SELECT doc_id FROM claims")} == {EVIL_ID}
    assert counts(fetch)["claims"] == 2


def test_done_keys_lists_only_ok_documents(database: tuple[str, Fetch]) -> None:
    out, _ = database
    failed = doc_rows("bad")
    failed["documents"][0]["status"] = "error"
    with open_sink(out) as sink:
        assert sink.done_keys() == set()
        sink.write(merge(doc_rows("a"), failed))
    assert open_sink(out).done_keys() == {("a", "sha-a", "fp1")}


def test_failed_batch_rolls_back_whole(database: tuple[str, Fetch]) -> None:
    out, fetch = database
    with open_sink(out) as sink:
        sink.write(doc_rows("a"))
        clash = doc_rows("a", tag="v2")
        clash["claims"].append(dict(clash["claims"][0]))  # duplicate claim_id: PK violation
        with pytest.raises(Exception):  # noqa: B017 - each driver has its own error class
            sink.write(clash)
        sink.write(doc_rows("b"))  # the connection is still usable
    ids = sorted(r["claim_id"] for r in fetch("SELECT claim_id FROM claims"))
    assert ids == ["a#v1#0", "a#v1#1", "b#v1#0", "b#v1#1"]


def test_error_rows_without_doc_id_are_replaced_by_source_and_line(
    database: tuple[str, Fetch],
) -> None:
    out, fetch = database
    error = {"source": "in.jsonl", "line": 3, "stage": "read", "error_type": "JSON"}
    with open_sink(out) as sink:
        sink.write(
            {
                "errors": [
                    {**error, "message": "old"},
                    {**error, "line": None, "message": "whole file"},
                ]
            }
        )
        sink.write({"errors": [{**error, "message": "new"}]})
    assert sorted(r["message"] for r in fetch("SELECT message FROM errors")) == [
        "new",
        "whole file",
    ]


def test_pickles_before_and_after_use(database: tuple[str, Fetch]) -> None:
    out, fetch = database
    sink = open_sink(out)
    copy = pickle.loads(pickle.dumps(sink))
    copy.write(doc_rows("a"))
    copy = pickle.loads(pickle.dumps(copy))  # an open connection never travels
    copy.write(doc_rows("b"))
    copy.close()
    sink.close()
    assert counts(fetch)["documents"] == 2


def test_missing_schema_columns_are_added_to_an_old_database(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE claims (claim_id VARCHAR PRIMARY KEY, doc_id VARCHAR)")
    with open_sink(str(path)) as sink:
        sink.write(doc_rows("a"))
    with duckdb.connect(str(path)) as con:
        names = [r[0] for r in con.execute("SELECT * FROM claims LIMIT 0").description]
        assert set(names) == {c.name for c in TABLES["claims"]}


@pytest.mark.parametrize(
    "out",
    ["postgresql://postgres@127.0.0.1:1/none?connect_timeout=2", "not-a-db.duckdb"],
)
def test_unusable_database_is_bad_output_on_first_use(tmp_path: Path, out: str) -> None:
    if out.endswith(".duckdb"):
        (tmp_path / out).write_text("this is not a DuckDB file")
        out = str(tmp_path / out)
    sink = open_sink(out)
    with pytest.raises(BadOutput, match="cannot use"):
        sink.write(doc_rows("a"))
