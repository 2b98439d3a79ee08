"""Reading back what the real sinks wrote, in every layout ``extract`` has."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.errors import InputNotFound, UnsupportedInput
from pipeline.report import source
from pipeline.report.source import open_output
from pipeline.writers import open_sink

from .sample import HOSTILE, TEXTS, rows

FOLDERS = [(fmt, partitioned) for fmt in ("parquet", "jsonl", "csv")
           for partitioned in (False, True)]


def write(out: str, fmt: str | None = None, partitioned: bool = False) -> str:
    with open_sink(out, fmt, partitioned=partitioned) as sink:
        sink.write(rows())
    return out


def check(src: str, **options: str) -> None:
    with open_output(src, **options) as reader:
        tables = reader.tables()
        texts = reader.texts(["a.txt", "odd/<b>.txt", "absent"])
    claims = tables.claims.set_index("claim_id")
    assert sorted(claims.index) == ["c-aso", "c-exports", "c-officials", "c-union", "c-yen"]
    assert claims.loc["c-yen", "value"] == 8.54e12 and claims.loc["c-yen", "unit"] == "JPY"
    assert claims.loc["c-union", "content"] == HOSTILE
    assert int(claims.loc["c-aso", "content_start"]) == TEXTS["a.txt"].index("the plan")
    assert pd.isna(claims.loc["c-yen", "subject_start"])
    assert str(claims["content_start"].dtype) == "Int64"
    assert sorted(tables.entities["canonical"]) == ["Finance Ministry", "Taro Aso",
                                                    "The <Union> & Co"]
    assert sorted(tables.documents["doc_id"]) == ["a.txt", "odd/<b>.txt"]
    assert "text" not in tables.documents  # texts are read only for the articles shown
    assert tables.errors["message"].tolist() == ["Expecting value <here>"]
    assert texts == TEXTS


@pytest.mark.parametrize("suffix", [".duckdb", ".sqlite"])
def test_reads_database_files(tmp_path: Path, suffix: str) -> None:
    check(write(str(tmp_path / f"out{suffix}")))


@pytest.mark.parametrize(("fmt", "partitioned"), FOLDERS)
def test_reads_output_folders(tmp_path: Path, fmt: str, partitioned: bool) -> None:
    out = write(str(tmp_path / "out"), fmt, partitioned)
    if partitioned:  # one file per table and input shard; the errors row's shard has an
        # empty documents file, which reads as no rows
        assert len(list((tmp_path / "out" / "documents").glob(f"*.{fmt}"))) == 3
    check(out)


def test_reads_postgres(pg_database: str) -> None:
    import psycopg

    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS claims, entities, documents, errors")
    check(write(pg_database))


def test_reads_tables_with_a_prefix(tmp_path: Path) -> None:
    path = write(str(tmp_path / "out.duckdb"))
    with duckdb.connect(path) as conn:
        for table in ("claims", "entities", "documents", "errors"):
            conn.execute(f"CREATE TABLE run7_{table} AS SELECT * FROM {table}")
            conn.execute(f"DROP TABLE {table}")
    check(path, table_prefix="run7_")
    with pytest.raises(UnsupportedInput, match="no documents table"):
        open_output(path).tables()


def test_columns_an_older_output_lacks_read_as_null(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(str(out))
    for table, column in (("documents", "text"), ("claims", "target_entity_id")):
        path = out / f"{table}.parquet"
        pq.write_table(pq.read_table(path).drop_columns([column]), path)
    with open_output(str(out)) as reader:
        tables = reader.tables()
        assert reader.texts(["a.txt"]) == {"a.txt": None}
    assert tables.claims["target_entity_id"].isna().all()
    assert len(tables.claims) == 5


def test_reads_texts_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "IDS_PER_QUERY", 1)
    with open_output(write(str(tmp_path / "out.sqlite"))) as reader:
        assert reader.texts(TEXTS) == TEXTS


def test_temp_files_are_never_read(tmp_path: Path) -> None:
    out = write(str(tmp_path / "out"), "jsonl", partitioned=True)
    (tmp_path / "out" / "claims" / ".in.jsonl.123-abc.tmp").write_text("{not json\n")
    (tmp_path / "out" / "claims" / ".hidden.jsonl").write_text("{not json\n")
    check(out)


@pytest.mark.parametrize(("name", "content", "error", "message"), [
    ("missing.duckdb", None, InputNotFound, "does not exist"),
    ("", None, UnsupportedInput, "no documents table"),
    ("notes.txt", "x", UnsupportedInput, "neither an output folder"),
    ("bad.duckdb", "not a database", UnsupportedInput, "cannot read DuckDB database"),
])
def test_a_bad_source_is_a_user_error(tmp_path: Path, name: str, content: str | None,
                                      error: type[Exception], message: str) -> None:
    if content is not None:
        (tmp_path / name).write_text(content)
    with pytest.raises(error, match=message):
        open_output(str(tmp_path / name)).tables()
