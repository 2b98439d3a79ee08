"""DuckDB, SQLite and PostgreSQL: one sink, parameterised by a small ``Dialect``.

Each ``write`` is one transaction: delete the batch's documents from all four tables,
then insert their rows, so re-running a document replaces its rows. Values always
travel as parameters (or, for DuckDB, as an Arrow table), never inside the SQL text.

The database may hold tables of its owner: newsclaims only writes to tables it made.
Those are marked by a ``newsclaims_meta`` table beside them; a table without the mark is
ours only if it is an older newsclaims table (every column of the first release, none
foreign), which is then marked. A foreign table of one of our names is refused, never
altered; ``--table-prefix`` names ours apart. Columns the schema gained since a
database was made are added (nullable).

Writers may share a PostgreSQL database: table creation is serialised by an advisory
lock and each write transaction locks the documents table first, so two runs over the
same documents wait for each other instead of colliding on a primary key.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pipeline import __version__
from pipeline.errors import BadOutput, OutputFailed
from pipeline.schema import _SQL_TYPES, ADDED_COLUMNS, TABLES, ddl
from pipeline.writers.base import (
    WRITE_ORDER,
    Batch,
    DoneKey,
    Row,
    Sink,
    batch_keys,
    conform_batch,
    to_arrow,
)

META = "newsclaims_meta"
PREFIX = re.compile(r"[a-z_][a-z0-9_]*")


def _connect_duckdb(target: str) -> Any:
    import duckdb

    return duckdb.connect(target)


def _connect_sqlite(target: str) -> Any:
    import sqlite3

    # Autocommit: transactions are the explicit BEGIN/COMMIT of SqlSink.write.
    return sqlite3.connect(target, isolation_level=None, timeout=60, check_same_thread=False)


def _connect_postgres(target: str) -> Any:
    import psycopg

    return psycopg.connect(target, autocommit=True)


def _driver_errors(dialect: str) -> tuple[type[BaseException], ...]:
    """What the dialect's driver raises when the database or the disk fails."""
    if dialect == "duckdb":
        import duckdb

        return (duckdb.Error, OSError)
    if dialect == "sqlite":
        import sqlite3

        return (sqlite3.Error, OSError)
    import psycopg

    return (psycopg.Error, OSError)


def _insert_executemany(dialect: Dialect, cur: Any, table: str, name: str,
                        rows: list[Row]) -> None:
    cols = [c.name for c in TABLES[table]]
    marks = ", ".join([dialect.param] * len(cols))
    stamp = dialect.timestamp
    cur.executemany(
        f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({marks})",
        [tuple(stamp(v) if isinstance(v, dt.datetime) else v for v in r.values()) for r in rows],
    )


def _insert_arrow(dialect: Dialect, cur: Any, table: str, name: str, rows: list[Row]) -> None:
    """DuckDB's executemany runs row by row (~3k rows/s); an Arrow scan is ~100x faster."""
    cols = ", ".join(c.name for c in TABLES[table])
    cur.register("nc_batch", to_arrow(table, rows, tz=None))  # TIMESTAMP = naive UTC
    try:
        cur.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM nc_batch")
    finally:
        with contextlib.suppress(Exception):  # never hide the insert's own error
            cur.unregister("nc_batch")


@dataclass(frozen=True)
class Dialect:
    name: str  # the key of schema.ddl
    label: str
    connect: Callable[[str], Any]  # -> DB-API connection in autocommit mode
    param: str  # placeholder
    id_list: str  # SQL subquery giving the rows of one list parameter
    encode_list: Callable[[list[str]], Any]
    timestamp: Callable[[dt.datetime], Any]  # an aware UTC datetime -> what the driver stores
    columns: str  # SQL listing a table's columns (one parameter: the table name)
    begin: str = "BEGIN"
    insert: Callable[[Dialect, Any, str, str, list[Row]], None] = _insert_executemany
    # Whether one process holds the database (DuckDB locks its file): the sink may then
    # remember which doc_ids are stored and skip deleting the rows of new ones.
    exclusive: bool = False


DIALECTS: dict[str, Dialect] = {
    "duckdb": Dialect(
        name="duckdb",
        label="DuckDB",
        connect=_connect_duckdb,
        param="?",
        id_list="SELECT unnest(?::VARCHAR[])",
        encode_list=list,
        timestamp=lambda t: t.replace(tzinfo=None),  # TIMESTAMP holds naive UTC
        columns="SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = ?",
        insert=_insert_arrow,
        exclusive=True,
    ),
    "sqlite": Dialect(
        name="sqlite",
        label="SQLite",
        connect=_connect_sqlite,
        param="?",
        id_list="SELECT value FROM json_each(?)",
        encode_list=json.dumps,
        timestamp=lambda t: t.isoformat(),  # TEXT, ISO 8601 with +00:00
        columns="SELECT name FROM pragma_table_info(?)",
        # take the write lock at once: a deferred transaction that upgrades later fails
        # with "database is locked" when another writer got there first
        begin="BEGIN IMMEDIATE",
    ),
    "postgres": Dialect(
        name="postgres",
        label="PostgreSQL",
        connect=_connect_postgres,
        param="%s",
        id_list="SELECT unnest(%s::text[])",
        encode_list=list,
        timestamp=lambda t: t,  # TIMESTAMPTZ
        columns="SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = %s",
    ),
}


def _secrets(target: str) -> list[str]:
    parts = urlsplit(target)
    found = [parts.password] if parts.password else []
    found += [v for k, v in parse_qsl(parts.query) if k.lower() == "password" and v]
    return found


def redact(target: str) -> str:
    """A target fit for messages: a URL's password (``user:pw@`` or ``?password=``)
    replaced by ***."""
    parts = urlsplit(target)
    if parts.password is not None:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1))
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(k.lower() == "password" for k, _ in query):
        safe = [(k, "***" if k.lower() == "password" else v) for k, v in query]
        parts = parts._replace(query=urlencode(safe, safe="*"))
    return urlunsplit(parts)


class SqlSink(Sink):
    def __init__(self, dialect: str, target: str, table_prefix: str = "") -> None:
        self.dialect = DIALECTS[dialect]
        self.target = target
        self.prefix = table_prefix
        self._conn: Any = None
        self._cur: Any = None
        self._stored: set[str] | None = None  # exclusive dialects: every doc_id in the tables

    def __reduce__(self) -> tuple[Callable[..., Sink], tuple[Any, ...]]:
        return (type(self), (self.dialect.name, self.target, self.prefix))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.dialect.name!r}, {redact(self.target)!r})"

    def name(self, table: str) -> str:
        return self.prefix + table

    def _message(self, exc: BaseException) -> str:
        """The driver's message, one line, without any password of the target."""
        text = " ".join(str(exc).split()) or type(exc).__name__
        for secret in _secrets(self.target):
            text = text.replace(secret, "***")
        return text

    @contextlib.contextmanager
    def _failing_as(self, error: type[BadOutput | OutputFailed], what: str) -> Iterator[None]:
        try:
            yield
        except _driver_errors(self.dialect.name) as exc:
            raise error(f"{what} {self.dialect.label} database {redact(self.target)}: "
                        f"{self._message(exc)}") from None

    @property
    def cursor(self) -> Any:
        """The one cursor, opened (and the tables checked and created) on first use."""
        if self._cur is None:
            try:
                with self._failing_as(BadOutput, "cannot use"):
                    self._conn = self.dialect.connect(self.target)
                    self._cur = self._conn.cursor()
                    self._transaction(self._create_tables)
                    if self.dialect.exclusive:
                        self._stored = self._stored_ids()
            except BaseException:
                self.close()
                raise
        return self._cur

    def _transaction(self, body: Callable[[], None]) -> None:
        cur = self._cur
        cur.execute(self.dialect.begin)
        try:
            body()
            cur.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                cur.execute("ROLLBACK")
            raise

    def _stored_ids(self) -> set[str]:
        union = " UNION ".join(f"SELECT DISTINCT doc_id FROM {self.name(t)}" for t in TABLES)
        self._cur.execute(f"SELECT doc_id FROM ({union}) WHERE doc_id IS NOT NULL")
        return {row[0] for row in self._cur.fetchall()}

    def _columns(self, name: str) -> set[str]:
        self._cur.execute(self.dialect.columns, (name,))
        return {row[0].lower() for row in self._cur.fetchall()}

    def _create_tables(self) -> None:
        """Check that every existing table of our names is ours, then create what is
        missing, add new columns and mark the tables ours; all or nothing."""
        cur, d = self._cur, self.dialect
        if d.name == "postgres":  # two runs starting on a fresh database take turns
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))",
                        (f"newsclaims:{self.prefix}",))
        marked = bool(self._columns(self.name(META)))
        have = {table: self._columns(self.name(table)) for table in TABLES}
        for table, columns in have.items():
            if columns and not marked:
                self._check_ours(table, columns)
        for statement in ddl(d.name, self.prefix).split(";\n"):
            if statement.strip():
                cur.execute(statement)
        types = _SQL_TYPES[d.name]
        for table, cols in TABLES.items():
            for col in (c for c in cols if have[table] and c.name not in have[table]):
                cur.execute(f"ALTER TABLE {self.name(table)} ADD COLUMN {col.name} "
                            f"{types[col.type]}")
        if not marked:
            cur.execute(f"CREATE TABLE IF NOT EXISTS {self.name(META)} "
                        "(key VARCHAR PRIMARY KEY, value VARCHAR)")
            cur.execute(f"INSERT INTO {self.name(META)} (key, value) VALUES "
                        f"({d.param}, {d.param}) ON CONFLICT DO NOTHING",
                        ("created_by", f"newsclaims {__version__}"))

    def _check_ours(self, table: str, columns: set[str]) -> None:
        ours = {c.name for c in TABLES[table]}
        foreign = sorted(columns - ours)
        lacking = sorted(ours - ADDED_COLUMNS[table] - columns)
        if foreign or lacking:
            odd = f"columns {', '.join(foreign)} are not ours" if foreign else \
                f"it lacks {', '.join(lacking)}"
            raise BadOutput(
                f"{self.dialect.label} database {redact(self.target)} already has a table "
                f"{self.name(table)} that newsclaims did not make ({odd}); it is left as it "
                "is. Write beside it with --table-prefix (e.g. --table-prefix nc_) or use "
                "another database")

    def write(self, rows: Batch) -> None:
        tables = conform_batch(rows)
        doc_ids, error_keys = batch_keys(tables)
        if not any(tables.values()):
            return
        cur = self.cursor
        with self._failing_as(OutputFailed, "writing to"):
            self._transaction(lambda: self._replace(cur, tables, doc_ids, error_keys))
        if self._stored is not None:
            self._stored |= doc_ids

    def _replace(self, cur: Any, tables: dict[str, list[Row]], doc_ids: set[str],
                 error_keys: set[tuple[str | None, int | None]]) -> None:
        d = self.dialect
        if d.name == "postgres":  # concurrent writers over the same documents take turns
            cur.execute(f"LOCK TABLE {self.name('documents')} IN SHARE ROW EXCLUSIVE MODE")
        if self._stored is not None:  # a new document has no rows to delete
            doc_ids = doc_ids & self._stored
        if doc_ids:
            ids = d.encode_list(sorted(doc_ids))
            for table in TABLES:
                cur.execute(f"DELETE FROM {self.name(table)} WHERE doc_id IN ({d.id_list})",
                            (ids,))
        if error_keys:
            cur.executemany(
                f"DELETE FROM {self.name('errors')} WHERE doc_id IS NULL "
                f"AND source = {d.param} AND COALESCE(line, -1) = {d.param}",
                [(source, -1 if line is None else line) for source, line in error_keys],
            )
        for table in WRITE_ORDER:
            if tables[table]:
                d.insert(d, cur, table, self.name(table), tables[table])

    def done_keys(self) -> set[DoneKey]:
        cur = self.cursor
        with self._failing_as(OutputFailed, "reading from"):
            cur.execute(
                "SELECT doc_id, content_sha256, pipeline_fingerprint FROM "
                f"{self.name('documents')} WHERE status = {self.dialect.param}",
                ("ok",),
            )
            return {tuple(r) for r in cur.fetchall()}

    def close(self) -> None:
        for handle in (self._cur, self._conn):
            if handle is not None:
                with contextlib.suppress(Exception):
                    handle.close()
        self._conn = self._cur = None
        self._stored = None
