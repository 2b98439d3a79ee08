"""Inputs that once crashed every sink (issue 12), run end to end into every kind of output:
a claim found twice in one document, one id twice in a batch or far apart in a file, lone
surrogates and NUL characters. The run finishes, and each output holds the same rows."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline import Extractor
from pipeline.rows import RowBuilder
from pipeline.runner import RunStats, run_extract

pytestmark = pytest.mark.slow
OUTPUTS = ["out.duckdb", "out.sqlite", "postgres", "parquet", "jsonl", "csv", "partitioned"]
DATA = Path(os.environ.get("NEWSCLAIMS_DATA")
            or Path(__file__).resolve().parents[1].parent / "shared" / "data")
POLNEAR_TRAIN = DATA / "polnear" / "train" / "text"
Write = Callable[[str, str | bytes], Path]


@pytest.fixture(params=OUTPUTS)
def output(request: pytest.FixtureRequest, tmp_path: Path) -> dict:
    """run_extract's output options, and read(table) -> that table as a DataFrame."""
    kind = request.param
    if kind == "postgres":
        import psycopg

        url = request.getfixturevalue("pg_database")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP TABLE IF EXISTS claims, entities, documents, errors, "
                         "newsclaims_meta")

        def read(table: str) -> pd.DataFrame:
            with psycopg.connect(url) as conn:
                cur = conn.execute(f"SELECT * FROM {table}")
                return pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])

        return {"options": {"out": url}, "read": read}
    out = tmp_path / kind
    if kind.endswith(".duckdb"):
        def read(table: str) -> pd.DataFrame:
            with duckdb.connect(str(out), read_only=True) as conn:
                return conn.sql(f"SELECT * FROM {table}").df()
    elif kind.endswith(".sqlite"):
        def read(table: str) -> pd.DataFrame:
            with sqlite3.connect(out) as conn:
                return pd.read_sql(f"SELECT * FROM {table}", conn)
    elif kind == "partitioned":
        def read(table: str) -> pd.DataFrame:
            folder = out / table
            return pd.read_parquet(folder) if folder.is_dir() else pd.DataFrame(
                columns=["doc_id"])
        return {"options": {"out": str(out), "partitioned": True}, "read": read}
    else:
        def read(table: str) -> pd.DataFrame:
            path = out / f"{table}.{kind}"
            if kind == "parquet":
                return pd.read_parquet(path)
            if kind == "csv":
                return pd.read_csv(path, dtype=str)
            lines = path.read_text(encoding="utf-8").splitlines()
            return pd.DataFrame([json.loads(line) for line in lines], columns=["doc_id"]
                                if not lines else None)
        return {"options": {"out": str(out), "fmt": kind}, "read": read}
    return {"options": {"out": str(out)}, "read": read}


def run(inputs: Path, output: dict, extractor: Extractor, **kwargs) -> RunStats:
    return run_extract([str(inputs)], extractor=extractor, **output["options"], **kwargs)


def jsonl(write: Write, name: str, *records: dict) -> Path:
    return write(name, "".join(json.dumps(r) + "\n" for r in records))


def test_a_claim_found_twice_in_a_document_is_stored_once(
    output: dict, extractor: Extractor, write: Write, news: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = RowBuilder.statements
    monkeypatch.setattr(RowBuilder, "statements", lambda self: real(self) * 2)
    path = jsonl(write, "in/a.jsonl", {"id": "a", "text": news})
    stats = run(path, output, extractor)
    assert (stats.ok, stats.failed) == (1, 0)
    claims = output["read"]("claims")
    assert claims["claim_id"].is_unique
    assert (claims["claim_type"] == "stance").sum() == len(real_statements(extractor, news))


def real_statements(extractor: Extractor, text: str) -> pd.DataFrame:
    claims = extractor.extract_text(text, doc_id="a")["claims"]
    return claims[claims["claim_type"] == "stance"]


def test_the_same_id_twice_in_a_batch_keeps_the_later_record(
    output: dict, extractor: Extractor, write: Write,
) -> None:
    path = jsonl(write, "in/a.jsonl",
                 {"id": "a", "text": "Exports rose 5% in 2023, officials said."},
                 {"id": "b", "text": "Imports fell 2% in 2022."},
                 {"id": "a", "text": "Exports rose 7% in 2024, officials said."})
    stats = run(path, output, extractor)
    assert stats.failed == 0
    documents = output["read"]("documents")
    assert sorted(documents["doc_id"]) == ["a", "b"]
    claims = output["read"]("claims")
    values = claims[(claims["doc_id"] == "a") & (claims["claim_type"] == "figure")]["value"]
    assert sorted(float(v) for v in values) == [7.0]


def test_an_id_repeated_far_apart_keeps_the_later_record_on_every_rerun(
    output: dict, write: Write,
) -> None:
    """Batches of one document, so the two records of "a" are separate writes."""
    path = jsonl(write, "in/a.jsonl",
                 {"id": "a", "text": "Exports rose 5% in 2023, officials said."},
                 *({"id": f"x{n}", "text": f"Sales rose {n}% in 2020."} for n in range(1, 4)),
                 {"id": "a", "text": "Exports rose 7% in 2024, officials said."})
    extractor = Extractor(batch_size=1)
    for attempt in range(3):
        stats = run(path, output, extractor)
        assert stats.docs == 5, attempt
        claims = output["read"]("claims")
        values = claims[(claims["doc_id"] == "a") & (claims["claim_type"] == "figure")]["value"]
        assert sorted(float(v) for v in values) == [7.0], attempt
        assert sorted(output["read"]("documents")["doc_id"]) == ["a", "x1", "x2", "x3"]
        assert claims["claim_id"].is_unique


def test_lone_surrogates_and_nul_are_replaced_noted_and_resumed(
    output: dict, extractor: Extractor, write: Write,
) -> None:
    # json.dumps escapes them, as a JSON file from elsewhere would
    path = jsonl(write, "in/a.jsonl",
                 {"id": "s\ud800", "text": "Exports rose 5% in 2023 \udc00, officials said."},
                 {"id": "n", "text": "Imports fell 2% \u0000 in 2022, officials said."},
                 {"id": "ok", "text": "Sales rose 3% in 2021."})
    stats = run(path, output, extractor)
    assert (stats.ok, stats.failed) == (3, 0)
    documents = output["read"]("documents").set_index("doc_id")
    assert sorted(documents.index) == ["n", "ok", "s\ufffd"]
    assert documents.loc["s\ufffd", "note"] == "lone surrogates replaced"
    assert documents.loc["n", "note"] == "NUL characters replaced"
    assert documents.loc["n", "text"] == "Imports fell 2% \ufffd in 2022, officials said."
    claims = output["read"]("claims")
    assert set(claims["doc_id"]) == {"n", "ok", "s\ufffd"}
    again = run(path, output, extractor)
    assert (again.skipped, again.ok) == (3, 0)  # --resume is not stuck on them


@pytest.mark.parametrize("name", ["breitbart_2015-11-19_exclusive-excerpt-dinesh-d-souza.txt"])
def test_the_polnear_paragraph_that_gave_one_statement_twice(
    name: str, extractor: Extractor, tmp_path: Path,
) -> None:
    """The 540-character paragraph at 2602-3142 of this PolNeAR train article made the
    attribution rules yield one statement twice, which crashed every database sink."""
    path = POLNEAR_TRAIN / name
    if not path.is_file():
        pytest.skip(f"PolNeAR train text not found at {path}")
    paragraph = path.read_text(encoding="utf-8")[2602:3142]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "p.txt").write_text(paragraph, encoding="utf-8")
    out = tmp_path / "out.duckdb"
    stats = run_extract([str(folder)], out=str(out), extractor=extractor)
    assert (stats.ok, stats.failed) == (1, 0)
    with duckdb.connect(str(out), read_only=True) as conn:
        [(n, unique)] = conn.sql("SELECT count(*), count(DISTINCT claim_id) FROM claims "
                                 "WHERE claim_type = 'stance'").fetchall()
    assert n == unique > 0
