"""Rows for the writer tests, and the databases they write to.

PostgreSQL gets a fresh database per test session (so per xdist worker), dropped at the
end; each test starts from no tables. Without a server the PostgreSQL cases skip.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """URL of a fresh PostgreSQL database for this session (worker)."""
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL not reachable on 127.0.0.1:5432: {exc}")
    name = f"nc_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f"CREATE DATABASE {name}")
        try:
            yield f"postgresql://postgres@127.0.0.1:5432/{name}"
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


Fetch = Callable[[str], list[dict[str, Any]]]


def _fetch_with(connect: Callable[[], Any]) -> Fetch:
    def fetch(sql: str) -> list[dict[str, Any]]:
        conn = connect()
        try:
            cur = conn.cursor()
            cur.execute(sql)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        finally:
            conn.close()

    return fetch


@pytest.fixture(params=["duckdb", "sqlite", "postgres"])
def database(request: pytest.FixtureRequest, tmp_path: Any) -> tuple[str, Fetch]:
    """(OUT for open_sink, fetch(sql) -> rows as dicts) for each database kind."""
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
        conn.execute("DROP TABLE IF EXISTS claims, entities, documents, errors")
    return url, _fetch_with(lambda: psycopg.connect(url))
