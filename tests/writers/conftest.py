"""The databases the writer tests write to (PostgreSQL's is ``pg_database`` in the
top conftest); each test starts from no tables. Without a server the PostgreSQL cases
skip."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

Fetch = Callable[[str], list[dict[str, Any]]]


def _fetch_with(connect: Callable[[], Any]) -> Fetch:
    def fetch(sql: str) -> list[dict[str, Any]]:
        conn = connect()
        try:
            cur = conn.cursor()
            cur.execute(sql)
            rows = cur.fetchall() if cur.description else []  # DDL and DML give none
            conn.commit()
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, r, strict=True)) for r in rows]
        finally:
            conn.close()

    return fetch


@pytest.fixture(params=["duckdb", "sqlite", "postgres"])
def database(request: pytest.FixtureRequest, tmp_path: Any) -> tuple[str, Fetch]:
    """(OUT for open_sink, fetch(sql) -> rows as dicts, committed) for each database kind."""
    if request.param == "duckdb":
        import duckdb

        path = str(tmp_path / "out.duckdb")
        return path, _fetch_with(lambda: duckdb.connect(path))
    if request.param == "sqlite":
        path = str(tmp_path / "out.sqlite")
        return path, _fetch_with(lambda: sqlite3.connect(path))
    import psycopg

    url = request.getfixturevalue("pg_database")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS claims, entities, documents, errors, newsclaims_meta")
    return url, _fetch_with(lambda: psycopg.connect(url))
