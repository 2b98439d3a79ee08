"""``open_sink``: which sink each OUT gives, usage errors, stdout, pickling."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from pipeline.errors import BadOutput, UserError
from pipeline.writers import FILE_FORMATS, Sink, open_sink
from pipeline.writers.folder import FolderSink
from pipeline.writers.sql import SqlSink
from pipeline.writers.stdout import StdoutSink

from .sample import EVIL_ID, doc_rows


@pytest.mark.parametrize(
    ("out", "dialect"),
    [("x.duckdb", "duckdb"), ("x.sqlite", "sqlite"), ("x.SQLITE3", "sqlite"), ("x.db", "sqlite")],
)
def test_database_paths_choose_dialect(tmp_path: Path, out: str, dialect: str) -> None:
    sink = open_sink(str(tmp_path / "sub" / out))
    assert isinstance(sink, SqlSink)
    assert sink.dialect.name == dialect
    assert (tmp_path / "sub").is_dir()  # parent folder made up front


@pytest.mark.parametrize("url", ["postgresql://u:secret@h/db", "postgres://h/db"])
def test_postgres_urls(url: str) -> None:
    sink = open_sink(url, "csv")  # fmt only matters for folders
    assert isinstance(sink, SqlSink)
    assert sink.dialect.name == "postgres"
    assert "secret" not in repr(sink)


def test_default_is_duckdb_in_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    sink = open_sink(None)
    assert isinstance(sink, SqlSink)
    assert sink.target == str(tmp_path / "newsclaims.duckdb")


@pytest.mark.parametrize("fmt", [None, *FILE_FORMATS])
def test_folder_sinks(tmp_path: Path, fmt: str | None) -> None:
    sink = open_sink(str(tmp_path / "out"), fmt)
    assert isinstance(sink, FolderSink)
    assert sink.fmt.ext == (fmt or "parquet")


def test_unknown_format_is_bad_output(tmp_path: Path) -> None:
    with pytest.raises(BadOutput, match="unknown output format 'xlsx'"):
        open_sink(str(tmp_path), "xlsx")


def test_file_where_a_folder_is_needed(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(BadOutput, match="not a folder"):
        open_sink(str(tmp_path / "f"), "jsonl")
    with pytest.raises(BadOutput, match="cannot create output folder"):
        open_sink(str(tmp_path / "f" / "sub"))
    with pytest.raises(BadOutput, match="cannot create the folder of database"):
        open_sink(str(tmp_path / "f" / "x.duckdb"))


def test_folder_where_a_database_file_is_needed(tmp_path: Path) -> None:
    (tmp_path / "x.sqlite").mkdir()
    with pytest.raises(BadOutput, match="is a folder") as info:
        open_sink(str(tmp_path / "x.sqlite"))
    assert isinstance(info.value, UserError)


def test_stdout_sink_writes_claims_jsonl_only(capsys: pytest.CaptureFixture[str]) -> None:
    with open_sink("-") as sink:
        assert sink.done_keys() == set()
        sink.write(doc_rows(EVIL_ID))
    lines = capsys.readouterr().out.splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["claim_id"] for r in rows] == [f"{EVIL_ID}#v1#0", f"{EVIL_ID}#v1#1"]
    assert all(r["doc_id"] == EVIL_ID and r["subject"] is None for r in rows)


@pytest.mark.parametrize("kind", ["-", "x.duckdb", "x.sqlite", "folder", "postgresql://h/db"])
def test_every_sink_pickles_before_use(tmp_path: Path, kind: str) -> None:
    out = kind if kind in ("-", "postgresql://h/db") else str(tmp_path / kind)
    sink = open_sink(out, "jsonl")
    copy = pickle.loads(pickle.dumps(sink))
    assert isinstance(copy, Sink)
    assert type(copy) is type(sink)
    assert isinstance(copy, StdoutSink) or copy.__reduce__()[1] == sink.__reduce__()[1]
