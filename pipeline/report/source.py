"""Read back anything ``newsclaims extract`` wrote, as pandas DataFrames.

The layouts are the writers' (``pipeline.writers``): a DuckDB or SQLite file or a
PostgreSQL URL holding the four tables, or a folder with ``<table>.<ext>`` files or,
partitioned, ``<table>/*.<ext>`` files (Parquet, JSONL or CSV). Table and column names
come from ``pipeline.schema``; columns an older output lacks read as nulls. Every
backend answers the same two questions through SQL: a table's columns, and its rows
(optionally for some documents only, so that a large corpus never loads every text).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.errors import InputNotFound, UnsupportedInput
from pipeline.schema import TABLE_NAMES, TABLES
from pipeline.writers.factory import DB_SUFFIXES, FILE_FORMATS, POSTGRES_SCHEMES
from pipeline.writers.sql import DIALECTS, redact

IDS_PER_QUERY = 500  # doc_ids per IN (...) list: well under SQLite's parameter limit
REQUIRED = ("documents", "claims")  # an output without these is not newsclaims output

# DuckDB table functions reading a list of files of each folder format. JSON gets the
# schema's columns (keys a row lacks read as NULL); CSV is read as text, typed below.
_DUCK_TYPES = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "timestamp": "VARCHAR"}


def _json_columns(table: str) -> str:
    cols = ", ".join(f"'{c.name}': '{_DUCK_TYPES[c.type]}'" for c in TABLES[table])
    return f"format='newline_delimited', columns={{{cols}}}"


_FILE_READERS: dict[str, Callable[[str, str], str]] = {
    "parquet": lambda files, table: f"read_parquet({files}, union_by_name=true)",
    "jsonl": lambda files, table: f"read_json({files}, {_json_columns(table)})",
    "csv": lambda files, table: f"read_csv({files}, header=true, all_varchar=true, "
                                "union_by_name=true)",
}


@dataclass(frozen=True)
class Tables:
    """The four tables (``documents`` without its text column: see ``OutputReader.texts``)."""

    claims: pd.DataFrame
    entities: pd.DataFrame
    documents: pd.DataFrame
    errors: pd.DataFrame


class OutputReader:
    """SQL over one output: ``from_clause(table)`` names where a table's rows are, or None
    when the output has no such table. ``param`` is the connection's placeholder."""

    def __init__(self, name: str, connection: Any, param: str,
                 from_clause: Callable[[str], str | None]) -> None:
        self.name = name
        self._conn = connection
        self._param = param
        self._from = from_clause

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._conn.close()

    def __enter__(self) -> OutputReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        cur = self._conn.cursor()
        try:
            cur.execute(sql, tuple(params))
            if hasattr(cur, "fetch_df"):  # DuckDB: columnar, no Python tuple per row
                return cur.fetch_df()
            names = [d[0].lower() for d in cur.description]
            return pd.DataFrame.from_records(cur.fetchall(), columns=names)
        finally:
            with contextlib.suppress(Exception):
                cur.close()

    def columns(self, table: str) -> list[str] | None:
        """The schema columns the stored table has, or None when it is absent."""
        source = self._from(table)
        if source is None:
            return None
        names = {str(n).lower() for n in self._query(f"SELECT * FROM {source} LIMIT 0").columns}
        return [c.name for c in TABLES[table] if c.name in names]

    def read(self, table: str, columns: Sequence[str] | None = None,
             doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
        """Rows of ``table`` with ``columns`` (default: all the schema's), typed as the
        schema says; only those of ``doc_ids`` when given. An absent table is empty."""
        wanted = list(columns or (c.name for c in TABLES[table]))
        have = set(self.columns(table) or ())
        present = [c for c in wanted if c in have]
        frames = []
        if present:
            select = f"SELECT {', '.join(present)} FROM {self._from(table)}"
            if doc_ids is None:
                frames.append(self._query(select))
            else:
                ids = sorted(set(doc_ids))
                for i in range(0, len(ids), IDS_PER_QUERY):
                    chunk = ids[i:i + IDS_PER_QUERY]
                    marks = ", ".join([self._param] * len(chunk))
                    frames.append(self._query(f"{select} WHERE doc_id IN ({marks})", chunk))
        frame = (pd.concat(frames, ignore_index=True) if len(frames) > 1 else
                 frames[0] if frames else pd.DataFrame(columns=present))
        frame.columns = [str(c).lower() for c in frame.columns]
        for name in wanted:
            if name not in frame:
                frame[name] = None
        return _typed(frame[wanted], table)

    def tables(self, columns: Mapping[str, Sequence[str]] | None = None) -> Tables:
        """The four tables, with ``columns[table]`` where given, else every column but
        the documents' text (read it with ``texts`` for the documents that need it)."""
        for table in REQUIRED:
            if self.columns(table) is None:
                raise UnsupportedInput(f"{self.name} holds no newsclaims output (no {table} "
                                       "table); give what `newsclaims extract -o` wrote")
        wanted = {"documents": [c.name for c in TABLES["documents"] if c.name != "text"],
                  **(columns or {})}
        return Tables(**{table: self.read(table, wanted.get(table)) for table in TABLE_NAMES})

    def texts(self, doc_ids: Iterable[str]) -> dict[str, str | None]:
        """doc_id -> the text as ingested (None where it was not stored)."""
        frame = self.read("documents", ["doc_id", "text"], doc_ids)
        return {d: t if isinstance(t, str) else None
                for d, t in zip(frame["doc_id"], frame["text"], strict=True)}


def _typed(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Numbers as the schema types them, whatever the backend gave (CSV gives text, an
    all-null column objects). Text columns stay as read: missing is None or NaN."""
    types = {c.name: c.type for c in TABLES[table]}
    for name in frame.columns:
        if types[name] == "int":
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("Int64")
        elif types[name] == "float":
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
    return frame


def open_output(src: str, *, table_prefix: str = "") -> OutputReader:
    """The reader for SRC: a ``.duckdb``/``.sqlite`` file, a ``postgresql://`` URL or an
    output folder. ``table_prefix`` is put before every table (and folder file) name."""
    if src.lower().startswith(POSTGRES_SCHEMES):
        return _sql_reader("postgres", src, src, table_prefix)
    path = Path(src).expanduser()
    if not path.exists():
        raise InputNotFound(f"report source {src} does not exist")
    dialect = DB_SUFFIXES.get(path.suffix.lower())
    if dialect is not None and path.is_file():
        return _sql_reader(dialect, str(path.resolve()), src, table_prefix)
    if path.is_dir():
        return _folder_reader(path, table_prefix)
    raise UnsupportedInput(f"report source {src} is neither an output folder, a .duckdb or "
                           ".sqlite file, nor a postgresql:// URL")


def _sql_reader(dialect: str, target: str, name: str, prefix: str) -> OutputReader:
    d = DIALECTS[dialect]
    try:
        conn = _connect_read_only(dialect, target)
        cur = conn.cursor()
        if dialect == "postgres":
            cur.execute("SELECT table_name FROM information_schema.tables "
                        "WHERE table_schema = ANY(current_schemas(false))")
        elif dialect == "sqlite":
            cur.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        else:
            cur.execute("SELECT table_name FROM information_schema.tables")
        stored = {r[0].lower() for r in cur.fetchall()}
        cur.close()
    except Exception as exc:
        raise UnsupportedInput(f"cannot read {d.label} database {redact(name)}: {exc}") from exc
    return OutputReader(redact(name), conn, d.param,
                        lambda t: f"{prefix}{t}" if f"{prefix}{t}".lower() in stored else None)


def _connect_read_only(dialect: str, target: str) -> Any:
    """Read-only where the driver allows it: a report never changes its source."""
    if dialect == "duckdb":
        import duckdb

        return duckdb.connect(target, read_only=True)
    if dialect == "sqlite":
        import sqlite3

        return sqlite3.connect(Path(target).as_uri() + "?mode=ro", uri=True)
    return DIALECTS[dialect].connect(target)


def table_files(folder: Path, table: str) -> tuple[str, list[Path]] | None:
    """The format and files of one table in an output folder: ``<table>.<ext>``, else the
    visible files of ``<table>/`` (partitioned). Temp files (``.*.tmp``) are never read."""
    for ext in FILE_FORMATS:
        single = folder / f"{table}.{ext}"
        if single.is_file():
            return ext, [single]
        parts = folder / table
        shards = sorted(p for p in parts.glob(f"*.{ext}")
                        if p.is_file() and not p.name.startswith(".")) if parts.is_dir() else []
        if shards:
            return ext, shards
    return None


def _folder_reader(folder: Path, prefix: str) -> OutputReader:
    import duckdb

    sources: dict[str, str] = {}
    for table in TABLE_NAMES:
        found = table_files(folder, f"{prefix}{table}")
        if found:
            ext, files = found
            listed = "[" + ", ".join("'" + str(f).replace("'", "''") + "'" for f in files) + "]"
            sources[table] = _FILE_READERS[ext](listed, table)
    return OutputReader(str(folder), duckdb.connect(), "?", sources.get)
