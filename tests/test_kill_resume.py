"""A run killed with SIGKILL and started again ends with exactly an uninterrupted run's rows.

The killed run is a real process that sends itself SIGKILL after its N-th document
(before, at and after a sink write and a shard boundary); the resumed run then has to
skip what was stored and redo the rest, losing nothing and storing nothing twice.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline import Extractor
from pipeline.runner import run_extract

pytestmark = pytest.mark.slow

SHARDS, PER_SHARD = 3, 12
WRITE_EVERY = 8  # the killed run's batch size, so documents per write: small
ARTICLE = (
    "Exports rose {pct}% to $3.2 billion in {year}, the trade ministry said on Tuesday.\n"
    '"This plan is premature," Finance Minister Taro Aso said of the proposal.\n'
)
KILLER = """
import os, signal, sys
from pipeline import Extractor, runner
seen = 0
def tick():
    global seen
    seen += 1
    if seen == int(sys.argv[3]):
        os.kill(os.getpid(), signal.SIGKILL)
runner.run_extract([sys.argv[1]], out=sys.argv[2], partitioned=sys.argv[2].endswith("parts"),
            extractor=Extractor(batch_size=int(sys.argv[4])), on_document=tick)
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill") / "in"
    folder.mkdir()
    for shard in range(SHARDS):
        with (folder / f"part-{shard}.jsonl").open("w", encoding="utf-8") as f:
            for i in range(PER_SHARD):
                text = ARTICLE.format(pct=i + 1, year=1990 + shard)
                f.write(json.dumps({"id": f"p{shard}-{i}", "text": text}) + "\n")
    return folder


def read_all(out: Path | str) -> dict[str, pd.DataFrame]:
    """Every table, rows sorted, the run-dependent ``processed_at`` dropped."""
    if isinstance(out, str):  # a PostgreSQL URL
        import psycopg

        with psycopg.connect(out) as conn:
            frames = {}
            for t in ("claims", "entities", "documents", "errors"):
                cur = conn.execute(f"SELECT * FROM {t}")
                frames[t] = pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])
    elif out.suffix == ".sqlite":
        with sqlite3.connect(out) as conn:
            frames = {t: pd.read_sql(f"SELECT * FROM {t}", conn) for t in
                      ("claims", "entities", "documents", "errors")}
    elif out.suffix == ".duckdb":
        with duckdb.connect(str(out), read_only=True) as conn:
            frames = {t: conn.sql(f"SELECT * FROM {t}").df() for t in
                      ("claims", "entities", "documents", "errors")}
    else:
        frames = {t: pd.read_parquet(out / t) for t in ("claims", "entities", "documents")}
        frames["errors"] = (pd.read_parquet(out / "errors") if (out / "errors").is_dir()
                            else pd.DataFrame())
    out_frames = {}
    for name, frame in frames.items():
        frame = frame.drop(columns=["processed_at"], errors="ignore").astype(str)
        out_frames[name] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
    return out_frames


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory,
              extractor: Extractor) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("ref") / "ref.sqlite"
    stats = run_extract([str(corpus)], out=str(out), extractor=extractor)
    assert stats.ok == SHARDS * PER_SHARD
    return read_all(out)


# after one write with more pending; after a shard boundary (partitioned: shard 0 published)
@pytest.mark.parametrize("kill_after", [WRITE_EVERY + 3, PER_SHARD * 2 + 3])
@pytest.mark.parametrize("out_name", ["out.duckdb", "out.sqlite", "postgres", "parts"])
def test_killed_run_resumes_to_exactly_the_uninterrupted_rows(
    corpus: Path, reference: dict[str, pd.DataFrame], extractor: Extractor, tmp_path: Path,
    out_name: str, kill_after: int, request: pytest.FixtureRequest,
) -> None:
    out: Path | str = tmp_path / out_name
    if out_name == "postgres":
        import psycopg

        out = request.getfixturevalue("pg_database")
        with psycopg.connect(out, autocommit=True) as conn:
            conn.execute("DROP TABLE IF EXISTS claims, entities, documents, errors, "
                         "newsclaims_meta")
    argv = [sys.executable, "-c", KILLER, str(corpus), str(out), str(kill_after),
            str(WRITE_EVERY)]
    killed = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    stats = run_extract([str(corpus)], out=str(out), partitioned=out_name == "parts",
                        extractor=extractor)
    assert stats.ok + stats.skipped == SHARDS * PER_SHARD
    if out_name == "parts":  # whole shards were published, the open one was lost
        assert stats.skipped % PER_SHARD == 0 and stats.skipped < kill_after
    else:  # every full write was committed, the pending documents were lost
        assert stats.skipped == WRITE_EVERY * ((kill_after - 1) // WRITE_EVERY) > 0
    if isinstance(out, Path) and out_name == "parts":  # the killed run's temp files are gone
        assert not list(out.rglob("*.tmp"))
    got = read_all(out)
    for table, expected in reference.items():
        if table == "errors" and expected.empty:
            assert got[table].empty
            continue
        pd.testing.assert_frame_equal(got[table], expected, obj=table)
