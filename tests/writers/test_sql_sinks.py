"""Database sinks (DuckDB, SQLite, PostgreSQL): one transaction per batch, replace per doc."""

from __future__ import annotations

import dataclasses
import pickle
import threading
from pathlib import Path

import pytest

from pipeline import schema
from pipeline.errors import BadOutput, OutputFailed
from pipeline.schema import ADDED_COLUMNS, TABLES
from pipeline.writers import open_sink
from pipeline.writers.sql import redact

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
        real = sink.dialect.insert

        def insert(dialect, cur, table, name, rows):
            if table == "documents":
                raise OSError(28, "No space left on device")
            real(dialect, cur, table, name, rows)

        working = sink.dialect
        sink.dialect = dataclasses.replace(working, insert=insert)
        with pytest.raises(OutputFailed, match="No space left"):
            sink.write(doc_rows("a", tag="v2"))
        sink.dialect = working
        sink.write(doc_rows("b"))  # the connection is still usable
    ids = sorted(r["claim_id"] for r in fetch("SELECT claim_id FROM claims"))
    assert ids == ["a#v1#0", "a#v1#1", "b#v1#0", "b#v1#1"]


def test_duplicate_keys_in_one_batch_keep_the_later_row(database: tuple[str, Fetch]) -> None:
    out, fetch = database
    batch = merge(doc_rows("a"), doc_rows("a", tag="v2"))
    batch["claims"].append(dict(batch["claims"][0]))
    with open_sink(out) as sink:
        sink.write(batch)
    assert [r["extractor"] for r in fetch("SELECT extractor FROM claims ORDER BY claim_id")] == [
        "test/v1", "test/v1", "test/v2", "test/v2"]
    assert counts(fetch)["documents"] == 1


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


def _dialect(out: str) -> str:
    return "postgres" if out.startswith("postgresql") else Path(out).suffix.lstrip(".")


def test_an_older_newsclaims_database_gets_the_new_columns(
    database: tuple[str, Fetch], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tables of the first release (no mark, no newer columns) are ours: migrated, kept."""
    out, fetch = database
    first = {table: tuple(c for c in cols if c.name not in ADDED_COLUMNS[table])
             for table, cols in TABLES.items()}
    with monkeypatch.context() as patch:
        patch.setattr(schema, "TABLES", first)
        old_ddl = schema.ddl(_dialect(out))
    for statement in old_ddl.split(";\n"):
        if statement.strip():
            fetch(statement)
    fetch("INSERT INTO documents (doc_id, status, processed_at) VALUES "
          "('old', 'ok', '2024-01-01 00:00:00')")
    with open_sink(out) as sink:
        sink.write(doc_rows("a"))
    for table in TABLES:
        names = fetch(f"SELECT * FROM {table}")[0] if table != "errors" else None
        if names is not None:
            assert set(names) == {c.name for c in TABLES[table]}, table
    assert sorted(r["doc_id"] for r in fetch("SELECT doc_id FROM documents")) == ["a", "old"]
    assert fetch("SELECT value FROM newsclaims_meta WHERE key = 'created_by'")


def test_a_foreign_table_is_refused_and_left_as_it_is(database: tuple[str, Fetch]) -> None:
    out, fetch = database
    fetch("CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT)")
    fetch("INSERT INTO documents (id, body) VALUES (1, 'mine')")
    with pytest.raises(BadOutput, match=r"table documents that newsclaims did not make.*"
                                        r"--table-prefix"):
        open_sink(out).write(doc_rows("a"))
    assert fetch("SELECT * FROM documents") == [{"id": 1, "body": "mine"}]
    with pytest.raises(Exception):  # noqa: B017 - nothing else was created either
        fetch("SELECT * FROM claims")


def test_a_table_prefix_writes_beside_the_users_tables(database: tuple[str, Fetch]) -> None:
    out, fetch = database
    fetch("CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT)")
    fetch("INSERT INTO documents (id, body) VALUES (1, 'mine')")
    with open_sink(out, table_prefix="nc_") as sink:
        sink.write(doc_rows("a"))
    with open_sink(out, table_prefix="nc_") as sink:
        assert sink.done_keys() == {("a", "sha-a", "fp1")}
    assert fetch("SELECT * FROM documents") == [{"id": 1, "body": "mine"}]
    assert [r["doc_id"] for r in fetch("SELECT doc_id FROM nc_documents")] == ["a"]
    assert len(fetch("SELECT * FROM nc_claims")) == 2
    if _dialect(out) == "postgres":
        for table in ("claims", "entities", "documents", "errors", "newsclaims_meta"):
            fetch(f"DROP TABLE IF EXISTS nc_{table}")


@pytest.mark.parametrize("prefix", ["NC", "1x", "a-b", "x; DROP TABLE y"])
def test_a_bad_table_prefix_is_a_usage_error(tmp_path: Path, prefix: str) -> None:
    with pytest.raises(BadOutput, match="--table-prefix"):
        open_sink(str(tmp_path / "x.duckdb"), table_prefix=prefix)


def test_a_table_prefix_needs_a_database(tmp_path: Path) -> None:
    with pytest.raises(BadOutput, match="--table-prefix"):
        open_sink(str(tmp_path / "out"), table_prefix="nc_")


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


# -- PostgreSQL shared by several writers, and failing under them ---------------------------


def test_two_postgres_writers_on_the_same_documents_take_turns(pg_database: str) -> None:
    """Writer A inserts "a" and holds its transaction open; B writes "a" meanwhile. B waits
    for A's commit, then replaces A's rows, instead of failing on the primary key."""
    prefix = "turns_"
    first, second = open_sink(pg_database, table_prefix=prefix), open_sink(pg_database,
                                                                              table_prefix=prefix)
    first.done_keys(), second.done_keys()  # both connected, tables made
    inserted, release = threading.Event(), threading.Event()
    real = first.dialect.insert

    def slow_insert(dialect, cur, table, name, rows):
        real(dialect, cur, table, name, rows)
        if table == "documents":
            inserted.set()
            release.wait(10)

    first.dialect = dataclasses.replace(first.dialect, insert=slow_insert)
    failures: list[BaseException] = []

    def write(sink, rows):
        try:
            sink.write(rows)
        except BaseException as exc:
            failures.append(exc)

    a = threading.Thread(target=write, args=(first, doc_rows("a", tag="A")))
    a.start()
    assert inserted.wait(10)
    b = threading.Thread(target=write, args=(second, doc_rows("a", tag="B")))
    b.start()
    b.join(0.5)
    assert b.is_alive()  # waiting for A
    release.set()
    a.join(10), b.join(10)
    first.close(), second.close()
    assert failures == []
    import psycopg

    with psycopg.connect(pg_database) as conn:
        rows = conn.execute(f"SELECT extractor FROM {prefix}claims").fetchall()
        assert rows == [("test/B",), ("test/B",)]
        for table in (*TABLES, "newsclaims_meta"):
            conn.execute(f"DROP TABLE {prefix}{table}")


def test_postgres_writers_starting_together_make_the_tables_once(pg_database: str) -> None:
    prefix = "race_"
    start = threading.Barrier(6)
    failures: list[BaseException] = []

    def first_use(n: int) -> None:
        sink = open_sink(pg_database, table_prefix=prefix)
        try:
            start.wait(10)
            sink.write(doc_rows(f"d{n}"))
        except BaseException as exc:
            failures.append(exc)
        finally:
            sink.close()

    threads = [threading.Thread(target=first_use, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert failures == []
    import psycopg

    with psycopg.connect(pg_database) as conn:
        assert conn.execute(f"SELECT count(*) FROM {prefix}documents").fetchone() == (6,)
        for table in (*TABLES, "newsclaims_meta"):
            conn.execute(f"DROP TABLE {prefix}{table}")


def test_a_terminated_postgres_backend_is_a_clean_output_error(pg_database: str) -> None:
    import psycopg

    sink = open_sink(pg_database, table_prefix="gone_")
    sink.write(doc_rows("a"))
    with psycopg.connect(pg_database, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    with pytest.raises(OutputFailed, match="writing to PostgreSQL database") as failed:
        sink.write(doc_rows("b"))
    assert "\n" not in str(failed.value)
    sink.close()
    with psycopg.connect(pg_database) as conn:
        for table in (*TABLES, "newsclaims_meta"):
            conn.execute(f"DROP TABLE gone_{table}")


@pytest.mark.parametrize("url", [
    "postgresql://postgres:s3cret@127.0.0.1:1/none?connect_timeout=2",
    "postgresql://postgres@127.0.0.1:1/none?password=s3cret&connect_timeout=2",
])
def test_a_password_never_reaches_a_message(url: str) -> None:
    sink = open_sink(url)
    assert "s3cret" not in repr(sink)
    with pytest.raises(BadOutput) as failed:
        sink.write(doc_rows("a"))
    assert "s3cret" not in str(failed.value)
    assert "***" in str(failed.value)
    assert "s3cret" not in redact(url) and "connect_timeout=2" in redact(url)
